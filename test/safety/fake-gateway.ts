import { readFileSync, rmSync } from "node:fs";
import { afterEach, beforeEach, vi } from "vitest";
import { RecordConflictError, type EnvironmentGateway, type MapActionOptions, type MapActionRequest } from "../../src/live/gateway.js";
import type { AlternateKeyStatus, RecordKind, Snapshot, StoredRecord } from "../../src/model/snapshot.js";

/**
 * An in-memory pair for apply: its live state is a fixed snapshot (another one after the first
 * read, if given), its records (lock, last applied) are real compare-and-swap, and every write
 * call is recorded. Calls it does not know fail the test, so it keeps working whatever the
 * gateway interface grows.
 */
export interface RecordingGateway extends EnvironmentGateway {
  /** Every write but the records' (lock, last applied), in order, as "<what> <which>". */
  readonly writes: string[];
  /** The key status reads, each the schema names asked about. */
  readonly statusReads: string[][];
  /** Every lock value written, in order. */
  readonly lockValues: Record<string, unknown>[];
  /** Writes and key status reads together, in order. */
  readonly timeline: string[];
  readonly records: Map<RecordKind, StoredRecord>;
}

export interface FakeOptions {
  /** The snapshot read from the second read on (what apply left). */
  after?: Snapshot;
  /** An error for a write, by its label ("save CustomersV3"), thrown when it is sent. */
  fail?: (write: string) => unknown;
  /** An error for a lifecycle request, by its label ("start CustomersV3"), reported when it is followed. */
  failFollow?: (write: string) => Error | undefined;
  /** The statuses of alternate keys, for each read (the default: all active). */
  keyStatuses?: (keys: readonly { table: string; schemaName: string }[], read: number) => (AlternateKeyStatus | undefined)[];
  /** Milliseconds a write takes, by label: the clock (Date) moves on by that much. */
  takes?: (write: string) => number;
  /** A lock write, by its number (1 is the lock taken), that someone else's write beats. */
  lockWriteLost?: (n: number) => { value: unknown } | undefined;
  /** A lock write, by its number, that fails for another reason (the network). */
  lockWriteFails?: (n: number) => Error | undefined;
  /** Milliseconds the second snapshot read (after the waves) takes. */
  afterTakes?: number;
}

export function recordingGateway(pair: string, live: Snapshot, options: FakeOptions = {}): RecordingGateway {
  const writes: string[] = [];
  const statusReads: string[][] = [];
  const lockValues: Record<string, unknown>[] = [];
  const timeline: string[] = [];
  const records = new Map<RecordKind, StoredRecord>();
  const labels = new Map<string, string>();
  let etag = 0;
  let request = 0;
  let version = 0;
  let snapshots = 0;
  let lockWrites = 0;
  const write = async (label: string): Promise<void> => {
    writes.push(label);
    timeline.push(label);
    const ms = options.takes?.(label) ?? 0;
    // The test fakes Date alone (vi.useFakeTimers({ toFake: ["Date"] })): a slow write moves it on.
    if (ms > 0) vi.setSystemTime(Date.now() + ms);
    const failure = options.fail?.(label);
    if (failure !== undefined) throw failure;
  };
  const known: Partial<RecordingGateway> = {
    pair,
    writes,
    statusReads,
    lockValues,
    timeline,
    records,
    snapshot: async () => {
      const first = snapshots++ === 0;
      if (!first && (options.afterTakes ?? 0) > 0) vi.setSystemTime(Date.now() + (options.afterTakes ?? 0));
      const state = first || options.after === undefined ? live : options.after;
      return { ...structuredClone(state), lock: records.get("lock"), lastApplied: records.get("lastApplied") };
    },
    readRecord: async (kind) => records.get(kind),
    writeRecord: async (kind, value, condition) => {
      // Records are written by compare-and-swap only: if absent, or over an ETag.
      if (!("absent" in condition) && typeof (condition as { etag?: unknown }).etag !== "string") throw new Error(`an unconditional write of the ${kind} record`);
      if (kind === "lock") {
        lockValues.push(structuredClone(value) as Record<string, unknown>);
        lockWrites += 1;
        const failed = options.lockWriteFails?.(lockWrites);
        if (failed !== undefined) throw failed;
        const lost = options.lockWriteLost?.(lockWrites);
        if (lost !== undefined) {
          records.set("lock", { kind: "lock", value: lost.value, etag: `W/"${++etag}"` });
          throw new RecordConflictError(kind);
        }
      }
      const current = records.get(kind);
      if ("absent" in condition ? current !== undefined : current?.etag !== condition.etag) throw new RecordConflictError(kind);
      const stored = { kind, value, etag: `W/"${++etag}"` };
      records.set(kind, stored);
      return stored;
    },
    deleteRecord: async (kind, tag) => {
      if (records.get(kind)?.etag !== tag) throw new RecordConflictError(kind);
      records.delete(kind);
    },
    beginMapAction: async (ref, action, actionOptions: MapActionOptions = {}) => {
      const master = actionOptions.initialSync === undefined ? "" : ` with initial sync (${actionOptions.initialSync.master} master)`;
      const queued = actionOptions.queuedRecords === undefined ? "" : ` (${actionOptions.queuedRecords})`;
      const label = `${action} ${ref.entity}`;
      await write(`${label}${master}${queued}`);
      const id = `request-${++request}`;
      labels.set(id, label);
      return id;
    },
    followMapActions: async (requests: readonly MapActionRequest[], ended) => {
      for (const r of requests) ended(r, options.failFollow?.(labels.get(r.requestId) ?? ""));
    },
    saveMapDefinition: async (definition, solution) => {
      await write(`save ${definition.financeAndOperations.entity} into ${solution}`);
      return { versionId: `version-${++version}` };
    },
    applySolution: (solution) => write(`applySolution ${solution}`),
    activateMapVersion: (ref, version) => write(`activate ${ref.entity} ${version.number}`),
    refreshTables: (ref) => write(`refresh ${ref.entity}`),
    deleteMap: (ref) => write(`delete ${ref.entity}`),
    setIntegrationKeys: async (keys) => {
      await write(`integrationKeys ${keys.map((k) => `${k.table}(${k.columns.join(",")})`).join(" ")}`);
    },
    createAlternateKey: (table, key) => write(`createKey ${table} ${key.schemaName} (${key.attributes.join(",")})`),
    reactivateAlternateKey: (table, schemaName) => write(`reactivateKey ${table} ${schemaName}`),
    alternateKeyStatus: async () => undefined,
    alternateKeyStatuses: async (keys) => {
      statusReads.push(keys.map((k) => k.schemaName));
      timeline.push(`status ${keys.map((k) => k.schemaName).join(",")}`);
      return options.keyStatuses?.(keys, statusReads.length) ?? keys.map(() => "active" as const);
    },
  };
  return new Proxy(known as RecordingGateway, {
    get(target, name) {
      const value = Reflect.get(target, name);
      if (value === undefined && typeof name === "string" && name !== "then") throw new Error(`unexpected gateway call ${name}`);
      return value;
    },
  });
}


/** Freezes Date at `start` during each test, and removes the folders pushed to the returned list after it. */
export function frozenClockAndTempDirs(start: number): string[] {
  const dirs: string[] = [];
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(start);
  });
  afterEach(() => {
    vi.useRealTimers();
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  return dirs;
}

/** A gateway that records every call made to it, whatever its name; beginMapAction answers "request-1". */
export function callRecorder(): { calls: unknown[][]; gateway: EnvironmentGateway } {
  const calls: unknown[][] = [];
  const gateway = new Proxy({} as EnvironmentGateway, {
    get: (_target, name) =>
      name === "then"
        ? undefined
        : async (...args: unknown[]) => {
            calls.push([name, ...args]);
            return name === "beginMapAction" ? "request-1" : undefined;
          },
  });
  return { calls, gateway };
}

/** A run's journal lines without their times. */
export function journalEntries(file: string): Record<string, unknown>[] {
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line !== "")
    .map((line) => {
      const { at: _at, ...entry } = JSON.parse(line) as Record<string, unknown>;
      return entry;
    });
}
