import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { GatewayRefusedError } from "../../src/live/gateway.js";
import type { MapActionRequest } from "../../src/live/gateway.js";
import { HttpEnvironmentGateway, dualWriteScopeFor } from "../../src/live/http-gateway.js";
import { AccessDeniedError } from "../../src/live/http/index.js";
import { toMapRow } from "../../src/live/mapping-json.js";
import type { MapDefinition } from "../../src/model/snapshot.js";
import { sendJson } from "./http/test-server.js";
import { FAST_HTTP, FAST_POLL, FakeEstate, StaticCredential } from "./fake-estate.js";

let estate: FakeEstate;

const CUSTOMERS = { entity: "CustCustomerV3Entity", table: "account" };
const UNITS = { entity: "UnitOfMeasureEntity", table: "uom" };

function customers(publisher = "Microsoft", number = "1.0.0.12"): MapDefinition {
  return {
    financeAndOperations: { entity: "CustCustomerV3Entity", label: "Customers V3", scope: "company" },
    dataverse: { table: "account", entitySet: "accounts", scope: "company" },
    version: { publisher, number },
    filters: { dataverse: "customertypecode eq 3" },
    fields: [{ fo: "CUSTOMERACCOUNT", map: "=", dv: "accountnumber" }],
    alerts: [],
  };
}

function gateway(): HttpEnvironmentGateway {
  const credential = new StaticCredential();
  return new HttpEnvironmentGateway({
    pair: "stage",
    financeAndOperationsUrl: estate.finOpsUrl,
    dataverseUrl: estate.dataverseUrl,
    dualWriteUrl: estate.dualWriteUrl,
    credentials: { dataverse: credential, financeAndOperations: credential, dualWrite: credential },
    http: FAST_HTTP,
    poll: FAST_POLL,
    identity: { financeAndOperationsUrl: "https://contoso-uat.sandbox.operations.dynamics.com", dataverseUrl: "https://contoso-uat.crm4.dynamics.com" },
  });
}

function addRow(definition: MapDefinition, id: string): void {
  estate.mapRows.push({ ...toMapRow(definition), msdyn_dualwriteentitymapid: id, statecode: 0, "@odata.etag": estate.etag() });
}

beforeEach(async () => {
  estate = await new FakeEstate().start();
  estate.tables.push({ LogicalName: "uom", EntitySetName: "uoms", Keys: [] });
});

afterEach(async () => {
  await estate.stop();
});

describe("the gateway's snapshot", () => {
  it("maps link, integration keys by logical name, templates, initialised and the active definition", async () => {
    addRow(customers(), "row-b-12");
    addRow(customers("Contoso", "1.0.0.13"), "row-b-13");
    const snapshot = await gateway().snapshot();
    const environments = estate.callsTo("dualwrite").find((call) => call.path.endsWith("Environments"));
    expect(environments?.query).toEqual({ targetType: "AX", identifier: "contoso-uat.sandbox.operations.dynamics.com" });
    expect(snapshot.link).toEqual({
      connectionSet: "contoso-uat-dw-connectionset",
      dataverseUrl: "https://contoso-uat.crm4.dynamics.com",
      powerAppsEnvironment: "2f6a8c1e-4b3d-4e5f-9a7b-1c2d3e4f5a6b",
      legalEntities: ["DEMF", "USMF"],
    });
    expect(snapshot.integrationKeys).toEqual([{ table: "uom", columns: ["msdyn_symbol"] }]);
    const units = snapshot.maps.find((map) => map.ref.entity === UNITS.entity);
    const account = snapshot.maps.find((map) => map.ref.entity === CUSTOMERS.entity);
    expect(units?.ref).toEqual(UNITS);
    expect(units).toMatchObject({ initialised: true, state: "running", lastRequest: { action: "start", state: "completed" } });
    // No Dataverse row holds A's active version: its definition comes from FieldMappings.
    expect(units?.definition.fields.map((field) => field.dv)).toEqual(["msdyn_symbol", "name", "msdyn_description"]);
    expect(units?.definition.version).toEqual({ publisher: "Microsoft", number: "1.0.0.3" });
    expect(account).toMatchObject({ ref: CUSTOMERS, initialised: false, state: "stopped" });
    // A template other than the active one carries the definition of its row (same author and version), for plan to compare.
    expect(account?.templates).toEqual([
      { id: "4a7c9e1b-2d3f-4e5a-8b6c-0d1e2f3a4b5c", publisher: "Microsoft", number: "1.0.0.12" },
      { id: "6c8e0a2b-4d5f-4a7b-9c1d-3e5f7a9b1c3d", publisher: "Contoso", number: "1.0.0.13", definition: customers("Contoso", "1.0.0.13") },
    ]);
    expect(account?.definition).toEqual(customers());
    expect(account?.versions.map((version) => version.id)).toEqual(["row-b-12", "row-b-13"]);
    expect(estate.callsTo("dualwrite").filter((call) => call.path.endsWith("FieldMappings"))).toHaveLength(1);
  });

  it("reads the active version of a row that names no publisher as the version of its template's author", async () => {
    const row = toMapRow(customers());
    const properties = JSON.parse(row.msdyn_properties) as Record<string, unknown>;
    delete properties["publisher"];
    estate.mapRows.push({ ...row, msdyn_properties: JSON.stringify(properties), msdyn_dualwriteentitymapid: "row-b-12", statecode: 0, "@odata.etag": estate.etag() });
    const account = (await gateway().snapshot()).maps.find((map) => map.ref.entity === CUSTOMERS.entity);
    expect(account?.definition.version).toEqual({ publisher: "Microsoft", number: "1.0.0.12" });
    // A row without a publisher is no template's definition: it may belong to any author.
    expect(account?.templates.every((template) => template.definition === undefined)).toBe(true);
  });

  it("fails naming the map when its active version has no row and no pid", async () => {
    await expect(gateway().snapshot()).rejects.toThrow(/accounts - Customers V3 has no readable msdyn_dualwriteentitymap row/);
  });

  it("reads an empty Environments as not linked", async () => {
    estate.environments = [];
    const snapshot = await gateway().snapshot();
    expect(snapshot.link).toBeUndefined();
    expect(snapshot.maps).toEqual([]);
  });
});

describe("the gateway's writes", () => {
  it("saves into a solution, creating it for the publisher when missing, with the solution header", async () => {
    const { versionId } = await gateway().saveMapDefinition(customers("Contoso", "1.0.0.14"), "ContosoDualWriteMaps");
    expect(versionId).not.toBe("");
    expect(estate.solutions).toEqual([
      { uniquename: "ContosoDualWriteMaps", friendlyname: "ContosoDualWriteMaps", version: "1.0.0.0", "publisherid@odata.bind": "/publishers(pub-contoso)", solutionid: "sol-1" },
    ]);
    const create = estate.callsTo("dataverse").find((call) => call.method === "POST" && call.path === "msdyn_dualwriteentitymaps");
    expect(create?.headers["mscrm.solutionuniquename"]).toBe("ContosoDualWriteMaps");
  });

  it("never saves over another publisher's version kept in a row that names no publisher; its own publisher may", async () => {
    const row = toMapRow(customers());
    const properties = JSON.parse(row.msdyn_properties) as Record<string, unknown>;
    delete properties["publisher"];
    estate.mapRows.push({ ...row, msdyn_properties: JSON.stringify(properties), msdyn_dualwriteentitymapid: "row-b-12", statecode: 0, "@odata.etag": estate.etag() });
    const error = await gateway().saveMapDefinition(customers("Contoso", "1.0.0.12"), "ContosoDualWriteMaps").catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(GatewayRefusedError);
    expect((error as GatewayRefusedError).message).toContain("the dual-write service lists it as Microsoft's: dwctl does not overwrite another publisher's version with Contoso's");
    expect(estate.callsTo("dataverse").filter((call) => call.method !== "GET")).toEqual([]);
    await gateway().saveMapDefinition(customers("microsoft", "1.0.0.12"), "MicrosoftMaps");
    expect(estate.callsTo("dataverse").filter((call) => call.method === "PATCH").map((call) => call.path)).toEqual(["msdyn_dualwriteentitymaps(row-b-12)"]);
  });

  it("refuses to save when the solution is missing and so is its publisher", async () => {
    const error = await gateway().saveMapDefinition(customers("Fabrikam", "1.0.0.1"), "FabrikamMaps").catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(GatewayRefusedError);
    expect((error as GatewayRefusedError).hint).toMatch(/create the publisher Fabrikam/);
  });

  it("applies a solution to done and refuses when the service reports an error", async () => {
    await gateway().applySolution("ContosoDualWriteMaps");
    estate.outcome = { state: "3", errorMessage: "solution not found" };
    await expect(gateway().applySolution("Nope")).rejects.toThrow(/apply solution Nope failed in the dual-write service: solution not found/);
  });

  it("refuses to activate a version that is not a template, and switches to one that is", async () => {
    addRow(customers(), "row-b-12");
    const dw = gateway();
    await expect(dw.activateMapVersion(CUSTOMERS, { publisher: "Contoso", number: "1.0.0.99" })).rejects.toThrow(
      /version Contoso 1.0.0.99 of CustCustomerV3Entity \(account\) is not a template of the dual-write service: apply its solution first/,
    );
    await expect(dw.activateMapVersion(CUSTOMERS, { publisher: "contoso", number: "1.0.0.13" })).rejects.toThrow(/not initialised/);
    const map = estate.entities[1];
    if (map !== undefined) map.detail.pid = "9d1f3b5c-7e9a-4b1c-8d3e-5f7a9b1c3d5e";
    await gateway().activateMapVersion(CUSTOMERS, { publisher: "contoso", number: "1.0.0.13" });
    const switched = estate.callsTo("dualwrite").find((call) => call.path.includes("SwitchActive"));
    expect(switched?.path).toBe("api/DualWriteManagement/1.0/SolutionAware/c3d1e5f7-8a9b-4c0d-9e1f-2a3b4c5d6e7f/SwitchActive/6c8e0a2b-4d5f-4a7b-9c1d-3e5f7a9b1c3d");
    expect(switched?.query).toEqual({ pid: "9d1f3b5c-7e9a-4b1c-8d3e-5f7a9b1c3d5e" });
    expect(switched?.raw).toBe("6c8e0a2b-4d5f-4a7b-9c1d-3e5f7a9b1c3d");
  });

  it("switches to the first template by id among twins of one author and version, and sends nothing when the active one is of them", async () => {
    addRow(customers(), "row-b-12");
    const map = estate.entities[1];
    if (map === undefined) throw new Error("no Customers V3 in the fixture");
    map.detail.pid = "9d1f3b5c-7e9a-4b1c-8d3e-5f7a9b1c3d5e";
    const twin = (id: string) => ({ id, author: "Contoso", version: { major: 1, minor: 0, build: 0, revision: 13 } });
    map.detail.templates = [...map.detail.templates, twin("zz-twin"), twin("00-twin")];
    await gateway().activateMapVersion(CUSTOMERS, { publisher: "contoso", number: "1.0.0.13" });
    expect(estate.callsTo("dualwrite").filter((call) => call.path.includes("SwitchActive")).map((call) => call.raw)).toEqual(["00-twin"]);
    map.detail.template = twin("zz-twin");
    await gateway().activateMapVersion(CUSTOMERS, { publisher: "contoso", number: "1.0.0.13" });
    expect(estate.callsTo("dualwrite").filter((call) => call.path.includes("SwitchActive"))).toHaveLength(1);
  });

  it("refreshes tables by the project name of FieldMappings", async () => {
    await gateway().refreshTables(UNITS);
    const refresh = estate.callsTo("dualwrite").find((call) => call.path.endsWith("/Refresh"));
    expect(refresh?.path).toBe("api/Project/DWM-8d2f4a6c-0e1b-4d3f-9a5c-7b1e3d5f7a9c/Refresh");
    expect(refresh?.body).toEqual({ tokens: [""] });
  });

  it("initialises a map, then starts it with an initial sync", async () => {
    const dw = gateway();
    expect(await dw.runMapAction(CUSTOMERS, "initialise")).toBe("stopped");
    expect(await dw.runMapAction(CUSTOMERS, "start", { initialSync: { master: "dataverse" } })).toBe("running");
    const starts = estate.callsTo("dualwrite").filter((call) => call.path.endsWith("/Start")).map((call) => call.body);
    expect(starts).toEqual([
      { action: "8", details: [{ tid: "4a7c9e1b-2d3f-4e5a-8b6c-0d1e2f3a4b5c", cid: "c3d1e5f7-8a9b-4c0d-9e1f-2a3b4c5d6e7f" }] },
      {
        action: "1",
        details: [
          {
            tid: "4a7c9e1b-2d3f-4e5a-8b6c-0d1e2f3a4b5c",
            pid: "9d1f3b5c-7e9a-4b1c-8d3e-5f7a9b1c3d5e",
            cid: "c3d1e5f7-8a9b-4c0d-9e1f-2a3b4c5d6e7f",
            parameters: { skipInitialSync: false, conflictResolution: { option: "1", master: "CRM" } },
          },
        ],
      },
    ]);
  });

  it("reports a failed request with its error message and request id", async () => {
    estate.outcome = { state: "3", errorMessage: "Initial sync failed for legal entity DEMF." };
    const dw = gateway();
    const requestId = await dw.beginMapAction(UNITS, "stop");
    const ended: [MapActionRequest, Error | undefined][] = [];
    await dw.followMapActions([{ ref: UNITS, action: "stop", requestId }], (request, failure) => ended.push([request, failure]));
    expect(ended[0]?.[1]).toBeInstanceOf(GatewayRefusedError);
    expect(ended[0]?.[1]?.message).toMatch(/failed in the dual-write service: Initial sync failed for legal entity DEMF/);
    expect((ended[0]?.[1] as GatewayRefusedError).requestId).toBe(requestId);
  });

  it("writes one integration key per table, keyed by entity set, to the Dataverse dataset", async () => {
    await gateway().setIntegrationKeys([
      { table: "account", columns: ["accountnumber", "msdyn_company.cdm_companycode"] },
      { table: "uom", columns: ["msdyn_symbol"] },
    ]);
    const writes = estate.callsTo("dualwrite").filter((call) => call.path.endsWith("IntegrationKeys"));
    expect(writes.map((call) => [call.path, call.body])).toEqual([
      ["api/dataset/ds-crm-5b7e0c2a/IntegrationKeys", { integrationKeys: { accounts: ["accountnumber", "msdyn_company.cdm_companycode"] }, datasetName: "ds-crm-5b7e0c2a" }],
      ["api/dataset/ds-crm-5b7e0c2a/IntegrationKeys", { integrationKeys: { uoms: ["msdyn_symbol"] }, datasetName: "ds-crm-5b7e0c2a" }],
    ]);
  });

  it("resets the link with the body built from the connection set", async () => {
    await gateway().resetLink({ force: true, legalEntities: ["USMF"] });
    const reset = estate.callsTo("dualwrite").find((call) => call.path.endsWith("/Reset"));
    expect(reset?.query).toEqual({ targetType: "AX", forceReset: "True" });
    expect(reset?.body).toMatchObject({ powerAppsEnvironmentName: "2f6a8c1e-4b3d-4e5f-9a7b-1c2d3e4f5a6b", legalEntities: ["USMF"], environments: [{ targetType: "CRM" }, { targetType: "AX" }] });
  });

  it("names the management token when the service answers 401", async () => {
    estate.overrides.push((call, response) => {
      if (call.service !== "dualwrite") return false;
      sendJson(response, 401, { error: { message: "token audience mismatch" } });
      return true;
    });
    const error = await gateway().applySolution("X").catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AccessDeniedError);
    expect((error as AccessDeniedError).message).toMatch(/^the dual-write management service refused the token for scope .* with 401 \(token audience mismatch\)/);
    expect((error as AccessDeniedError).hint).toMatch(/delegated user token for https:\/\/IntegratorApp\.com .*no app-only or OIDC token/);
  });

  it("uses the Data Integrator scope for a real service and the loopback audience for the sandbox", () => {
    expect(dualWriteScopeFor("https://projectmanagementservice.weu-il107.gateway.prod.island.powerapps.com")).toBe("https://IntegratorApp.com/.default");
    expect(dualWriteScopeFor("http://127.0.0.1:4000/dualwrite")).toBe("http://127.0.0.1:4000/dualwrite/.default");
  });
});
