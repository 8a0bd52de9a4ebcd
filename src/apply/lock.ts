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
}

export interface HeldLock {
  value: LockValue;
  etag: string;
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
  if (Date.parse(lock.expiresAt) <= now.getTime()) return true;
  return lock.host === host && lock.pid !== process.pid && !isAlive(lock.pid);
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
      if (held !== undefined && !isStale(held, now())) throw new LockedError(gateway.pair, held);
      const v = value();
      const written = await gateway.writeRecord("lock", v, { etag: current.etag });
      return { value: v, etag: written.etag };
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

export async function releaseLock(gateway: EnvironmentGateway, lockId: string): Promise<boolean> {
  const current = await gateway.readRecord("lock");
  const held = parseLock(current);
  if (current === undefined || held === undefined || held.id !== lockId) return false;
  await gateway.deleteRecord("lock", current.etag);
  return true;
}

function safeUser(): string {
  try {
    return userInfo().username;
  } catch {
    return "unknown";
  }
}
