import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DataverseClient } from "../../src/live/dataverse/dataverse-client.js";
import { RecordStore } from "../../src/live/dataverse/records.js";
import { GatewayRefusedError, RecordConflictError } from "../../src/live/gateway.js";
import { HttpClient, PreconditionFailedError } from "../../src/live/http/index.js";
import { sendJson } from "./http/test-server.js";
import { FAST_HTTP, FakeEstate, StaticCredential } from "./fake-estate.js";

let estate: FakeEstate;
let client: DataverseClient;
let records: RecordStore;

beforeEach(async () => {
  estate = await new FakeEstate().start();
  const http = new HttpClient({
    ...FAST_HTTP,
    baseUrl: `${estate.dataverseUrl}/api/data/v9.2/`,
    credential: new StaticCredential(),
    scope: `${estate.dataverseUrl}/.default`,
  });
  client = new DataverseClient(http);
  records = new RecordStore(http);
});

afterEach(async () => {
  await estate.stop();
});

const ROW = { msdyn_name: "accounts - Customers V3", msdyn_mapping: "{}", msdyn_properties: "{}", msdyn_version: "1.0.0.3" };

describe("DataverseClient", () => {
  it("reads WhoAmI", async () => {
    await expect(client.whoAmI()).resolves.toEqual({ organizationId: "org-1", userId: "user-1", businessUnitId: "bu-1" });
    expect(estate.calls[0]).toMatchObject({ method: "GET", path: "WhoAmI" });
    expect(estate.calls[0]?.headers.authorization).toBe("Bearer test-token");
  });

  it("lists map rows in pages of 5000 with the contract's $select", async () => {
    estate.mapRows = Array.from({ length: 5001 }, (_, index) => ({ ...ROW, msdyn_dualwriteentitymapid: `m${index}`, "@odata.etag": `W/"${index}"` }));
    const rows = await client.listMapRows();
    expect(rows).toHaveLength(5001);
    expect(rows[1]).toMatchObject({ id: "m1", etag: 'W/"1"', version: "1.0.0.3" });
    expect(estate.calls).toHaveLength(2);
    expect(estate.calls[0]).toMatchObject({
      method: "GET",
      path: "msdyn_dualwriteentitymaps",
      query: { $select: "msdyn_dualwriteentitymapid,msdyn_name,msdyn_mapping,msdyn_properties,msdyn_version,statecode" },
    });
    expect(estate.calls[0]?.headers.prefer).toBe("odata.maxpagesize=5000");
  });

  it("creates a map row with Prefer: return=representation", async () => {
    const created = await client.createMapRow(ROW);
    expect(created.id).toBe("map-1");
    expect(created.etag).toMatch(/^W\//);
    expect(estate.calls[0]).toMatchObject({ method: "POST", path: "msdyn_dualwriteentitymaps", body: ROW });
    expect(estate.calls[0]?.headers.prefer).toBe("return=representation");
    expect(estate.calls[0]?.headers["content-type"]).toMatch(/^application\/json/);
  });

  it("updates with If-Match and reports a stale ETag", async () => {
    const created = await client.createMapRow(ROW);
    await client.updateMapRow(created.id, { ...ROW, msdyn_version: "1.0.0.4" }, created.etag ?? "");
    expect(estate.calls[1]).toMatchObject({ method: "PATCH", path: "msdyn_dualwriteentitymaps(map-1)", body: { msdyn_version: "1.0.0.4" } });
    expect(estate.calls[1]?.headers["if-match"]).toBe(created.etag);
    await expect(client.updateMapRow(created.id, ROW, created.etag ?? "")).rejects.toBeInstanceOf(PreconditionFailedError);
  });

  it("turns 0x80060888 into a GatewayRefusedError with a hint", async () => {
    estate.overrides.push((call, response) => {
      if (call.path !== "msdyn_dualwriteentitymaps(map-9)") return false;
      sendJson(response, 400, { error: { code: "0x80060888", message: "Stop the table map before you edit it" } });
      return true;
    });
    const refused = await client.updateMapRow("map-9", ROW, 'W/"1"').catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(GatewayRefusedError);
    expect(refused).toMatchObject({ message: "Stop the table map before you edit it", hint: expect.stringMatching(/stop the map/) });
    await expect(client.deleteMapRow("map-9")).rejects.toBeInstanceOf(GatewayRefusedError);
    expect(estate.calls.at(-1)).toMatchObject({ method: "DELETE", path: "msdyn_dualwriteentitymaps(map-9)" });
    expect(estate.calls.at(-1)?.headers["if-match"]).toBeUndefined();
  });

  it("lists every table's keys in one metadata request", async () => {
    estate.tables[0]?.Keys.push({
      SchemaName: "msdyn_accountnumber_company",
      LogicalName: "msdyn_accountnumber_company",
      DisplayName: { UserLocalizedLabel: { Label: "Account number and company" }, LocalizedLabels: [] },
      KeyAttributes: ["accountnumber", "msdyn_company"],
      EntityKeyIndexStatus: "Active",
    });
    const tables = await client.listTables();
    expect(estate.calls).toHaveLength(1);
    expect(estate.calls[0]).toMatchObject({
      method: "GET",
      path: "EntityDefinitions",
      query: {
        $select: "LogicalName,EntitySetName",
        $expand: "Keys($select=SchemaName,LogicalName,DisplayName,KeyAttributes,EntityKeyIndexStatus)",
      },
    });
    expect(estate.calls[0]?.headers.prefer).toBeUndefined();
    expect(tables[0]).toEqual({
      logicalName: "account",
      entitySetName: "accounts",
      keys: [
        {
          schemaName: "msdyn_accountnumber_company",
          logicalName: "msdyn_accountnumber_company",
          displayName: "Account number and company",
          attributes: ["accountnumber", "msdyn_company"],
          status: "active",
        },
      ],
    });
  });

  it("creates a key, polls its status and reactivates it", async () => {
    await client.createKey("account", { schemaName: "msdyn_AccountKey", displayName: "Account key", attributes: ["accountnumber"] });
    expect(estate.calls[0]).toMatchObject({
      method: "POST",
      path: "EntityDefinitions(LogicalName='account')/Keys",
      body: {
        "@odata.type": "Microsoft.Dynamics.CRM.EntityKeyMetadata",
        SchemaName: "msdyn_AccountKey",
        DisplayName: { LocalizedLabels: [{ Label: "Account key", LanguageCode: 1033 }] },
        KeyAttributes: ["accountnumber"],
      },
    });
    await expect(client.keyStatus("account", "msdyn_accountkey")).resolves.toBe("pending");
    expect(estate.calls[1]).toMatchObject({
      method: "GET",
      path: "EntityDefinitions(LogicalName='account')/Keys(LogicalName='msdyn_accountkey')",
      query: { $select: "EntityKeyIndexStatus" },
    });
    await expect(client.keyStatus("account", "nope")).resolves.toBeUndefined();
    const again = client.createKey("account", { schemaName: "msdyn_AccountKey", displayName: "Account key", attributes: ["accountnumber"] });
    await expect(again).rejects.toBeInstanceOf(GatewayRefusedError);
    await client.reactivateKey("account", "msdyn_accountkey");
    expect(estate.calls.at(-1)).toMatchObject({
      method: "POST",
      path: "ReactivateEntityKey",
      body: { EntityLogicalName: "account", EntityKeyLogicalName: "msdyn_accountkey" },
    });
  });

  it("lists runtime configuration rows and deletes them in $batch", async () => {
    estate.runtimeConfigs = ["r1", "r2"].map((id) => ({
      msdyn_dualwriteruntimeconfigid: id,
      msdyn_name: id,
      msdyn_unsecure: JSON.stringify({ SourceEntityName: "accounts", DestinationEntityName: "CustomersV3", EntityMapVersion: { Major: 1 } }),
    }));
    const rows = await client.listRuntimeConfigs();
    expect(rows).toEqual([
      { id: "r1", name: "r1", source: "accounts", destination: "CustomersV3" },
      { id: "r2", name: "r2", source: "accounts", destination: "CustomersV3" },
    ]);
    expect(estate.calls[0]).toMatchObject({
      path: "msdyn_dualwriteruntimeconfigs",
      query: { $select: "msdyn_dualwriteruntimeconfigid,msdyn_name,msdyn_unsecure" },
    });
    await expect(client.deleteRuntimeConfigs(["r1", "r2", "gone"])).resolves.toBe(2);
    const batch = estate.calls[1];
    expect(batch).toMatchObject({ method: "POST", path: "$batch" });
    expect(batch?.headers["content-type"]).toMatch(/^multipart\/mixed; boundary=batch_/);
    expect(batch?.raw).toContain("DELETE ");
    expect(batch?.raw).toContain("/stage/dataverse/api/data/v9.2/msdyn_dualwriteruntimeconfigs(r1) HTTP/1.1");
    expect(estate.runtimeConfigs).toEqual([]);
    await expect(client.deleteRuntimeConfigs([])).resolves.toBe(0);
    expect(estate.calls).toHaveLength(2);
  });

  it("lists company codes", async () => {
    await expect(client.listCompanyCodes()).resolves.toEqual(["USMF"]);
    expect(estate.calls[0]).toMatchObject({ path: "cdm_companies", query: { $select: "cdm_companyid,cdm_companycode" } });
  });
});

describe("RecordStore", () => {
  it("creates with If-None-Match: * after upserting the definition, then swaps with If-Match", async () => {
    await expect(records.read("lock")).resolves.toBeUndefined();
    expect(estate.calls[0]).toMatchObject({
      method: "GET",
      path: "environmentvariablevalues",
      query: {
        $select: "environmentvariablevalueid,schemaname,value",
        $filter: "schemaname eq 'dwctl_lock' or schemaname eq 'dwctl_lastapplied' or schemaname eq 'dwctl_refresh'",
      },
    });
    const created = await records.write("lock", { holder: "ci" }, { absent: true });
    expect(estate.calls[1]).toMatchObject({
      method: "PATCH",
      path: "environmentvariabledefinitions(6a1d2c8e-0b7f-4c52-9a44-2f1e3d4c5b01)",
      body: { schemaname: "dwctl_lock", displayname: "dwctl lock", type: 100000000 },
    });
    expect(estate.calls[2]).toMatchObject({
      method: "PATCH",
      path: "environmentvariablevalues(6a1d2c8e-0b7f-4c52-9a44-2f1e3d4c5b11)",
      body: {
        schemaname: "dwctl_lock",
        value: JSON.stringify({ holder: "ci" }),
        "EnvironmentVariableDefinitionId@odata.bind": "/environmentvariabledefinitions(6a1d2c8e-0b7f-4c52-9a44-2f1e3d4c5b01)",
      },
    });
    expect(estate.calls[2]?.headers["if-none-match"]).toBe("*");
    expect(created).toMatchObject({ kind: "lock", value: { holder: "ci" } });

    await expect(records.write("lock", { holder: "other" }, { absent: true })).rejects.toBeInstanceOf(RecordConflictError);
    const updated = await records.write("lock", { holder: "ci", step: 2 }, { etag: created.etag });
    expect(estate.calls.at(-1)?.headers["if-match"]).toBe(created.etag);
    expect(estate.calls.at(-1)?.body).toEqual({ value: JSON.stringify({ holder: "ci", step: 2 }) });
    await expect(records.write("lock", {}, { etag: created.etag })).rejects.toBeInstanceOf(RecordConflictError);
    await expect(records.read("lock")).resolves.toEqual(updated);

    await expect(records.delete("lock", created.etag)).rejects.toBeInstanceOf(RecordConflictError);
    await records.delete("lock", updated.etag);
    expect(estate.calls.at(-1)).toMatchObject({ method: "DELETE", path: "environmentvariablevalues(6a1d2c8e-0b7f-4c52-9a44-2f1e3d4c5b11)" });
    expect(estate.calls.at(-1)?.headers["if-match"]).toBe(updated.etag);
    await expect(records.read("lock")).resolves.toBeUndefined();
  });

  it("reads the ETag back when the server sends none", async () => {
    estate.overrides.push((call, response) => {
      if (call.method !== "PATCH" || !call.path.startsWith("environmentvariablevalues(")) return false;
      estate.envValues.push({ environmentvariablevalueid: "x", schemaname: "dwctl_lastapplied", value: JSON.stringify({ commit: "abc" }), "@odata.etag": 'W/"77"' });
      response.writeHead(204).end();
      return true;
    });
    await expect(records.write("lastApplied", { commit: "abc" }, { absent: true })).resolves.toEqual({
      kind: "lastApplied",
      value: { commit: "abc" },
      etag: 'W/"77"',
    });
  });
});
