import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningSandbox } from "../../src/sandbox/index.js";
import { SandboxClient, connectionOf, customersMapRow, dv, dw, fo, prepareCustomersMap, removeDir, runAction, start, tempDir, values } from "./helpers.js";

const MAP_SELECT = "msdyn_dualwriteentitymaps?$select=msdyn_dualwriteentitymapid,msdyn_name,msdyn_mapping,msdyn_properties,msdyn_version,statecode";

describe("sandbox map lifecycle", () => {
  const dir = tempDir();
  let sandbox: RunningSandbox;
  let client: SandboxClient;
  let ids: { tid: string; pid: string; cid: string };
  beforeAll(async () => {
    sandbox = await start(dir, { timings: { keyPendingMs: 50, keyBuildMs: 100, mapTransitionMs: 400 } });
    client = new SandboxClient(sandbox);
  });
  afterAll(async () => {
    await sandbox.stop();
    removeDir(dir);
  });

  it("refuses to start a map whose table has no integration key", async () => {
    const saved = await client.call("POST", dv("stage", "msdyn_dualwriteentitymaps"), customersMapRow(), { prefer: "return=representation" });
    expect(saved.status).toBe(201);
    const cid = await connectionOf(client, "stage");
    const [map] = values(await client.call("GET", dw(`Entities?targetType=AX&cid=${cid}`)));
    const detail = map?.["detail"] as Record<string, string>;
    const result = await runAction(client, 1, { tid: detail["tid"] ?? "", pid: detail["pid"] ?? "", cid });
    expect(result).toMatchObject({ status: 3, state: 6 });
    expect(String(result["message"])).toContain("integration key");
  });

  it("saves a map version and shows it in Entities", async () => {
    ids = await prepareCustomersMap(client, "prod");
    const rows = values(await client.call("GET", dv("prod", MAP_SELECT)));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ msdyn_dualwriteentitymapid: ids.tid, msdyn_name: "accounts - Customers V3", msdyn_version: "1.0.0.0", statecode: 0 });
    const [map] = values(await client.call("GET", dw(`Entities?targetType=AX&cid=${ids.cid}`)));
    expect(map).toMatchObject({ detail: { pid: ids.pid, tid: ids.tid, sourceSchema: "CustomersV3", destinationSchema: "accounts" }, templates: [ids.tid], state: 6 });
  });

  it("starts a map: Initializing, then Running with its runtime rows on both sides", async () => {
    const started = await client.call("POST", dw("Start"), { action: 1, details: [{ ...ids, parameters: { skipInitialSync: false, conflictResolution: { master: "CRM", option: "1" } } }] });
    expect(started.status).toBe(202);
    const requestId = String(started.json["requestId"]);
    const waiting = await client.call("GET", dw(`Status/${requestId}`));
    expect(waiting.json).toMatchObject({ requestId, status: 1, state: 2 });
    const done = await runActionStatus(requestId);
    expect(done).toMatchObject({ status: 2, state: 4 });
    const [map] = values(await client.call("GET", dw(`Entities?targetType=AX&cid=${ids.cid}`)));
    expect(map).toMatchObject({ state: 4, lastRequest: { requestId, status: 2 } });
    const configs = values(await client.call("GET", fo("prod", "data/DualWriteProjectConfigurations?cross-company=true&$select=ProjectName,ExternalEntityName,InternalEntityName,ExternalEnvironmentUrl,Status,PartitionMap,IntegrationKey")));
    expect(configs).toHaveLength(2);
    for (const config of configs) {
      expect(config).toMatchObject({ ExternalEntityName: "account", InternalEntityName: "CustomersV3", ExternalEnvironmentUrl: `${sandbox.url}/prod/dataverse`, Status: "Running", IntegrationKey: "accountnumber,msdyn_company.cdm_companycode" });
    }
    const runtime = values(await client.call("GET", dv("prod", "msdyn_dualwriteruntimeconfigs?$select=msdyn_dualwriteruntimeconfigid,msdyn_name,msdyn_unsecure")));
    expect(runtime).toHaveLength(1);
    expect(JSON.parse(String(runtime[0]?.["msdyn_unsecure"]))).toEqual({ SourceEntityName: "account", DestinationEntityName: "CustomersV3", EntityMapVersion: { Major: 1, Minor: 0, Build: 0, Revision: 0 } });
  });

  it("refuses edits while the map runs, but parks a new version", async () => {
    const row = (await client.call("GET", dv("prod", `msdyn_dualwriteentitymaps(${ids.tid})`))).json;
    const patch = await client.call("PATCH", dv("prod", `msdyn_dualwriteentitymaps(${ids.tid})`), { msdyn_version: "1.0.0.1" }, { "if-match": String(row["@odata.etag"]) });
    expect(patch.status).toBe(400);
    expect(patch.json["error"]).toMatchObject({ code: "0x80060888", message: "Stop the table map before you edit it" });
    expect((await client.call("DELETE", dv("prod", `msdyn_dualwriteentitymaps(${ids.tid})`))).status).toBe(400);
    const parked = await client.call("POST", dv("prod", "msdyn_dualwriteentitymaps"), customersMapRow("9.9.9.9"), { prefer: "return=representation" });
    expect(parked.status).toBe(201);
    const [map] = values(await client.call("GET", dw(`Entities?targetType=AX&cid=${ids.cid}`)));
    expect(map).toMatchObject({ detail: { tid: ids.tid }, templates: [ids.tid, parked.json["msdyn_dualwriteentitymapid"]] });
    const refused = await client.call("POST", dw(`SolutionAware/${ids.cid}/SwitchActive/${String(parked.json["msdyn_dualwriteentitymapid"])}?pid=${ids.pid}`));
    expect(refused.status).toBe(400);
  });

  it("stops the map, then accepts the edit and the version switch", async () => {
    expect(await runAction(client, 4, ids)).toMatchObject({ status: 2, state: 1 });
    const configs = values(await client.call("GET", fo("prod", "data/DualWriteProjectConfigurations?cross-company=true")));
    expect(configs.map((config) => config["Status"])).toEqual(["Stopped", "Stopped"]);
    const row = (await client.call("GET", dv("prod", `msdyn_dualwriteentitymaps(${ids.tid})`))).json;
    const patch = await client.call("PATCH", dv("prod", `msdyn_dualwriteentitymaps(${ids.tid})`), { msdyn_version: "1.0.0.1" }, { "if-match": String(row["@odata.etag"]) });
    expect(patch.status).toBe(204);
    const [map] = values(await client.call("GET", dw(`Entities?targetType=AX&cid=${ids.cid}`)));
    const parked = (map?.["templates"] as string[])[1] ?? "";
    expect((await client.call("POST", dw(`SolutionAware/${ids.cid}/SwitchActive/${parked}?pid=${ids.pid}`))).status).toBe(204);
    const [after] = values(await client.call("GET", dw(`Entities?targetType=AX&cid=${ids.cid}`)));
    expect(after).toMatchObject({ detail: { tid: parked }, state: 1 });
  });

  it("pauses only running maps and reports prerequisites", async () => {
    expect(await runAction(client, 5, ids)).toMatchObject({ status: 3, state: 1 });
    const started = await runAction(client, 1, ids, { skipInitialSync: true });
    expect(started).toMatchObject({ status: 2, state: 4 });
    expect(String(started["message"])).toContain("transactioncurrency");
    const prerequisites = await client.call("POST", dw(`GetTemplatePrerequisiteSequences/${ids.cid}`), { templateIds: [ids.tid] });
    expect(prerequisites.json).toEqual({ value: [{ tid: ids.tid, prerequisites: [] }] });
  });

  async function runActionStatus(requestId: string): Promise<Record<string, unknown>> {
    for (;;) {
      const reply = await client.call("GET", dw(`Status/${requestId}`));
      if (reply.json["status"] !== 1) return reply.json;
      await new Promise((resolve) => setTimeout(resolve, 15));
    }
  }
});
