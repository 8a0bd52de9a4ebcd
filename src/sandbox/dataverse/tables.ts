import type Database from "better-sqlite3";
import { sql } from "../store/sql.js";

export interface TableInfo {
  logicalName: string;
  entitySet: string;
  columns: string[];
  lookups: Record<string, string>;
  /** Registered on first use rather than seeded: any column is accepted. */
  custom: boolean;
}

interface TableRow {
  logical_name: string;
  entity_set: string;
  columns: string;
  lookups: string;
  custom: number;
}

function toInfo(row: TableRow): TableInfo {
  const columns: unknown = JSON.parse(row.columns);
  const lookups: unknown = JSON.parse(row.lookups);
  return {
    logicalName: row.logical_name,
    entitySet: row.entity_set,
    columns: Array.isArray(columns) ? columns.filter((column): column is string => typeof column === "string") : [],
    lookups: typeof lookups === "object" && lookups !== null ? (lookups as Record<string, string>) : {},
    custom: row.custom === 1,
  };
}

export function listTables(db: Database.Database): TableInfo[] {
  return (sql(db, "SELECT * FROM tables ORDER BY logical_name").all() as TableRow[]).map(toInfo);
}

export function tableBySet(db: Database.Database, entitySet: string): TableInfo | undefined {
  const row = sql(db, "SELECT * FROM tables WHERE entity_set = ?").get(entitySet) as TableRow | undefined;
  return row === undefined ? undefined : toInfo(row);
}

export function tableByName(db: Database.Database, logicalName: string): TableInfo | undefined {
  const row = sql(db, "SELECT * FROM tables WHERE logical_name = ?").get(logicalName) as TableRow | undefined;
  return row === undefined ? undefined : toInfo(row);
}

/** The usual English plural rules Dataverse applies to entity set names, reversed. */
export function logicalNameOfSet(entitySet: string): string {
  if (/ies$/.test(entitySet)) return `${entitySet.slice(0, -3)}y`;
  if (/(ss|x|ch|sh)es$/.test(entitySet)) return entitySet.slice(0, -2);
  if (/s$/.test(entitySet) && !/ss$/.test(entitySet)) return entitySet.slice(0, -1);
  return entitySet;
}

export function entitySetOfName(logicalName: string): string {
  if (/[^aeiou]y$/.test(logicalName)) return `${logicalName.slice(0, -1)}ies`;
  if (/(s|x|ch|sh)$/.test(logicalName)) return `${logicalName}es`;
  return `${logicalName}s`;
}

type TableListener = (db: Database.Database, table: TableInfo) => void;

const tableListeners: TableListener[] = [];

/** Told about every table registered after seeding: the logical name of its entity set changes then. */
export function listenToNewTables(listener: TableListener): void {
  tableListeners.push(listener);
}

/** Unknown tables are accepted, so user maps for tables the sandbox was not seeded with still work. */
export function registerCustomTable(db: Database.Database, logicalName: string, entitySet: string): TableInfo {
  const inserted = sql(db, "INSERT OR IGNORE INTO tables (logical_name, entity_set, columns, lookups, custom) VALUES (?, ?, ?, '{}', 1)").run(
    logicalName,
    entitySet,
    JSON.stringify([`${logicalName}id`]),
  ).changes;
  if (inserted > 0) {
    const registered = tableByName(db, logicalName);
    if (registered !== undefined) for (const listener of tableListeners) listener(db, registered);
  }
  const table = tableByName(db, logicalName) ?? tableBySet(db, entitySet);
  if (table === undefined) throw new Error(`could not register table ${logicalName}`);
  return table;
}

export function addCustomColumns(db: Database.Database, table: TableInfo, columns: readonly string[]): void {
  if (!table.custom) return;
  const fresh = columns.filter((column) => !column.startsWith("@") && !table.columns.includes(column));
  if (fresh.length === 0) return;
  table.columns.push(...fresh);
  sql(db, "UPDATE tables SET columns = ? WHERE logical_name = ?").run(JSON.stringify(table.columns), table.logicalName);
}

export function primaryIdOf(table: TableInfo): string {
  return `${table.logicalName}id`;
}
