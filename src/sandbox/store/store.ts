import { copyFileSync, existsSync, mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import type { CopySide, EnvironmentSeed } from "../options.js";
import type { DataverseIdentity } from "./identity.js";
import { loadIdentities } from "./identity.js";
import { DATAVERSE_SCHEMA, FINOPS_SCHEMA } from "./schema.js";
import { seedDataverse, seedFinOps } from "./seed.js";

export interface EnvironmentHandles {
  name: string;
  legalEntities: string[];
  identity: DataverseIdentity;
  finops: Database.Database;
  dataverse: Database.Database;
}

type Side = "finops" | "dataverse";

/** One SQLite file per environment side, so a database refresh is a file copy. */
export class Store {
  readonly #handles = new Map<string, EnvironmentHandles>();
  #identities = new Map<string, DataverseIdentity>();

  constructor(
    readonly dataDir: string,
    readonly seeds: readonly EnvironmentSeed[],
    private readonly now: () => number,
  ) {}

  get names(): string[] {
    return this.seeds.map((seed) => seed.name);
  }

  open(regenerateIdentities = false): void {
    mkdirSync(this.dataDir, { recursive: true });
    this.#identities = loadIdentities(this.dataDir, this.names, regenerateIdentities);
    for (const seed of this.seeds) {
      const identity = this.#identity(seed.name);
      this.#handles.set(seed.name, {
        name: seed.name,
        legalEntities: seed.legalEntities,
        identity,
        dataverse: this.#openSide(seed, "dataverse"),
        finops: this.#openSide(seed, "finops"),
      });
    }
  }

  env(name: string): EnvironmentHandles | undefined {
    return this.#handles.get(name);
  }

  all(): EnvironmentHandles[] {
    return [...this.#handles.values()];
  }

  path(name: string, side: Side): string {
    return join(this.dataDir, `${name}-${side}.db`);
  }

  /** A database refresh: the target's file(s) replaced by a copy of the source's. */
  copy(from: string, to: string, side: CopySide): void {
    const source = this.#handles.get(from);
    const target = this.#handles.get(to);
    if (source === undefined || target === undefined) throw new RangeError(`unknown environment "${source === undefined ? from : to}"`);
    if (from === to) throw new RangeError("copy-db needs two different environments");
    const sides: Side[] = side === "both" ? ["finops", "dataverse"] : [side];
    const seed = this.#seed(to);
    for (const part of sides) {
      target[part].close();
      removeDatabase(this.path(to, part));
      copyFileSync(this.path(from, part), this.path(to, part));
      target[part] = this.#openSide(seed, part);
    }
  }

  reset(): void {
    this.close();
    for (const name of this.names) {
      removeDatabase(this.path(name, "finops"));
      removeDatabase(this.path(name, "dataverse"));
    }
    this.open(true);
  }

  close(): void {
    for (const handles of this.#handles.values()) {
      if (handles.finops.open) handles.finops.close();
      if (handles.dataverse.open) handles.dataverse.close();
    }
    this.#handles.clear();
  }

  #openSide(seed: EnvironmentSeed, side: Side): Database.Database {
    const path = this.path(seed.name, side);
    const fresh = !existsSync(path);
    const db = new Database(path);
    // DELETE journal mode: between statements the main file alone is the whole database, so copy-db can copy it.
    db.pragma("journal_mode = DELETE");
    db.pragma("synchronous = OFF");
    db.exec(side === "finops" ? FINOPS_SCHEMA : DATAVERSE_SCHEMA);
    if (fresh) {
      const now = this.now();
      db.transaction(() => {
        if (side === "finops") seedFinOps(db, seed, this.#identity(seed.name).organizationId, now);
        else seedDataverse(db, seed, now);
      })();
    }
    return db;
  }

  #identity(name: string): DataverseIdentity {
    const identity = this.#identities.get(name);
    if (identity === undefined) throw new RangeError(`no identity for environment "${name}"`);
    return identity;
  }

  #seed(name: string): EnvironmentSeed {
    const seed = this.seeds.find((candidate) => candidate.name === name);
    if (seed === undefined) throw new RangeError(`unknown environment "${name}"`);
    return seed;
  }
}

function removeDatabase(path: string): void {
  for (const suffix of ["", "-journal", "-wal", "-shm"]) rmSync(`${path}${suffix}`, { force: true });
}
