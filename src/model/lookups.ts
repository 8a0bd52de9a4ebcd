import type { Desired, FieldMapping, IntegrationKeyModel, TableMapModel } from "./desired.js";

const companyLookups = new Set(["msdyn_company", "cdm_company", "msdyn_companyid", "msdyn_legalentity"]);

/** Whether a key column or mapped column is the company stripe of a company-specific table. */
export function isCompanyColumn(column: string): boolean {
  const [first, second] = column.split(".");
  if (first === undefined) return false;
  if (second === "cdm_companycode") return true;
  return companyLookups.has(first) || first === "_msdyn_company_value";
}

export function isLookup(field: FieldMapping): boolean {
  return field.dv !== undefined && field.dv.kind !== "column";
}

/**
 * The Dataverse tables a lookup resolves to. Dual-write resolves a lookup through the related
 * table's integration key, so a lookup's column is a key column of that table: that is how the
 * table is inferred when the path does not name it.
 */
export function lookupTables(field: FieldMapping, keys: readonly IntegrationKeyModel[]): string[] {
  if (field.dv === undefined || field.dv.kind === "column") return [];
  if (field.relatedTable !== undefined) return [field.relatedTable];
  const named = field.dv.targets.map((t) => t.table).filter((t): t is string => t !== undefined);
  if (named.length > 0) return named;
  const column = field.dv.targets[0]?.column;
  if (column === undefined) return [];
  return tablesByKeyColumn(keys).get(column) ?? [];
}

// Indexes are built once per desired state: the planner asks for every lookup of every map.
const keyColumnIndex = new WeakMap<readonly IntegrationKeyModel[], Map<string, string[]>>();
const tableIndex = new WeakMap<Desired, Map<string, TableMapModel[]>>();

function tablesByKeyColumn(keys: readonly IntegrationKeyModel[]): Map<string, string[]> {
  let index = keyColumnIndex.get(keys);
  if (index === undefined) {
    index = new Map();
    for (const key of keys) {
      for (const column of new Set(key.columns)) index.set(column, [...(index.get(column) ?? []), key.table]);
    }
    keyColumnIndex.set(keys, index);
  }
  return index;
}

/** Maps that some map's lookups point at, by table. */
export function mapsByTable(desired: Desired): Map<string, TableMapModel[]> {
  const cached = tableIndex.get(desired);
  if (cached !== undefined) return cached;
  const byTable = new Map<string, TableMapModel[]>();
  for (const map of desired.maps) {
    const list = byTable.get(map.dataverse.table) ?? [];
    list.push(map);
    byTable.set(map.dataverse.table, list);
  }
  tableIndex.set(desired, byTable);
  return byTable;
}

/** The names of maps this map depends on: dependsOn plus the maps behind its lookups. */
export function impliedDependencies(map: TableMapModel, desired: Desired): string[] {
  const byTable = mapsByTable(desired);
  const names = new Set<string>(map.dependsOn);
  for (const field of map.fields) {
    for (const table of lookupTables(field, desired.keys)) {
      for (const target of byTable.get(table) ?? []) {
        if (target.name !== map.name) names.add(target.name);
      }
    }
  }
  return [...names];
}
