import type Database from "better-sqlite3";

const statements = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/** A prepared statement, cached per connection: the sandbox runs the same few queries thousands of times. */
export function sql(db: Database.Database, text: string): Database.Statement {
  let cache = statements.get(db);
  if (cache === undefined) {
    cache = new Map();
    statements.set(db, cache);
  }
  let statement = cache.get(text);
  if (statement === undefined) {
    statement = db.prepare(text);
    cache.set(text, statement);
  }
  return statement;
}

export function writeMeta(db: Database.Database, key: string, value: string): void {
  sql(db, "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value").run(key, value);
}

/** A database-wide, monotonic row version: an ETag that never repeats, even after delete and re-create. */
export function nextVersion(db: Database.Database): number {
  const row = sql(db, "UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'version' RETURNING value").get() as { value: number | string } | undefined;
  if (row === undefined) {
    writeMeta(db, "version", "1");
    return 1;
  }
  return Number(row.value);
}

export function parseJsonObject(text: string): Record<string, unknown> {
  const value: unknown = JSON.parse(text);
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}
