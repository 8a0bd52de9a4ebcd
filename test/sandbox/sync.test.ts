import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningSandbox } from "../../src/sandbox/index.js";
import type { MapIds } from "./helpers.js";
import { SandboxClient, dv, fo, prepareCustomersMap, removeDir, runAction, start, tempDir, values } from "./helpers.js";

async function outcome(run: ReturnType<typeof runAction>): Promise<{ request: unknown; map: unknown }> {
  const { request, map } = await run;
  return { request: request["state"], map: map["state"] };
}

describe("sandbox live sync", () => {
  const dir = tempDir();
  let sandbox: RunningSandbox;
  let client: SandboxClient;
  let ids: MapIds;
  beforeAll(async () => {
    sandbox = await start(dir);
    client = new SandboxClient(sandbox);
    ids = await prepareCustomersMap(client, "prod");
    expect(await outcome(runAction(client, "1", ids, { skipInitialSync: true }))).toEqual({ request: "2", map: "4" });
  });
  afterAll(async () => {
    await sandbox.stop();
    removeDir(dir);
  });

  const account = async (number: string): Promise<Record<string, unknown> | undefined> =>
    values(await client.call("GET", dv("prod", `accounts?$filter=accountnumber eq '${number}'`)))[0];

  it("writes a row created in F&O to Dataverse at once, through the map", async () => {
    const created = await client.call("POST", fo("prod", "data/CustomersV3"), { CustomerAccount: "C-1", OrganizationName: "Contoso", CreditLimitIsMandatory: "Yes", SalesCurrencyCode: "USD", CustomerGroupId: "10" });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ dataAreaId: "usmf", CustomerAccount: "C-1" });
    const companies = values(await client.call("GET", dv("prod", "cdm_companies?$filter=cdm_companycode eq 'USMF'")));
    const currencies = values(await client.call("GET", dv("prod", "transactioncurrencies?$filter=isocurrencycode eq 'USD'")));
    expect(await account("C-1")).toMatchObject({
      accountnumber: "C-1",
      name: "Contoso",
      msdyn_creditlimitismandatory: "True",
      customertypecode: 3,
      _msdyn_company_value: companies[0]?.["cdm_companyid"],
      _transactioncurrencyid_value: currencies[0]?.["transactioncurrencyid"],
    });
  });

  it("writes a row created in Dataverse to F&O, with value maps inverted and defaults", async () => {
    const [company] = values(await client.call("GET", dv("prod", "cdm_companies?$filter=cdm_companycode eq 'USRT'")));
    const created = await client.call("POST", dv("prod", "accounts"), {
      accountnumber: "C-2",
      name: "Fabrikam",
      msdyn_creditlimitismandatory: "False",
      "msdyn_company@odata.bind": `/cdm_companies(${String(company?.["cdm_companyid"])})`,
    });
    expect(created.status).toBe(204);
    const row = await client.call("GET", fo("prod", "data/CustomersV3(dataAreaId='usrt',CustomerAccount='C-2')"));
    expect(row.status).toBe(200);
    expect(row.json).toMatchObject({ dataAreaId: "usrt", CustomerAccount: "C-2", OrganizationName: "Fabrikam", CreditLimitIsMandatory: "no", LanguageId: "en-us" });
    expect(values(await client.call("GET", fo("prod", "data/CustomersV3")))).toHaveLength(1);
    expect(values(await client.call("GET", fo("prod", "data/CustomersV3?cross-company=true")))).toHaveLength(2);
  });

  it("fails the originating write when the sync cannot locate the row", async () => {
    const refused = await client.call("POST", dv("prod", "accounts"), { name: "No number" });
    expect(refused.status).toBe(400);
    expect(values(await client.call("GET", dv("prod", "accounts?$filter=name eq 'No number'")))).toEqual([]);
  });

  it("queues changes while paused and replays A -> B -> C in order on resume", async () => {
    expect(await outcome(runAction(client, "5", ids))).toEqual({ request: "2", map: "5" });
    const before = await account("C-1");
    for (const name of ["A", "B", "C"]) {
      const reply = await client.call("PATCH", fo("prod", "data/CustomersV3(dataAreaId='usmf',CustomerAccount='C-1')"), { OrganizationName: name });
      expect(reply.status).toBe(204);
    }
    expect(await account("C-1")).toMatchObject({ name: "Contoso", "@odata.etag": before?.["@odata.etag"] });
    const status = await client.control("GET", "status");
    const prod = (status.json["environments"] as Record<string, unknown>[]).find((environment) => environment["name"] === "prod");
    expect(prod?.["counts"]).toMatchObject({ queuedChanges: 3 });
    const logBefore = values(await client.control("GET", "sync-log")).length;
    expect(await outcome(runAction(client, "6", ids))).toEqual({ request: "2", map: "4" });
    expect(await account("C-1")).toMatchObject({ name: "C" });
    const replayed = values(await client.control("GET", "sync-log")).slice(logBefore);
    expect(replayed.map((entry) => [entry["replayed"], (entry["values"] as Record<string, unknown>)["name"]])).toEqual([
      [true, "A"],
      [true, "B"],
      [true, "C"],
    ]);
  });

  it("does not sync while the map is stopped", async () => {
    expect(await outcome(runAction(client, "4", ids))).toEqual({ request: "2", map: "1" });
    expect((await client.call("POST", fo("prod", "data/CustomersV3"), { CustomerAccount: "C-3", OrganizationName: "Quiet" })).status).toBe(201);
    expect(await account("C-3")).toBeUndefined();
  });

  it("copies existing rows with an initial sync when the map starts", async () => {
    expect(await outcome(runAction(client, "1", ids, { conflictResolution: { master: "AX", option: "1" } }))).toEqual({ request: "2", map: "4" });
    expect(await account("C-3")).toMatchObject({ name: "Quiet" });
  });
});
