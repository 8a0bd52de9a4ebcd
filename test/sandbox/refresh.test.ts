import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningSandbox } from "../../src/sandbox/index.js";
import { SandboxClient, connectionOf, dv, dwRoot, entities, fo, prepareCustomersMap, removeDir, runAction, start, tempDir, values } from "./helpers.js";

describe("sandbox database copies and reset link", () => {
  const dir = tempDir();
  let sandbox: RunningSandbox;
  let client: SandboxClient;
  let prodOrg: string;
  let stageOrg: string;
  beforeAll(async () => {
    sandbox = await start(dir);
    client = new SandboxClient(sandbox);
    const ids = await prepareCustomersMap(client, "prod");
    expect((await runAction(client, "1", ids, { skipInitialSync: true })).map["state"]).toBe("4");
    prodOrg = String((await client.call("GET", dv("prod", "WhoAmI"))).json["OrganizationId"]);
    stageOrg = String((await client.call("GET", dv("stage", "WhoAmI"))).json["OrganizationId"]);
  });
  afterAll(async () => {
    await sandbox.stop();
    removeDir(dir);
  });

  const stageStatus = async (): Promise<Record<string, unknown> | undefined> =>
    ((await client.control("GET", "status")).json["environments"] as Record<string, unknown>[]).find((environment) => environment["name"] === "stage");
  const configs = async (environment: string): Promise<Record<string, unknown>[]> => values(await client.call("GET", fo(environment, "data/DualWriteProjectConfigurations?cross-company=true")));

  it("an LCS copy of prod's F&O database keeps no dual-write configuration; the link stays stage's", async () => {
    const before = await connectionOf(client, "stage");
    await sandbox.copyDatabase("prod", "stage", "finops", "lcs");
    expect(await configs("stage")).toEqual([]);
    expect(await stageStatus()).toMatchObject({ changeTracking: "off", businessEventEndpoints: "removed", link: { dataverseEnvironment: "stage", cid: before.cid } });
    expect(await connectionOf(client, "stage")).toEqual(before);
    expect(await entities(client, before.cid)).toEqual([]);
  });

  it("a raw copy keeps prod's DualWriteProjectConfiguration rows, naming prod's Dataverse", async () => {
    const copied = await client.control("POST", "copy-db", { from: "prod", to: "stage", side: "finops", variant: "raw" });
    expect(copied.status).toBe(200);
    const rows = await configs("stage");
    expect(rows.map((row) => row["ExternalEnvironmentUrl"])).toEqual([`${sandbox.url}/prod/dataverse`, `${sandbox.url}/prod/dataverse`]);
    expect(await stageStatus()).toMatchObject({ changeTracking: "on", link: { dataverseEnvironment: "stage" } });
  });

  it("a Dataverse copy carries prod's maps, solutions and runtime rows; record writes then fail with the SecureConfig error", async () => {
    await sandbox.copyDatabase("prod", "stage", "dataverse");
    expect((await client.call("GET", dv("stage", "WhoAmI"))).json["OrganizationId"]).toBe(stageOrg);
    expect(values(await client.call("GET", dv("stage", "msdyn_dualwriteentitymaps")))).toHaveLength(1);
    expect(values(await client.call("GET", dv("stage", "solutions?$filter=uniquename eq 'ContosoMaps'&$select=uniquename")))).toHaveLength(1);
    expect(values(await client.call("GET", dv("stage", "msdyn_dualwriteruntimeconfigs")))).toHaveLength(1);
    const refused = await client.call("POST", dv("stage", "accounts"), { accountnumber: "S-1", name: "Blocked" });
    expect(refused.status).toBe(400);
    expect(refused.json["error"]).toMatchObject({ message: `SecureConfig Organization (${prodOrg}) does not match actual CRM Organization (${stageOrg})` });
    expect((await client.call("POST", dv("stage", "contacts"), { firstname: "Unmapped" })).status).toBe(204);
  });

  it("reset link clears the runtime rows, so writes work again", async () => {
    const { cid } = await connectionOf(client, "stage");
    const set = (await client.call("GET", dwRoot(`api/ConnectionSet/${(await connectionOf(client, "stage")).cname}`))).json;
    const environments = Object.values(set["environments"] as Record<string, Record<string, unknown>>);
    const crm = environments.find((entry) => entry["targetType"] === "CRM") ?? {};
    const ax = environments.find((entry) => entry["targetType"] === "AX") ?? {};
    const entry = (source: Record<string, unknown>): Record<string, unknown> => ({ targetType: source["targetType"], name: source["name"], displayName: source["environmentDisplayName"], isDevInstance: false, directUrl: source["directUrl"] });
    const body = { powerAppsEnvironmentName: crm["powerAppsEnvironment"], environments: [{ ...entry(crm), id: crm["powerAppsEnvironment"] }, entry(ax)], legalEntities: ["USMF"] };
    expect((await client.call("POST", dwRoot(`api/ConnectionSet/${cid}/Reset?targetType=AX&forceReset=True`), { ...body, environments: [entry(ax), entry(crm)] })).status).toBe(400);
    expect((await client.call("POST", dwRoot(`api/ConnectionSet/${cid}/Reset?targetType=AX&forceReset=False`), body)).status).toBe(200);
    expect(values(await client.call("GET", dv("stage", "msdyn_dualwriteruntimeconfigs")))).toEqual([]);
    expect(await configs("stage")).toEqual([]);
    expect((await client.call("POST", dv("stage", "accounts"), { accountnumber: "S-1", name: "Allowed" })).status).toBe(204);
    expect(await stageStatus()).toMatchObject({ link: { legalEntities: ["USMF"] }, counts: { maps: 0, integrationKeys: 0, runtimeConfigurations: 0, projectConfigurations: 0 } });
  });

  it("copies both sides: LCS clears the F&O side, the Dataverse side keeps prod's runtime rows", async () => {
    await sandbox.copyDatabase("prod", "stage", "both", "lcs");
    expect(await configs("stage")).toEqual([]);
    expect(values(await client.call("GET", dv("stage", "msdyn_dualwriteruntimeconfigs")))).toHaveLength(1);
    expect(await configs("prod")).toHaveLength(2);
  });

  it("re-seeds on reset: pairs linked, no maps", async () => {
    const { cid } = await connectionOf(client, "prod");
    await sandbox.reset();
    const after = await connectionOf(client, "prod");
    expect(after.cid).not.toBe(cid);
    expect(await entities(client, after.cid)).toEqual([]);
    expect(values(await client.call("GET", dv("prod", "msdyn_dualwriteentitymaps")))).toEqual([]);
  });
});
