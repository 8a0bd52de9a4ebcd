import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { checkColumns } from "../../src/cli/plan-run.js";
import { loadSources } from "../../src/config/load.js";
import type { ColumnMetadata, ColumnMetadataRequest, LiveEntity, LiveTable } from "../../src/model/column-metadata.js";
import { desiredForPair } from "../../src/model/pair-view.js";
import type { Desired } from "../../src/model/desired.js";
import { columnScope, findColumnProblems, metadataToRead, type ColumnScope } from "../../src/plan/check-columns.js";
import type { Plan } from "../../src/plan/plan.js";
import { summarisePlan } from "../../src/plan/summarise-plan.js";
import { baseEstate, toInputs } from "../helpers/estate.js";

/** A live table: column -> type, or [type, ...targets] for a lookup. */
function table(logicalName: string, entitySet: string, columns: Record<string, string | string[]>): LiveTable {
  return {
    logicalName,
    entitySet,
    columns: Object.entries(columns).map(([name, spec]) => (typeof spec === "string" ? { name, type: spec, targets: [] } : { name, type: spec[0] ?? "Lookup", targets: spec.slice(1) })),
  };
}

function entity(entitySet: string, fields: string[]): LiveEntity {
  return { name: entitySet, entitySet, fields: fields.map((name) => ({ name, dataType: "String", isKey: false })) };
}

/** The live side of the base estate (test/helpers/estate.ts), as its maps and keys need it. */
function liveEstate(): { tables: LiveTable[]; entities: LiveEntity[] } {
  return {
    tables: [
      table("account", "accounts", {
        accountid: "Uniqueidentifier",
        accountnumber: "String",
        name: "String",
        transactioncurrencyid: ["Lookup", "transactioncurrency"],
        msdyn_creditlimitismandatory: "Boolean",
        customertypecode: "Picklist",
        msdyn_company: ["Lookup", "cdm_company"],
        parentaccountid: ["Lookup", "account"],
        donotemail: "Boolean",
      }),
      table("transactioncurrency", "transactioncurrencies", { transactioncurrencyid: "Uniqueidentifier", isocurrencycode: "String", currencyname: "String" }),
      table("cdm_company", "cdm_companies", { cdm_companyid: "Uniqueidentifier", cdm_companycode: "String", cdm_name: "String" }),
      table("contact", "contacts", { contactid: "Uniqueidentifier", msdyn_contactpersonid: "String" }),
    ],
    entities: [
      entity("CustomersV3", ["dataAreaId", "CustomerAccount", "OrganizationName", "SalesCurrencyCode", "CreditLimitIsMandatory", "LanguageId", "PartyType"]),
      entity("Currencies", ["CurrencyCode", "Name"]),
      entity("LegalEntities", ["LegalEntityId", "Name"]),
    ],
  };
}

/** Answers like the gateway: every name asked is in the answer, undefined when the app has no such thing. */
function fakeGateway(live = liveEstate()): { readColumnMetadata: (request: ColumnMetadataRequest) => Promise<ColumnMetadata>; requests: ColumnMetadataRequest[] } {
  const requests: ColumnMetadataRequest[] = [];
  return {
    requests,
    readColumnMetadata: async (request) => {
      requests.push(request);
      return {
        tables: new Map(request.tables.map((name) => [name, live.tables.find((t) => t.logicalName === name)])),
        entities: new Map(request.entities.map((name) => [name, live.entities.find((e) => e.entitySet === name)])),
      };
    },
  };
}

async function metadataFor(scope: ColumnScope, live = liveEstate()): Promise<{ metadata: ColumnMetadata; rounds: number }> {
  const gateway = fakeGateway(live);
  let metadata: ColumnMetadata = { tables: new Map(), entities: new Map() };
  for (;;) {
    const wanted = metadataToRead(scope, metadata);
    if (wanted.tables.length === 0 && wanted.entities.length === 0) break;
    const more = await gateway.readColumnMetadata(wanted);
    metadata = { tables: new Map([...metadata.tables, ...more.tables]), entities: new Map([...metadata.entities, ...more.entities]) };
  }
  return { metadata, rounds: gateway.requests.length };
}

function load(files: Record<string, string>): Desired {
  const loaded = loadSources(toInputs(files));
  expect(loaded.findings.filter((f) => f.severity === "error")).toEqual([]);
  return loaded.desired;
}

function everything(desired: Desired): ColumnScope {
  return { maps: desired.maps, keys: desired.keys, allKeys: desired.keys };
}

function edited(path: string, from: string, to: string): Record<string, string> {
  const files = baseEstate();
  const text = files[path];
  if (text === undefined || !text.includes(from)) throw new Error(`${path} does not contain ${from}`);
  files[path] = text.replace(from, to);
  return files;
}

async function problems(files: Record<string, string>, live = liveEstate()) {
  const scope = everything(load(files));
  return findColumnProblems(scope, (await metadataFor(scope, live)).metadata).map((p) => ({ kind: p.kind, file: p.file, path: p.path.join("."), span: p.span, message: p.message }));
}

const customers = "maps/tablemaps/customers.yaml";

describe("column check: a valid estate", () => {
  it("passes, after one round of reads (lookup targets guessed from the integration keys)", async () => {
    const scope = everything(load(baseEstate()));
    const { metadata, rounds } = await metadataFor(scope);
    expect(findColumnProblems(scope, metadata)).toEqual([]);
    expect(rounds).toBe(1);
    expect(metadataToRead(scope, { tables: new Map(), entities: new Map() })).toEqual({
      tables: ["account", "cdm_company", "transactioncurrency"],
      entities: ["Currencies", "CustomersV3", "LegalEntities"],
    });
  });

  it("reads a lookup's live target in a second round when nothing in git names it", async () => {
    const files = edited(customers, "  - { fo: ORGANIZATIONNAME, map: \"=\", dv: name }\n", "  - { fo: ORGANIZATIONNAME, map: \"=\", dv: name }\n  - { fo: CONTACTPERSONID, map: \">\", dv: msdyn_primarycontact.msdyn_contactpersonid }\n");
    const live = liveEstate();
    live.entities[0]?.fields.push({ name: "ContactPersonId", dataType: "String", isKey: false });
    live.tables[0]?.columns.push({ name: "msdyn_primarycontact", type: "Lookup", targets: ["contact"] });
    const scope = everything(load(files));
    const { metadata, rounds } = await metadataFor(scope, live);
    expect(rounds).toBe(2);
    expect(findColumnProblems(scope, metadata)).toEqual([]);
  });
});

describe("column check: what it blocks", () => {
  it("a mapped column that does not exist", async () => {
    expect(await problems(edited(customers, "dv: name }", "dv: nmae }"))).toEqual([
      { kind: "unknownColumn", file: customers, path: "fields.1.dv", span: { start: 0, end: 4 }, message: "table account has no column nmae" },
    ]);
  });

  it("a lookup path whose column is missing on the target table", async () => {
    expect(await problems(edited(customers, "transactioncurrencyid.isocurrencycode", "transactioncurrencyid.isocode"))).toEqual([
      {
        kind: "unknownColumn",
        file: customers,
        path: "fields.2.dv",
        span: { start: 22, end: 29 },
        message: "transactioncurrency (the table lookup account.transactioncurrencyid points at) has no column isocode",
      },
    ]);
  });

  it("a lookup path through a column that is not a lookup", async () => {
    expect(await problems(edited(customers, "dv: name }", "dv: name.fullname }"))).toEqual([
      { kind: "incompatibleColumn", file: customers, path: "fields.1.dv", span: { start: 0, end: 4 }, message: "account.name is a String column, not a lookup, so name.fullname cannot look up through it" },
    ]);
  });

  it("a lookup path through a lookup column that does not exist", async () => {
    expect((await problems(edited(customers, "transactioncurrencyid.isocurrencycode", "currencyid.isocurrencycode")))[0]?.message).toBe("table account has no column currencyid");
  });

  it("a key column that does not exist, and one whose type an alternate key cannot hold", async () => {
    const files = edited("maps/keys/account.yaml", "columns: [accountnumber, msdyn_company.cdm_companycode]", "columns: [accountnumbr, donotemail, msdyn_company.cdm_code]");
    expect(await problems(files)).toEqual([
      { kind: "unknownColumn", file: "maps/keys/account.yaml", path: "columns.0", span: { start: 0, end: 12 }, message: "table account has no column accountnumbr" },
      {
        kind: "incompatibleColumn",
        file: "maps/keys/account.yaml",
        path: "columns.1",
        span: { start: 0, end: 10 },
        message: "key column account.donotemail is a Boolean column, which an alternate key cannot hold",
      },
      {
        kind: "unknownColumn",
        file: "maps/keys/account.yaml",
        path: "columns.2",
        span: { start: 14, end: 22 },
        message: "cdm_company (the table lookup account.msdyn_company points at) has no column cdm_code",
      },
    ]);
  });

  it("a filter column that does not exist, on either side", async () => {
    const files = edited(customers, "((PartyType == \"Organization\"))", "((PartyKind == \"Organization\"))");
    files[customers] = (files[customers] ?? "").replace("dataverse: customertypecode eq 3", "dataverse: customertype eq 3");
    expect(await problems(files)).toEqual([
      { kind: "unknownColumn", file: customers, path: "filters.dataverse", span: { start: 0, end: 12 }, message: "Dataverse filter: table account has no column customertype" },
      { kind: "unknownColumn", file: customers, path: "filters.financeAndOperations", span: { start: 2, end: 11 }, message: "finance and operations filter: CustomersV3 has no field PartyKind" },
    ]);
  });

  it("a finance and operations field that the public entity does not have (compared without case)", async () => {
    expect(await problems(edited(customers, "{ fo: ORGANIZATIONNAME,", "{ fo: ORGANISATIONNAME,"))).toEqual([
      { kind: "unknownColumn", file: customers, path: "fields.1.fo", span: undefined, message: "CustomersV3 has no field ORGANISATIONNAME" },
    ]);
  });

  it("a table or entity that does not exist", async () => {
    const files = edited("maps/tablemaps/currencies.yaml", "entity: Currencies,", "entity: CurrenciesV9,");
    files["maps/tablemaps/legal-entities.yaml"] = (files["maps/tablemaps/legal-entities.yaml"] ?? "").replace("table: cdm_company,", "table: cdm_companie,");
    files["maps/keys/cdm_company.yaml"] = (files["maps/keys/cdm_company.yaml"] ?? "").replace("table: cdm_company", "table: cdm_companie");
    files["maps/tablemaps/customers.yaml"] = (files["maps/tablemaps/customers.yaml"] ?? "").replace("msdyn_company.cdm_companycode", "msdyn_company.cdm_companycode");
    const found = await problems(files);
    expect(found.map((p) => `${p.file} ${p.path} ${p.message}`)).toEqual([
      "maps/tablemaps/legal-entities.yaml dataverse.table Dataverse has no table cdm_companie",
      "maps/tablemaps/currencies.yaml financeAndOperations.entity finance and operations lists no public entity whose collection name is CurrenciesV9",
      "maps/keys/cdm_company.yaml table Dataverse has no table cdm_companie",
    ]);
  });

  it("a polymorphic lookup: each named table must be a target, and have the column", async () => {
    const files = edited(customers, "dv: name }", "dv: parentcustomerid.Account(accountnumber).Contact(msdyn_contactpersonid).Lead(leadnumber) }");
    const live = liveEstate();
    live.tables[0]?.columns.push({ name: "parentcustomerid", type: "Customer", targets: ["account", "contact"] });
    const found = await problems(files, live);
    expect(found).toEqual([
      { kind: "unknownColumn", file: customers, path: "fields.1.dv", span: { start: 71, end: 75 }, message: "lookup account.parentcustomerid does not point at table lead (it points at account, contact)" },
    ]);
  });
});

describe("column check in the plan", () => {
  const dirs: string[] = [];
  afterEach(async () => {
    for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
  });

  async function tree(files: Record<string, string>): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), "dwctl-columns-"));
    dirs.push(dir);
    for (const [path, text] of Object.entries(files)) {
      await mkdir(dirname(join(dir, path)), { recursive: true });
      await writeFile(join(dir, path), text);
    }
    return dir;
  }

  function planSaving(maps: string[], keyTables: string[]): Plan {
    const actions = [
      ...keyTables.map((table) => ({ kind: "setIntegrationKey", table })),
      ...maps.map((map) => ({ kind: "saveMapDefinition", map, changes: {} })),
    ] as unknown as Plan["actions"];
    const plan = { pair: "stage", actions, drift: [], pending: [], warnings: [], unmanaged: [], blockers: [] } as unknown as Plan;
    return { ...plan, summary: summarisePlan(plan) };
  }

  it("checks only what the plan writes, and blocks with file:line:col", async () => {
    const files = edited(customers, "dv: name }", "dv: nmae }");
    const dir = await tree(files);
    const desired = load(files);
    const pair = desired.pairs.find((p) => p.name === "stage");
    if (pair === undefined) throw new Error("no stage pair");
    const pairDesired = desiredForPair(desired, pair);

    const untouched = fakeGateway();
    const quiet = planSaving(["currencies"], []);
    expect(await checkColumns(quiet, pairDesired, untouched, dir)).toBe(quiet);
    expect(untouched.requests).toHaveLength(1);

    const nothing = fakeGateway();
    const empty = planSaving([], []);
    expect(await checkColumns(empty, pairDesired, nothing, dir)).toBe(empty);
    expect(nothing.requests).toHaveLength(0);

    const gateway = fakeGateway();
    const checked = await checkColumns(planSaving(["customers", "currencies"], ["account"]), pairDesired, gateway, dir);
    expect(gateway.requests).toHaveLength(1);
    const line = (files[customers] ?? "").split("\n").findIndex((l) => l.includes("dv: nmae")) + 1;
    const column = (files[customers] ?? "").split("\n")[line - 1]?.indexOf("nmae") ?? -1;
    expect(checked.blockers).toEqual([
      {
        kind: "unknownColumn",
        path: ["customers"],
        location: { file: customers, line, column: column + 1 },
        message: expect.stringMatching(new RegExp(`^maps/tablemaps/customers\\.yaml:${line}:${column + 1} table account has no column nmae\\. `)),
      },
    ]);
    expect(checked.summary.blocked).toBe(true);
  });

  it("scopes the check to saved maps and to keys created or set", () => {
    const desired = load(baseEstate());
    const pair = desired.pairs.find((p) => p.name === "stage");
    if (pair === undefined) throw new Error("no stage pair");
    const scope = columnScope(planSaving(["currencies"], ["account"]), desiredForPair(desired, pair));
    expect(scope.maps.map((m) => m.name)).toEqual(["currencies"]);
    expect(scope.keys.map((k) => k.table)).toEqual(["account"]);
  });
});
