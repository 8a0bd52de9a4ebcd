import { hostname, userInfo } from "node:os";
import { RecordConflictError, type EnvironmentGateway } from "../live/gateway.js";
import type { StoredRecord } from "../model/snapshot.js";
import { isAlive } from "../process-alive.js";

export interface LockValue {
  id: string;
  holder: string;
  host: string;
  pid: number;
  runId: string;
  command: string;
  acquiredAt: string;
  expiresAt: string;
  progress?: { wave: number; waves: number; done: number; total: number };
  /** Set when this lock was taken over from another run's stale lock: whose, and why it was stale. */
  tookOverFrom?: { id: string; holder: string; runId: string; command: string; expiresAt: string; reason: string };
}

export interface HeldLock {
  value: LockValue;
  etag: string;
  /** The stale lock this run took over, if it did: the run announces it (stderr and journal). */
  tookOver?: { previous: LockValue; reason: string };
}

/** Who a lock belongs to, in one phrase: "bob@host (run R, apply --env stage)". */
export function describeHolder(lock: LockValue): string {
  return `${lock.holder} (run ${lock.runId}, ${lock.command})`;
}

/** Another run holds the lock. Carries who, so the message can say it. */
export class LockedError extends Error {
  constructor(
    readonly pair: string,
    readonly lock: LockValue,
  ) {
    super(
      `environment pair "${pair}" is locked by ${lock.holder} (run ${lock.runId}, ${lock.command}) since ${lock.acquiredAt}, until ${lock.expiresAt}`,
    );
    this.name = "LockedError";
  }
  get hint(): string {
    return `Wait for that run to finish. If it is dead, the lock expires at ${this.lock.expiresAt}, or release it: dwctl lock release --env ${this.pair} --id ${this.lock.id}`;
  }
}

export function parseLock(record: StoredRecord | undefined): LockValue | undefined {
  const v = record?.value;
  if (typeof v !== "object" || v === null) return undefined;
  const lock = v as Partial<LockValue>;
  if (typeof lock.id !== "string" || typeof lock.expiresAt !== "string" || typeof lock.holder !== "string") return undefined;
  return lock as LockValue;
}


/**
 * A lock can be taken over when it expired, or when its holder ran on this machine and its
 * process is gone (a crash): that is what lets a re-run after kill -9 converge at once.
 */
export function isStale(lock: LockValue, now: Date, host = hostname()): boolean {
  return staleReason(lock, now, host) !== undefined;
}

/** Why a lock can be taken over (it expired, its process is gone), or undefined while it holds. */
export function staleReason(lock: LockValue, now: Date, host = hostname()): string | undefined {
  if (Date.parse(lock.expiresAt) <= now.getTime()) return `it expired at ${lock.expiresAt}`;
  // A lock of this very process is never stale this way: isAlive(process.pid) is true.
  if (lock.host === host && !isAlive(lock.pid)) return `its process ${lock.pid} is gone on ${host}`;
  return undefined;
}

export interface AcquireOptions {
  runId: string;
  command: string;
  ttlMs: number;
  now?: () => Date;
}

export async function acquireLock(gateway: EnvironmentGateway, options: AcquireOptions): Promise<HeldLock> {
  const now = options.now ?? (() => new Date());
  const host = hostname();
  const value = (): LockValue => {
    const at = now();
    return {
      id: options.runId,
      holder: `${safeUser()}@${host}`,
      host,
      pid: process.pid,
      runId: options.runId,
      command: options.command,
      acquiredAt: at.toISOString(),
      expiresAt: new Date(at.getTime() + options.ttlMs).toISOString(),
    };
  };
  for (let attempt = 0; attempt < 3; attempt++) {
    const current = await gateway.readRecord("lock");
    const held = parseLock(current);
    try {
      if (current === undefined) {
        const v = value();
        const written = await gateway.writeRecord("lock", v, { absent: true });
        return { value: v, etag: written.etag };
      }
      // A record that is not a lock is replaced as it is; a lock, only once it is stale (a takeover).
      let tookOver: HeldLock["tookOver"];
      if (held !== undefined) {
        const reason = staleReason(held, now(), host);
        if (reason === undefined) throw new LockedError(gateway.pair, held);
        tookOver = { previous: held, reason };
      }
      const v = value();
      if (tookOver !== undefined) {
        const { previous, reason } = tookOver;
        v.tookOverFrom = { id: previous.id, holder: previous.holder, runId: previous.runId, command: previous.command, expiresAt: previous.expiresAt, reason };
      }
      const written = await gateway.writeRecord("lock", v, { etag: current.etag });
      return tookOver === undefined ? { value: v, etag: written.etag } : { value: v, etag: written.etag, tookOver };
    } catch (error) {
      // Someone else wrote between our read and our write: read again and judge again.
      if (!(error instanceof RecordConflictError)) throw error;
    }
  }
  const latest = parseLock(await gateway.readRecord("lock"));
  if (latest !== undefined) throw new LockedError(gateway.pair, latest);
  throw new Error("could not take the lock after three attempts");
}

/** Rewrites our lock (progress, a later expiry); fails if someone took it from us. */
export async function refreshLock(gateway: EnvironmentGateway, lock: HeldLock, patch: Partial<LockValue>, ttlMs: number, now = new Date()): Promise<HeldLock> {
  const value: LockValue = { ...lock.value, ...patch, expiresAt: new Date(now.getTime() + ttlMs).toISOString() };
  const written = await gateway.writeRecord("lock", value, { etag: lock.etag });
  return { value, etag: written.etag };
}

/**
 * What became of a release: done; nothing to release (someone released it); or another run holds
 * the lock now (`holder` undefined when the record cannot be read as a lock). Any other failure
 * (network, permissions) is thrown, so that it is never mistaken for "not ours any more".
 */
export type ReleaseOutcome = { kind: "released" } | { kind: "absent" } | { kind: "taken"; holder: LockValue | undefined };

export async function releaseLockOutcome(gateway: EnvironmentGateway, lockId: string): Promise<ReleaseOutcome> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const current = await gateway.readRecord("lock");
    if (current === undefined) return { kind: "absent" };
    const held = parseLock(current);
    if (held === undefined || held.id !== lockId) return { kind: "taken", holder: held };
    try {
      await gateway.deleteRecord("lock", current.etag);
      return { kind: "released" };
    } catch (error) {
      // Written between our read and our delete: read again and judge again.
      if (!(error instanceof RecordConflictError)) throw error;
    }
  }
  return { kind: "taken", holder: parseLock(await gateway.readRecord("lock")) };
}

export async function releaseLock(gateway: EnvironmentGateway, lockId: string): Promise<boolean> {
  return (await releaseLockOutcome(gateway, lockId)).kind === "released";
}

function safeUser(): string {
  try {
    return userInfo().username;
  } catch {
    return "unknown";
  }
}
