import { hostname, userInfo } from "node:os";
import { afterEach, describe, expect, it, vi } from "vitest";
import { LockHeartbeat, type LockLoss } from "../../src/apply/heartbeat.js";
import { acquireLock, type LockValue } from "../../src/apply/lock.js";
import type { EnvironmentGateway } from "../../src/live/gateway.js";
import type { RecordKind, Snapshot, StoredRecord } from "../../src/model/snapshot.js";
import { recordingGateway } from "./fake-gateway.js";

/**
 * What the lock leaves behind: the exact condition of its first write, a takeover reported only
 * when there was one, and a heartbeat that leaves no timer running once it stopped or lost the
 * lock (a timer that went on beating would keep renewing, or at least waking, a finished run).
 */

const NOW = new Date("2026-03-01T10:00:00.000Z");
const TTL = 1_500;

afterEach(() => {
  vi.useRealTimers();
});

function otherRun(changes: Partial<LockValue> = {}): LockValue {
  return {
    id: "run-9",
    holder: "ci@runner-7",
    host: "runner-7",
    pid: 4242,
    runId: "run-9",
    command: "apply --env stage",
    acquiredAt: "2026-03-01T09:59:59.000Z",
    expiresAt: "2026-03-01T10:10:00.000Z",
    ...changes,
  };
}

/** The record calls only: every condition the lock is written under, and a write that can be held in flight. */
function records() {
  const stored = new Map<RecordKind, StoredRecord>();
  const conditions: unknown[] = [];
  let etag = 0;
  let hold: Promise<void> | undefined;
  const gateway = {
    pair: "stage",
    readRecord: async (kind: RecordKind) => stored.get(kind),
    writeRecord: async (kind: RecordKind, value: unknown, condition: { etag: string } | { absent: true }) => {
      conditions.push(structuredClone(condition));
      if (hold !== undefined) await hold;
      const current = stored.get(kind);
      if ("absent" in condition ? current !== undefined : current?.etag !== condition.etag) throw new Error("conflict");
      const record = { kind, value, etag: `W/"${++etag}"` };
      stored.set(kind, record);
      return record;
    },
  } as unknown as EnvironmentGateway;
  return {
    gateway,
    stored,
    conditions,
    /** Holds the next writes until the returned function is called. */
    holdWrites(): () => void {
      let release = (): void => undefined;
      hold = new Promise<void>((resolve) => (release = resolve));
      return () => {
        hold = undefined;
        release();
      };
    },
  };
}

describe("taking the lock, exactly", () => {
  it("writes a new lock only if no record exists, in the gateway's own terms ({ absent: true })", async () => {
    const r = records();
    await acquireLock(r.gateway, { runId: "run-1", command: "apply --env stage", ttlMs: TTL, now: () => NOW });
    expect(r.conditions).toEqual([{ absent: true }]);
  });

  it("replaces a record that is not a lock over its ETag and reports no takeover at all", async () => {
    const r = records();
    r.stored.set("lock", { kind: "lock", value: { something: "else" }, etag: 'W/"7"' });
    const held = await acquireLock(r.gateway, { runId: "run-1", command: "apply --env stage", ttlMs: TTL, now: () => NOW });
    expect(r.conditions).toEqual([{ etag: 'W/"7"' }]);
    expect(held).toStrictEqual({
      value: {
        id: "run-1",
        holder: `${userInfo().username}@${hostname()}`,
        host: hostname(),
        pid: process.pid,
        runId: "run-1",
        command: "apply --env stage",
        acquiredAt: "2026-03-01T10:00:00.000Z",
        expiresAt: "2026-03-01T10:00:01.500Z",
      },
      etag: 'W/"1"',
    });
  });
});

describe("the heartbeat leaves no timer behind", () => {
  it("once a beat finds the lock taken over: no timer runs, and start() does not beat again", async () => {
    vi.useFakeTimers({ now: NOW });
    // Lock write 1 takes the lock; write 2 (the first beat) finds another run's lock over it.
    const gateway = recordingGateway("stage", {} as Snapshot, { lockWriteLost: (n) => (n === 2 ? { value: otherRun() } : undefined) });
    const held = await acquireLock(gateway, { runId: "run-1", command: "apply --env stage", ttlMs: TTL });
    const losses: LockLoss[] = [];
    const beat = new LockHeartbeat(gateway, held, { ttlMs: TTL, journal: "j", onLost: (loss) => losses.push(loss) }).start();
    expect(vi.getTimerCount()).toBe(1);
    await vi.advanceTimersByTimeAsync(500);
    expect(losses.map((loss) => loss.holder?.id)).toEqual(["run-9"]);
    expect(vi.getTimerCount()).toBe(0);
    beat.start();
    expect(vi.getTimerCount()).toBe(0);
    await vi.advanceTimersByTimeAsync(10 * TTL);
    expect(gateway.lockValues).toHaveLength(2);
    expect(losses).toHaveLength(1);
  });

  it("once a renewal before a write finds the lock gone: the running beats stop too", async () => {
    vi.useFakeTimers({ now: NOW });
    const gateway = recordingGateway("stage", {} as Snapshot, { lockWriteLost: (n) => (n === 2 ? { value: otherRun() } : undefined) });
    const held = await acquireLock(gateway, { runId: "run-1", command: "apply --env stage", ttlMs: TTL });
    const beat = new LockHeartbeat(gateway, held, { ttlMs: TTL, journal: "j", onLost: () => undefined }).start();
    await expect(beat.renew("the progress record after wave 1", { progress: { wave: 1, waves: 2, done: 1, total: 2 } })).rejects.toMatchObject({ name: "LockLostError" });
    expect(vi.getTimerCount()).toBe(0);
    await vi.advanceTimersByTimeAsync(10 * TTL);
    expect(gateway.lockValues).toHaveLength(2);
  });

  it("once stopped while a beat is in flight: that beat ends, and no timer or write follows it", async () => {
    vi.useFakeTimers({ now: NOW });
    const r = records();
    const held = await acquireLock(r.gateway, { runId: "run-1", command: "apply --env stage", ttlMs: TTL });
    const beat = new LockHeartbeat(r.gateway, held, { ttlMs: TTL, journal: "j", onLost: () => undefined }).start();
    const release = r.holdWrites();
    await vi.advanceTimersByTimeAsync(500);
    expect(r.conditions).toHaveLength(2);
    let stopped = false;
    const stopping = beat.stop().then(() => (stopped = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect(beat.lock.etag).toBe('W/"2"');
    expect(vi.getTimerCount()).toBe(0);
    await vi.advanceTimersByTimeAsync(10 * TTL);
    expect(r.conditions).toHaveLength(2);
  });
});
