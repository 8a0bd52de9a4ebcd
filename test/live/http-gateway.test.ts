import { inspect } from "node:util";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { GatewayRefusedError, RecordConflictError } from "../../src/live/gateway.js";
import type { MapActionRequest, ProgressEvent } from "../../src/live/gateway.js";
import { HttpEnvironmentGateway, dualWriteScopeFor, gatewayForPair } from "../../src/live/http-gateway.js";
import { toMapRow } from "../../src/live/mapping-json.js";
import type { MapDefinition } from "../../src/model/snapshot.js";
import { sendJson } from "./http/test-server.js";
import { FAST_HTTP, FAST_POLL, FakeEstate, StaticCredential } from "./fake-estate.js";

let estate: FakeEstate;
let events: ProgressEvent[];

function definition(entity = "CustomersV3", table = "account", entitySet = "accounts", number = "1.0.0.3"): MapDefinition {
  return {
    financeAndOperations: { entity, label: entity.replace(/V(\d)$/, " V$1"), scope: "company" },
    dataverse: { table, entitySet, scope: "company" },
    version: { publisher: "contoso", number },
    filters: { dataverse: "customertypecode eq 3" },
    fields: [
      { fo: "CUSTOMERACCOUNT", map: "=", dv: "accountnumber" },
      { map: ">>", dv: "customertypecode", default: 3 },
    ],
    alerts: [],
  };
}

function gateway(credential = new StaticCredential()): HttpEnvironmentGateway {
  return new HttpEnvironmentGateway({
    pair: "stage",
    financeAndOperationsUrl: estate.finOpsUrl,
    dataverseUrl: estate.dataverseUrl,
    dualWriteUrl: estate.dualWriteUrl,
    credentials: { dataverse: credential, financeAndOperations: credential, dualWrite: credential },
    http: FAST_HTTP,
    poll: FAST_POLL,
    onProgress: (event) => events.push(event),
  });
}

/** Saves a row and registers the map with the service, as the platform does. */
function addMap(def: MapDefinition, state = 1, id = `map-${estate.mapRows.length + 1}`): string {
  estate.mapRows.push({ ...toMapRow(def), msdyn_dualwriteentitymapid: id, statecode: 0, "@odata.etag": estate.etag() });
  const existing = estate.entities.find((item) => item.detail.sourceSchema === def.financeAndOperations.entity);
  if (existing === undefined) {
    estate.entities.push({
      detail: { pid: `pid-${id}`, tid: id, name: `${def.dataverse.entitySet} - ${def.financeAndOperations.label}`, sourceSchema: def.financeAndOperations.entity, destinationSchema: def.dataverse.entitySet },
      templates: [id],
      state,
    });
  } else existing.templates.push(id);
  return id;
}

beforeEach(async () => {
  estate = await new FakeEstate().start();
  events = [];
});

afterEach(async () => {
  await estate.stop();
});

describe("snapshot", () => {
  it("reads 1,000 maps in at most 10 requests", async () => {
    for (let index = 0; index < 1000; index++) {
      estate.tables.push({ LogicalName: `new_table${index}`, EntitySetName: `new_table${index}s`, Keys: [] });
      addMap(definition(`Entity${index}`, `new_table${index}`, `new_table${index}s`), 4);
    }
    const snapshot = await gateway().snapshot();
    expect(snapshot.maps).toHaveLength(1000);
    expect(estate.calls.length).toBeLessThanOrEqual(10);
    expect(estate.calls.map((call) => `${call.service} ${call.method} ${call.path}`).sort()).toEqual([
      "dataverse GET EntityDefinitions",
      "dataverse GET WhoAmI",
      "dataverse GET cdm_companies",
      "dataverse GET environmentvariablevalues",
      "dataverse GET msdyn_dualwriteentitymaps",
      "dataverse GET msdyn_dualwriteruntimeconfigs",
      "dualwrite GET Entities",
      "dualwrite GET Environments",
      "dualwrite GET api/dataset/cid-1/IntegrationKeys",
      "finops GET data/DualWriteProjectConfigurations",
    ]);
  });

  it("joins the service's maps with their saved versions", async () => {
    const active = definition();
    const activeId = addMap(active, 4);
    const parked = definition("CustomersV3", "account", "accounts", "9.9.9.9");
    addMap(parked);
    addMap(definition("CustomersV3", "account", "accounts", "1.0.0.10"));
    estate.tables[0]?.Keys.push({
      SchemaName: "msdyn_AccountKey",
      LogicalName: "msdyn_accountkey",
      DisplayName: { UserLocalizedLabel: { Label: "Account key" } },
      KeyAttributes: ["accountnumber"],
      EntityKeyIndexStatus: 1,
    });
    estate.integrationKeys = { contact: ["msdyn_contactpersonid"], account: ["accountnumber"] };
    estate.runtimeConfigs = [{ msdyn_dualwriteruntimeconfigid: "r1", msdyn_name: "x", msdyn_unsecure: '{"SourceEntityName":"accounts","DestinationEntityName":"CustomersV3"}' }];
    estate.projectConfigs = [{ ProjectName: "p", ExternalEntityName: "accounts", InternalEntityName: "CustomersV3", ExternalEnvironmentUrl: "https://dv", Status: "Running" }];
    estate.companies.push({ cdm_companyid: "c0", cdm_companycode: "DEMF" });
    estate.envValues = [{ environmentvariablevalueid: "v", schemaname: "dwctl_lastapplied", value: '{"commit":"abc"}', "@odata.etag": 'W/"5"' }];

    const snapshot = await gateway().snapshot();
    expect(snapshot).toMatchObject({
      pair: "stage",
      identity: { financeAndOperationsUrl: estate.finOpsUrl, dataverseUrl: estate.dataverseUrl, dataverseOrganizationId: "org-1" },
      link: { dataverseUrl: "dv", dataverseOrganizationId: "org-1", legalEntities: ["USMF"] },
      alternateKeys: [{ table: "account", schemaName: "msdyn_AccountKey", displayName: "Account key", attributes: ["accountnumber"], status: "inProgress" }],
      integrationKeys: [
        { table: "account", columns: ["accountnumber"] },
        { table: "contact", columns: ["msdyn_contactpersonid"] },
      ],
      runtime: {
        financeAndOperations: [{ projectName: "p", externalEnvironmentUrl: "https://dv", status: "Running" }],
        dataverse: [{ id: "r1", source: "accounts", destination: "CustomersV3" }],
      },
      legalEntitiesInDataverse: ["DEMF", "USMF"],
      lock: undefined,
      lastApplied: { kind: "lastApplied", value: { commit: "abc" }, etag: 'W/"5"' },
    });
    expect(snapshot.maps).toHaveLength(1);
    const map = snapshot.maps[0];
    expect(map?.ref).toEqual({ entity: "CustomersV3", table: "account" });
    expect(map?.state).toBe("running");
    expect(map?.definition).toEqual(active);
    expect(map?.versions.map((version) => version.number)).toEqual(["1.0.0.3", "1.0.0.10", "9.9.9.9"]);
    expect(map?.versions[0]?.id).toBe(activeId);
  });

  it("reports no link and no maps when the environment is not linked", async () => {
    addMap(definition());
    estate.link = undefined;
    const snapshot = await gateway().snapshot();
    expect(snapshot.link).toBeUndefined();
    expect(snapshot.maps).toEqual([]);
    expect(estate.callsTo("dualwrite").map((call) => call.path)).toEqual(["Environments"]);
  });
});

describe("map writes", () => {
  it("creates a version that does not exist and updates one that does, with If-Match", async () => {
    const gw = gateway();
    const { versionId } = await gw.saveMapDefinition(definition());
    expect(estate.calls.map((call) => `${call.method} ${call.path}`)).toEqual(["GET msdyn_dualwriteentitymaps", "POST msdyn_dualwriteentitymaps"]);
    expect(estate.calls[1]?.body).toEqual(toMapRow(definition()));
    const changed = { ...definition(), filters: {} };
    await expect(gw.saveMapDefinition(changed)).resolves.toEqual({ versionId });
    const patch = estate.calls.at(-1);
    expect(patch).toMatchObject({ method: "PATCH", path: `msdyn_dualwriteentitymaps(${versionId})`, body: toMapRow(changed) });
    expect(patch?.headers["if-match"]).toMatch(/^W\/"/);
    // The cached ETag is now stale: the next save re-reads before it patches.
    await gw.saveMapDefinition(definition());
    expect(estate.calls.slice(-2).map((call) => `${call.method} ${call.path}`)).toEqual([
      "GET msdyn_dualwriteentitymaps",
      `PATCH msdyn_dualwriteentitymaps(${versionId})`,
    ]);
    await gw.saveMapDefinition(definition("CustomersV3", "account", "accounts", "2.0.0.0"));
    expect(estate.mapRows).toHaveLength(2);
  });

  it("retries once with a fresh ETag after a 412, then refuses", async () => {
    const gw = gateway();
    addMap(definition());
    await gw.snapshot();
    const row = estate.mapRows[0];
    if (row !== undefined) row["@odata.etag"] = estate.etag();
    await gw.saveMapDefinition(definition());
    const patches = estate.calls.filter((call) => call.method === "PATCH");
    expect(patches).toHaveLength(2);
    estate.overrides.push((call, response) => {
      if (call.method !== "PATCH") return false;
      sendJson(response, 412, { error: { code: "x", message: "stale" } });
      return true;
    });
    await expect(gw.saveMapDefinition(definition())).rejects.toBeInstanceOf(GatewayRefusedError);
  });

  it("refuses to edit a running map with a hint", async () => {
    addMap(definition(), 4);
    estate.overrides.push((call, response) => {
      if (call.method !== "PATCH" && call.method !== "DELETE") return false;
      sendJson(response, 400, { error: { code: "0x80060888", message: "Stop the table map before you edit it" } });
      return true;
    });
    const error = await gateway()
      .saveMapDefinition(definition())
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(GatewayRefusedError);
    expect(error).toMatchObject({ hint: "stop the map first, then save or delete it" });
  });

  it("switches the active version", async () => {
    addMap(definition());
    const parkedId = addMap(definition("CustomersV3", "account", "accounts", "9.9.9.9"));
    const gw = gateway();
    await gw.activateMapVersion({ entity: "CustomersV3", table: "account" }, { publisher: "contoso", number: "9.9.9.9" });
    expect(estate.calls.at(-1)).toMatchObject({ method: "POST", path: `SolutionAware/cid-1/SwitchActive/${parkedId}`, query: { pid: "pid-map-1" } });
    await expect(gw.activateMapVersion({ entity: "CustomersV3", table: "account" }, { publisher: "contoso", number: "5.0.0.0" })).rejects.toBeInstanceOf(
      GatewayRefusedError,
    );
  });

  it("deletes every version of a map and nothing else", async () => {
    addMap(definition());
    addMap(definition("CustomersV3", "account", "accounts", "9.9.9.9"));
    addMap(definition("ContactsV2", "contact", "contacts"));
    await gateway().deleteMap({ entity: "customersv3", table: "account" });
    const deletes = estate.calls.filter((call) => call.method === "DELETE").map((call) => call.path);
    expect(deletes).toEqual(["msdyn_dualwriteentitymaps(map-1)", "msdyn_dualwriteentitymaps(map-2)"]);
    expect(estate.mapRows.map((row) => row.msdyn_dualwriteentitymapid)).toEqual(["map-3"]);
  });
});

describe("runMapAction", () => {
  const ref = { entity: "CustomersV3", table: "account" };

  it.each([
    ["start with initial sync, Dataverse master", "start", { initialSync: { master: "dataverse" } }, 1, { skipInitialSync: false, conflictResolution: { master: "CRM", option: "1" } }],
    ["start with initial sync, F&O master", "start", { initialSync: { master: "financeAndOperations" } }, 1, { skipInitialSync: false, conflictResolution: { master: "AX", option: "1" } }],
    ["start without initial sync", "start", {}, 1, { skipInitialSync: true }],
    ["stop", "stop", {}, 4, {}],
    ["pause", "pause", {}, 5, {}],
    ["resume skipping catch-up", "resume", { skipCatchUp: "discard" }, 6, { skipCatchUpSyncPreserveData: false, skipCatchUpSyncDiscardData: true }],
    ["initial sync", "initialSync", { initialSync: { master: "financeAndOperations" } }, 8, { conflictResolution: { master: "AX", option: "1" } }],
  ] as const)("%s", async (_label, action, options, code, parameters) => {
    const id = addMap(definition());
    estate.statusOutcome = { status: 2, message: "", state: 4 };
    const after = { start: "running", stop: "stopped", pause: "paused", resume: "running", initialSync: "running" } as const;
    await expect(gateway().runMapAction(ref, action, options)).resolves.toBe(after[action]);
    const start = estate.calls.find((call) => call.path === "Start");
    expect(start?.body).toEqual({ action: code, details: [{ tid: id, pid: `pid-${id}`, cid: "cid-1", parameters }] });
    expect(events.some((event) => event.step === `${action} CustomersV3 (account)`)).toBe(true);
  });

  it("refuses a map the service does not know", async () => {
    await expect(gateway().runMapAction({ entity: "Nope", table: "account" }, "stop")).rejects.toThrow(/does not know the map Nope/);
  });
});

describe("keys, link and cleanup", () => {
  it("creates keys, reads their status by logical name and reactivates them", async () => {
    const gw = gateway();
    await gw.createAlternateKey("account", { schemaName: "msdyn_AccountKey", displayName: "Account key", attributes: ["accountnumber"] });
    await expect(gw.alternateKeyStatus("account", "msdyn_AccountKey")).resolves.toBe("pending");
    await gw.reactivateAlternateKey("account", "msdyn_AccountKey");
    expect(estate.calls.map((call) => `${call.method} ${call.path}`)).toEqual([
      "POST EntityDefinitions(LogicalName='account')/Keys",
      "GET EntityDefinitions(LogicalName='account')/Keys(LogicalName='msdyn_accountkey')",
      "POST ReactivateEntityKey",
    ]);
  });

  it("sets integration keys and legal entities through the link", async () => {
    const gw = gateway();
    await gw.setIntegrationKeys([{ table: "account", columns: ["accountnumber", "msdyn_company.cdm_companycode"] }]);
    await gw.setLegalEntities(["USMF", "DEMF"]);
    expect(estate.calls.map((call) => `${call.method} ${call.path}`)).toEqual([
      "GET Environments",
      "POST api/dataset/cid-1/IntegrationKeys",
      "POST api/ConnectionSet/cid-1/LegalEntities",
    ]);
  });

  it("resets the link with both URLs and waits for it", async () => {
    await gateway().resetLink({ force: true, legalEntities: ["USMF"] });
    const reset = estate.calls.find((call) => call.path.endsWith("/Reset"));
    expect(reset).toMatchObject({
      query: { targetType: "AX", forceReset: "true" },
      body: { powerAppsEnvironmentName: "org-1", environments: [estate.finOpsUrl, estate.dataverseUrl], legalEntities: ["USMF"] },
    });
    expect(estate.calls.at(-1)?.path).toMatch(/^Status\//);
  });

  it("refuses what needs a link when there is none", async () => {
    estate.link = undefined;
    await expect(gateway().setIntegrationKeys([{ table: "account", columns: ["accountnumber"] }])).rejects.toThrow(/not linked/);
  });

  it("cleans the runtime configuration of each side and counts the rows", async () => {
    estate.runtimeConfigs = ["a", "b", "c"].map((id) => ({ msdyn_dualwriteruntimeconfigid: id, msdyn_name: id, msdyn_unsecure: "{}" }));
    estate.projectConfigs = ["in", "out"].map((direction) => ({ ProjectName: "p", ExternalEntityName: direction, InternalEntityName: "x" }));
    const gw = gateway();
    await expect(gw.cleanRuntimeConfiguration("dataverse")).resolves.toBe(3);
    await expect(gw.cleanRuntimeConfiguration("financeAndOperations")).resolves.toBe(2);
    await expect(gw.cleanRuntimeConfiguration("financeAndOperations")).resolves.toBe(0);
    expect(estate.runtimeConfigs).toEqual([]);
    expect(estate.projectConfigs).toEqual([]);
  });

  it("keeps the lock with compare-and-swap", async () => {
    const gw = gateway();
    const lock = await gw.writeRecord("lock", { holder: "a" }, { absent: true });
    await expect(gw.writeRecord("lock", { holder: "b" }, { absent: true })).rejects.toBeInstanceOf(RecordConflictError);
    await expect(gw.readRecord("lock")).resolves.toEqual(lock);
    await expect(gw.deleteRecord("lock", 'W/"1"')).rejects.toBeInstanceOf(RecordConflictError);
    await gw.deleteRecord("lock", lock.etag);
    await expect(gw.readRecord("lock")).resolves.toBeUndefined();
  });
});

describe("secrets", () => {
  const CANARY = "CANARY-TOKEN-5b1e";

  it("never puts the token in an error or a progress event", async () => {
    addMap(definition(), 4);
    estate.overrides.push((call, response) => {
      const echo = String(call.headers.authorization ?? "").replace("Bearer ", "");
      if (call.path === "Start") return (sendJson(response, 409, { error: { code: "Conflict", message: `refused ${echo}` } }), true);
      if (call.path === "WhoAmI") return (sendJson(response, 500, { error: { code: "x", message: `broken ${echo}` } }), true);
      if (call.method === "PATCH") return (sendJson(response, 400, { error: { code: "0x80060888", message: `running ${echo}` } }), true);
      if (call.path === "ReactivateEntityKey") return (sendJson(response, 403, { error: { code: "x", message: `denied ${echo}`, token: echo } }), true);
      return false;
    });
    const gw = new HttpEnvironmentGateway({
      pair: "stage",
      financeAndOperationsUrl: estate.finOpsUrl,
      dataverseUrl: estate.dataverseUrl,
      dualWriteUrl: estate.dualWriteUrl,
      credentials: { dataverse: new StaticCredential(CANARY), financeAndOperations: new StaticCredential(CANARY), dualWrite: new StaticCredential(CANARY) },
      http: { ...FAST_HTTP, maxAttempts: 2 },
      poll: FAST_POLL,
      onProgress: (event) => events.push(event),
    });
    const errors = await Promise.all([
      gw.snapshot().catch((error: unknown) => error),
      gw.runMapAction({ entity: "CustomersV3", table: "account" }, "stop").catch((error: unknown) => error),
      gw.saveMapDefinition(definition()).catch((error: unknown) => error),
      gw.reactivateAlternateKey("account", "k").catch((error: unknown) => error),
    ]);
    expect(errors.every((error) => error instanceof Error)).toBe(true);
    expect(estate.calls.some((call) => call.headers.authorization === `Bearer ${CANARY}`)).toBe(true);
    for (const error of errors) {
      const renderings = [String(error), (error as Error).stack ?? "", JSON.stringify(error), inspect(error, { depth: 10 })];
      for (const text of renderings) expect(text).not.toContain(CANARY);
    }
    expect(JSON.stringify(events)).not.toContain(CANARY);
  });
});

describe("gatewayForPair", () => {
  it("swaps the sandbox origin in and keeps the configured URLs as identity", async () => {
    const token = await startTokenEndpoint();
    const gw = gatewayForPair(
      {
        name: "stage",
        sandbox: true,
        auth: { method: "sandbox" },
        financeAndOperations: { url: "http://127.0.0.1/stage/finops" },
        dataverse: { url: "http://127.0.0.1/stage/dataverse" },
      },
      {},
      { sandbox: { url: estate.origin, secret: "s3cret" }, http: FAST_HTTP, poll: FAST_POLL },
    );
    const snapshot = await gw.snapshot();
    expect(snapshot.identity).toEqual({
      financeAndOperationsUrl: "http://127.0.0.1/stage/finops",
      dataverseUrl: "http://127.0.0.1/stage/dataverse",
      dataverseOrganizationId: "org-1",
    });
    expect(estate.callsTo("dualwrite")[0]?.query.identifier).toBe(estate.finOpsUrl);
    const expected = [`${estate.dataverseUrl}/.default`, `${estate.dualWriteUrl}/.default`, `${estate.finOpsUrl}/.default`];
    expect(token.scopes.sort()).toEqual(expected.sort());
  });

  it("asks for a dualWrite.url on a real pair", () => {
    expect(() =>
      gatewayForPair(
        { name: "prod", auth: { method: "device-code" }, financeAndOperations: { url: "https://fo" }, dataverse: { url: "https://dv" } },
        {},
      ),
    ).toThrow(/dualWrite.url/);
  });

  it("asks the Data Integrator scope of a real service", () => {
    expect(dualWriteScopeFor("https://projectmanagementservice.weu.gateway.prod.island.powerapps.com")).toBe("https://IntegratorApp.com/.default");
    expect(dualWriteScopeFor("http://127.0.0.1:4000/dualwrite/")).toBe("http://127.0.0.1:4000/dualwrite/.default");
  });
});

async function startTokenEndpoint(): Promise<{ scopes: string[] }> {
  const scopes: string[] = [];
  estate.overrides.push((call, response) => {
    if (call.path !== "/_sandbox/token") return false;
    const body = call.body as { scope: string; client_secret: string };
    scopes.push(body.scope);
    sendJson(response, body.client_secret === "s3cret" ? 200 : 401, { access_token: `tok-${scopes.length}`, expires_in: 3600, token_type: "Bearer" });
    return true;
  });
  return { scopes };
}

describe("reads that answer for many at once", () => {
  const tableNamed = (index: number): string => `new_table${index}`;

  function tablesWithKeys(count: number, status: (index: number) => string): void {
    for (let index = 0; index < count; index++) {
      estate.tables.push({
        LogicalName: tableNamed(index),
        EntitySetName: `${tableNamed(index)}s`,
        Keys: [{ SchemaName: `new_Key${index}`, LogicalName: `new_key${index}`, DisplayName: { UserLocalizedLabel: { Label: "k" } }, KeyAttributes: ["new_code"], EntityKeyIndexStatus: status(index) }],
      });
    }
  }

  it("does not switch to the version the service already runs", async () => {
    addMap(definition());
    await gateway().activateMapVersion({ entity: "CustomersV3", table: "account" }, { publisher: "contoso", number: "1.0.0.3" });
    expect(estate.calls.some((call) => call.path.startsWith("SolutionAware/"))).toBe(false);
  });

  it("reads a few key statuses one by one, and many from one listing of the tables", async () => {
    const statuses = ["Active", "Pending", "InProgress", "Failed"];
    tablesWithKeys(12, (index) => statuses[index % 4] ?? "Active");
    const gw = gateway();
    const few = [0, 1, 2].map((index) => ({ table: tableNamed(index), schemaName: `new_Key${index}` }));
    await expect(gw.alternateKeyStatuses(few)).resolves.toEqual(["active", "pending", "inProgress"]);
    expect(estate.calls.filter((call) => call.path.includes("/Keys("))).toHaveLength(3);

    estate.calls.length = 0;
    const many = Array.from({ length: 12 }, (_, index) => ({ table: tableNamed(index), schemaName: `new_Key${index}` }));
    const missing = { table: tableNamed(0), schemaName: "new_Nothing" };
    const read = await gw.alternateKeyStatuses([...many, missing]);
    expect(read).toEqual([...Array.from({ length: 12 }, (_, index) => ["active", "pending", "inProgress", "failed"][index % 4]), undefined]);
    expect(estate.calls.map((call) => `${call.method} ${call.path}`)).toEqual(["GET EntityDefinitions"]);
  });

  it("follows many map actions from one listing of the maps, and asks for the rest by request id", async () => {
    const refs = Array.from({ length: 10 }, (_, index) => {
      addMap(definition(`Entity${index}`, tableNamed(index), `${tableNamed(index)}s`));
      estate.tables.push({ LogicalName: tableNamed(index), EntitySetName: `${tableNamed(index)}s`, Keys: [] });
      return { entity: `Entity${index}`, table: tableNamed(index) };
    });
    const gw = gateway();
    estate.waitingPolls = 0;
    const requests: MapActionRequest[] = [];
    for (const ref of refs) requests.push({ ref, action: "start" as const, requestId: await gw.beginMapAction(ref, "start") });
    const last = (index: number, status: number, state: number, message = ""): void => {
      const item = estate.entities[index];
      if (item === undefined) throw new Error("no such map");
      item.state = state;
      item.lastRequest = { requestId: requests[index]?.requestId ?? "", status, message };
    };
    for (let index = 0; index < 10; index++) last(index, 2, 4);
    last(1, 1, 1); // still waiting
    last(2, 2, 2); // completed, but the initial sync still runs
    last(3, 3, 0, "DIPV1003: table new_table3 has no integration key"); // failed
    const overtaken = estate.entities[4];
    if (overtaken === undefined) throw new Error("no fifth map");
    overtaken.lastRequest = { requestId: "someone-else", status: 2, message: "" }; // a later request by someone else
    estate.statusOutcome = { status: 2, message: "", state: 4 };
    estate.calls.length = 0;

    const ended: string[] = [];
    await gw.followMapActions(requests, (request, failure) => ended.push(`${request.ref.entity}${failure === undefined ? "" : `: ${failure.message}`}`));
    // The first listing ends eight of them; the two left are few enough to ask for by request id.
    expect(ended).toEqual([
      "Entity0",
      "Entity3: start Entity3 (new_table3) failed in the dual-write service: DIPV1003: table new_table3 has no integration key",
      ...[4, 5, 6, 7, 8, 9].map((index) => `Entity${index}`),
      "Entity1",
      "Entity2",
    ]);
    expect(estate.calls.map((call) => `${call.method} ${call.path}`)).toEqual([
      "GET Entities",
      `GET Status/${requests[4]?.requestId}`,
      `GET Status/${requests[1]?.requestId}`,
      `GET Status/${requests[2]?.requestId}`,
    ]);
    expect(events.some((event) => /^10 map actions: waiting for 2 of 10 \(start Entity1/.test(event.message))).toBe(true);
  });

  it("waits while a start's initial sync runs, and ends what is still open at the poll timeout", async () => {
    addMap(definition());
    const ref = { entity: "CustomersV3", table: "account" };
    estate.waitingPolls = 0;
    estate.statusOutcome = { status: 2, message: "", state: 2 }; // completed, map still initializing
    const gw = new HttpEnvironmentGateway({
      pair: "stage",
      financeAndOperationsUrl: estate.finOpsUrl,
      dataverseUrl: estate.dataverseUrl,
      dualWriteUrl: estate.dualWriteUrl,
      credentials: { dataverse: new StaticCredential(), financeAndOperations: new StaticCredential(), dualWrite: new StaticCredential() },
      http: FAST_HTTP,
      poll: { ...FAST_POLL, timeoutMs: 50 },
    });
    const request = { ref, action: "start" as const, requestId: await gw.beginMapAction(ref, "start") };
    const failures: (Error | undefined)[] = [];
    await gw.followMapActions([request], (_request, failure) => failures.push(failure));
    expect(failures).toHaveLength(1);
    expect(failures[0]).toBeInstanceOf(GatewayRefusedError);
    expect(failures[0]?.message).toMatch(/^start CustomersV3 \(account\) did not finish within 0 s/);
    expect(estate.calls.filter((call) => call.path.startsWith("Status/")).length).toBeGreaterThan(1);
  });

  it("reads a side it may not read as unknown, not as an error", async () => {
    const gw = gateway();
    await expect(gw.rowsOnBothSides([{ entity: "Hidden", entitySet: "hiddens" }])).resolves.toEqual([{ financeAndOperations: undefined, dataverse: undefined }]);
    expect(estate.calls.map((call) => `${call.service} ${call.method} ${call.path}`).sort()).toEqual(["dataverse GET hiddens", "finops GET data/Hidden"]);
    expect(estate.calls.find((call) => call.service === "dataverse")?.query).toMatchObject({ $top: "1" });
  });

  it("sets the integration keys of many tables in one request per 250 tables", async () => {
    const keys = Array.from({ length: 600 }, (_, index) => ({ table: tableNamed(index), columns: ["new_code"] }));
    await gateway().setIntegrationKeys(keys);
    expect(estate.calls.filter((call) => call.path === "api/dataset/cid-1/IntegrationKeys")).toHaveLength(3);
    expect(Object.keys(estate.integrationKeys)).toHaveLength(600);
    expect(estate.integrationKeys[tableNamed(599)]).toEqual(["new_code"]);
  });
});
