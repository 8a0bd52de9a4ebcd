import type Database from "better-sqlite3";
import { sql } from "./sql.js";

interface Forgettable {
  forget(db: Database.Database): void;
  forgetAll(): void;
}

const caches = new Set<Forgettable>();

/**
 * Something derived from one database connection (decoded rows, indexes), built on first use and
 * kept until the rows it derives from change. Every cache is registered, so a database copy, a
 * reset or a rolled-back transaction can drop them all at once.
 */
export class DatabaseCache<T> implements Forgettable {
  #values = new WeakMap<Database.Database, T>();

  constructor() {
    caches.add(this);
  }

  get(db: Database.Database, build: () => T): T {
    let value = this.#values.get(db);
    if (value === undefined) {
      value = build();
      this.#values.set(db, value);
    }
    return value;
  }

  /** The cached value, without building it: an update to a cache nobody has read yet is skipped. */
  peek(db: Database.Database): T | undefined {
    return this.#values.get(db);
  }

  forget(db: Database.Database): void {
    this.#values.delete(db);
  }

  forgetAll(): void {
    this.#values = new WeakMap();
  }
}

/** Drops what every cache holds for one database: its rows changed in a way the caches did not follow. */
export function forgetDatabase(db: Database.Database): void {
  for (const cache of caches) cache.forget(db);
}

/** Drops every cache of every database: after a database copy or a sandbox reset. */
export function forgetAllCaches(): void {
  for (const cache of caches) cache.forgetAll();
}

function totalChanges(db: Database.Database): number {
  return (sql(db, "SELECT total_changes() AS n").get() as { n: number }).n;
}

/**
 * Runs a transaction on `db`. The caches follow each write as it happens, so when the transaction
 * fails after writing, its rollback leaves them ahead of the database: they are dropped then.
 */
export function cachedTransaction<T>(db: Database.Database, run: () => T): T {
  const before = totalChanges(db);
  try {
    return db.transaction(run)();
  } catch (error) {
    if (totalChanges(db) !== before) forgetDatabase(db);
    throw error;
  }
}
