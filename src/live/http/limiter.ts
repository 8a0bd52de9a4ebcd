interface Waiter {
  readonly grant: () => void;
}

/** Caps how many requests are in flight at once. Dataverse allows 52 concurrent requests per user. */
export class ConcurrencyLimiter {
  #limit: number;
  #inFlight = 0;
  #peak = 0;
  readonly #queue: Waiter[] = [];

  constructor(limit: number) {
    this.#limit = checkLimit(limit);
  }

  get limit(): number {
    return this.#limit;
  }

  get inFlight(): number {
    return this.#inFlight;
  }

  get peak(): number {
    return this.#peak;
  }

  get waiting(): number {
    return this.#queue.length;
  }

  /** Lowering the limit lets requests already in flight finish; new ones wait. */
  setLimit(limit: number): void {
    this.#limit = checkLimit(limit);
    this.#drain();
  }

  /** Resolves with a release function once a slot is free. */
  acquire(signal?: AbortSignal): Promise<() => void> {
    signal?.throwIfAborted();
    if (this.#inFlight < this.#limit && this.#queue.length === 0) return Promise.resolve(this.#take());
    return new Promise((resolve, reject) => {
      const onAbort = (): void => {
        const index = this.#queue.indexOf(waiter);
        if (index >= 0) this.#queue.splice(index, 1);
        reject(signal?.reason);
      };
      const waiter: Waiter = {
        grant: () => {
          signal?.removeEventListener("abort", onAbort);
          resolve(this.#take());
        },
      };
      signal?.addEventListener("abort", onAbort, { once: true });
      this.#queue.push(waiter);
    });
  }

  async run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    const release = await this.acquire(signal);
    try {
      return await task();
    } finally {
      release();
    }
  }

  #take(): () => void {
    this.#inFlight++;
    this.#peak = Math.max(this.#peak, this.#inFlight);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.#inFlight--;
      this.#drain();
    };
  }

  #drain(): void {
    while (this.#inFlight < this.#limit) {
      const next = this.#queue.shift();
      if (next === undefined) return;
      next.grant();
    }
  }
}

function checkLimit(limit: number): number {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`concurrency limit must be a positive integer, got ${limit}`);
  return limit;
}
