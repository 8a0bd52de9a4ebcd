import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_METADATA_URL, chunkConditions, encodedLength, tableColumnsPath } from "../../src/live/dataverse/columns.js";
import { readPublicEntities } from "../../src/live/finops/public-entities.js";
import { HttpClient } from "../../src/live/http/index.js";
import { gatewayForPair, type HttpEnvironmentGateway } from "../../src/live/http-gateway.js";
import { startSandbox, type RunningSandbox } from "../../src/sandbox/index.js";
import { CORPUS_CATALOG } from "../../src/sandbox/seed/corpus-catalog.js";
import { loadSources } from "../../src/config/load.js";
import { readInputFiles } from "../../src/config/read-files.js";
import { emptyColumnMetadata, mergeColumnMetadata } from "../../src/model/column-metadata.js";
import { findColumnProblems, metadataToRead } from "../../src/plan/check-columns.js";
import { root } from "../helpers/cli.js";
import { sendJson, startServer } from "./http/test-server.js";
import { FAST_HTTP, StaticCredential } from "./fake-estate.js";

let sandbox: RunningSandbox | undefined;
let dataDir = "";
let gateway: HttpEnvironmentGateway;
const seen: string[] = [];

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "dwctl-columns-"));
  sandbox = await startSandbox({ dataDir, port: 0 });
  gateway = gatewayForPair(
    { name: "stage", sandbox: true, auth: { method: "sandbox" }, financeAndOperations: { url: "http://stage.operations.localhost/stage/finops" }, dataverse: { url: "http://127.0.0.1/stage/dataverse" } },
    {},
    { sandbox: { url: sandbox.url, secret: sandbox.secret }, http: { ...FAST_HTTP, logger: (event) => seen.push(`${event.method ?? ""} ${event.url ?? ""}`) } },
  );
});

afterAll(async () => {
  await sandbox?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

function sent(): { dataverse: number; finOps: number } {
  return { dataverse: gateway.dataverse.http.stats.requestsSent, finOps: gateway.finOps.http.stats.requestsSent };
}

describe("readColumnMetadata against the sandbox", () => {
  it("reads the starter estate's 8 tables and 8 entities in one request per app", async () => {
    const before = sent();
    const metadata = await gateway.readColumnMetadata({
      tables: ["account", "contact", "cdm_company", "transactioncurrency", "msdyn_customergroup", "msdyn_vendorgroup", "msdyn_vendor", "msdyn_paymentterm"],
      entities: ["CustomersV3", "CDSContactsV2", "LegalEntities", "Currencies", "CustCustomerGroup", "VendVendorGroup", "VendorsV2", "TermsofPayment"],
    });
    const after = sent();
    expect({ dataverse: after.dataverse - before.dataverse, finOps: after.finOps - before.finOps }).toEqual({ dataverse: 1, finOps: 1 });
    const account = metadata.tables.get("account");
    expect(account?.entitySet).toBe("accounts");
    expect(account?.columns.find((column) => column.name === "transactioncurrencyid")).toEqual({ name: "transactioncurrencyid", type: "Lookup", targets: ["transactioncurrency"] });
    expect(account?.columns.find((column) => column.name === "accountnumber")).toEqual({ name: "accountnumber", type: "String", targets: [] });
    expect(account?.columns.find((column) => column.name === "msdyn_creditlimitismandatory")?.type).toBe("Boolean");
    const customers = metadata.entities.get("CustomersV3");
    expect(customers?.fields.map((field) => field.name)).toEqual(expect.arrayContaining(["CustomerAccount", "PartyType", "dataAreaId"]));
    expect(customers?.fields.find((field) => field.name === "CustomerAccount")?.isKey).toBe(true);
  });

  it("reads every table and entity of the template corpus in a few requests, and answers undefined for names the apps do not have", async () => {
    const tables = [...CORPUS_CATALOG.tables.map((table) => table.logicalName), "contoso_nosuchtable"];
    const entities = [...CORPUS_CATALOG.entities.map((entity) => entity.entitySet), "NoSuchEntitiesV9"];
    const before = sent();
    const metadata = await gateway.readColumnMetadata({ tables, entities });
    const after = sent();
    const requests = { dataverse: after.dataverse - before.dataverse, finOps: after.finOps - before.finOps };
    // A URL of at most 4,000 characters takes 60 or more names: today's corpus (~50 tables, ~40 entities) is one request each.
    expect(tables.length).toBeGreaterThan(45);
    expect(requests.dataverse).toBeLessThanOrEqual(Math.ceil(tables.length / 60));
    expect(requests.finOps).toBeLessThanOrEqual(Math.ceil(entities.length / 60));
    expect(metadata.tables.has("contoso_nosuchtable")).toBe(true);
    expect(metadata.tables.get("contoso_nosuchtable")).toBeUndefined();
    expect(metadata.entities.has("NoSuchEntitiesV9")).toBe(true);
    expect(metadata.entities.get("NoSuchEntitiesV9")).toBeUndefined();
    for (const table of CORPUS_CATALOG.tables) {
      const live = metadata.tables.get(table.logicalName);
      expect(live, table.logicalName).toBeDefined();
      for (const column of Object.keys(table.columns)) expect(live?.columns.some((c) => c.name === column), `${table.logicalName}.${column}`).toBe(true);
    }
    const salesorder = metadata.tables.get("salesorder");
    expect(salesorder?.columns.find((column) => column.name === "customerid")).toEqual({ name: "customerid", type: "Customer", targets: ["account", "contact"] });
    for (const entity of CORPUS_CATALOG.entities) {
      const live = metadata.entities.get(entity.entitySet);
      for (const field of entity.fields) expect(live?.fields.some((f) => f.name.toLowerCase() === field.toLowerCase()), `${entity.entitySet}.${field}`).toBe(true);
    }
  });

  it("finds nothing wrong with Microsoft's templates and maps/, in two requests per app", async () => {
    const { desired } = loadSources(await readInputFiles(["test/corpus/templates", "maps"], root));
    const scope = { maps: desired.maps, keys: desired.keys, allKeys: desired.keys };
    const before = sent();
    let metadata = emptyColumnMetadata();
    let rounds = 0;
    for (let wanted = metadataToRead(scope, metadata); wanted.tables.length + wanted.entities.length > 0; wanted = metadataToRead(scope, metadata)) {
      metadata = mergeColumnMetadata(metadata, await gateway.readColumnMetadata(wanted));
      rounds += 1;
    }
    const after = sent();
    expect(findColumnProblems(scope, metadata)).toEqual([]);
    expect(rounds).toBeLessThanOrEqual(2);
    expect(after.dataverse - before.dataverse).toBeLessThanOrEqual(2 * Math.ceil(CORPUS_CATALOG.tables.length / 60));
    expect(after.finOps - before.finOps).toBeLessThanOrEqual(Math.ceil(CORPUS_CATALOG.entities.length / 60));
  });

  it("costs maps/ two requests on its first plan, and an edit of one map two", async () => {
    const { desired } = loadSources(await readInputFiles(["maps"], root));
    const measure = async (scope: Parameters<typeof metadataToRead>[0]) => {
      const before = sent();
      let metadata = emptyColumnMetadata();
      for (let wanted = metadataToRead(scope, metadata); wanted.tables.length + wanted.entities.length > 0; wanted = metadataToRead(scope, metadata)) {
        metadata = mergeColumnMetadata(metadata, await gateway.readColumnMetadata(wanted));
      }
      const after = sent();
      expect(findColumnProblems(scope, metadata)).toEqual([]);
      return after.dataverse - before.dataverse + (after.finOps - before.finOps);
    };
    expect(await measure({ maps: desired.maps, keys: desired.keys, allKeys: desired.keys })).toBe(2);
    for (const map of desired.maps) expect(await measure({ maps: [map], keys: [], allKeys: desired.keys }), map.name).toBe(2);
  });

  it("sends the documented metadata queries", async () => {
    seen.length = 0;
    await gateway.readColumnMetadata({ tables: ["account"], entities: ["CustomersV3"] });
    const urls = seen.filter((line) => line.startsWith("GET ")).map((line) => decodeURIComponent(line));
    expect(urls.some((url) => url.includes("EntityDefinitions?$select=LogicalName,EntitySetName&$filter=LogicalName eq 'account'&$expand=Attributes($select=LogicalName,AttributeType),ManyToOneRelationships($select=ReferencingAttribute,ReferencedEntity)"))).toBe(true);
    expect(urls.some((url) => url.includes("metadata/PublicEntities?$filter=EntitySetName eq 'CustomersV3'"))).toBe(true);
  });
});

describe("metadata requests stay small", () => {
  it("splits a long list of names into filters whose URLs stay under the limit", () => {
    const names = Array.from({ length: 400 }, (_, index) => `contoso_table_number_${index}`);
    const condition = (name: string): string => `LogicalName eq '${name}'`;
    const groups = chunkConditions(names, condition, MAX_METADATA_URL - 200 - encodedLength(tableColumnsPath("")));
    expect(groups.flat()).toEqual(names);
    expect(groups.length).toBeGreaterThan(1);
    for (const group of groups) expect(encodedLength(tableColumnsPath(group.map(condition).join(" or "))) + 200).toBeLessThanOrEqual(MAX_METADATA_URL);
  });

  it("reads each entity on its own when finance and operations refuses an `or` filter", async () => {
    const server = await startServer((request, response) => {
      const filter = new URL(request.url, "http://x").searchParams.get("$filter") ?? "";
      if (filter.includes(" or ")) return sendJson(response, 400, { error: { code: "BadRequest", message: "The query specified in the URI is not valid." } });
      const name = /'([^']*)'/.exec(filter)?.[1] ?? "";
      sendJson(response, 200, { value: [{ Name: name, EntitySetName: name, Properties: [{ Name: "Id", DataType: "String", IsKey: true }] }] });
    });
    try {
      const http = new HttpClient({ ...FAST_HTTP, baseUrl: server.url.replace(/api\/data\/v9\.2\/$/, ""), credential: new StaticCredential(), scope: "x/.default" });
      const entities = await readPublicEntities(http, ["CustomersV3", "VendorsV2"]);
      expect(entities.map((entity) => entity.entitySet).sort()).toEqual(["CustomersV3", "VendorsV2"]);
      expect(server.requests).toHaveLength(3);
    } finally {
      await server.close();
    }
  });
});
