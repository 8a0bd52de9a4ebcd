import type { MapRef } from "../../model/snapshot.js";
import type { MapRow, TableKeys } from "../dataverse/dataverse-client.js";
import { mapRowIdentity } from "../mapping-json.js";
import type { MapRowIdentity, MapRowInput } from "../mapping-json.js";
import { IndexCache } from "./entity-index.js";

/** Resolves the names the service or a map row uses for a table (an entity set or a logical name) to its logical name. */
export class TableNames {
  readonly #byName = new Map<string, string>();
  readonly #entitySets = new Map<string, string>();

  constructor(tables: readonly TableKeys[]) {
    for (const table of tables) {
      this.#byName.set(table.logicalName.toLowerCase(), table.logicalName);
      if (table.entitySetName !== "") {
        this.#byName.set(table.entitySetName.toLowerCase(), table.logicalName);
        this.#entitySets.set(table.logicalName, table.entitySetName);
      }
    }
  }

  table(name: string | undefined): string | undefined {
    return name === undefined ? undefined : this.#byName.get(name.toLowerCase());
  }

  /** The logical name of a table the service names by its entity set; the name itself when Dataverse does not list it. */
  logicalName(entitySet: string): string {
    return this.table(entitySet) ?? entitySet;
  }

  entitySet(logicalName: string): string | undefined {
    return this.#entitySets.get(logicalName);
  }

  resolve(identity: Pick<MapRowIdentity, "destination" | "entitySet">): string {
    return this.table(identity.destination) ?? this.table(identity.entitySet) ?? identity.destination;
  }
}

export function rowInput(row: MapRow): MapRowInput {
  return { msdyn_name: row.name, msdyn_mapping: row.mapping, msdyn_properties: row.properties, msdyn_version: row.version };
}

/**
 * Identities parsed from map rows, kept per row object: parsing every row's mapping JSON on each
 * lookup made an apply quadratic in the maps. A row rewritten in place is dropped from it.
 */
const identities = new WeakMap<MapRow, MapRowIdentity | undefined>();

/** A row that cannot be parsed belongs to no map dwctl manages; it is left alone by writes. */
export function rowIdentity(row: MapRow): MapRowIdentity | undefined {
  if (identities.has(row)) return identities.get(row);
  let identity: MapRowIdentity | undefined;
  try {
    identity = mapRowIdentity(rowInput(row));
  } catch {
    identity = undefined;
  }
  identities.set(row, identity);
  return identity;
}

/** Rows grouped by the F&O entity of their identity, per row list (unreadable rows belong to no group). */
const rowIndexes = new IndexCache<MapRow>((row) => rowIdentity(row)?.entity);

/** The rows of one map (same F&O entity, same table), in list order. */
export function rowsOfMap(rows: readonly MapRow[], ref: MapRef, names: TableNames): { row: MapRow; identity: MapRowIdentity }[] {
  const result: { row: MapRow; identity: MapRowIdentity }[] = [];
  for (const row of rowIndexes.of(rows).get(ref.entity)) {
    const identity = rowIdentity(row);
    if (identity !== undefined && sameRef(identity, ref, names)) result.push({ row, identity });
  }
  return result;
}

/** Appends a row created in Dataverse to the cached list. */
export function addRow(rows: MapRow[], row: MapRow): void {
  rows.push(row);
  rowIndexes.built(rows)?.add(row);
}

/** Takes a deleted row out of the cached list. */
export function removeRow(rows: MapRow[], row: MapRow): void {
  rowIndexes.built(rows)?.remove(row);
  const at = rows.indexOf(row);
  if (at >= 0) rows.splice(at, 1);
  identities.delete(row);
}

/** Rewrites a row of the cached list in place with the fields just saved; its identity is read again. */
export function rewriteRow(rows: readonly MapRow[], row: MapRow, fields: Pick<MapRow, "name" | "mapping" | "properties" | "version" | "etag">): void {
  const index = rowIndexes.built(rows);
  const before = index?.keyOf(row);
  Object.assign(row, fields);
  identities.delete(row);
  // The group keeps the list's order only while the row stays in it; one that moves rebuilds the index.
  if (index !== undefined && index.keyOf(row) !== before) rowIndexes.drop(rows);
}

export function sameRef(identity: Pick<MapRowIdentity, "entity" | "destination" | "entitySet">, ref: MapRef, names: TableNames): boolean {
  return identity.entity.toLowerCase() === ref.entity.toLowerCase() && names.resolve(identity) === ref.table;
}

/** A row without a publisher (one dwctl did not write) matches any publisher. */
export function sameVersion(identity: Pick<MapRowIdentity, "publisher" | "number">, version: { publisher: string; number: string }): boolean {
  return compareVersions(identity.number, version.number) === 0 && (identity.publisher === undefined || identity.publisher.toLowerCase() === version.publisher.toLowerCase());
}

export function describe(ref: MapRef): string {
  return `${ref.entity} (${ref.table})`;
}

export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function compareVersions(a: string, b: string): number {
  const left = a.split(".").map(Number);
  const right = b.split(".").map(Number);
  for (let index = 0; index < Math.max(left.length, right.length); index++) {
    const difference = (left[index] ?? 0) - (right[index] ?? 0);
    if (difference !== 0 && !Number.isNaN(difference)) return difference;
  }
  return compare(a, b);
}

export function trimSlash(url: string): string {
  return url.replace(/\/+$/, "");
}

export function originOf(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}
