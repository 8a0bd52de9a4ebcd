import type Database from "better-sqlite3";
import { nextVersion, parseJsonObject, sql } from "./sql.js";

export interface StoredRow {
  seq: number;
  id: string;
  version: number;
  data: Record<string, unknown>;
}

interface RawRow {
  seq: number;
  id: string;
  version: number;
  data: string;
}

/** Told about every write to one entity set, so what is derived from its rows can follow them one by one. */
export interface RowListener {
  put(db: Database.Database, row: StoredRow): void;
  delete(db: Database.Database, id: string): void;
  deleteAll(db: Database.Database): void;
}

const listeners = new Map<string, RowListener[]>();

export function listenToRows(entitySet: string, listener: RowListener): void {
  listeners.set(entitySet, [...(listeners.get(entitySet) ?? []), listener]);
}

function toStored(raw: RawRow): StoredRow {
  return { seq: raw.seq, id: raw.id, version: raw.version, data: parseJsonObject(raw.data) };
}

export function listRows(db: Database.Database, entitySet: string): StoredRow[] {
  const raws = sql(db, "SELECT seq, id, version, data FROM rows WHERE entity_set = ? ORDER BY seq").all(entitySet) as RawRow[];
  return raws.map(toStored);
}

export function getRow(db: Database.Database, entitySet: string, id: string): StoredRow | undefined {
  const raw = sql(db, "SELECT seq, id, version, data FROM rows WHERE entity_set = ? AND id = ?").get(entitySet, id) as RawRow | undefined;
  return raw === undefined ? undefined : toStored(raw);
}

/** Inserts or replaces the row's data; either way it gets a new version. */
export function putRow(db: Database.Database, entitySet: string, id: string, data: Record<string, unknown>): StoredRow {
  const version = nextVersion(db);
  const text = JSON.stringify(data);
  const raw = sql(
    db,
    `INSERT INTO rows (entity_set, id, version, data) VALUES (?, ?, ?, ?)
     ON CONFLICT(entity_set, id) DO UPDATE SET version = excluded.version, data = excluded.data
     RETURNING seq, id, version, data`,
  ).get(entitySet, id, version, text) as RawRow;
  const stored = toStored(raw);
  for (const listener of listeners.get(entitySet) ?? []) listener.put(db, stored);
  return stored;
}

export function deleteRow(db: Database.Database, entitySet: string, id: string): boolean {
  const deleted = sql(db, "DELETE FROM rows WHERE entity_set = ? AND id = ?").run(entitySet, id).changes > 0;
  if (deleted) for (const listener of listeners.get(entitySet) ?? []) listener.delete(db, id);
  return deleted;
}

export function deleteAllRows(db: Database.Database, entitySet: string): number {
  const deleted = sql(db, "DELETE FROM rows WHERE entity_set = ?").run(entitySet).changes;
  for (const listener of listeners.get(entitySet) ?? []) listener.deleteAll(db);
  return deleted;
}

export function countRows(db: Database.Database, entitySet: string): number {
  const row = sql(db, "SELECT COUNT(*) AS n FROM rows WHERE entity_set = ?").get(entitySet) as { n: number };
  return row.n;
}

export function etagOf(version: number): string {
  return `W/"${version}"`;
}
