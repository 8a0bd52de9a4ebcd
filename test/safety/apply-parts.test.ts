import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { hostname, tmpdir, userInfo } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { KeyIndexFailedError, beginLifecycleAction, executeAction, isLifecycleAction, type ExecuteOptions } from "../../src/apply/execute-action.js";
import { LockHeartbeat, LockLostError, announceTakeover, releaseAndRecord, type LockLoss } from "../../src/apply/heartbeat.js";
import { Journal } from "../../src/apply/journal.js";
import { checkSavedPlan, phases } from "../../src/apply/apply-plan.js";
import { LockedError, acquireLock, parseLock, refreshLock, releaseLock, releaseLockOutcome, staleReason, isStale, type HeldLock, type LockValue } from "../../src/apply/lock.js";
import { recordLastApplied } from "../../src/apply/record-last-applied.js";
import { PhaseFailure, pool, runPhase, waitForKeys } from "../../src/apply/run-phase.js";
import { RecordConflictError, type EnvironmentGateway } from "../../src/live/gateway.js";
import type { LastAppliedRecord } from "../../src/model/last-applied.js";
import { mapKey, type AlternateKeyStatus, type RecordKind, type StoredRecord } from "../../src/model/snapshot.js";
import { definitionHash } from "../../src/plan/normalise-definition.js";
import type { Action, Plan } from "../../src/plan/plan.js";
import { sealPlan } from "../../src/plan/seal-plan.js";
import { editFile, lastAppliedFor, liveFromDesired, pairDesired, planEstate, planOf } from "../plan/builders.js";
import { callRecorder } from "./fake-gateway.js";

/**
 * The parts of apply one by one, through their exported behaviour: the lock (taking, taking over,
 * refreshing, releasing, losing), the journal, the last-applied record, how each action is sent,
 * and how a phase runs.
 */

const dirs: string[] = [];
afterEach(() => {
  vi.useRealTimers();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "dwctl-parts-"));
  dirs.push(dir);
  return dir;
}

/** A gateway with the record calls only, compare-and-swap, and scripted failures. */
class Records {
  readonly pair = "stage";
  readonly records = new Map<RecordKind, StoredRecord>();
  readonly calls: string[] = [];
  /** Thrown by the next writes (one each), before they take effect. */
  failWrites: unknown[] = [];
  failDeletes: unknown[] = [];
  failReads: unknown[] = [];
  /** Awaited by each write before it takes effect. */
  delay: (() => Promise<void>) | undefined;
  #etag = 0;

  get gateway(): EnvironmentGateway {
    return this as unknown as EnvironmentGateway;
  }
  async readRecord(kind: RecordKind): Promise<StoredRecord | undefined> {
    this.calls.push(`read ${kind}`);
    const failure = this.failReads.shift();
    if (failure !== undefined) throw failure;
    return this.records.get(kind);
  }
  async writeRecord(kind: RecordKind, value: unknown, condition: { etag: string } | { absent: true }): Promise<StoredRecord> {
    this.calls.push(`write ${kind} ${"absent" in condition ? "if absent" : `if ${condition.etag}`}`);
    if (this.delay !== undefined) await this.delay();
    const failure = this.failWrites.shift();
    if (failure !== undefined) throw failure;
    return this.put(kind, value, condition);
  }
  async deleteRecord(kind: RecordKind, etag: string): Promise<void> {
    this.calls.push(`delete ${kind} if ${etag}`);
    const failure = this.failDeletes.shift();
    if (failure !== undefined) throw failure;
    if (this.records.get(kind)?.etag !== etag) throw new RecordConflictError(kind);
    this.records.delete(kind);
  }
  put(kind: RecordKind, value: unknown, condition: { etag: string } | { absent: true } = { absent: true }): StoredRecord {
    const current = this.records.get(kind);
    if ("absent" in condition ? current !== undefined : current?.etag !== condition.etag) throw new RecordConflictError(kind);
    const stored = { kind, value, etag: `W/"${++this.#etag}"` };
    this.records.set(kind, stored);
    return stored;
  }
  /** Someone else's write, whatever is there. */
  overwrite(kind: RecordKind, value: unknown): void {
    this.records.set(kind, { kind, value, etag: `W/"${++this.#etag}"` });
  }
}

const me = `${userInfo().username}@${hostname()}`;
const NOW = new Date("2026-03-01T10:00:00.000Z");

function lockOf(changes: Partial<LockValue> = {}): LockValue {
  return {
    id: "run-9",
    holder: "ci@runner-7",
    host: "runner-7",
    pid: 4242,
    runId: "run-9",
    command: "apply --env stage",
    acquiredAt: "2026-03-01T09:55:00.000Z",
    expiresAt: "2026-03-01T10:10:00.000Z",
    ...changes,
  };
}

/** A pid that no process has: one that just ended. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" });
  return Number(child.stdout);
}

describe("taking the lock", () => {
  const take = (records: Records, now = NOW) => acquireLock(records.gateway, { runId: "run-1", command: "apply --env stage", ttlMs: 900_000, now: () => now });

  it("creates it when there is none, only if it is still absent, naming this run", async () => {
    const records = new Records();
    const held = await take(records);
    expect(records.calls).toEqual(["read lock", "write lock if absent"]);
    expect(held).toEqual({
      value: { id: "run-1", holder: me, host: hostname(), pid: process.pid, runId: "run-1", command: "apply --env stage", acquiredAt: "2026-03-01T10:00:00.000Z", expiresAt: "2026-03-01T10:15:00.000Z" },
      etag: 'W/"1"',
    });
    expect(records.records.get("lock")?.value).toEqual(held.value);
  });

  it("refuses while another live run holds it, saying who, since and until when, and how to release it", async () => {
    const records = new Records();
    records.put("lock", lockOf());
    const error = await take(records).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(LockedError);
    expect(error).toMatchObject({
      name: "LockedError",
      message: 'environment pair "stage" is locked by ci@runner-7 (run run-9, apply --env stage) since 2026-03-01T09:55:00.000Z, until 2026-03-01T10:10:00.000Z',
      hint: "Wait for that run to finish. If it is dead, the lock expires at 2026-03-01T10:10:00.000Z, or release it: dwctl lock release --env stage --id run-9",
    });
    expect(records.calls).toEqual(["read lock"]);
  });

  it("takes over a lock that expired (at its expiry, not a millisecond before), over its ETag, and says whose it was", async () => {
    const records = new Records();
    records.put("lock", lockOf());
    await expect(take(records, new Date("2026-03-01T10:09:59.999Z"))).rejects.toBeInstanceOf(LockedError);
    const held = await take(records, new Date("2026-03-01T10:10:00.000Z"));
    expect(records.calls.at(-1)).toBe('write lock if W/"1"');
    const reason = "it expired at 2026-03-01T10:10:00.000Z";
    expect(held.tookOver).toEqual({ previous: lockOf(), reason });
    expect(held.value.tookOverFrom).toEqual({ id: "run-9", holder: "ci@runner-7", runId: "run-9", command: "apply --env stage", expiresAt: "2026-03-01T10:10:00.000Z", reason });
  });

  it("takes over the lock of a run on this machine whose process is gone, and only that", async () => {
    const pid = deadPid();
    const here = lockOf({ host: hostname(), pid });
    expect(staleReason(here, NOW)).toBe(`its process ${pid} is gone on ${hostname()}`);
    expect(isStale(here, NOW)).toBe(true);
    // Alive, or this very process, or another machine's: it holds.
    expect(staleReason(lockOf({ host: hostname(), pid: process.ppid }), NOW)).toBeUndefined();
    expect(staleReason(lockOf({ host: hostname(), pid: process.pid }), NOW)).toBeUndefined();
    expect(staleReason(lockOf({ host: "elsewhere", pid }), NOW)).toBeUndefined();
    expect(isStale(lockOf(), NOW)).toBe(false);
    const records = new Records();
    records.put("lock", here);
    expect((await take(records)).tookOver?.reason).toBe(`its process ${pid} is gone on ${hostname()}`);
  });

  it("replaces a record that is not a lock, without calling it a takeover", async () => {
    const records = new Records();
    records.put("lock", { something: "else" });
    const held = await take(records);
    expect(records.calls).toEqual(["read lock", 'write lock if W/"1"']);
    expect(held.tookOver).toBeUndefined();
    expect(held.value.tookOverFrom).toBeUndefined();
  });

  it("reads and judges again when another writer got in between, up to three times", async () => {
    const records = new Records();
    records.failWrites = [new RecordConflictError("lock"), new RecordConflictError("lock")];
    await expect(take(records)).resolves.toMatchObject({ value: { id: "run-1" } });
    expect(records.calls.filter((c) => c.startsWith("write"))).toHaveLength(3);

    const busy = new Records();
    busy.failWrites = [new RecordConflictError("lock"), new RecordConflictError("lock"), new RecordConflictError("lock")];
    await expect(take(busy)).rejects.toThrow("could not take the lock after three attempts");
    expect(busy.calls).toEqual(["read lock", "write lock if absent", "read lock", "write lock if absent", "read lock", "write lock if absent", "read lock"]);

    const beaten = new Records();
    beaten.failWrites = [new RecordConflictError("lock"), new RecordConflictError("lock"), new RecordConflictError("lock")];
    const original = beaten.writeRecord.bind(beaten);
    beaten.writeRecord = async (kind, value, condition) => {
      try {
        return await original(kind, value, condition);
      } finally {
        // The third writer in a row that got in first holds the lock now.
        if (beaten.failWrites.length === 0) beaten.overwrite("lock", lockOf());
      }
    };
    await expect(take(beaten)).rejects.toMatchObject({ name: "LockedError", lock: lockOf() });
  });

  it("stops at once on any other failure", async () => {
    const records = new Records();
    records.failWrites = [new Error("503 Service Unavailable")];
    await expect(take(records)).rejects.toThrow("503 Service Unavailable");
    expect(records.calls).toEqual(["read lock", "write lock if absent"]);
  });
});

describe("what counts as a lock", () => {
  it.each([
    ["nothing", undefined],
    ["a string", "run-1"],
    ["null", null],
    ["no id", { holder: "h", expiresAt: "x" }],
    ["no expiry", { id: "i", holder: "h" }],
    ["no holder", { id: "i", expiresAt: "x" }],
    ["a numeric id", { id: 1, holder: "h", expiresAt: "x" }],
  ])("not %s", (_what, value) => {
    expect(parseLock(value === undefined ? undefined : { kind: "lock", value, etag: "e" })).toBeUndefined();
  });

  it("a record with an id, a holder and an expiry", () => {
    expect(parseLock({ kind: "lock", value: lockOf(), etag: "e" })).toEqual(lockOf());
  });
});

describe("refreshing and releasing the lock", () => {
  it("refreshes over the ETag it holds, with a later expiry and the patch", async () => {
    const records = new Records();
    const first = records.put("lock", lockOf({ id: "run-1" }));
    const held: HeldLock = { value: lockOf({ id: "run-1" }), etag: first.etag };
    const next = await refreshLock(records.gateway, held, { progress: { wave: 1, waves: 2, done: 3, total: 4 } }, 60_000, NOW);
    expect(records.calls).toEqual(['write lock if W/"1"']);
    expect(next).toEqual({ value: { ...lockOf({ id: "run-1" }), progress: { wave: 1, waves: 2, done: 3, total: 4 }, expiresAt: "2026-03-01T10:01:00.000Z" }, etag: 'W/"2"' });
  });

  it("releases its own lock, and says what became of one that is not its own any more", async () => {
    const records = new Records();
    expect(await releaseLockOutcome(records.gateway, "run-1")).toEqual({ kind: "absent" });
    records.put("lock", lockOf());
    expect(await releaseLockOutcome(records.gateway, "run-1")).toEqual({ kind: "taken", holder: lockOf() });
    expect(await releaseLock(records.gateway, "run-1")).toBe(false);
    records.overwrite("lock", { not: "a lock" });
    expect(await releaseLockOutcome(records.gateway, "run-1")).toEqual({ kind: "taken", holder: undefined });
    records.overwrite("lock", lockOf({ id: "run-1" }));
    expect(await releaseLock(records.gateway, "run-1")).toBe(true);
    expect(records.records.get("lock")).toBeUndefined();
  });

  it("reads again when the lock changed between its read and its delete, and stops after three tries", async () => {
    const records = new Records();
    records.put("lock", lockOf({ id: "run-1" }));
    records.failDeletes = [new RecordConflictError("lock")];
    expect(await releaseLockOutcome(records.gateway, "run-1")).toEqual({ kind: "released" });
    expect(records.calls.filter((c) => c.startsWith("delete"))).toHaveLength(2);

    const stuck = new Records();
    stuck.put("lock", lockOf({ id: "run-1" }));
    stuck.failDeletes = [new RecordConflictError("lock"), new RecordConflictError("lock"), new RecordConflictError("lock")];
    expect(await releaseLockOutcome(stuck.gateway, "run-1")).toEqual({ kind: "taken", holder: lockOf({ id: "run-1" }) });
    expect(stuck.calls.filter((c) => c.startsWith("read"))).toHaveLength(4);

    const broken = new Records();
    broken.put("lock", lockOf({ id: "run-1" }));
    broken.failDeletes = [new Error("403 Forbidden")];
    await expect(releaseLockOutcome(broken.gateway, "run-1")).rejects.toThrow("403 Forbidden");
  });
});

describe("losing the lock", () => {
  function beating(records: Records, onLost: (loss: LockLoss) => void = () => undefined, options: { onRenewFailed?: (error: unknown) => void; now?: () => Date } = {}) {
    const stored = records.put("lock", lockOf({ id: "run-1", expiresAt: "2026-03-01T10:01:00.000Z" }));
    const held: HeldLock = { value: lockOf({ id: "run-1", expiresAt: "2026-03-01T10:01:00.000Z" }), etag: stored.etag };
    return new LockHeartbeat(records.gateway, held, { ttlMs: 60_000, journal: "/runs/run-1/journal.jsonl", onLost, now: options.now ?? (() => NOW), ...(options.onRenewFailed === undefined ? {} : { onRenewFailed: options.onRenewFailed }) });
  }

  it.each([
    ["released", (r: Records) => r.records.delete("lock"), "someone released it (dwctl lock release?)", false],
    ["replaced by something else", (r: Records) => r.overwrite("lock", { not: "a lock" }), "the lock record was replaced by something that is not a dwctl lock", false],
    ["rewritten under this run's name", (r: Records) => r.overwrite("lock", lockOf({ id: "run-1" })), "someone else wrote the lock record (its ETag moved, though it still names this run)", false],
    ["unreadable", (r: Records) => {
      r.overwrite("lock", lockOf());
      r.failReads = [new Error("timeout")];
    }, "someone else wrote the lock record (it could not be read back to say who)", false],
    ["taken over by another run", (r: Records) => r.overwrite("lock", lockOf()), "it was taken over by ci@runner-7 (run run-9, apply --env stage) at 2026-03-01T09:55:00.000Z", true],
    ["taken over from this run, because it was stale", (r: Records) => r.overwrite("lock", lockOf({ tookOverFrom: { id: "run-1", holder: me, runId: "run-1", command: "apply", expiresAt: "x", reason: "it expired at x" } })), "it was taken over by ci@runner-7 (run run-9, apply --env stage) at 2026-03-01T09:55:00.000Z, because it expired at x", true],
    ["taken over from another run", (r: Records) => r.overwrite("lock", lockOf({ tookOverFrom: { id: "run-5", holder: "x", runId: "run-5", command: "apply", expiresAt: "x", reason: "it expired at x" } })), "it was taken over by ci@runner-7 (run run-9, apply --env stage) at 2026-03-01T09:55:00.000Z", true],
  ] as const)("finds it %s, says so once, and stops the next write", async (_how, meddle, reason, named) => {
    const records = new Records();
    const losses: LockLoss[] = [];
    const heartbeat = beating(records, (loss) => losses.push(loss));
    meddle(records);
    const error = await heartbeat.renew("the progress record after wave 1").catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(LockLostError);
    expect(losses).toHaveLength(1);
    expect(losses[0]).toMatchObject({ at: NOW.toISOString(), reason });
    expect(losses[0]?.holder !== undefined).toBe(named);
    expect(heartbeat.lost).toEqual(losses[0]);
    expect(error).toMatchObject({
      name: "LockLostError",
      message: `the lock on environment pair "stage" was lost: ${reason}. This run stopped before the progress record after wave 1 and wrote nothing more`,
      hint:
        "What this run did is in its journal: /runs/run-1/journal.jsonl. See who holds the lock now with dwctl lock status --env stage; " +
        "once that run has finished, run dwctl plan and apply again: the new plan starts from the state the runs left. " +
        "If this run was slow rather than stuck, give it a longer --lock-ttl.",
    });
    const writes = records.calls.filter((c) => c.startsWith("write")).length;
    await expect(heartbeat.ensure("step 2")).rejects.toMatchObject({ step: "step 2" });
    await expect(heartbeat.renew("step 3")).rejects.toBeInstanceOf(LockLostError);
    heartbeat.start();
    expect(records.calls.filter((c) => c.startsWith("write")).length).toBe(writes);
    expect(losses).toHaveLength(1);
  });

  it("renews before a write only when the lock would expire within an interval", async () => {
    const records = new Records();
    let now = new Date("2026-03-01T09:59:40.000Z");
    const heartbeat = beating(records, undefined, { now: () => now });
    // Expires 10:01:00; the interval is 20 s.
    await heartbeat.ensure("step 1");
    expect(records.calls.filter((c) => c.startsWith("write"))).toEqual([]);
    now = new Date("2026-03-01T10:00:40.000Z");
    await heartbeat.ensure("step 2");
    expect(records.calls.filter((c) => c.startsWith("write"))).toEqual(['write lock if W/"1"']);
    expect(heartbeat.lock.value.expiresAt).toBe("2026-03-01T10:01:40.000Z");
  });

  it("goes on after a failed renewal while the lock holds, and stops once it may have expired", async () => {
    const records = new Records();
    const failures: unknown[] = [];
    let now = new Date("2026-03-01T10:00:50.000Z");
    const heartbeat = beating(records, undefined, { now: () => now, onRenewFailed: (error) => failures.push(error) });
    records.failWrites = [new Error("connection reset")];
    await heartbeat.ensure("step 1");
    expect(failures.map(String)).toEqual(["Error: connection reset"]);
    now = new Date("2026-03-01T10:01:00.000Z");
    records.failWrites = [new Error("connection reset again")];
    await expect(heartbeat.ensure("step 2")).rejects.toThrow("connection reset again");
    // Without onRenewFailed, a failed renewal is only not reported.
    const quietRecords = new Records();
    const quiet = beating(quietRecords, undefined, { now: () => new Date("2026-03-01T10:00:50.000Z") });
    quietRecords.failWrites = [new Error("connection reset")];
    await expect(quiet.ensure("step 1")).resolves.toBeUndefined();
  });

  it("beats every interval once started, once however often it is started, and not after it stopped", async () => {
    vi.useFakeTimers();
    const records = new Records();
    const heartbeat = beating(records).start().start();
    expect(heartbeat.intervalMs).toBe(20_000);
    await vi.advanceTimersByTimeAsync(20_000);
    expect(records.calls.filter((c) => c.startsWith("write"))).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(20_000);
    expect(records.calls.filter((c) => c.startsWith("write"))).toHaveLength(2);
    await heartbeat.stop();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(records.calls.filter((c) => c.startsWith("write"))).toHaveLength(2);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("stops at once, waits for a beat in flight, and beats no more after it", async () => {
    vi.useFakeTimers();
    const records = new Records();
    const heartbeat = beating(records).start();
    records.delay = () => new Promise((resolve) => setTimeout(resolve, 1_000));
    await vi.advanceTimersByTimeAsync(20_000);
    expect(records.calls.filter((c) => c.startsWith("write"))).toHaveLength(1);
    const stopped = heartbeat.stop();
    await vi.advanceTimersByTimeAsync(1_000);
    await stopped;
    expect(vi.getTimerCount()).toBe(0);
    await vi.advanceTimersByTimeAsync(100_000);
    expect(records.calls.filter((c) => c.startsWith("write"))).toHaveLength(1);
  });

  it("clears its next beat when stopped", async () => {
    vi.useFakeTimers();
    const heartbeat = beating(new Records()).start();
    expect(vi.getTimerCount()).toBe(1);
    await heartbeat.stop();
    expect(vi.getTimerCount()).toBe(0);
  });

  it("a beat that fails without onRenewFailed is not an unhandled error: the next one beats", async () => {
    vi.useFakeTimers();
    const records = new Records();
    const heartbeat = beating(records).start();
    records.failWrites = [new Error("connection reset")];
    await vi.advanceTimersByTimeAsync(40_000);
    expect(records.calls.filter((c) => c.startsWith("write"))).toHaveLength(2);
    await heartbeat.stop();
  });

  it("writes no more once a renewal found the lock lost, not even the one queued behind it", async () => {
    const records = new Records();
    const heartbeat = beating(records);
    records.overwrite("lock", lockOf());
    const outcomes = await Promise.allSettled([heartbeat.renew("a"), heartbeat.renew("b")]);
    expect(outcomes.map((o) => o.status)).toEqual(["rejected", "rejected"]);
    expect(records.calls.filter((c) => c.startsWith("write"))).toHaveLength(1);
  });

  it("clears its next beat when a renewal finds the lock lost", async () => {
    vi.useFakeTimers();
    const records = new Records();
    const heartbeat = beating(records).start();
    records.overwrite("lock", lockOf());
    await expect(heartbeat.renew("progress")).rejects.toBeInstanceOf(LockLostError);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("stops beating once the lock is lost", async () => {
    vi.useFakeTimers();
    const records = new Records();
    const heartbeat = beating(records).start();
    records.overwrite("lock", lockOf());
    await vi.advanceTimersByTimeAsync(20_000);
    expect(heartbeat.lost).toBeDefined();
    await vi.advanceTimersByTimeAsync(100_000);
    expect(records.calls.filter((c) => c.startsWith("write"))).toHaveLength(1);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("reports a failed beat and beats again", async () => {
    vi.useFakeTimers();
    const records = new Records();
    const failures: unknown[] = [];
    const heartbeat = beating(records, undefined, { onRenewFailed: (error) => failures.push(error) }).start();
    records.failWrites = [new Error("connection reset")];
    await vi.advanceTimersByTimeAsync(40_000);
    expect(failures.map(String)).toEqual(["Error: connection reset"]);
    expect(records.calls.filter((c) => c.startsWith("write"))).toHaveLength(2);
    await heartbeat.stop();
  });
});

describe("the journal's lock notes", () => {
  function journalOf(): { journal: Journal; lines: () => Record<string, unknown>[] } {
    const journal = new Journal(tempDir(), "run-1");
    return {
      journal,
      lines: () =>
        readFileSync(journal.file, "utf8")
          .trim()
          .split("\n")
          .map((line) => {
            const { at: _at, ...rest } = JSON.parse(line) as Record<string, unknown>;
            return rest;
          }),
    };
  }
  const heldBy = (records: Records, id: string): LockHeartbeat => {
    const stored = records.put("lock", lockOf({ id }));
    return new LockHeartbeat(records.gateway, { value: lockOf({ id }), etag: stored.etag }, { ttlMs: 60_000, journal: "j", onLost: () => undefined });
  };

  it.each([
    ["released", (_r: Records): void => undefined, { step: "lock", kind: "lock", event: "note", description: "lock released" }],
    ["released by someone else", (r: Records): void => void r.records.delete("lock"), { step: "lock", kind: "lock", event: "note", description: "lock was not ours any more: someone released it" }],
    ["replaced", (r: Records): void => r.overwrite("lock", { not: "a lock" }), { step: "lock", kind: "lock", event: "note", description: "lock was not ours any more: the record is not a dwctl lock" }],
    ["taken", (r: Records): void => r.overwrite("lock", lockOf()), { step: "lock", kind: "lock", event: "note", description: "lock was not ours any more: held by ci@runner-7 (run run-9, apply --env stage)" }],
  ] as const)("%s", async (_what, meddle, entry) => {
    const records = new Records();
    const heartbeat = heldBy(records, "run-1");
    meddle(records);
    const { journal, lines } = journalOf();
    const log: string[] = [];
    await releaseAndRecord(records.gateway, heartbeat, (line) => log.push(line), journal);
    journal.close();
    expect(lines()).toEqual([entry]);
    expect(log).toEqual([]);
  });

  it("a release that fails says so, with how to release it by hand", async () => {
    const records = new Records();
    const heartbeat = heldBy(records, "run-1");
    records.failReads = [new Error("403 Forbidden")];
    const { journal, lines } = journalOf();
    const log: string[] = [];
    await releaseAndRecord(records.gateway, heartbeat, (line) => log.push(line), journal);
    journal.close();
    const text = "lock release failed: 403 Forbidden; it holds until 2026-03-01T10:10:00.000Z, or release it: dwctl lock release --env stage --id run-1";
    expect(log).toEqual([`warning: ${text}`]);
    expect(lines()).toEqual([{ step: "lock", kind: "lock", event: "note", outcome: "failed", description: text, error: "403 Forbidden" }]);
  });

  it("a takeover is announced on stderr and in the journal; a fresh lock is not", () => {
    const { journal, lines } = journalOf();
    const log: string[] = [];
    announceTakeover({ value: lockOf({ id: "run-1" }), etag: "e" }, (line) => log.push(line), journal);
    announceTakeover({ value: lockOf({ id: "run-1" }), etag: "e", tookOver: { previous: lockOf(), reason: "it expired at x" } }, (line) => log.push(line), journal);
    journal.close();
    const text = "took over the lock of ci@runner-7 (run run-9, apply --env stage), pid 4242 on runner-7: it expired at x";
    expect(log).toEqual([`warning: ${text}. If that run is still working, it stops before its next write.`]);
    expect(lines()).toEqual([{ step: "lock", kind: "lock", event: "note", description: text }]);
  });
});

describe("a saved plan file", () => {
  const live = liveFromDesired(pairDesired(planEstate()));
  const plan = sealPlan(planOf(pairDesired(planEstate()), { live, lastApplied: undefined }));

  it("is accepted as dwctl wrote it, for the desired state it was made from", () => {
    expect(() => checkSavedPlan(plan, plan.desiredHash)).not.toThrow();
  });

  it("is refused without its integrity hash", () => {
    const { integrity: _integrity, ...bare } = plan;
    expect(() => checkSavedPlan(bare as Plan, plan.desiredHash)).toThrow(
      expect.objectContaining({
        name: "ApplyRefusedError",
        message: "the plan file has no integrity hash, so what it says cannot be matched to what was reviewed",
        hint: "Make the plan again with dwctl plan --env stage --out <file>, review it, and apply that file unchanged.",
      }),
    );
  });

  it("is refused when changed after dwctl wrote it", () => {
    const edited = { ...plan, prune: true };
    expect(() => checkSavedPlan(edited, plan.desiredHash)).toThrow(
      `the plan file was changed after dwctl wrote it: its content no longer matches its integrity hash ${(plan.integrity ?? "").slice(0, 12)}`,
    );
  });

  it("is refused when git asks for something else now", () => {
    const now = "f".repeat(64);
    expect(() => checkSavedPlan(plan, now)).toThrow(
      expect.objectContaining({
        message: `the desired state in git changed since the plan was made (desired hash ${plan.desiredHash.slice(0, 12)} is now ffffffffffff)`,
        hint: "The plan does not describe what git asks for now. Run dwctl plan --env stage --out <file> on this commit, review it, and apply that.",
      }),
    );
  });
});

describe("the phases of a wave", () => {
  it("has a phase for every kind of action, in the order the planner puts one map's steps", () => {
    const kinds = ["pauseMap", "resumeMap", "startMap", "refreshTables", "activateMapVersion", "initialiseMap", "applySolution", "deleteMap", "saveMapDefinition", "stopMap", "setIntegrationKey", "reactivateAlternateKey", "createAlternateKey"];
    const actions = kinds.map((kind, i) => ({ id: `a${i}`, wave: 1, kind, description: kind }) as unknown as Action);
    expect(phases(actions).map((phase) => phase.map((a) => a.kind))).toEqual([...kinds].reverse().map((kind) => [kind]));
  });
});

describe("the journal", () => {
  it("creates its folder, writes one line a step, and refuses to write once closed", () => {
    const runs = join(tempDir(), "deep", "runs");
    const journal = new Journal(runs, "run-1");
    expect(journal.dir).toBe(join(runs, "run-1"));
    journal.write({ step: "s", kind: "k", event: "note", description: "d" });
    journal.close();
    journal.close();
    expect(() => journal.write({ step: "s", kind: "k", event: "note" })).toThrow(`the journal ${journal.file} is closed`);
    expect(readFileSync(journal.file, "utf8").trim().split("\n")).toHaveLength(1);
  });
});

describe("the last-applied record", () => {
  const pd = pairDesired(editFile(planEstate(), "maps/tablemaps/currencies.yaml", "version: { publisher: contoso, number: 1.0.0.0 }", "version: { publisher: contoso, number: 1.0.0.0 }\nprotected: true"));
  const base = { commit: "c0ffee", planHash: "p".repeat(64), desiredHash: "d".repeat(64), appliedAt: "2026-03-01T10:00:00.000Z", actor: "tester", runId: "run-1" };
  const key = (table: string, entity: string): string => mapKey({ entity, table });

  it("lists each map as apply left it, with its name, definition and protection, and the pair's keys and legal entities", () => {
    const live = liveFromDesired(pd);
    const record = recordLastApplied({ ...base, snapshot: live, desired: pd, previous: undefined });
    expect(record).toMatchObject({ format_version: "1", pair: "stage", ...base, legalEntities: ["USMF"] });
    const currencies = live.maps.find((m) => m.ref.table === "transactioncurrency");
    if (currencies === undefined) throw new Error("no currencies map");
    currencies.definition = { ...currencies.definition, fields: currencies.definition.fields.slice(1) };
    const edited = recordLastApplied({ ...base, snapshot: live, desired: pd, previous: undefined });
    // The definition live, as apply left it, not git's.
    expect(edited.maps[key("transactioncurrency", "Currencies")]).toEqual({ name: "currencies", definitionHash: definitionHash(currencies.definition), state: "running", protected: true });
    expect(record.maps[key("account", "CustomersV3")]).toMatchObject({ name: "customers", state: "running", protected: false });
    expect(record.keys).toEqual({
      cdm_company: { columns: ["cdm_companycode"], alternateKey: "cdm_companycode_key" },
      transactioncurrency: { columns: ["isocurrencycode"], alternateKey: "msdyn_isocurrencycode_key" },
      account: { columns: ["accountnumber", "msdyn_company.cdm_companycode"], alternateKey: "msdyn_accountnumber_company" },
    });
  });

  it("records the state a map is in, whatever git wants", () => {
    const paused = pairDesired(editFile(planEstate(), "maps/tablemaps/currencies.yaml", "name: currencies\n", "name: currencies\nstate: paused\n"));
    const live = liveFromDesired(pd);
    expect(recordLastApplied({ ...base, snapshot: live, desired: paused, previous: undefined }).maps[key("transactioncurrency", "Currencies")]?.state).toBe("running");
  });

  it("keeps the live spelling of a key's schema name, matched without case on the same table", () => {
    const live = liveFromDesired(pd);
    live.alternateKeys.push({ table: "cdm_company", schemaName: "another_key", displayName: "x", attributes: [], status: "active" });
    for (const k of live.alternateKeys) k.schemaName = k.schemaName.toUpperCase();
    live.alternateKeys.push({ table: "elsewhere", schemaName: "cdm_companycode_key", displayName: "x", attributes: [], status: "active" });
    live.alternateKeys = [...live.alternateKeys].reverse();
    const record = recordLastApplied({ ...base, snapshot: live, desired: pd, previous: undefined });
    expect(record.keys.cdm_company?.alternateKey).toBe("CDM_COMPANYCODE_KEY");
    live.alternateKeys = [];
    expect(recordLastApplied({ ...base, snapshot: live, desired: pd, previous: undefined }).keys.cdm_company?.alternateKey).toBe("cdm_companycode_key");
  });

  it("records a map in a passing state as git wants it, and a rerun token only once the map runs", () => {
    const rerun = pairDesired(editFile(planEstate(), "maps/tablemaps/currencies.yaml", "name: currencies\n", "name: currencies\ninitialSync: { enabled: true, master: dataverse, rerun: T-2 }\n"));
    const previous: LastAppliedRecord = lastAppliedFor(rerun);
    const old = key("transactioncurrency", "Currencies");
    const entry = previous.maps[old];
    if (entry === undefined) throw new Error("no currencies entry");
    previous.maps[old] = { ...entry, initialSyncRerun: "T-1" };
    for (const [state, recorded, token] of [
      ["running", "running", "T-2"],
      ["paused", "paused", "T-2"],
      ["stopped", "stopped", "T-1"],
      ["initializing", "running", "T-1"],
      ["error", "running", "T-1"],
    ] as const) {
      const live = liveFromDesired(rerun);
      const map = live.maps.find((m) => m.ref.table === "transactioncurrency");
      if (map === undefined) throw new Error("no currencies map");
      map.state = state;
      const record = recordLastApplied({ ...base, snapshot: live, desired: rerun, previous });
      expect(record.maps[old], state).toMatchObject({ state: recorded, initialSyncRerun: token });
    }
    const none = recordLastApplied({ ...base, snapshot: liveFromDesired(pd), desired: pd, previous: undefined });
    expect(none.maps[old]).not.toHaveProperty("initialSyncRerun");
  });

  it("keeps a map dwctl managed before and git no longer has, so that --prune can still find it; ignores one it never managed", () => {
    const live = liveFromDesired(pd);
    const vendors = structuredClone(live.maps[0]);
    if (vendors === undefined) throw new Error("no map");
    vendors.ref = { entity: "VendorsV2", table: "msdyn_vendor" };
    vendors.state = "initializing";
    const orders = structuredClone(vendors);
    orders.ref = { entity: "SalesOrders", table: "salesorder" };
    live.maps.push(vendors, orders);
    const previous = lastAppliedFor(pd);
    const kept = { name: "vendors", definitionHash: "h", state: "running" as const, protected: false };
    previous.maps[key("msdyn_vendor", "VendorsV2")] = kept;
    const record = recordLastApplied({ ...base, snapshot: live, desired: pd, previous });
    expect(record.maps[key("msdyn_vendor", "VendorsV2")]).toEqual(kept);
    expect(record.maps[key("salesorder", "SalesOrders")]).toBeUndefined();
    expect(Object.keys(record.maps)).toHaveLength(4);
  });

  it("records no legal entities for a pair that is not linked", () => {
    const live = liveFromDesired(pd);
    live.link = undefined;
    expect(recordLastApplied({ ...base, snapshot: live, desired: pd, previous: undefined }).legalEntities).toEqual([]);
  });
});

describe("how each action is sent", () => {
  const ref = { entity: "CustomersV3", table: "account" };
  const base = { id: "a", wave: 1, description: "d", map: "customers", ref, title: "Customers V3" };

  it.each([
    [{ kind: "initialiseMap" }, ["initialise", {}]],
    [{ kind: "stopMap" }, ["stop", {}]],
    [{ kind: "startMap", initialSync: null }, ["start", {}]],
    [{ kind: "startMap", initialSync: { master: "dataverse", reason: "first" } }, ["start", { initialSync: { master: "dataverse" } }]],
    [{ kind: "pauseMap" }, ["pause", {}]],
    [{ kind: "resumeMap", queuedRecords: "skip-and-keep" }, ["resume", { queuedRecords: "skip-and-keep" }]],
  ])("%o is a lifecycle request %o", async (kind, [action, options]) => {
    const { calls, gateway } = callRecorder();
    const sent = { ...base, ...kind } as Action;
    expect(isLifecycleAction(sent)).toBe(true);
    expect(await beginLifecycleAction(gateway, sent as Parameters<typeof beginLifecycleAction>[1])).toEqual({ ref, action, requestId: "request-1" });
    expect(calls).toEqual([["beginMapAction", ref, action, options]]);
  });

  it.each([
    [{ kind: "saveMapDefinition", definition: { version: { publisher: "Contoso Ltd", number: "1.0.0.1" } } }, ["saveMapDefinition", { version: { publisher: "Contoso Ltd", number: "1.0.0.1" } }, "dwctl_contoso_ltd"]],
    [{ kind: "applySolution", solution: "dwctl_contoso" }, ["applySolution", "dwctl_contoso"]],
    [{ kind: "activateMapVersion", version: { publisher: "contoso", number: "1.0.0.1" } }, ["activateMapVersion", ref, { publisher: "contoso", number: "1.0.0.1" }]],
    [{ kind: "refreshTables" }, ["refreshTables", ref]],
    [{ kind: "deleteMap" }, ["deleteMap", ref]],
  ])("%o is one call %o", async (kind, call) => {
    const { calls, gateway } = callRecorder();
    const action = { ...base, ...kind } as Action;
    expect(isLifecycleAction(action)).toBe(false);
    await executeAction(gateway, action as Parameters<typeof executeAction>[1]);
    expect(calls).toEqual([call]);
  });

  it("keys are neither", () => {
    for (const kind of ["createAlternateKey", "reactivateAlternateKey", "setIntegrationKey"]) expect(isLifecycleAction({ ...base, kind } as Action)).toBe(false);
  });

  it("a key index that failed says what to do", () => {
    const error = new KeyIndexFailedError("account", "msdyn_accountnumber_company");
    expect(error.name).toBe("KeyIndexFailedError");
    expect(error.message).toBe("the index of alternate key msdyn_accountnumber_company on account failed to build");
    expect(error.hint).toBe("Usually a key column holds duplicate values or is not a supported type. Fix the data or the key, then run apply again: it reactivates the key.");
  });
});

describe("running a phase", () => {
  const single = (n: number, kind: "saveMapDefinition" | "applySolution"): Action =>
    (kind === "applySolution"
      ? { id: `solution-${n}`, wave: 3, kind, description: `apply ${n}`, solution: `dwctl_${n}` }
      : { id: `save-${n}`, wave: 2, kind, description: `save ${n}`, map: `m${n}`, ref: { entity: `E${n}`, table: `t${n}` }, title: `E${n}`, definition: { version: { publisher: "contoso", number: "1.0.0.0" } } }) as Action;
  const exec: ExecuteOptions = { keyTimeoutMs: 60_000, pollMs: 5, sleep: async () => undefined, note: () => undefined };

  function concurrency() {
    let inFlight = 0;
    let peak = 0;
    const slow = async (): Promise<void> => {
      inFlight += 1;
      peak = Math.max(peak, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 5));
      inFlight -= 1;
    };
    return { slow, peak: () => peak };
  }

  it("applies solutions one at a time, and saves side by side up to the parallelism", async () => {
    const solutions = concurrency();
    const gateway = { applySolution: solutions.slow } as unknown as EnvironmentGateway;
    const tracker = { started: () => undefined, ended: () => undefined };
    await runPhase(gateway, [single(1, "applySolution"), single(2, "applySolution"), single(3, "applySolution")], 8, exec, tracker);
    expect(solutions.peak()).toBe(1);
    const saves = concurrency();
    const saving = { saveMapDefinition: saves.slow } as unknown as EnvironmentGateway;
    await runPhase(saving, [1, 2, 3, 4].map((n) => single(n, "saveMapDefinition")), 2, exec, tracker);
    expect(saves.peak()).toBe(2);
  });

  it("does nothing for an empty phase, and needs no beforeStart", async () => {
    await expect(runPhase({} as EnvironmentGateway, [], 4, exec, { started: () => undefined, ended: () => undefined })).resolves.toBeUndefined();
    const ended: string[] = [];
    const gateway = { applySolution: async () => undefined } as unknown as EnvironmentGateway;
    await runPhase(gateway, [single(1, "applySolution")], 4, exec, { started: () => undefined, ended: (a: Action) => ended.push(a.id) });
    expect(ended).toEqual(["solution-1"]);
  });

  it("reactivates a key that failed before, then waits for its index", async () => {
    const calls: string[] = [];
    const gateway = {
      reactivateAlternateKey: async (table: string, schemaName: string) => {
        calls.push(`reactivate ${table} ${schemaName}`);
      },
      alternateKeyStatuses: async (keys: readonly unknown[]) => keys.map(() => "active"),
    } as unknown as EnvironmentGateway;
    const action = { id: "k", wave: 1, kind: "reactivateAlternateKey", description: "d", table: "account", schemaName: "key1" } as Action;
    await runPhase(gateway, [action], 4, exec, { started: () => undefined, ended: () => undefined });
    expect(calls).toEqual(["reactivate account key1"]);
  });

  it("follows nothing when every send failed, and ends an action once however often the service reports it", async () => {
    let followed = 0;
    const failing = {
      beginMapAction: async () => {
        throw new Error("409");
      },
      followMapActions: async () => {
        followed += 1;
      },
    } as unknown as EnvironmentGateway;
    const start = { id: "s1", wave: 7, kind: "startMap", description: "start", map: "m", ref: { entity: "E", table: "t" }, title: "E", initialSync: null } as Action;
    const ended: string[] = [];
    const tracker = { started: () => undefined, ended: (a: Action, e?: unknown) => ended.push(`${a.id} ${e === undefined ? "ok" : "failed"}`) };
    await expect(runPhase(failing, [start], 4, exec, tracker)).rejects.toBeInstanceOf(PhaseFailure);
    expect(followed).toBe(0);
    expect(ended).toEqual(["s1 failed"]);

    ended.length = 0;
    const twice = {
      beginMapAction: async () => "request-1",
      followMapActions: async (requests: readonly { requestId: string }[], end: (r: unknown, e?: Error) => void) => {
        for (const r of requests) {
          end(r);
          end(r, new Error("late"));
        }
      },
    } as unknown as EnvironmentGateway;
    await runPhase(twice, [start], 4, exec, tracker);
    expect(ended).toEqual(["s1 ok"]);
  });

  it("names a failed phase's action", () => {
    const failure = new PhaseFailure(single(1, "applySolution"), new Error("boom"));
    expect(failure).toMatchObject({ name: "PhaseFailure", message: "boom" });
    expect(new PhaseFailure(single(1, "applySolution"), "plain").message).toBe("plain");
  });
});

describe("waiting for key indexes", () => {
  const keys = [
    { table: "account", schemaName: "key1" },
    { table: "contact", schemaName: "key2" },
  ];

  it("says each key's status when it changes, and waits between reads", async () => {
    const script: (AlternateKeyStatus | undefined)[][] = [
      [undefined, "pending"],
      [undefined, "pending"],
      ["pending", "inProgress"],
      ["active", "active"],
    ];
    let read = 0;
    const gateway = { alternateKeyStatuses: async () => script[read++] ?? [] } as unknown as EnvironmentGateway;
    const notes: string[] = [];
    const sleeps: number[] = [];
    const done: string[] = [];
    const failures = await waitForKeys(gateway, keys, { keyTimeoutMs: 60_000, pollMs: 7, sleep: async (ms) => void sleeps.push(ms), note: (m) => notes.push(m) }, (key, error) => done.push(`${key.schemaName} ${error === undefined ? "ok" : "failed"}`));
    expect(failures).toEqual([]);
    expect(notes).toEqual([
      "alternate key key1 on account: not found yet",
      "alternate key key2 on contact: pending",
      "alternate key key1 on account: pending",
      "alternate key key2 on contact: inProgress",
    ]);
    expect(sleeps).toEqual([7, 7, 7]);
    expect(done).toEqual(["key1 ok", "key2 ok"]);
    expect(read).toBe(4);
  });

  it("gives up on the keys still building once the timeout has passed, not before", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(NOW);
    const gateway = { alternateKeyStatuses: async (asked: readonly unknown[]) => asked.map(() => "inProgress") } as unknown as EnvironmentGateway;
    const sleep = async (ms: number): Promise<void> => {
      vi.setSystemTime(Date.now() + ms);
    };
    const failures = await waitForKeys(gateway, keys.slice(0, 1), { keyTimeoutMs: 2_000, pollMs: 1_000, sleep, note: () => undefined }, () => undefined);
    expect(failures.map((f) => f.error.message)).toEqual(["alternate key key1 on account is still inProgress after 2 s"]);
    expect(Date.now() - NOW.getTime()).toBe(3_000);
  });

  it("names a key that never appeared as missing when it gives up", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(NOW);
    const gateway = { alternateKeyStatuses: async (asked: readonly unknown[]) => asked.map(() => undefined) } as unknown as EnvironmentGateway;
    const sleep = async (ms: number): Promise<void> => {
      vi.setSystemTime(Date.now() + ms);
    };
    const failures = await waitForKeys(gateway, keys.slice(0, 1), { keyTimeoutMs: 1_000, pollMs: 1_000, sleep, note: () => undefined }, () => undefined);
    expect(failures.map((f) => f.error.message)).toEqual(["alternate key key1 on account is still missing after 1 s"]);
  });

  it("does not give up at the very moment the timeout runs out", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(NOW);
    let read = 0;
    const gateway = { alternateKeyStatuses: async () => [read++ === 0 ? "pending" : "active"] } as unknown as EnvironmentGateway;
    const failures = await waitForKeys(gateway, keys.slice(0, 1), { keyTimeoutMs: 0, pollMs: 1, sleep: async () => undefined, note: () => undefined }, () => undefined);
    expect(failures).toEqual([]);
  });

  it("ends every key still waiting when the status read fails for good", async () => {
    const gateway = {
      alternateKeyStatuses: async () => {
        throw new Error("503");
      },
    } as unknown as EnvironmentGateway;
    const done: string[] = [];
    const failures = await waitForKeys(gateway, keys, { keyTimeoutMs: 1_000, pollMs: 1, sleep: async () => undefined, note: () => undefined }, (key, error) => done.push(`${key.schemaName} ${String(error)}`));
    expect(failures.map((f) => f.key.schemaName)).toEqual(["key1", "key2"]);
    expect(done).toEqual(["key1 Error: 503", "key2 Error: 503"]);
  });
});

describe("pool", () => {
  it("runs at least one at a time, however low the limit", async () => {
    const ran: number[] = [];
    await pool([1, 2, 3], 0, async (n) => void ran.push(n));
    expect(ran).toEqual([1, 2, 3]);
  });
});
