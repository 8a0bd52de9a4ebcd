import type Database from "better-sqlite3";
import { lookupProperty } from "../odata/query.js";
import { tableByName } from "../dataverse/tables.js";
import { getRow, listRows } from "../store/rows.js";

/** Reads a Dataverse column or a `lookup.column` path: a plain dotted property, else through the `_lookup_value` id. */
export function readDataversePath(dataverse: Database.Database, table: string, row: Record<string, unknown>, path: string): unknown {
  const direct = lookupProperty(row, path);
  if (direct !== undefined || !path.includes(".")) return direct;
  const [lookup, column] = splitPath(path);
  const id = row[`_${lookup}_value`];
  const target = tableByName(dataverse, tableByName(dataverse, table)?.lookups[lookup] ?? "");
  if (typeof id !== "string" || target === undefined) return undefined;
  const related = getRow(dataverse, target.entitySet, id);
  return related === undefined ? undefined : lookupProperty(related.data, column);
}

/** Sets `lookup.column = value` as the `_lookup_value` id of the related row when it exists, else as the dotted property. */
export function writeDataversePath(dataverse: Database.Database, table: string, row: Record<string, unknown>, path: string, value: unknown): void {
  if (!path.includes(".")) {
    row[path] = value;
    return;
  }
  const [lookup, column] = splitPath(path);
  const target = tableByName(dataverse, tableByName(dataverse, table)?.lookups[lookup] ?? "");
  const related = target === undefined ? undefined : listRows(dataverse, target.entitySet).find((candidate) => sameValue(lookupProperty(candidate.data, column), value));
  if (related === undefined) {
    row[path] = value;
    return;
  }
  row[`_${lookup}_value`] = related.id;
  delete row[path];
}

function splitPath(path: string): [string, string] {
  const dot = path.indexOf(".");
  return [path.slice(0, dot), path.slice(dot + 1)];
}

export function sameValue(a: unknown, b: unknown): boolean {
  if (a === undefined || a === null || b === undefined || b === null) return false;
  return String(a).toLowerCase() === String(b).toLowerCase();
}

export function isCompanyColumn(column: string): boolean {
  return column.split(".")[0] === "msdyn_company";
}
