import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv } from "ajv";
import addFormats from "ajv-formats";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningSandbox } from "../../src/sandbox/index.js";
import type { Reply } from "./helpers.js";
import { SandboxClient, arrayOf, connectionOf, createSolution, customersMapRow, detailOf, dv, dw, dwRoot, entities, fo, removeDir, start, tempDir, values, waitFor } from "./helpers.js";

const PLATFORM = join(import.meta.dirname, "..", "platform");
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats.default(ajv);

function fixture(name: string): string {
  return readFileSync(join(PLATFORM, "fixtures", name), "utf8");
}

/** A fixture body with the ids the sandbox generates swapped for its own; the file stays untouched. */
function fixtureWith(name: string, ids: Record<string, string>): unknown {
  let text = fixture(name);
  for (const [from, to] of Object.entries(ids)) text = text.replaceAll(from, to);
  return JSON.parse(text);
}

function check(schema: string, value: unknown): void {
  const validate = ajv.getSchema(schema) ?? ajv.compile({ ...(JSON.parse(readFileSync(join(PLATFORM, "schemas", schema), "utf8")) as object), $id: schema });
  const valid = validate(value);
  expect(valid, `${schema}: ${JSON.stringify(validate.errors)} in ${JSON.stringify(value).slice(0, 2000)}`).toBe(true);
}

function answer(reply: Reply, schema: string, status = 200): unknown {
  expect(reply.status, reply.text).toBe(status);
  const value: unknown = JSON.parse(reply.text);
  check(schema, value);
  return value;
}

/** A Currencies <-> transactioncurrencies map row: the lookup target of the accounts map. */
function currenciesMapRow(): Record<string, unknown> {
  const mapping = {
    name: "transactioncurrencies - Currencies",
    legs: [
      {
        sourceSchema: "Currencies",
        sourceEnvironmentType: "AX",
        destinationSchema: "transactioncurrencies",
        destinationEnvironmentType: "CRM",
        sourceFilter: null,
        reversedSourceFilter: null,
        fieldMappings: [
          { syncDirection: 1, sourceField: "CurrencyCode", destinationField: "isocurrencycode", valueTransforms: [], isSystemGenerated: false },
          { syncDirection: 1, sourceField: "Name", destinationField: "currencyname", valueTransforms: [], isSystemGenerated: false },
        ],
      },
    ],
  };
  return { msdyn_name: mapping.name, msdyn_mapping: JSON.stringify(mapping), msdyn_properties: JSON.stringify({ label: "Currencies" }), msdyn_version: "1.0.0.3" };
}

/**
 * The story of fixtures/README.md, driven against the sandbox: every answer is validated against
 * its schema in test/platform/schemas, and every request fixture is sent as written, with only the
 * ids the sandbox generates substituted.
 */
describe("the dual-write service contract", () => {
  const dir = tempDir();
  let sandbox: RunningSandbox;
  let client: SandboxClient;
  let cid = "";
  let cname = "";
  let dataset = "";
  let currencies = "";
  let microsoftCustomers = "";
  let contosoCustomers = "";
  let currenciesPid = "";
  let customersPid = "";
  const ids = (): Record<string, string> => ({
    "c3d1e5f7-8a9b-4c0d-9e1f-2a3b4c5d6e7f": cid,
    "0b6f3d2a-7c1e-4f5a-9d8b-3e2c1a0f9b7d": currencies,
    "5e9a1c7b-3d2f-4b8e-a6c0-9f1e2d3c4b5a": currenciesPid,
    "4a7c9e1b-2d3f-4e5a-8b6c-0d1e2f3a4b5c": microsoftCustomers,
    "6c8e0a2b-4d5f-4a7b-9c1d-3e5f7a9b1c3d": contosoCustomers,
    "9d1f3b5c-7e9a-4b1c-8d3e-5f7a9b1c3d5e": customersPid,
    "ds-crm-5b7e0c2a": dataset,
  });

  beforeAll(async () => {
    sandbox = await start(dir, { timings: { keyPendingMs: 20, keyBuildMs: 40, mapTransitionMs: 300 } });
    client = new SandboxClient(sandbox);
  });
  afterAll(async () => {
    await sandbox.stop();
    removeDir(dir);
  });

  const startWith = async (file: string): Promise<string> => {
    const body = fixtureWith(file, ids());
    check("post-start.request.schema.json", body);
    const reply = await client.call("POST", dw("Start"), body);
    return String((answer(reply, "post-start.response.schema.json") as Record<string, unknown>)["requestId"]);
  };
  const statusUntil = async (requestId: string, done: (entry: Record<string, unknown> | undefined) => boolean): Promise<Record<string, unknown>[]> => {
    const reply = await waitFor(
      () => client.call("GET", dw(`Status/${requestId}`)),
      (candidate) => done((detailOf(arrayOf(candidate)[0])["lastRequests"] as Record<string, unknown>[]).find((entry) => entry["requestId"] === requestId)),
    );
    return answer(reply, "get-status.response.schema.json") as Record<string, unknown>[];
  };
  const entryOf = (maps: Record<string, unknown>[], requestId: string): Record<string, unknown> | undefined =>
    (detailOf(maps[0])["lastRequests"] as Record<string, unknown>[]).find((entry) => entry["requestId"] === requestId);

  it("finds the connection by the bare F&O host, and answers [] for an unknown host", async () => {
    const found = answer(await client.call("GET", dw("Environments?targetType=AX&identifier=prod.operations.localhost")), "get-environments.response.schema.json") as Record<string, unknown>[];
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ targetType: "AX", detail: { isSolutionAware: true } });
    ({ cid, cname, dataset } = await connectionOf(client, "prod"));
    expect(found[0]).toMatchObject({ cid, cname });
    expect(JSON.parse((await client.call("GET", dw("Environments?targetType=AX&identifier=nowhere.operations.dynamics.com"))).text)).toEqual([]);
    expect(JSON.parse((await client.call("GET", dw(`Environments?targetType=AX&identifier=${encodeURIComponent("https://prod.operations.localhost")}`))).text)).toEqual([]);
    const set = answer(await client.call("GET", dwRoot(`api/ConnectionSet/${cname}`)), "get-connectionset.response.schema.json") as Record<string, unknown>;
    const environments = set["environments"] as Record<string, Record<string, unknown>>;
    expect(Object.values(environments).map((entry) => [entry["targetType"], entry["directUrl"]])).toEqual([
      ["AX", `${sandbox.url}/prod/finops`],
      ["CRM", `${sandbox.url}/prod/dataverse`],
    ]);
  });

  it("applies the Microsoft solution: its maps appear with pid null", async () => {
    await createSolution(client, "prod", "msdyn_DualWriteAppCoreMaps", "microsoft");
    await createSolution(client, "prod", "ContosoDualWriteMaps");
    await createSolution(client, "prod", "ContosoParked");
    const save = async (row: Record<string, unknown>, solution: string): Promise<void> => {
      const reply = await client.call("POST", dv("prod", "msdyn_dualwriteentitymaps"), row, { "MSCRM.SolutionUniqueName": solution });
      expect(reply.status, reply.text).toBe(204);
    };
    await save(currenciesMapRow(), "msdyn_DualWriteAppCoreMaps");
    await save({ ...customersMapRow("1.0.0.12"), msdyn_properties: JSON.stringify({ label: "Customers V3" }) }, "msdyn_DualWriteAppCoreMaps");
    await save(customersMapRow("1.0.0.13"), "ContosoDualWriteMaps");
    await save(customersMapRow("1.0.0.99"), "ContosoParked");
    const unknown = await client.call("POST", dv("prod", "msdyn_dualwriteentitymaps"), customersMapRow(), { "MSCRM.SolutionUniqueName": "NoSuchSolution" });
    expect(unknown.status).toBe(400);

    const body = JSON.parse(fixture("post-restoretemplates.request.json")) as unknown;
    check("post-restoretemplates.request.schema.json", body);
    const applied = answer(await client.call("POST", dw(`SolutionAware/${cid}/RestoreTemplates`), body), "post-restoretemplates.response.schema.json") as Record<string, unknown>;
    const requestId = String(applied["requestId"]);
    const waiting = answer(await client.call("GET", dw(`SolutionAware/${cid}/Status/${requestId}`)), "get-solutionaware-status.response.schema.json");
    expect(waiting).toMatchObject({ state: "1" });
    const done = await waitFor(
      () => client.call("GET", dw(`SolutionAware/${cid}/Status/${requestId}`)),
      (reply) => reply.json["state"] !== "1",
    );
    expect(answer(done, "get-solutionaware-status.response.schema.json")).toMatchObject({ state: "2", action: "2", result: { status: "Succeeded" } });

    const listed = answer(await client.call("GET", dw(`Entities?targetType=AX&cid=${cid}`)), "get-entities.response.schema.json") as Record<string, unknown>[];
    expect(listed.map((map) => [detailOf(map)["tName"], detailOf(map)["pid"], detailOf(map)["state"]])).toEqual([
      ["transactioncurrencies - Currencies", null, "1"],
      ["accounts - Customers V3", null, "1"],
    ]);
    currencies = String(detailOf(listed[0])["tid"]);
    microsoftCustomers = String(detailOf(listed[1])["tid"]);
    expect(detailOf(listed[1])).toMatchObject({ template: { id: microsoftCustomers, version: { major: 1, revision: 12 } }, lastRequests: [] });
    expect(detailOf(listed[1])["lastRequest"]).toBeUndefined();

    const solutions = answer(await client.call("GET", dw(`SolutionAware/${cid}/Solutions/`)), "get-solutions.response.schema.json") as Record<string, unknown>[];
    expect(solutions.map((solution) => solution["uniquename"]).sort()).toEqual(["ContosoDualWriteMaps", "ContosoParked", "msdyn_DualWriteAppCoreMaps"]);
  });

  it("adds the Contoso version on a second Apply Solution; a row whose solution was never applied is no template", async () => {
    const reply = await client.call("POST", dw(`SolutionAware/${cid}/RestoreTemplates`), { action: "2", solutions: [{ criteria: { uniquename: "ContosoDualWriteMaps" } }] });
    const requestId = String(reply.json["requestId"]);
    await waitFor(
      () => client.call("GET", dw(`SolutionAware/${cid}/Status/${requestId}`)),
      (status) => status.json["state"] === "2",
    );
    const customers = detailOf((await entities(client, cid))[1]);
    const templates = customers["templates"] as Record<string, unknown>[];
    expect(templates.map((template) => [template["author"], (template["version"] as Record<string, unknown>)["revision"]])).toEqual([
      ["microsoft", 12],
      ["contoso", 13],
    ]);
    expect(customers["tid"]).toBe(microsoftCustomers);
    contosoCustomers = String(templates[1]?.["id"]);
    expect((await client.call("POST", dw(`SolutionAware/${cid}/RestoreTemplates`), { action: "2", solutions: [] })).status).toBe(400);
    expect((await client.call("POST", dw(`SolutionAware/${cid}/RestoreTemplates`), { action: "1", solutions: [{ criteria: { uniquename: "ContosoParked" } }] })).status).toBe(400);
  });

  it("initialises both maps with action 8; a detail without tid is an error, not a crash", async () => {
    const noTid = await client.call("POST", dw("Start"), { action: "8", details: [{ cid }] });
    expect(noTid.status).toBe(404);
    expect(noTid.json["error"]).toBeDefined();
    const notYet = await client.call("POST", dw("Start"), { action: "1", details: [{ tid: microsoftCustomers, cid, parameters: { skipInitialSync: true } }] });
    const notYetId = String(notYet.json["requestId"]);
    const refused = await statusUntil(notYetId, (entry) => entry?.["state"] !== "1");
    expect(entryOf(refused, notYetId)).toMatchObject({ state: "3" });
    expect(String(entryOf(refused, notYetId)?.["errorMessage"])).toContain("initialise it first");

    const initCustomers = await startWith("post-start-init.request.json");
    const done = await statusUntil(initCustomers, (entry) => entry?.["state"] !== "1");
    expect(entryOf(done, initCustomers)).toMatchObject({ state: "2", action: "8" });
    customersPid = String(detailOf(done[0])["pid"]);
    expect(customersPid).toMatch(/^[0-9a-f-]{36}$/);
    expect(detailOf(done[0])["lastRequest"]).toMatchObject({ requestId: initCustomers });
    const initCurrencies = await client.call("POST", dw("Start"), { action: "8", details: [{ tid: currencies, cid }] });
    const currenciesDone = await statusUntil(String(initCurrencies.json["requestId"]), (entry) => entry?.["state"] === "2");
    currenciesPid = String(detailOf(currenciesDone[0])["pid"]);
  });

  it("switches the customers map to the Contoso version with the raw id as body", async () => {
    const text = fixture("post-switchactive.request.txt").replaceAll("6c8e0a2b-4d5f-4a7b-9c1d-3e5f7a9b1c3d", contosoCustomers);
    check("post-switchactive.request.schema.json", text);
    const quoted = await client.call("POST", dw(`SolutionAware/${cid}/SwitchActive/${contosoCustomers}?pid=${customersPid}`), JSON.stringify(contosoCustomers), {
      "content-type": "application/json; charset=utf-8",
    });
    expect(quoted.status).toBe(400);
    const switched = await client.call("POST", dw(`SolutionAware/${cid}/SwitchActive/${contosoCustomers}?pid=${customersPid}`), text, { "content-type": "application/json; charset=utf-8" });
    expect(switched.status, switched.text).toBeLessThan(300);
    expect(detailOf((await entities(client, cid))[1])).toMatchObject({ tid: contosoCustomers, template: { id: contosoCustomers, author: "contoso" } });
  });

  it("writes integration keys, one table per call, into the connection set's Dataverse entry", async () => {
    const body = fixtureWith("post-integration-keys.request.json", ids());
    check("post-integration-keys.request.schema.json", body);
    expect((await client.call("POST", dwRoot(`api/dataset/${dataset}/IntegrationKeys`), body)).status).toBe(204);
    expect((await client.call("POST", dwRoot(`api/dataset/${dataset}/IntegrationKeys`), { integrationKeys: { accounts: ["a"], contacts: ["b"] }, datasetName: dataset })).status).toBe(400);
    expect((await client.call("GET", dwRoot(`api/dataset/${dataset}/IntegrationKeys`))).status).toBe(405);
    expect((await client.call("POST", dwRoot(`api/dataset/${dataset}/IntegrationKeys`), { integrationKeys: { transactioncurrencies: ["isocurrencycode"] }, datasetName: dataset })).status).toBe(204);
    const set = answer(await client.call("GET", dwRoot(`api/ConnectionSet/${cname}`)), "get-connectionset.response.schema.json") as Record<string, unknown>;
    const crm = Object.values(set["environments"] as Record<string, Record<string, unknown>>).find((entry) => entry["targetType"] === "CRM");
    const accounts = (crm?.["schemas"] as Record<string, unknown>[]).find((schema) => schema["name"] === "accounts");
    expect(accounts?.["keys"]).toEqual([expect.objectContaining({ name: "userKeys", displayName: "Integration key", fields: ["accountnumber", "msdyn_company.cdm_companycode"] })]);
    for (const [table, name, columns] of [
      ["account", "msdyn_accountnumber_company", ["accountnumber", "msdyn_company"]],
      ["transactioncurrency", "msdyn_isocurrencycode", ["isocurrencycode"]],
    ] as const) {
      expect((await client.call("POST", dv("prod", `EntityDefinitions(LogicalName='${table}')/Keys`), { SchemaName: name, KeyAttributes: columns })).status).toBe(204);
    }
    await waitFor(
      () => client.call("GET", dv("prod", "EntityDefinitions(LogicalName='account')/Keys(LogicalName='msdyn_accountnumber_company')")),
      (reply) => reply.json["EntityKeyIndexStatus"] === "Active",
    );
  });

  it("lists the maps a template depends on through lookups", async () => {
    const body = fixtureWith("post-templateprerequisitesequences.request.json", ids());
    check("post-templateprerequisitesequences.request.schema.json", body);
    const reply = await client.call("POST", dw(`GetTemplatePrerequisiteSequences/${cid}`), body);
    expect(answer(reply, "post-templateprerequisitesequences.response.schema.json")).toEqual([[currencies, contosoCustomers]]);
  });

  it("starts with initial sync: the request waits while the map is in 2, then 2 and 4", async () => {
    const currenciesStart = await startWith("post-start-restart.request.json");
    await statusUntil(currenciesStart, (entry) => entry?.["state"] === "2");
    const requestId = await startWith("post-start.request.json");
    const waiting = await client.call("GET", dw(`Status/${requestId}`));
    const maps = answer(waiting, "get-status.response.schema.json") as Record<string, unknown>[];
    expect(entryOf(maps, requestId)).toMatchObject({ state: "1", action: "1" });
    expect(detailOf(maps[0])["state"]).toBe("2");
    const done = await statusUntil(requestId, (entry) => entry?.["state"] !== "1");
    expect(entryOf(done, requestId)).toMatchObject({ state: "2" });
    expect(detailOf(done[0])["state"]).toBe("4");
    const execution = answer(await client.call("GET", dwRoot(`api/ProjectExecutionWithCompanies/${customersPid}`)), "get-projectexecutionwithcompanies.response.schema.json") as Record<
      string,
      unknown
    >;
    expect((execution["projectExecutionResponses"] as unknown[]).length).toBe(3);
  });

  it("reads field mappings and refreshes tables by project name", async () => {
    const mappings = answer(await client.call("GET", dw(`${currenciesPid}/FieldMappings`)), "get-fieldmappings.response.schema.json") as Record<string, unknown>;
    expect(mappings).toMatchObject({ id: currenciesPid });
    const projectName = String(mappings["name"]);
    expect(projectName).toMatch(/^DWM-/);
    const body = JSON.parse(fixture("post-refresh.request.json")) as unknown;
    check("post-refresh.request.schema.json", body);
    expect((await client.call("POST", dwRoot(`api/Project/${projectName}/Refresh`), body)).status).toBe(204);
    expect((await client.call("POST", dwRoot("api/Project/DWM-nothing/Refresh"), body)).status).toBe(404);
    const customers = answer(await client.call("GET", dw(`${customersPid}/FieldMappings`)), "get-fieldmappings.response.schema.json") as Record<string, unknown>;
    const leg = ((customers["entityMappingTasks"] as Record<string, unknown>[])[0]?.["legs"] as Record<string, unknown>[])[0];
    expect(leg).toMatchObject({ sourceFilter: '((PartyType == "Organization"))', reversedSourceFilter: "customertypecode eq 3" });
  });

  it("stops, restarts, pauses and resumes with the fixtures' bodies", async () => {
    const stop = await startWith("post-start-stop.request.json");
    expect(detailOf((await statusUntil(stop, (entry) => entry?.["state"] !== "1"))[0])["state"]).toBe("1");
    const restart = await startWith("post-start-restart.request.json");
    expect(detailOf((await statusUntil(restart, (entry) => entry?.["state"] !== "1"))[0])["state"]).toBe("4");
    const pause = await startWith("post-start-pause.request.json");
    expect(detailOf((await statusUntil(pause, (entry) => entry?.["state"] !== "1"))[0])["state"]).toBe("5");
    const resume = await startWith("post-start-resume.request.json");
    const resumed = await statusUntil(resume, (entry) => entry?.["state"] !== "1");
    expect(entryOf(resumed, resume)).toMatchObject({ state: "2", action: "6" });
    expect(detailOf(resumed[0])["state"]).toBe("4");
    const set = answer(await client.call("GET", dwRoot(`api/ConnectionSet/${cname}`)), "get-connectionset.response.schema.json") as Record<string, unknown>;
    expect(((set["dualWriteDetail"] as Record<string, unknown>)["solutionAwareRequests"] as unknown[]).length).toBe(2);
    const log = values(await client.control("GET", "requests?env=prod"));
    expect(log.filter((entry) => entry["action"] === "1" && entry["initialSync"] === true)).toHaveLength(1);
  });

  it("resets the link with the fixture's body: refused while maps run, done with force", async () => {
    const set = (await client.call("GET", dwRoot(`api/ConnectionSet/${cname}`))).json;
    const ax = Object.values(set["environments"] as Record<string, Record<string, unknown>>).find((entry) => entry["targetType"] === "AX");
    const body = fixtureWith("post-reset.request.json", { ...ids(), "ds-ax-91d4f3b6": String(ax?.["name"]), "2f6a8c1e-4b3d-4e5f-9a7b-1c2d3e4f5a6b": String((set["environments"] as Record<string, Record<string, unknown>>)[dataset]?.["powerAppsEnvironment"]) });
    check("post-reset.request.schema.json", body);
    const refused = await client.call("POST", dwRoot(`api/ConnectionSet/${cid}/Reset?targetType=AX&forceReset=False`), body);
    expect(refused.status).toBe(409);
    expect(refused.json["error"]).toBeDefined();
    const reset = await client.call("POST", dwRoot(`api/ConnectionSet/${cid}/Reset?targetType=AX&forceReset=True`), body);
    expect(reset.status).toBe(200);
    expect(await entities(client, cid)).toEqual([]);
    const after = answer(await client.call("GET", dwRoot(`api/ConnectionSet/${cname}`)), "get-connectionset.response.schema.json") as Record<string, unknown>;
    expect((after["dualWriteDetail"] as Record<string, unknown>)["legalEntityMappings"]).toEqual({
      mappings: [
        { left: { name: "USMF" }, right: { name: "USMF" } },
        { left: { name: "DEMF" }, right: { name: "DEMF" } },
      ],
    });
    expect(values(await client.call("GET", fo("prod", "data/DualWriteProjectConfigurations?cross-company=true")))).toEqual([]);
    expect(values(await client.call("GET", dv("prod", "msdyn_dualwriteruntimeconfigs")))).toEqual([]);
    // The map rows stay in Dataverse: Apply Solution brings the maps back.
    expect(values(await client.call("GET", dv("prod", "msdyn_dualwriteentitymaps")))).toHaveLength(4);
  });
});
