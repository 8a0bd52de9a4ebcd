import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningSandbox } from "../../src/sandbox/index.js";
import type { MapIds } from "./helpers.js";
import { SandboxClient, arrayOf, customersMapRow, detailOf, dv, dw, entities, fo, prepareCustomersMap, removeDir, runAction, start, tempDir, values, waitFor } from "./helpers.js";

describe("sandbox map lifecycle", () => {
  const dir = tempDir();
  let sandbox: RunningSandbox;
  let client: SandboxClient;
  let ids: MapIds;
  beforeAll(async () => {
    sandbox = await start(dir, { timings: { keyPendingMs: 20, keyBuildMs: 40, mapTransitionMs: 300 } });
    client = new SandboxClient(sandbox);
    ids = await prepareCustomersMap(client, "prod");
  });
  afterAll(async () => {
    await sandbox.stop();
    removeDir(dir);
  });

  it("starts without initial sync: the request waits, then 1 -> 4", async () => {
    const started = await client.call("POST", dw("Start"), { action: "1", details: [{ tid: ids.tid, pid: ids.pid, cid: ids.cid, parameters: { skipInitialSync: true } }] });
    const requestId = String(started.json["requestId"]);
    const waiting = arrayOf(await client.call("GET", dw(`Status/${requestId}`)));
    expect(detailOf(waiting[0])).toMatchObject({ state: "1", lastRequest: { requestId, state: "1" } });
    const done = await waitFor(
      () => client.call("GET", dw(`Status/${requestId}`)),
      (reply) => detailOf(arrayOf(reply)[0])["state"] === "4",
    );
    expect(detailOf(arrayOf(done)[0])).toMatchObject({ state: "4", lastRequest: { requestId, state: "2" } });
    const configs = values(await client.call("GET", fo("prod", "data/DualWriteProjectConfigurations?cross-company=true")));
    expect(configs.map((config) => config["Status"])).toEqual(["Running", "Running"]);
  });

  it("accepts an edit of a running map's row; the map keeps running the definition it started with", async () => {
    const [row] = values(await client.call("GET", dv("prod", "msdyn_dualwriteentitymaps?$select=msdyn_dualwriteentitymapid")));
    const patch = await client.call("PATCH", dv("prod", `msdyn_dualwriteentitymaps(${String(row?.["msdyn_dualwriteentitymapid"])})`), customersMapRow("1.0.0.1", []));
    expect(patch.status).toBe(204);
    expect(detailOf((await entities(client, ids.cid))[0])["state"]).toBe("4");
    const created = await client.call("POST", fo("prod", "data/CustomersV3"), { CustomerAccount: "L-1", OrganizationName: "Still synced", SalesCurrencyCode: "USD", CustomerGroupId: "10" });
    expect(created.status).toBe(201);
    expect(values(await client.call("GET", dv("prod", "accounts?$filter=accountnumber eq 'L-1'")))).toHaveLength(1);
  });

  it("pauses 4 -> 5, refuses a start while paused, and resumes discarding the queue", async () => {
    expect((await runAction(client, "5", ids)).map["state"]).toBe("5");
    const refused = await runAction(client, "1", ids, { skipInitialSync: true });
    expect(refused.request).toMatchObject({ state: "3" });
    expect(String(refused.request["errorMessage"])).toContain("paused");
    expect((await client.call("PATCH", fo("prod", "data/CustomersV3(dataAreaId='usmf',CustomerAccount='L-1')"), { OrganizationName: "Queued" })).status).toBe(204);
    const resumed = await runAction(client, "6", ids, { dualWriteSkipCatchUpSyncParameters: { skipCatchUpSyncPreserveData: false } });
    expect(resumed.map["state"]).toBe("4");
    expect(values(await client.call("GET", dv("prod", "accounts?$filter=accountnumber eq 'L-1'")))[0]).toMatchObject({ name: "Still synced" });
  });

  it("refuses a version switch while the map runs, and a template that is not the map's", async () => {
    const running = await client.call("POST", dw(`SolutionAware/${ids.cid}/SwitchActive/${ids.tid}?pid=${ids.pid}`), ids.tid);
    expect(running.status).toBe(400);
    expect((await runAction(client, "4", ids)).map["state"]).toBe("1");
    const other = await client.call("POST", dw(`SolutionAware/${ids.cid}/SwitchActive/00000000-0000-0000-0000-000000000001?pid=${ids.pid}`), "00000000-0000-0000-0000-000000000001");
    expect(other.status).toBe(400);
    expect((await client.call("POST", dw(`SolutionAware/${ids.cid}/SwitchActive/${ids.tid}?pid=${ids.pid}`), ids.tid)).status).toBe(204);
  });

  it("never lists an empty map list for a linked pair with maps, and logs every write", async () => {
    expect(await entities(client, ids.cid)).toHaveLength(1);
    const log = values(await client.control("GET", "requests?env=prod"));
    expect(log.filter((entry) => entry["action"] === "1" && entry["initialSync"] === true)).toEqual([]);
    expect(log.map((entry) => entry["action"]).filter((action) => action !== undefined)).toEqual(["2", "8", "1", "5", "1", "6", "4"]);
    expect(log.some((entry) => entry["method"] === "PATCH" && String(entry["path"]).includes("msdyn_dualwriteentitymaps"))).toBe(true);
  });
});
