import { randomUUID } from "node:crypto";
import type Database from "better-sqlite3";
import type { ResolvedEnvironmentSeed } from "../options.js";
import { ENTITY_SEEDS, ENUM_SEEDS, TABLE_SEEDS } from "./catalog.js";
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
  const insertTable = sql(db, "INSERT OR REPLACE INTO tables (logical_name, entity_set, columns, lookups, custom) VALUES (?, ?, ?, ?, 0)");
  for (const table of TABLE_SEEDS) {
    insertTable.run(table.logicalName, table.entitySet, JSON.stringify(table.columns), JSON.stringify(table.lookups));
  }
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
}

export function seedFinOps(db: Database.Database, environment: ResolvedEnvironmentSeed, now: number): void {
  writeMeta(db, "environment", environment.name);
  writeMeta(db, "seededAt", new Date(now).toISOString());
  writeMeta(db, "version", "0");
  writeMeta(db, "changeTracking", "on");
  writeMeta(db, "businessEventEndpoints", "present");
  const insertEntity = sql(db, "INSERT OR REPLACE INTO entities (name, entity_set, company_specific, properties) VALUES (?, ?, ?, ?)");
  for (const entity of ENTITY_SEEDS) {
    insertEntity.run(entity.Name, entity.EntitySetName, entity.companySpecific ? 1 : 0, JSON.stringify(entity.Properties));
  }
  const insertEnum = sql(db, "INSERT OR REPLACE INTO enums (name, members) VALUES (?, ?)");
  for (const enumeration of ENUM_SEEDS) insertEnum.run(enumeration.Name, JSON.stringify(enumeration.Members));
  for (const code of environment.legalEntities) {
    putRow(db, "LegalEntities", randomUUID(), { LegalEntityId: code, Name: `${code} legal entity` });
  }
  for (const currency of CURRENCIES) {
    putRow(db, "Currencies", randomUUID(), { CurrencyCode: currency.code, Name: currency.name, Symbol: currency.symbol });
  }
}
