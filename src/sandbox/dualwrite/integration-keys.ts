import type Database from "better-sqlite3";
import { sql } from "../store/sql.js";

export function readIntegrationKeys(finops: Database.Database): Record<string, string[]> {
  const rows = sql(finops, "SELECT table_name, columns FROM integration_keys ORDER BY table_name").all() as { table_name: string; columns: string }[];
  const keys: Record<string, string[]> = {};
  for (const row of rows) {
    const columns: unknown = JSON.parse(row.columns);
    keys[row.table_name] = Array.isArray(columns) ? columns.filter((column): column is string => typeof column === "string") : [];
  }
  return keys;
}

export function integrationKeyOf(finops: Database.Database, table: string): string[] | undefined {
  const row = sql(finops, "SELECT columns FROM integration_keys WHERE table_name = ?").get(table) as { columns: string } | undefined;
  if (row === undefined) return undefined;
  const columns: unknown = JSON.parse(row.columns);
  return Array.isArray(columns) ? columns.filter((column): column is string => typeof column === "string") : undefined;
}

/** Merged by table; an empty column list removes the table's key. */
export function mergeIntegrationKeys(finops: Database.Database, keys: Record<string, string[]>): void {
  for (const [table, columns] of Object.entries(keys)) {
    if (columns.length === 0) sql(finops, "DELETE FROM integration_keys WHERE table_name = ?").run(table);
    else sql(finops, "INSERT OR REPLACE INTO integration_keys (table_name, columns) VALUES (?, ?)").run(table, JSON.stringify(columns));
  }
}
