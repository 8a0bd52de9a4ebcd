import { RecordConflictError, type EnvironmentGateway } from "../live/gateway.js";
import type { Journal } from "./journal.js";
import { describeHolder, parseLock, refreshLock, releaseLockOutcome, type HeldLock, type LockValue } from "./lock.js";

/** How a run found out that its lock is gone. */
export interface LockLoss {
  /** When this run found out (ISO 8601). */
  at: string;
  /** Who holds the lock now; undefined when nobody does or the record is not a lock. */
  holder: LockValue | undefined;
  /** One phrase for stderr and the journal: "taken over by bob@host (run R, apply --env stage) …". */
  reason: string;
}

/**
 * A run lost its lock (another run took it over, or someone released it) and stopped before its
 * next write. Message and hint name the step it stopped before and its journal.
 */
export class LockLostError extends Error {
  constructor(
    readonly pair: string,
    readonly lockId: string,
    readonly step: string,
    readonly journal: string,
    readonly loss: LockLoss,
    /** What to run once the other run has finished. */
    readonly retry = "run dwctl plan and apply again: the new plan starts from the state the runs left",
  ) {
    super(`the lock on environment pair "${pair}" was lost: ${loss.reason}. This run stopped before ${step} and wrote nothing more`);
    this.name = "LockLostError";
  }
  get hint(): string {
    return (
      `What this run did is in its journal: ${this.journal}. See who holds the lock now with dwctl lock status --env ${this.pair}; ` +
      `once that run has finished, ${this.retry}. ` +
      `If this run was slow rather than stuck, give it a longer --lock-ttl.`
    );
  }
}

export interface HeartbeatOptions {
  ttlMs: number;
  /** Time between renewals; default a third of the TTL, at least 100 ms. */
  intervalMs?: number;
  /** The run's journal file, named in the error. */
  journal: string;
  /** What the error tells the user to run once the other run has finished; default: plan and apply again. */
  retry?: string;
  /** Called once, when the heartbeat finds the lock gone: say it on stderr and in the journal. */
  onLost: (loss: LockLoss) => void;
  /** A renewal failed for another reason (network); the next beat tries again while the lock holds. */
  onRenewFailed?: (error: unknown) => void;
  now?: () => Date;
}

/** A third of the TTL, at least 100 ms: two beats can fail before the lock expires. */
export function heartbeatInterval(ttlMs: number): number {
  return Math.max(100, Math.floor(ttlMs / 3));
}

/**
 * Keeps a held lock alive while the run works, however long a wait on the service takes: it
 * renews the lock (compare-and-swap on the ETag chain) every interval, one write at a time. A
 * renewal that finds the lock taken over records the loss once (`onLost`); from then on
 * `ensure` and `renew` throw LockLostError, so the run stops before its next write.
 */
export class LockHeartbeat {
  readonly #gateway: EnvironmentGateway;
  readonly #options: HeartbeatOptions;
  readonly #intervalMs: number;
  readonly #now: () => Date;
  #held: HeldLock;
  #lost: LockLoss | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #running = false;
  /** The write in flight, if any: every renewal waits for the one before it. */
  #chain: Promise<void> = Promise.resolve();
  /** The renewal `ensure` asked for, while it is in flight. */
  #renewing: Promise<void> | undefined;

  constructor(gateway: EnvironmentGateway, held: HeldLock, options: HeartbeatOptions) {
    this.#gateway = gateway;
    this.#held = held;
    this.#options = options;
    this.#intervalMs = options.intervalMs ?? heartbeatInterval(options.ttlMs);
    this.#now = options.now ?? (() => new Date());
  }

  /** The lock as last written by this run. */
  get lock(): HeldLock {
    return this.#held;
  }

  get lost(): LockLoss | undefined {
    return this.#lost;
  }

  get intervalMs(): number {
    return this.#intervalMs;
  }

  start(): this {
    if (!this.#running && this.#lost === undefined) {
      this.#running = true;
      this.#schedule();
    }
    return this;
  }

  /** Stops the beats and waits for a write in flight, so the lock can be released after it. */
  async stop(): Promise<void> {
    this.#running = false;
    clearTimeout(this.#timer);
    this.#timer = undefined;
    await this.#chain;
  }

  /**
   * Renews now with a change to the lock's value (progress), in turn with the beats. Throws
   * LockLostError when the lock is gone, and any other failure of the write as it is.
   */
  async renew(step: string, patch: Partial<LockValue> = {}): Promise<void> {
    this.#throwIfLost(step);
    await this.#enqueue(() => this.#write(patch));
    this.#throwIfLost(step);
  }

  /**
   * Before a write: throws LockLostError when the lock was lost. When the beats fell behind (the
   * lock would expire within an interval), renews first, so a write never goes out on a lock
   * that someone else may have taken over since.
   */
  async ensure(step: string): Promise<void> {
    this.#throwIfLost(step);
    const left = Date.parse(this.#held.value.expiresAt) - this.#now().getTime();
    if (left > this.#intervalMs) return;
    // Actions of a phase start side by side: they share one renewal.
    this.#renewing ??= this.#enqueue(() => this.#write({})).finally(() => (this.#renewing = undefined));
    try {
      await this.#renewing;
    } catch (error) {
      // Not renewed for another reason (network): while the lock has not expired, nobody can
      // have taken it over, so the write may go; after that, it must not.
      if (Date.parse(this.#held.value.expiresAt) <= this.#now().getTime()) throw error;
      this.#options.onRenewFailed?.(error);
    }
    this.#throwIfLost(step);
  }

  #throwIfLost(step: string): void {
    if (this.#lost !== undefined) throw new LockLostError(this.#gateway.pair, this.#held.value.id, step, this.#options.journal, this.#lost, this.#options.retry);
  }

  #schedule(): void {
    // Not running: stopped, or the lock was lost (#markLost stops the beats).
    if (!this.#running) return;
    // stop() and #markLost clear this timer as they stop the beats, so it only fires while running.
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.#enqueue(() => this.#write({}))
        .catch((error: unknown) => this.#options.onRenewFailed?.(error))
        .finally(() => this.#schedule());
    }, this.#intervalMs);
    // The beats never keep the process alive on their own: the run's work does.
    this.#timer.unref();
  }

  #enqueue(task: () => Promise<void>): Promise<void> {
    const run = this.#chain.then(task);
    this.#chain = run.catch(() => undefined);
    return run;
  }

  async #write(patch: Partial<LockValue>): Promise<void> {
    if (this.#lost !== undefined) return;
    try {
      this.#held = await refreshLock(this.#gateway, this.#held, patch, this.#options.ttlMs, this.#now());
      return;
    } catch (error) {
      if (!(error instanceof RecordConflictError)) throw error;
    }
    // The ETag moved: someone else wrote the lock (our own writes that lost their answer are
    // read back by the gateway). Read it to say who.
    const current = await this.#gateway.readRecord("lock").catch(() => null);
    const holder = parseLock(current ?? undefined);
    this.#markLost(lossOf(current, holder, this.#held.value, this.#now()));
  }

  #markLost(loss: LockLoss): void {
    this.#lost = loss;
    this.#running = false;
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#options.onLost(loss);
  }
}

function lossOf(current: { etag: string } | undefined | null, holder: LockValue | undefined, ours: LockValue, now: Date): LockLoss {
  const at = now.toISOString();
  if (current === null) return { at, holder: undefined, reason: "someone else wrote the lock record (it could not be read back to say who)" };
  if (current === undefined) return { at, holder: undefined, reason: "someone released it (dwctl lock release?)" };
  if (holder === undefined) return { at, holder: undefined, reason: "the lock record was replaced by something that is not a dwctl lock" };
  if (holder.id === ours.id) return { at, holder: undefined, reason: "someone else wrote the lock record (its ETag moved, though it still names this run)" };
  const why = holder.tookOverFrom?.id === ours.id ? `, because ${holder.tookOverFrom.reason}` : "";
  return { at, holder, reason: `it was taken over by ${describeHolder(holder)} at ${holder.acquiredAt}${why}` };
}

/** Says loudly (stderr and journal) that this run took over another run's stale lock. */
export function announceTakeover(held: HeldLock, log: (line: string) => void, journal: Journal): void {
  if (held.tookOver === undefined) return;
  const { previous, reason } = held.tookOver;
  const text = `took over the lock of ${describeHolder(previous)}, pid ${previous.pid} on ${previous.host}: ${reason}`;
  log(`warning: ${text}. If that run is still working, it stops before its next write.`);
  journal.write({ step: "lock", kind: "lock", event: "note", description: text });
}

/** What onLost does in a run: a loud line on stderr and a note in the journal. */
export function reportLoss(loss: LockLoss, log: (line: string) => void, journal: Journal): void {
  log(`warning: LOCK LOST: ${loss.reason}. This run stops before its next write.`);
  journal.write({ step: "lock", kind: "lock", event: "note", outcome: "failed", description: `lock lost: ${loss.reason}; the run stops before its next write` });
}

/**
 * Stops the heartbeat, releases the lock and says in the journal what happened: released, not
 * ours any more (and whose it is), or the release failed (and why). Never throws: the run's own
 * outcome is what the caller reports.
 */
export async function releaseAndRecord(gateway: EnvironmentGateway, heartbeat: LockHeartbeat, log: (line: string) => void, journal: Journal): Promise<void> {
  await heartbeat.stop();
  const lock = heartbeat.lock.value;
  try {
    const outcome = await releaseLockOutcome(gateway, lock.id);
    if (outcome.kind === "released") {
      journal.write({ step: "lock", kind: "lock", event: "note", description: "lock released" });
      return;
    }
    const whose = outcome.kind === "absent" ? "someone released it" : outcome.holder === undefined ? "the record is not a dwctl lock" : `held by ${describeHolder(outcome.holder)}`;
    journal.write({ step: "lock", kind: "lock", event: "note", description: `lock was not ours any more: ${whose}` });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const text = `lock release failed: ${reason}; it holds until ${lock.expiresAt}, or release it: dwctl lock release --env ${gateway.pair} --id ${lock.id}`;
    log(`warning: ${text}`);
    journal.write({ step: "lock", kind: "lock", event: "note", outcome: "failed", description: text, error: reason });
  }
}
