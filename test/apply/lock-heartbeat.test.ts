import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { hostname } from "node:os";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { LockHeartbeat, LockLostError, announceTakeover, heartbeatInterval, releaseAndRecord, type LockLoss } from "../../src/apply/heartbeat.js";
import { Journal } from "../../src/apply/journal.js";
import { LockedError, acquireLock, parseLock, type HeldLock, type LockValue } from "../../src/apply/lock.js";
import { PhaseFailure, runPhase } from "../../src/apply/run-phase.js";
import type { Action } from "../../src/plan/plan.js";
import { RecordConflictError, type EnvironmentGateway } from "../../src/live/gateway.js";
import type { RecordKind, StoredRecord } from "../../src/model/snapshot.js";

/**
 * The lock is renewed on a heartbeat during every wait, not only between waves: a wave can wait
 * on the service for up to an hour, and a second run must never take over the lock of a run that
 * is alive and working. These tests drive the heartbeat with fake timers over an in-memory
 * gateway whose records are real compare-and-swap.
 */

/** The record part of the gateway, with compare-and-swap, a log of lock writes and optional slowness or failures. */
class RecordGateway {
  readonly pair = "stage";
  readonly records = new Map<RecordKind, StoredRecord>();
  /** Every lock write attempted: the ETag it was conditioned on, and the value. */
  readonly lockWrites: { etag: string | undefined; value: LockValue; wrote: string | undefined }[] = [];
  inFlight = 0;
  maxInFlight = 0;
  /** Milliseconds each write takes (fake time). */
  writeDelayMs = 0;
  /** Thrown by the next lock writes, while set. */
  failWrites: Error | undefined;
  failReads: Error | undefined;
  #etag = 0;

  async readRecord(kind: RecordKind): Promise<StoredRecord | undefined> {
    if (this.failReads !== undefined) throw this.failReads;
    return this.records.get(kind);
  }

  async writeRecord(kind: RecordKind, value: unknown, condition: { etag: string } | { absent: true }): Promise<StoredRecord> {
    this.inFlight += 1;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    try {
      const write = { etag: "etag" in condition ? condition.etag : undefined, value: value as LockValue, wrote: undefined as string | undefined };
      if (kind === "lock") this.lockWrites.push(write);
      if (this.writeDelayMs > 0) await new Promise((r) => setTimeout(r, this.writeDelayMs));
      if (kind === "lock" && this.failWrites !== undefined) throw this.failWrites;
      const stored = this.put(kind, value, condition);
      write.wrote = stored.etag;
      return stored;
    } finally {
      this.inFlight -= 1;
    }
  }

  /** A write by someone else (another runner), bypassing the log. */
  put(kind: RecordKind, value: unknown, condition: { etag: string } | { absent: true }): StoredRecord {
    const current = this.records.get(kind);
    if ("absent" in condition ? current !== undefined : current?.etag !== condition.etag) throw new RecordConflictError(kind);
    const stored = { kind, value, etag: `W/"${++this.#etag}"` };
    this.records.set(kind, stored);
    return stored;
  }

  async deleteRecord(kind: RecordKind, etag: string): Promise<void> {
    if (this.records.get(kind)?.etag !== etag) throw new RecordConflictError(kind);
    this.records.delete(kind);
  }

  lock(): LockValue | undefined {
    return parseLock(this.records.get("lock"));
  }
}

const asGateway = (g: RecordGateway): EnvironmentGateway => g as unknown as EnvironmentGateway;

const TTL = 1_500;
const dirs: string[] = [];

function journal(): Journal {
  const dir = mkdtempSync(join(tmpdir(), "dwctl-heartbeat-"));
  dirs.push(dir);
  return new Journal(dir, "run-1");
}

function lines(j: Journal): { step: string; description?: string; outcome?: string; error?: string }[] {
  return readFileSync(j.file, "utf8")
    .split("\n")
    .filter((l) => l !== "")
    .map((l) => JSON.parse(l) as { step: string; description?: string; outcome?: string });
}

/** Another runner's lock, written over ours the way acquireLock writes a takeover. */
function intruder(ours: LockValue, at: Date): LockValue {
  return {
    id: "run-2",
    holder: "mallory@elsewhere",
    host: "elsewhere",
    pid: 1,
    runId: "run-2",
    command: "apply --env stage",
    acquiredAt: at.toISOString(),
    expiresAt: new Date(at.getTime() + TTL).toISOString(),
    tookOverFrom: { id: ours.id, holder: ours.holder, runId: ours.runId, command: ours.command, expiresAt: ours.expiresAt, reason: `it expired at ${ours.expiresAt}` },
  };
}

beforeEach(() => {
  vi.useFakeTimers({ now: new Date("2025-01-01T00:00:00Z") });
});

afterEach(() => {
  vi.useRealTimers();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function take(gateway: RecordGateway, runId = "run-1"): Promise<HeldLock> {
  return acquireLock(asGateway(gateway), { runId, command: "apply --env stage", ttlMs: TTL });
}

describe("the lock heartbeat", () => {
  it("renews every third of the TTL, each write conditioned on the ETag of the one before", async () => {
    const gateway = new RecordGateway();
    const held = await take(gateway);
    const beat = new LockHeartbeat(asGateway(gateway), held, { ttlMs: TTL, journal: "j", onLost: () => undefined }).start();
    expect(beat.intervalMs).toBe(500);
    await vi.advanceTimersByTimeAsync(1_600);
    const renewals = gateway.lockWrites.slice(1);
    expect(renewals).toHaveLength(3);
    let etag = held.etag;
    for (const [index, write] of renewals.entries()) {
      expect(write.etag, `renewal ${index}`).toBe(etag);
      expect(write.wrote, `renewal ${index}`).toBeDefined();
      etag = write.wrote ?? "";
    }
    expect(beat.lock.etag).toBe(gateway.records.get("lock")?.etag);
    expect(gateway.lock()?.expiresAt).toBe(new Date(Date.now() - 100 + TTL).toISOString());
    await beat.stop();
  });

  it("keeps a second run out for as long as the first is alive, many TTLs long; without it the lock is taken over", async () => {
    const gateway = new RecordGateway();
    const beat = new LockHeartbeat(asGateway(gateway), await take(gateway), { ttlMs: TTL, journal: "j", onLost: () => undefined }).start();
    // A wait on the service of 20 TTLs: a second run tries every 250 ms and is refused every time.
    for (let t = 0; t < 20 * TTL; t += 250) {
      await vi.advanceTimersByTimeAsync(250);
      await expect(take(gateway, "run-2"), `at ${t + 250} ms`).rejects.toBeInstanceOf(LockedError);
    }
    expect(gateway.lock()?.id).toBe("run-1");
    await beat.stop();
    // The control: with no heartbeat, the lock expires and a second run takes it over.
    await vi.advanceTimersByTimeAsync(TTL + 1);
    const second = await take(gateway, "run-2");
    expect(second.tookOver?.previous.id).toBe("run-1");
    expect(second.tookOver?.reason).toMatch(/^it expired at /);
    expect(gateway.lock()?.tookOverFrom?.id).toBe("run-1");
  });

  it("has one write in flight at a time: a progress write waits for the beat in flight and goes on from its ETag", async () => {
    const gateway = new RecordGateway();
    const held = await take(gateway);
    gateway.writeDelayMs = 300;
    const beat = new LockHeartbeat(asGateway(gateway), held, { ttlMs: TTL, journal: "j", onLost: () => undefined }).start();
    await vi.advanceTimersByTimeAsync(500 + 100); // a beat is in flight
    expect(gateway.inFlight).toBe(1);
    const progress = beat.renew("the progress record after wave 1", { progress: { wave: 1, waves: 2, done: 3, total: 5 } });
    await vi.advanceTimersByTimeAsync(1_000);
    await progress;
    expect(gateway.maxInFlight).toBe(1);
    expect(beat.lost).toBeUndefined();
    expect(gateway.lock()?.progress).toEqual({ wave: 1, waves: 2, done: 3, total: 5 });
    // Later beats keep the progress.
    await vi.advanceTimersByTimeAsync(1_000);
    expect(gateway.lock()?.progress?.done).toBe(3);
    await beat.stop();
  });

  it("finds a takeover, says it once, writes the lock no more, and stops the next write with the step and the journal", async () => {
    const gateway = new RecordGateway();
    const held = await take(gateway);
    const losses: LockLoss[] = [];
    const beat = new LockHeartbeat(asGateway(gateway), held, { ttlMs: TTL, journal: "/runs/run-1/journal.jsonl", onLost: (loss) => losses.push(loss) }).start();
    await vi.advanceTimersByTimeAsync(600);
    const current = gateway.records.get("lock");
    if (current === undefined) throw new Error("no lock");
    gateway.put("lock", intruder(beat.lock.value, new Date()), { etag: current.etag });
    const writesBefore = gateway.lockWrites.length;
    await vi.advanceTimersByTimeAsync(5_000);
    expect(losses).toHaveLength(1);
    expect(losses[0]?.holder?.id).toBe("run-2");
    expect(losses[0]?.reason).toMatch(/^it was taken over by mallory@elsewhere \(run run-2, apply --env stage\) at \S+, because it expired at /);
    // One renewal found the takeover; nothing was written after it.
    expect(gateway.lockWrites.length).toBe(writesBefore + 1);
    expect(gateway.lock()?.id).toBe("run-2");
    const stopped = beat.ensure("step 4-start-customers (start Customers V3)");
    await expect(stopped).rejects.toBeInstanceOf(LockLostError);
    await expect(stopped).rejects.toThrow(
      /^the lock on environment pair "stage" was lost: it was taken over by mallory@elsewhere .*\. This run stopped before step 4-start-customers \(start Customers V3\) and wrote nothing more$/,
    );
    const error = await beat.ensure("the last-applied record").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LockLostError);
    expect((error as LockLostError).hint).toContain("journal: /runs/run-1/journal.jsonl");
    expect((error as LockLostError).hint).toContain("dwctl lock status --env stage");
    await expect(beat.renew("the progress record after wave 2", { progress: { wave: 2, waves: 3, done: 1, total: 1 } })).rejects.toBeInstanceOf(LockLostError);
    expect(gateway.lockWrites.length).toBe(writesBefore + 1);
    await beat.stop();
  });

  it("treats a failed renewal (network) as no loss: the next beat renews", async () => {
    const gateway = new RecordGateway();
    const failures: unknown[] = [];
    const losses: LockLoss[] = [];
    const beat = new LockHeartbeat(asGateway(gateway), await take(gateway), {
      ttlMs: TTL,
      journal: "j",
      onLost: (loss) => losses.push(loss),
      onRenewFailed: (error) => failures.push(error),
    }).start();
    gateway.failWrites = new Error("fetch failed: ECONNRESET");
    await vi.advanceTimersByTimeAsync(550);
    expect(failures).toHaveLength(1);
    gateway.failWrites = undefined;
    await vi.advanceTimersByTimeAsync(500);
    expect(losses).toEqual([]);
    expect(beat.lost).toBeUndefined();
    await expect(beat.ensure("step 1")).resolves.toBeUndefined();
    expect(Date.parse(gateway.lock()?.expiresAt ?? "")).toBeGreaterThan(Date.now() + TTL - 100);
    await beat.stop();
  });

  it("renews before a write when the beats fell behind, and stops that write when the lock was taken over meanwhile", async () => {
    const gateway = new RecordGateway();
    const held = await take(gateway);
    // Not started: as if the timers were starved by a busy event loop.
    const beat = new LockHeartbeat(asGateway(gateway), held, { ttlMs: TTL, journal: "j", onLost: () => undefined });
    await vi.advanceTimersByTimeAsync(1_200); // 300 ms left: less than an interval
    await beat.ensure("step 1");
    expect(gateway.lockWrites).toHaveLength(2);
    expect(gateway.lock()?.expiresAt).toBe(new Date(Date.now() + TTL).toISOString());
    await vi.advanceTimersByTimeAsync(TTL + 1);
    const current = gateway.records.get("lock");
    if (current === undefined) throw new Error("no lock");
    gateway.put("lock", intruder(beat.lock.value, new Date()), { etag: current.etag });
    await expect(beat.ensure("step 2")).rejects.toThrow(/taken over by mallory@elsewhere.*stopped before step 2/);
  });

  it("actions starting side by side on a lock that needs renewing share one renewal", async () => {
    const gateway = new RecordGateway();
    const beat = new LockHeartbeat(asGateway(gateway), await take(gateway), { ttlMs: TTL, journal: "j", onLost: () => undefined });
    await vi.advanceTimersByTimeAsync(1_200);
    gateway.writeDelayMs = 50;
    const all = Promise.all(Array.from({ length: 16 }, (_, i) => beat.ensure(`step ${i}`)));
    await vi.advanceTimersByTimeAsync(100);
    await all;
    expect(gateway.lockWrites).toHaveLength(2);
    expect(gateway.maxInFlight).toBe(1);
  });

  it("does not renew before a write while the lock holds for more than an interval", async () => {
    const gateway = new RecordGateway();
    const held = await acquireLock(asGateway(gateway), { runId: "run-1", command: "apply --env stage", ttlMs: 60_000 });
    const beat = new LockHeartbeat(asGateway(gateway), held, { ttlMs: 60_000, journal: "j", onLost: () => undefined });
    await vi.advanceTimersByTimeAsync(30_000);
    await beat.ensure("step 1");
    expect(gateway.lockWrites).toHaveLength(1);
    expect(heartbeatInterval(60_000)).toBe(20_000);
    expect(heartbeatInterval(90)).toBe(100);
  });
});

describe("taking over and releasing, as the journal tells it", () => {
  it("a run that takes over a stale lock says whose, on stderr and in its journal, and the lock record keeps it", async () => {
    const gateway = new RecordGateway();
    await take(gateway, "run-1");
    await vi.advanceTimersByTimeAsync(TTL + 1);
    const held = await take(gateway, "run-2");
    const log: string[] = [];
    const j = journal();
    announceTakeover(held, (line) => log.push(line), j);
    j.close();
    expect(log).toHaveLength(1);
    expect(log[0]).toMatch(new RegExp(`^warning: took over the lock of \\S+ \\(run run-1, apply --env stage\\), pid ${process.pid} on ${hostname()}: it expired at \\S+\\. If that run is still working, it stops before its next write\\.$`));
    expect(lines(j).map((l) => l.description)).toEqual([expect.stringMatching(/^took over the lock of \S+ \(run run-1, apply --env stage\)/)]);
    expect(gateway.lock()?.tookOverFrom).toMatchObject({ id: "run-1", runId: "run-1", reason: expect.stringMatching(/^it expired at /) });
  });

  it("a fresh lock is no takeover: nothing is announced", async () => {
    const gateway = new RecordGateway();
    const held = await take(gateway);
    const log: string[] = [];
    const j = journal();
    announceTakeover(held, (line) => log.push(line), j);
    j.close();
    expect(held.tookOver).toBeUndefined();
    expect(gateway.lock()?.tookOverFrom).toBeUndefined();
    expect(log).toEqual([]);
    expect(readFileSync(j.file, "utf8")).toBe("");
  });

  it("released: 'lock released', and the record is gone", async () => {
    const gateway = new RecordGateway();
    const beat = new LockHeartbeat(asGateway(gateway), await take(gateway), { ttlMs: TTL, journal: "j", onLost: () => undefined }).start();
    await vi.advanceTimersByTimeAsync(1_000);
    const j = journal();
    await releaseAndRecord(asGateway(gateway), beat, () => undefined, j);
    j.close();
    expect(lines(j).map((l) => l.description)).toEqual(["lock released"]);
    expect(gateway.records.has("lock")).toBe(false);
    // Stopped: no beat writes the lock back.
    await vi.advanceTimersByTimeAsync(5_000);
    expect(gateway.records.has("lock")).toBe(false);
  });

  it("taken over: 'not ours any more', naming who holds it, and that lock is left alone", async () => {
    const gateway = new RecordGateway();
    const beat = new LockHeartbeat(asGateway(gateway), await take(gateway), { ttlMs: TTL, journal: "j", onLost: () => undefined });
    const current = gateway.records.get("lock");
    if (current === undefined) throw new Error("no lock");
    gateway.put("lock", intruder(beat.lock.value, new Date()), { etag: current.etag });
    const j = journal();
    await releaseAndRecord(asGateway(gateway), beat, () => undefined, j);
    j.close();
    expect(lines(j).map((l) => l.description)).toEqual(["lock was not ours any more: held by mallory@elsewhere (run run-2, apply --env stage)"]);
    expect(gateway.lock()?.id).toBe("run-2");
  });

  it("a release that fails for another reason says so, and never 'not ours any more'", async () => {
    const gateway = new RecordGateway();
    const beat = new LockHeartbeat(asGateway(gateway), await take(gateway), { ttlMs: TTL, journal: "j", onLost: () => undefined });
    gateway.failReads = new Error("GET /lock: the connection was reset (ECONNRESET)");
    const log: string[] = [];
    const j = journal();
    await releaseAndRecord(asGateway(gateway), beat, (line) => log.push(line), j);
    j.close();
    const [line] = lines(j);
    expect(lines(j)).toHaveLength(1);
    expect(line?.description).toMatch(
      /^lock release failed: GET \/lock: the connection was reset \(ECONNRESET\); it holds until \S+, or release it: dwctl lock release --env stage --id run-1$/,
    );
    expect(line?.outcome).toBe("failed");
    expect(readFileSync(j.file, "utf8")).not.toContain("not ours");
    expect(log).toEqual([`warning: ${line?.description ?? ""}`]);
    expect(gateway.lock()?.id).toBe("run-1");
  });
});

describe("a phase checks the lock before each action's first write", () => {
  function start(n: number): Action {
    const ref = { entity: `Entity${n}`, table: `table${n}` };
    return { id: `start-${n}`, wave: 3, kind: "startMap", description: `start Entity${n}`, map: `m${n}`, ref, title: `Entity${n}`, initialSync: null } as Action;
  }

  it("sends nothing once the lock is lost, follows what was sent to its end, and throws the loss as it is", async () => {
    const gateway = new RecordGateway();
    const beat = new LockHeartbeat(asGateway(gateway), await take(gateway), { ttlMs: TTL, journal: "/runs/r/journal.jsonl", onLost: () => undefined });
    const sent: string[] = [];
    const followed: string[] = [];
    const events: string[] = [];
    const phaseGateway = {
      pair: "stage",
      beginMapAction: async (ref: { entity: string }) => {
        sent.push(ref.entity);
        if (sent.length === 2) {
          // Taken over while the second start is being sent.
          const current = gateway.records.get("lock");
          if (current === undefined) throw new Error("no lock");
          gateway.put("lock", intruder(beat.lock.value, new Date()), { etag: current.etag });
          await vi.advanceTimersByTimeAsync(TTL); // the lock would need renewing: the next check renews, and finds the takeover
        }
        return `req-${ref.entity}`;
      },
      followMapActions: async (requests: { requestId: string }[], ended: (request: { requestId: string }) => void) => {
        for (const request of requests) {
          followed.push(request.requestId);
          ended(request);
        }
      },
    } as unknown as EnvironmentGateway;
    const tracker = {
      beforeStart: (action: Action) => beat.ensure(`step ${action.id} (${action.description})`),
      started: (action: Action) => events.push(`start ${action.id}`),
      ended: (action: Action, error?: unknown) => events.push(error === undefined ? `ok ${action.id}` : `failed ${action.id}`),
    };
    const exec = { keyTimeoutMs: 1_000, pollMs: 1, sleep: async () => undefined, note: () => undefined };
    const error = await runPhase(phaseGateway, [start(1), start(2), start(3), start(4)], 1, exec, tracker).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LockLostError);
    expect(error).not.toBeInstanceOf(PhaseFailure);
    expect((error as LockLostError).step).toBe("step start-3 (start Entity3)");
    expect(sent).toEqual(["Entity1", "Entity2"]);
    expect(followed).toEqual(["req-Entity1", "req-Entity2"]);
    expect(events).toEqual(["start start-1", "start start-2", "ok start-1", "ok start-2"]);
  });
});
