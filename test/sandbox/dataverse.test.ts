import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningSandbox } from "../../src/sandbox/index.js";
import { SandboxClient, dv, removeDir, start, tempDir, values, waitFor } from "./helpers.js";

const LOCK_DEFINITION = "6a1d2c8e-0b7f-4c52-9a44-2f1e3d4c5b01";
const LOCK_VALUE = "6a1d2c8e-0b7f-4c52-9a44-2f1e3d4c5b11";

describe("sandbox Dataverse Web API", () => {
  const dir = tempDir();
  let sandbox: RunningSandbox;
  let client: SandboxClient;
  beforeAll(async () => {
    // Long enough that the first poll under a loaded CI machine still sees Pending.
    sandbox = await start(dir, { timings: { keyPendingMs: 400, keyBuildMs: 300, mapTransitionMs: 100 } });
    client = new SandboxClient(sandbox);
  });
  afterAll(async () => {
    await sandbox.stop();
    removeDir(dir);
  });

  it("keeps lock records with ETag compare-and-swap", async () => {
    const definition = await client.call("PATCH", dv("prod", `environmentvariabledefinitions(${LOCK_DEFINITION})`), { schemaname: "dwctl_lock", displayname: "dwctl lock", type: 100000000 });
    expect(definition.status).toBe(204);
    const body = { schemaname: "dwctl_lock", value: JSON.stringify({ holder: "a" }), "EnvironmentVariableDefinitionId@odata.bind": `/environmentvariabledefinitions(${LOCK_DEFINITION})` };
    const created = await client.call("PATCH", dv("prod", `environmentvariablevalues(${LOCK_VALUE})`), body, { "if-none-match": "*" });
    expect(created.status).toBe(204);
    const again = await client.call("PATCH", dv("prod", `environmentvariablevalues(${LOCK_VALUE})`), body, { "if-none-match": "*" });
    expect(again.status).toBe(412);
    const read = await client.call("GET", dv("prod", "environmentvariablevalues?$select=environmentvariablevalueid,schemaname,value&$filter=schemaname eq 'dwctl_lock' or schemaname eq 'dwctl_lastapplied'"));
    const [row] = values(read);
    expect(row).toMatchObject({ environmentvariablevalueid: LOCK_VALUE, schemaname: "dwctl_lock" });
    const etag = String(row?.["@odata.etag"]);
    expect(etag).toMatch(/^W\/"\d+"$/);
    const swapped = await client.call("PATCH", dv("prod", `environmentvariablevalues(${LOCK_VALUE})`), { value: "{}" }, { "if-match": etag });
    expect(swapped.status).toBe(204);
    const stale = await client.call("PATCH", dv("prod", `environmentvariablevalues(${LOCK_VALUE})`), { value: "{}" }, { "if-match": etag });
    expect(stale.status).toBe(412);
    expect((await client.call("DELETE", dv("prod", `environmentvariablevalues(${LOCK_VALUE})`), undefined, { "if-match": etag })).status).toBe(412);
    const current = String((await client.call("GET", dv("prod", `environmentvariablevalues(${LOCK_VALUE})`))).json["@odata.etag"]);
    expect((await client.call("DELETE", dv("prod", `environmentvariablevalues(${LOCK_VALUE})`), undefined, { "if-match": current })).status).toBe(204);
  });

  it("pages with Prefer: odata.maxpagesize and an absolute nextLink", async () => {
    for (let index = 1; index <= 5; index++) {
      expect((await client.call("POST", dv("stage", "contacts"), { firstname: `Person ${index}` })).status).toBe(204);
    }
    const pages: number[] = [];
    let next: string | undefined = `${sandbox.url}${dv("stage", "contacts?$select=firstname")}`;
    while (next !== undefined) {
      expect(next.startsWith(sandbox.url)).toBe(true);
      const reply = await client.call("GET", next.slice(sandbox.url.length), undefined, { prefer: "odata.maxpagesize=2" });
      expect(reply.headers.get("preference-applied")).toBe("odata.maxpagesize=2");
      pages.push(values(reply).length);
      const link = reply.json["@odata.nextLink"];
      next = typeof link === "string" ? link : undefined;
    }
    expect(pages).toEqual([2, 2, 1]);
  });

  it("runs a $batch of three deletes", async () => {
    const ids: string[] = [];
    for (let index = 0; index < 3; index++) {
      const reply = await client.call("POST", dv("prod", "msdyn_dualwriteruntimeconfigs"), { msdyn_name: `stale ${index}`, msdyn_unsecure: "{}" }, { prefer: "return=representation" });
      ids.push(String(reply.json["msdyn_dualwriteruntimeconfigid"]));
    }
    const boundary = "batch_test";
    const parts = ids.map((id) =>
      [`--${boundary}`, "Content-Type: application/http", "Content-Transfer-Encoding: binary", "", `DELETE ${sandbox.url}${dv("prod", `msdyn_dualwriteruntimeconfigs(${id})`)} HTTP/1.1`, "", ""].join("\r\n"),
    );
    const body = `${parts.join("\r\n")}\r\n--${boundary}--\r\n`;
    const reply = await client.call("POST", dv("prod", "$batch"), body, { "content-type": `multipart/mixed; boundary=${boundary}` });
    expect(reply.status).toBe(200);
    expect(reply.headers.get("content-type")).toMatch(/^multipart\/mixed; boundary=batchresponse_/);
    expect(reply.text.match(/HTTP\/1\.1 204/g)).toHaveLength(3);
    expect(values(await client.call("GET", dv("prod", "msdyn_dualwriteruntimeconfigs")))).toEqual([]);
  });

  it("rolls a failed change set back as one transaction", async () => {
    const boundary = "batch_cs";
    const changeSet = "changeset_cs";
    const inner = [
      `--${changeSet}`, "Content-Type: application/http", "Content-Transfer-Encoding: binary", "Content-ID: 1", "",
      `POST ${dv("prod", "msdyn_dualwriteruntimeconfigs")} HTTP/1.1`, "Content-Type: application/json; type=entry", "", JSON.stringify({ msdyn_name: "rolled back" }),
      `--${changeSet}`, "Content-Type: application/http", "Content-Transfer-Encoding: binary", "Content-ID: 2", "",
      `DELETE msdyn_dualwriteruntimeconfigs(00000000-0000-0000-0000-000000000001) HTTP/1.1`, "", "",
      `--${changeSet}--`,
    ].join("\r\n");
    const body = [`--${boundary}`, `Content-Type: multipart/mixed; boundary=${changeSet}`, "", inner, `--${boundary}--`, ""].join("\r\n");
    const reply = await client.call("POST", dv("prod", "$batch"), body, { "content-type": `multipart/mixed; boundary=${boundary}` });
    expect(reply.status).toBe(200);
    expect(reply.text).toContain("HTTP/1.1 404");
    expect(values(await client.call("GET", dv("prod", "msdyn_dualwriteruntimeconfigs")))).toEqual([]);
  });

  it("builds alternate key indexes asynchronously: Pending, InProgress, Active", async () => {
    const key = {
      "@odata.type": "Microsoft.Dynamics.CRM.EntityKeyMetadata",
      SchemaName: "msdyn_isocurrencycode",
      DisplayName: { LocalizedLabels: [{ Label: "Currency code", LanguageCode: 1033 }] },
      KeyAttributes: ["isocurrencycode"],
    };
    const created = await client.call("POST", dv("prod", "EntityDefinitions(LogicalName='transactioncurrency')/Keys"), key);
    expect(created.status).toBe(204);
    expect(created.headers.get("odata-entityid")).toContain("Keys(LogicalName='msdyn_isocurrencycode')");
    const url = dv("prod", "EntityDefinitions(LogicalName='transactioncurrency')/Keys(LogicalName='msdyn_isocurrencycode')?$select=EntityKeyIndexStatus");
    const seen = new Set<unknown>();
    await waitFor(
      async () => {
        const status = (await client.call("GET", url)).json["EntityKeyIndexStatus"];
        seen.add(status);
        return status;
      },
      (status) => status === "Active",
    );
    expect([...seen]).toEqual(["Pending", "InProgress", "Active"]);
    const duplicate = await client.call("POST", dv("prod", "EntityDefinitions(LogicalName='transactioncurrency')/Keys"), key);
    expect(duplicate.status).toBe(400);
    expect(duplicate.json["error"]).toMatchObject({ code: "0x80048d04" });
    const tables = await client.call("GET", dv("prod", "EntityDefinitions?$select=LogicalName,EntitySetName&$expand=Keys($select=SchemaName,LogicalName,DisplayName,KeyAttributes,EntityKeyIndexStatus)"));
    const currency = values(tables).find((table) => table["LogicalName"] === "transactioncurrency");
    expect(currency).toMatchObject({ EntitySetName: "transactioncurrencies", Keys: [{ SchemaName: "msdyn_isocurrencycode", KeyAttributes: ["isocurrencycode"], EntityKeyIndexStatus: "Active" }] });
    expect(values(tables).map((table) => table["LogicalName"])).toEqual(expect.arrayContaining(["account", "contact", "cdm_company", "msdyn_vendor", "msdyn_paymentterm"]));
  });

  it("registers a table it does not know when a key is created on it, and builds the key like any other", async () => {
    const key = {
      "@odata.type": "Microsoft.Dynamics.CRM.EntityKeyMetadata",
      SchemaName: "contoso_widgetcode",
      DisplayName: { LocalizedLabels: [{ Label: "Widget code", LanguageCode: 1033 }] },
      KeyAttributes: ["contoso_code", "msdyn_company"],
    };
    const created = await client.call("POST", dv("prod", "EntityDefinitions(LogicalName='contoso_widget')/Keys"), key);
    expect(created.status).toBe(204);
    expect(created.headers.get("odata-entityid")).toContain("EntityDefinitions(LogicalName='contoso_widget')/Keys(LogicalName='contoso_widgetcode')");
    const url = dv("prod", "EntityDefinitions(LogicalName='contoso_widget')/Keys(LogicalName='contoso_widgetcode')?$select=EntityKeyIndexStatus");
    const seen = new Set<unknown>();
    await waitFor(
      async () => {
        const reply = await client.call("GET", url);
        expect(reply.status).toBe(200);
        seen.add(reply.json["EntityKeyIndexStatus"]);
        return reply.json["EntityKeyIndexStatus"];
      },
      (status) => status === "Active",
    );
    expect([...seen]).toEqual(["Pending", "InProgress", "Active"]);
    const table = await client.call("GET", dv("prod", "EntityDefinitions(LogicalName='contoso_widget')?$select=LogicalName,EntitySetName,IsCustomEntity"));
    expect(table.json).toMatchObject({ LogicalName: "contoso_widget", EntitySetName: "contoso_widgets", IsCustomEntity: true });
    const tables = await client.call("GET", dv("prod", "EntityDefinitions?$select=LogicalName,EntitySetName&$expand=Keys($select=SchemaName,LogicalName,KeyAttributes,EntityKeyIndexStatus)"));
    const names = values(tables).map((row) => row["LogicalName"]);
    expect(names).toContain("contoso_widget");
    expect(names.some((name) => String(name).includes("'"))).toBe(false);
    expect(values(tables).find((row) => row["LogicalName"] === "contoso_widget")).toMatchObject({
      EntitySetName: "contoso_widgets",
      Keys: [{ SchemaName: "contoso_widgetcode", LogicalName: "contoso_widgetcode", KeyAttributes: ["contoso_code", "msdyn_company"], EntityKeyIndexStatus: "Active" }],
    });
    const duplicate = await client.call("POST", dv("prod", "EntityDefinitions(LogicalName='contoso_widget')/Keys"), key);
    expect(duplicate.json["error"]).toMatchObject({ code: "0x80048d04" });
    // A refused key registers nothing.
    const refused = await client.call("POST", dv("prod", "EntityDefinitions(LogicalName='contoso_gadget')/Keys"), { ...key, KeyAttributes: [] });
    expect(refused.status).toBe(400);
    expect((await client.call("GET", dv("prod", "EntityDefinitions(LogicalName='contoso_gadget')"))).status).toBe(404);
  });

  it("fails a key on a column the table lacks, and ReactivateEntityKey restarts the build", async () => {
    const created = await client.call("POST", dv("prod", "EntityDefinitions(LogicalName='account')/Keys"), {
      SchemaName: "contoso_bad",
      DisplayName: { LocalizedLabels: [{ Label: "Bad", LanguageCode: 1033 }] },
      KeyAttributes: ["accountnumber", "no_such_column.code"],
    });
    expect(created.status).toBe(204);
    const url = dv("prod", "EntityDefinitions(LogicalName='account')/Keys(LogicalName='contoso_bad')?$select=EntityKeyIndexStatus");
    await waitFor(() => client.call("GET", url), (reply) => reply.json["EntityKeyIndexStatus"] === "Failed");
    const reactivated = await client.call("POST", dv("prod", "ReactivateEntityKey"), { EntityLogicalName: "account", EntityKeyLogicalName: "contoso_bad" });
    expect(reactivated.status).toBe(204);
    expect((await client.call("GET", url)).json["EntityKeyIndexStatus"]).toBe("Pending");
    expect((await client.call("GET", dv("prod", "EntityDefinitions(LogicalName='account')/Keys(LogicalName='missing')"))).status).toBe(404);
  });

  it("answers with x-ms-dop-hint and lists the seeded companies", async () => {
    const reply = await client.call("GET", dv("prod", "cdm_companies?$select=cdm_companyid,cdm_companycode"));
    expect(reply.headers.get("x-ms-dop-hint")).toBe("8");
    expect(values(reply).map((row) => row["cdm_companycode"]).sort()).toEqual(["DEMF", "USMF", "USRT"]);
    expect(Object.keys(values(reply)[0] ?? {}).sort()).toEqual(["@odata.etag", "cdm_companycode", "cdm_companyid"]);
  });
});
