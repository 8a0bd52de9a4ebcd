import { randomUUID } from "node:crypto";
import type Database from "better-sqlite3";
import type { SandboxTimings } from "../options.js";
import { ApiError } from "../api/types.js";
import { sql } from "../store/sql.js";
import type { TableInfo } from "./tables.js";

export type KeyIndexStatus = "Pending" | "InProgress" | "Active" | "Failed";

export interface AlternateKey {
  table: string;
  logicalName: string;
  schemaName: string;
  displayName: string;
  attributes: string[];
  metadataId: string;
  buildStartedAt: number;
}

interface KeyRow {
  table_name: string;
  logical_name: string;
  schema_name: string;
  display_name: string;
  attributes: string;
  metadata_id: string;
  build_started_at: number;
}

const MAX_KEYS_PER_TABLE = 10;
const MAX_KEY_COLUMNS = 16;

function toKey(row: KeyRow): AlternateKey {
  const attributes: unknown = JSON.parse(row.attributes);
  return {
    table: row.table_name,
    logicalName: row.logical_name,
    schemaName: row.schema_name,
    displayName: row.display_name,
    attributes: Array.isArray(attributes) ? attributes.filter((name): name is string => typeof name === "string") : [],
    metadataId: row.metadata_id,
    buildStartedAt: row.build_started_at,
  };
}

export function listKeys(db: Database.Database, table?: string): AlternateKey[] {
  const rows =
    table === undefined
      ? (sql(db, "SELECT * FROM alternate_keys ORDER BY table_name, logical_name").all() as KeyRow[])
      : (sql(db, "SELECT * FROM alternate_keys WHERE table_name = ? ORDER BY logical_name").all(table) as KeyRow[]);
  return rows.map(toKey);
}

export function findKey(db: Database.Database, table: string, logicalName: string): AlternateKey | undefined {
  const row = sql(db, "SELECT * FROM alternate_keys WHERE table_name = ? AND logical_name = ?").get(table, logicalName.toLowerCase()) as KeyRow | undefined;
  return row === undefined ? undefined : toKey(row);
}

export function createKey(db: Database.Database, table: TableInfo, input: { schemaName: string; displayName: string; attributes: string[] }, now: number): AlternateKey {
  const logicalName = input.schemaName.toLowerCase();
  const existing = listKeys(db, table.logicalName);
  const sameColumns = (key: AlternateKey): boolean =>
    key.attributes.length === input.attributes.length && key.attributes.every((name) => input.attributes.includes(name));
  if (existing.some((key) => key.logicalName === logicalName)) {
    throw new ApiError(400, "0x80048d04", `An entity key with the name ${input.schemaName} already exists on entity ${table.logicalName}.`);
  }
  if (existing.some(sameColumns)) {
    throw new ApiError(400, "0x80048d04", `An entity key with the same attributes already exists on entity ${table.logicalName}.`);
  }
  if (existing.length >= MAX_KEYS_PER_TABLE) throw new ApiError(400, "0x80048d0b", `Entity ${table.logicalName} already has ${MAX_KEYS_PER_TABLE} keys.`);
  if (input.attributes.length === 0 || input.attributes.length > MAX_KEY_COLUMNS) {
    throw new ApiError(400, "0x80048d0a", `An entity key needs 1 to ${MAX_KEY_COLUMNS} attributes.`);
  }
  const key: AlternateKey = { table: table.logicalName, logicalName, ...input, metadataId: randomUUID(), buildStartedAt: now };
  sql(db, "INSERT INTO alternate_keys VALUES (?, ?, ?, ?, ?, ?, ?)").run(
    key.table,
    key.logicalName,
    key.schemaName,
    key.displayName,
    JSON.stringify(key.attributes),
    key.metadataId,
    key.buildStartedAt,
  );
  return key;
}

export function restartBuild(db: Database.Database, key: AlternateKey, now: number): void {
  sql(db, "UPDATE alternate_keys SET build_started_at = ? WHERE table_name = ? AND logical_name = ?").run(now, key.table, key.logicalName);
}

export function deleteKey(db: Database.Database, key: AlternateKey): void {
  sql(db, "DELETE FROM alternate_keys WHERE table_name = ? AND logical_name = ?").run(key.table, key.logicalName);
}

/**
 * Computed from the stored build start, so it keeps moving across restarts. A key naming a column
 * the table lacks fails when its build would have finished, as the platform's async job does.
 */
export function keyStatus(key: AlternateKey, table: TableInfo | undefined, now: number, timings: SandboxTimings): KeyIndexStatus {
  const elapsed = now - key.buildStartedAt;
  if (elapsed < timings.keyPendingMs) return "Pending";
  if (elapsed < timings.keyPendingMs + timings.keyBuildMs) return "InProgress";
  return keyColumnsExist(key, table) ? "Active" : "Failed";
}

function keyColumnsExist(key: AlternateKey, table: TableInfo | undefined): boolean {
  if (table === undefined) return false;
  if (table.custom) return true;
  return key.attributes.every((attribute) => table.columns.includes(attribute.split(".")[0] ?? attribute));
}

export function keyMetadata(key: AlternateKey, status: KeyIndexStatus): Record<string, unknown> {
  const label = { Label: key.displayName, LanguageCode: 1033, IsManaged: false };
  return {
    MetadataId: key.metadataId,
    SchemaName: key.schemaName,
    LogicalName: key.logicalName,
    EntityLogicalName: key.table,
    DisplayName: { LocalizedLabels: [label], UserLocalizedLabel: label },
    KeyAttributes: key.attributes,
    EntityKeyIndexStatus: status,
    AsyncJob: null,
    IsManaged: false,
  };
}
