import { copyFileSync, existsSync, mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { randomUUID } from "node:crypto";
import type { CopySide, CopyVariant, ResolvedEnvironmentSeed } from "../options.js";
import type { DataverseIdentity } from "./identity.js";
import { loadIdentities } from "./identity.js";
import { DATAVERSE_SCHEMA, FINOPS_SCHEMA, SERVICE_SCHEMA } from "./schema.js";
import { upgradeAccess } from "./access.js";
import { seedDataverse, seedFinOps, upgradeCatalog } from "./seed.js";
import { sql, writeMeta } from "./sql.js";

export interface EnvironmentHandles {
  name: string;
  legalEntities: string[];
  /** The bare host clients name this F&O environment by (dualwrite-service.md §3). */
  financeAndOperationsHost: string;
  identity: DataverseIdentity;
  finops: Database.Database;
  dataverse: Database.Database;
}

type Side = "finops" | "dataverse";

/** One SQLite file per environment side, so a database refresh is a file copy. */
export class Store {
  readonly #handles = new Map<string, EnvironmentHandles>();
  #identities = new Map<string, DataverseIdentity>();
  #service: Database.Database | undefined;

  constructor(
    readonly dataDir: string,
    readonly seeds: readonly ResolvedEnvironmentSeed[],
    private readonly now: () => number,
  ) {}

  get names(): string[] {
    return this.seeds.map((seed) => seed.name);
  }

  open(regenerateIdentities = false): void {
    mkdirSync(this.dataDir, { recursive: true });
    this.#identities = loadIdentities(this.dataDir, this.names, regenerateIdentities);
    this.#service = this.#openService();
    for (const seed of this.seeds) {
      const identity = this.#identity(seed.name);
      this.#handles.set(seed.name, {
        name: seed.name,
        legalEntities: seed.legalEntities,
        financeAndOperationsHost: seed.financeAndOperationsHost,
        identity,
        dataverse: this.#openSide(seed, "dataverse"),
        finops: this.#openSide(seed, "finops"),
      });
    }
  }

  /** The dual-write management service's database: not part of either environment, so never copied with one. */
  get service(): Database.Database {
    if (this.#service === undefined) throw new Error("the sandbox store is not open");
    return this.#service;
  }

  /** Every database, for a transaction that spans one request. */
  databases(): Database.Database[] {
    return [this.service, ...this.all().flatMap((environment) => [environment.finops, environment.dataverse])];
  }

  env(name: string): EnvironmentHandles | undefined {
    return this.#handles.get(name);
  }

  all(): EnvironmentHandles[] {
    return [...this.#handles.values()];
  }

  servicePath(): string {
    return join(this.dataDir, "service.db");
  }

  path(name: string, side: Side): string {
    return join(this.dataDir, `${name}-${side}.db`);
  }

  /** A database refresh: the target's file(s) replaced by a copy of the source's. */
  copy(from: string, to: string, side: CopySide, variant: CopyVariant): void {
    const source = this.#handles.get(from);
    const target = this.#handles.get(to);
    if (source === undefined || target === undefined) throw new RangeError(`unknown environment "${source === undefined ? from : to}"`);
    if (from === to) throw new RangeError("copy-db needs two different environments");
    const sides: Side[] = side === "both" ? ["finops", "dataverse"] : [side];
    const seed = this.#seed(to);
    for (const part of sides) {
      // Everything in the source's write-ahead log into its main file, and the log emptied.
      source[part].pragma("wal_checkpoint(TRUNCATE)");
      target[part].close();
      removeDatabase(this.path(to, part));
      copyFileSync(this.path(from, part), this.path(to, part));
      target[part] = this.#openSide(seed, part);
    }
    if (sides.includes("finops") && variant === "lcs") lcsRefreshCleanup(target.finops);
  }

  reset(): void {
    this.close();
    for (const name of this.names) {
      removeDatabase(this.path(name, "finops"));
      removeDatabase(this.path(name, "dataverse"));
    }
    removeDatabase(this.servicePath());
    this.open(true);
  }

  close(): void {
    if (this.#service?.open === true) this.#service.close();
    this.#service = undefined;
    for (const handles of this.#handles.values()) {
      if (handles.finops.open) handles.finops.close();
      if (handles.dataverse.open) handles.dataverse.close();
    }
    this.#handles.clear();
  }

  #openService(): Database.Database {
    const db = new Database(this.servicePath());
    // WAL: almost every request writes here (the write log), and a write-ahead log costs a fraction of
    // a rollback journal's create-and-delete per transaction. No copy-db copies this file.
    db.pragma("journal_mode = WAL");
    db.pragma("synchronous = OFF");
    db.exec(SERVICE_SCHEMA);
    const now = this.now();
    db.transaction(() => {
      if ((sql(db, "SELECT value FROM meta WHERE key = 'tenant'").get() as { value: string } | undefined) === undefined) writeMeta(db, "tenant", randomUUID());
      const tenant = (sql(db, "SELECT value FROM meta WHERE key = 'tenant'").get() as { value: string }).value;
      // Every pair starts linked (DOMAIN.md §5: the link is made from LCS), each to its own Dataverse.
      for (const seed of this.seeds) {
        if (sql(db, "SELECT 1 FROM connection_sets WHERE fo_env = ?").get(seed.name) !== undefined) continue;
        const cid = randomUUID();
        sql(db, "INSERT INTO connection_sets VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)").run(
          cid,
          `${seed.name}-dw-${cid.slice(0, 8)}`,
          seed.name,
          seed.name,
          `ds-ax-${randomUUID().slice(0, 8)}`,
          `ds-crm-${randomUUID().slice(0, 8)}`,
          randomUUID(),
          tenant,
          JSON.stringify(seed.legalEntities),
          now,
        );
      }
    })();
    return db;
  }

  #openSide(seed: ResolvedEnvironmentSeed, side: Side): Database.Database {
    const path = this.path(seed.name, side);
    const fresh = !existsSync(path);
    const db = new Database(path);
    // WAL: a write-ahead log costs a fraction of a rollback journal's create-and-delete per transaction.
    // copy-db checkpoints the source first, so the main file alone is then the whole database.
    db.pragma("journal_mode = WAL");
    db.pragma("synchronous = OFF");
    db.exec(side === "finops" ? FINOPS_SCHEMA : DATAVERSE_SCHEMA);
    if (fresh) {
      const now = this.now();
      db.transaction(() => {
        if (side === "finops") seedFinOps(db, seed, now);
        else seedDataverse(db, seed, now);
      })();
    } else {
      upgradeCatalog(db, side);
      upgradeAccess(db, side, this.now());
    }
    return db;
  }

  #identity(name: string): DataverseIdentity {
    const identity = this.#identities.get(name);
    if (identity === undefined) throw new RangeError(`no identity for environment "${name}"`);
    return identity;
  }

  #seed(name: string): ResolvedEnvironmentSeed {
    const seed = this.seeds.find((candidate) => candidate.name === name);
    if (seed === undefined) throw new RangeError(`unknown environment "${name}"`);
    return seed;
  }
}

/**
 * What an LCS database refresh removes from the copy (docs database/database-refresh.md, rev.
 * 01/12/2023; dualwrite-service.md §8): the dual-write configuration, entity change tracking and
 * the business-event endpoints.
 */
function lcsRefreshCleanup(finops: Database.Database): void {
  finops.transaction(() => {
    // BusinessEventsDefinition rows stay: the doc removes endpoints, not that table (dualwrite-service.md §8),
    // so the conservative copy still carries them for the runbook to clean.
    for (const table of ["project_configs", "project_field_configs"]) sql(finops, `DELETE FROM ${table}`).run();
    writeMeta(finops, "changeTracking", "off");
    writeMeta(finops, "businessEventEndpoints", "removed");
  })();
}

function removeDatabase(path: string): void {
  for (const suffix of ["", "-journal", "-wal", "-shm"]) rmSync(`${path}${suffix}`, { force: true });
}
