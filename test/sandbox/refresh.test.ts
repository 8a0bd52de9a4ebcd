import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningSandbox } from "../../src/sandbox/index.js";
import { SandboxClient, connectionOf, dv, dw, fo, prepareCustomersMap, removeDir, runAction, start, tempDir, values } from "./helpers.js";

describe("sandbox database refresh and reset link", () => {
  const dir = tempDir();
  let sandbox: RunningSandbox;
  let client: SandboxClient;
  let prodOrg: string;
  let stageOrg: string;
  beforeAll(async () => {
    sandbox = await start(dir);
    client = new SandboxClient(sandbox);
    const ids = await prepareCustomersMap(client, "prod");
    expect(await runAction(client, 1, ids, { skipInitialSync: true })).toMatchObject({ status: 2, state: 4 });
    prodOrg = String((await client.call("GET", dv("prod", "WhoAmI"))).json["OrganizationId"]);
    stageOrg = String((await client.call("GET", dv("stage", "WhoAmI"))).json["OrganizationId"]);
  });
  afterAll(async () => {
    await sandbox.stop();
    removeDir(dir);
  });

  const environments = async (name: string): Promise<Record<string, unknown> | undefined> =>
    values(await client.call("GET", dw(`Environments?targetType=AX&identifier=${encodeURIComponent(`${sandbox.url}/${name}/finops`)}`)))[0];

  it("starts with each F&O environment linked to its own Dataverse", async () => {
    expect(await environments("stage")).toMatchObject({ crmEnvironmentUrl: `${sandbox.url}/stage/dataverse`, crmOrganizationId: stageOrg, legalEntities: ["USMF", "USRT", "DEMF"] });
  });

  it("copy-db of prod's F&O database makes stage believe it is linked to prod's Dataverse", async () => {
    await sandbox.copyDatabase("prod", "stage", "finops");
    expect(await environments("stage")).toMatchObject({ crmEnvironmentUrl: `${sandbox.url}/prod/dataverse`, crmOrganizationId: prodOrg });
    expect((await client.call("GET", dv("stage", "WhoAmI"))).json["OrganizationId"]).toBe(stageOrg);
    const configs = values(await client.call("GET", fo("stage", "data/DualWriteProjectConfigurations?cross-company=true")));
    expect(configs).toHaveLength(2);
    expect(configs.map((config) => config["ExternalEnvironmentUrl"])).toEqual([`${sandbox.url}/prod/dataverse`, `${sandbox.url}/prod/dataverse`]);
    const cid = await connectionOf(client, "stage");
    const [map] = values(await client.call("GET", dw(`Entities?targetType=AX&cid=${cid}`)));
    expect(map).toMatchObject({ state: 4, detail: { sourceSchema: "CustomersV3" } });
  });

  it("copy-db over HTTP carries prod's Dataverse rows too", async () => {
    const copied = await client.control("POST", "copy-db", { from: "prod", to: "stage", side: "dataverse" });
    expect(copied.status).toBe(200);
    expect(values(await client.call("GET", dv("stage", "msdyn_dualwriteruntimeconfigs")))).toHaveLength(1);
    expect(values(await client.call("GET", dv("stage", "msdyn_dualwriteentitymaps")))).toHaveLength(1);
  });

  it("refuses reset link while a map runs, and cleans everything with force", async () => {
    const cid = await connectionOf(client, "stage");
    const body = { powerAppsEnvironmentName: "stage", environments: [`${sandbox.url}/stage/finops`, `${sandbox.url}/stage/dataverse`], legalEntities: ["USMF", "USRT"] };
    const refused = await client.call("POST", dw(`api/ConnectionSet/${cid}/Reset?targetType=AX&forceReset=false`), body);
    expect(refused.status).toBe(409);
    const mismatch = await client.call("POST", dw(`api/ConnectionSet/${cid}/Reset?targetType=AX&forceReset=true`), { ...body, environments: [`${sandbox.url}/stage/finops`, `${sandbox.url}/prod/dataverse`] });
    expect(mismatch.status).toBe(400);
    const accepted = await client.call("POST", dw(`api/ConnectionSet/${cid}/Reset?targetType=AX&forceReset=true`), body);
    expect(accepted.status).toBe(202);
    const requestId = String(accepted.json["requestId"]);
    for (;;) {
      const status = await client.call("GET", dw(`Status/${requestId}`));
      if (status.json["status"] !== 1) {
        expect(status.json).toMatchObject({ status: 2 });
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 15));
    }
    expect(await environments("stage")).toMatchObject({ crmEnvironmentUrl: `${sandbox.url}/stage/dataverse`, crmOrganizationId: stageOrg, legalEntities: ["USMF", "USRT"] });
    expect(values(await client.call("GET", fo("stage", "data/DualWriteProjectConfigurations?cross-company=true")))).toEqual([]);
    expect(values(await client.call("GET", dv("stage", "msdyn_dualwriteruntimeconfigs")))).toEqual([]);
    expect(values(await client.call("GET", dv("stage", "msdyn_dualwriteentitymaps")))).toEqual([]);
    const keys = await client.call("GET", dw(`api/dataset/${cid}/IntegrationKeys`));
    expect(keys.json).toEqual({ datasetName: cid, integrationKeys: {} });
    const status = await client.control("GET", "status");
    const stage = (status.json["environments"] as Record<string, unknown>[]).find((environment) => environment["name"] === "stage");
    expect(stage?.["counts"]).toMatchObject({ maps: 0, projectConfigurations: 0, projectFieldConfigurations: 0, businessEvents: 0, runtimeConfigurations: 0, integrationKeys: 0 });
    const prod = (status.json["environments"] as Record<string, unknown>[]).find((environment) => environment["name"] === "prod");
    expect(prod?.["counts"]).toMatchObject({ runningMaps: 1, projectConfigurations: 2, runtimeConfigurations: 1 });
  });

  it("keeps its state across a restart on the same data directory", async () => {
    const secret = sandbox.secret;
    await sandbox.stop();
    sandbox = await start(dir);
    client = new SandboxClient(sandbox);
    expect(sandbox.secret).toBe(secret);
    expect((await client.call("GET", dv("prod", "WhoAmI"))).json["OrganizationId"]).toBe(prodOrg);
    const cid = await connectionOf(client, "prod");
    const [map] = values(await client.call("GET", dw(`Entities?targetType=AX&cid=${cid}`)));
    expect(map).toMatchObject({ state: 4 });
    const key = await client.call("GET", dv("prod", "EntityDefinitions(LogicalName='account')/Keys(LogicalName='msdyn_accountnumber_company')"));
    expect(key.json["EntityKeyIndexStatus"]).toBe("Active");
  });

  it("re-seeds every environment on reset", async () => {
    await sandbox.reset();
    expect(values(await client.call("GET", dv("prod", "msdyn_dualwriteentitymaps")))).toEqual([]);
    expect((await client.call("GET", dv("prod", "WhoAmI"))).json["OrganizationId"]).not.toBe(prodOrg);
    expect(await environments("prod")).toMatchObject({ crmEnvironmentUrl: `${sandbox.url}/prod/dataverse` });
  });
});
