import { afterEach, describe, expect, it } from "vitest";
import { listEntities } from "../../src/sandbox/finops/entities.js";
import { listTables, tableByName } from "../../src/sandbox/dataverse/tables.js";
import { CATALOG_VERSION, SEED_ENTITIES, SEED_TABLES, catalogColumnType, catalogLookupTargets } from "../../src/sandbox/seed/sandbox-catalog.js";
import { CORPUS_CATALOG } from "../../src/sandbox/seed/corpus-catalog.js";
import { Store } from "../../src/sandbox/store/store.js";
import { sql } from "../../src/sandbox/store/sql.js";
import { removeDir, tempDir } from "./helpers.js";

const seeds = [{ name: "stage", legalEntities: ["USMF"], financeAndOperationsHost: "stage.operations.localhost" }];
const dirs: string[] = [];

afterEach(() => {
  for (const dir of dirs.splice(0)) removeDir(dir);
});

function open(dir: string): Store {
  const store = new Store(dir, seeds, Date.now);
  store.open();
  return store;
}

describe("the sandbox's metadata catalog", () => {
  it("seeds every table and entity of the template corpus, with the starter estate's hand-written seeds kept", () => {
    const tables = new Set(SEED_TABLES.map((table) => table.logicalName));
    for (const table of CORPUS_CATALOG.tables) expect(tables.has(table.logicalName), table.logicalName).toBe(true);
    const entities = new Set(SEED_ENTITIES.map((entity) => entity.EntitySetName));
    for (const entity of CORPUS_CATALOG.entities) expect(entities.has(entity.entitySet), entity.entitySet).toBe(true);
    // A hand seed keeps its PascalCase fields; the corpus adds what they lack, as the maps write it.
    const customers = SEED_ENTITIES.find((entity) => entity.EntitySetName === "CustomersV3");
    expect(customers?.Properties.filter((property) => property.Name.toLowerCase() === "customeraccount").map((property) => property.Name)).toEqual(["CustomerAccount"]);
    expect(catalogColumnType("account", "transactioncurrencyid")).toBe("Lookup");
    expect(catalogLookupTargets("account", "transactioncurrencyid")).toEqual(["transactioncurrency"]);
    expect(catalogLookupTargets("salesorder", "customerid")).toEqual(["account", "contact"]);
  });

  it("gives a database seeded by an older dwctl the tables and entities it lacks, and keeps what it holds", () => {
    const dir = tempDir();
    dirs.push(dir);
    const first = open(dir);
    const environment = first.env("stage");
    if (environment === undefined) throw new Error("no stage");
    // As an older catalog left it: no salesorder table, account without a column, no SalesOrderHeaderCDSEntity.
    sql(environment.dataverse, "DELETE FROM tables WHERE logical_name = 'salesorder'").run();
    const account = tableByName(environment.dataverse, "account");
    sql(environment.dataverse, "UPDATE tables SET columns = ? WHERE logical_name = 'account'").run(JSON.stringify([...(account?.columns ?? []).filter((c) => c !== "websiteurl"), "contoso_custom"]));
    sql(environment.finops, "DELETE FROM entities WHERE name = 'SalesOrderHeaderCDSEntity'").run();
    for (const db of [environment.dataverse, environment.finops]) sql(db, "UPDATE meta SET value = 'older' WHERE key = 'catalog'").run();
    first.close();

    const second = open(dir);
    try {
      const again = second.env("stage");
      if (again === undefined) throw new Error("no stage");
      expect(listTables(again.dataverse).some((table) => table.logicalName === "salesorder")).toBe(true);
      expect(tableByName(again.dataverse, "account")?.columns).toEqual(expect.arrayContaining(["websiteurl", "contoso_custom"]));
      expect(listEntities(again.finops).some((entity) => entity.entitySet === "SalesOrderHeaderCDSEntity")).toBe(true);
      for (const db of [again.dataverse, again.finops]) expect(sql(db, "SELECT value FROM meta WHERE key = 'catalog'").get()).toEqual({ value: CATALOG_VERSION });
    } finally {
      second.close();
    }
  });
});
