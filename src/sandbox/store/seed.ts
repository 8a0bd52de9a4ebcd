import { randomUUID } from "node:crypto";
import type Database from "better-sqlite3";
import type { ResolvedEnvironmentSeed } from "../options.js";
import { CATALOG_VERSION, SEED_ENTITIES, SEED_TABLES } from "../seed/sandbox-catalog.js";
import { seedDataverseAccess, seedFinOpsAccess } from "./access.js";
import { ENUM_SEEDS } from "./catalog.js";
import { putRow } from "./rows.js";
import { sql, writeMeta } from "./sql.js";

const CURRENCIES = [
  { code: "USD", name: "US Dollar", symbol: "$" },
  { code: "EUR", name: "Euro", symbol: "€" },
];

/** Every environment has these publishers, so solutions can be made for Contoso and Microsoft maps. */
const PUBLISHERS = [
  { uniquename: "contoso", friendlyname: "Contoso", customizationprefix: "contoso" },
  { uniquename: "microsoft", friendlyname: "Microsoft", customizationprefix: "msdyn" },
];

export function seedDataverse(db: Database.Database, environment: ResolvedEnvironmentSeed, now: number): void {
  writeMeta(db, "environment", environment.name);
  writeMeta(db, "seededAt", new Date(now).toISOString());
  writeMeta(db, "version", "0");
  seedTables(db);
  const stamp = new Date(now).toISOString();
  for (const code of environment.legalEntities) {
    const id = randomUUID();
    putRow(db, "cdm_companies", id, { cdm_companyid: id, cdm_companycode: code, cdm_name: `${code} legal entity`, createdon: stamp, modifiedon: stamp, statecode: 0 });
  }
  for (const publisher of PUBLISHERS) {
    const id = randomUUID();
    putRow(db, "publishers", id, { publisherid: id, ...publisher, createdon: stamp, modifiedon: stamp, statecode: 0 });
  }
  for (const currency of CURRENCIES) {
    const id = randomUUID();
    putRow(db, "transactioncurrencies", id, {
      transactioncurrencyid: id,
      isocurrencycode: currency.code,
      currencyname: currency.name,
      currencysymbol: currency.symbol,
      exchangerate: 1,
      createdon: stamp,
      modifiedon: stamp,
      statecode: 0,
    });
  }
  seedDataverseAccess(db, now);
}

export function seedFinOps(db: Database.Database, environment: ResolvedEnvironmentSeed, now: number): void {
  writeMeta(db, "environment", environment.name);
  writeMeta(db, "seededAt", new Date(now).toISOString());
  writeMeta(db, "version", "0");
  writeMeta(db, "changeTracking", "on");
  writeMeta(db, "businessEventEndpoints", "present");
  seedEntities(db);
  const insertEnum = sql(db, "INSERT OR REPLACE INTO enums (name, members) VALUES (?, ?)");
  for (const enumeration of ENUM_SEEDS) insertEnum.run(enumeration.Name, JSON.stringify(enumeration.Members));
  // A legal entity is a party of the global address book, so it has a party number: Microsoft's
  // Legal entities to msdyn_internalorganizations map keys on it (msdyn_partynumber), and its
  // initial sync fails on a row without one.
  environment.legalEntities.forEach((code, index) => {
    putRow(db, "LegalEntities", randomUUID(), { LegalEntityId: code, Name: `${code} legal entity`, PartyNumber: String(index + 1).padStart(9, "0") });
  });
  for (const currency of CURRENCIES) {
    putRow(db, "Currencies", randomUUID(), { CurrencyCode: currency.code, Name: currency.name, Symbol: currency.symbol });
  }
  seedFinOpsAccess(db);
}

function seedTables(db: Database.Database): void {
  const insertTable = sql(db, "INSERT OR REPLACE INTO tables (logical_name, entity_set, columns, lookups, custom) VALUES (?, ?, ?, ?, 0)");
  for (const table of SEED_TABLES) {
    insertTable.run(table.logicalName, table.entitySet, JSON.stringify(table.columns), JSON.stringify(table.lookups));
  }
  writeMeta(db, "catalog", CATALOG_VERSION);
}

function seedEntities(db: Database.Database): void {
  const insertEntity = sql(db, "INSERT OR REPLACE INTO entities (name, entity_set, company_specific, properties) VALUES (?, ?, ?, ?)");
  for (const entity of SEED_ENTITIES) {
    insertEntity.run(entity.Name, entity.EntitySetName, entity.companySpecific ? 1 : 0, JSON.stringify(entity.Properties));
  }
  writeMeta(db, "catalog", CATALOG_VERSION);
}

/**
 * A database seeded by an older dwctl gets the tables and entities of this one's catalog: tables
 * and entities it lacks are added, and seeded ones get the columns, lookups and fields they lack.
 * What the database already holds (custom tables, columns written since) stays.
 */
export function upgradeCatalog(db: Database.Database, side: "finops" | "dataverse"): void {
  const current = sql(db, "SELECT value FROM meta WHERE key = 'catalog'").get() as { value: string } | undefined;
  if (current?.value === CATALOG_VERSION) return;
  db.transaction(() => {
    if (side === "dataverse") {
      const existing = new Map((sql(db, "SELECT logical_name, columns, lookups FROM tables").all() as { logical_name: string; columns: string; lookups: string }[]).map((row) => [row.logical_name, row]));
      const insert = sql(db, "INSERT OR IGNORE INTO tables (logical_name, entity_set, columns, lookups, custom) VALUES (?, ?, ?, ?, 0)");
      const update = sql(db, "UPDATE tables SET columns = ?, lookups = ? WHERE logical_name = ?");
      for (const table of SEED_TABLES) {
        const row = existing.get(table.logicalName);
        if (row === undefined) {
          insert.run(table.logicalName, table.entitySet, JSON.stringify(table.columns), JSON.stringify(table.lookups));
          continue;
        }
        const columns = JSON.parse(row.columns) as string[];
        const lookups = JSON.parse(row.lookups) as Record<string, string>;
        update.run(JSON.stringify([...columns, ...table.columns.filter((column) => !columns.includes(column))]), JSON.stringify({ ...table.lookups, ...lookups }), table.logicalName);
      }
    } else {
      const existing = new Map((sql(db, "SELECT name, properties FROM entities").all() as { name: string; properties: string }[]).map((row) => [row.name, row]));
      const insert = sql(db, "INSERT OR IGNORE INTO entities (name, entity_set, company_specific, properties) VALUES (?, ?, ?, ?)");
      const update = sql(db, "UPDATE entities SET properties = ? WHERE name = ?");
      for (const entity of SEED_ENTITIES) {
        const row = existing.get(entity.Name);
        if (row === undefined) {
          insert.run(entity.Name, entity.EntitySetName, entity.companySpecific ? 1 : 0, JSON.stringify(entity.Properties));
          continue;
        }
        const properties = JSON.parse(row.properties) as { Name: string }[];
        const added = entity.Properties.filter((property) => !properties.some((known) => known.Name.toLowerCase() === property.Name.toLowerCase()));
        update.run(JSON.stringify([...properties, ...added]), entity.Name);
      }
    }
    writeMeta(db, "catalog", CATALOG_VERSION);
  })();
}
