import type { SandboxTimings } from "./options.js";

// Service protection error codes (docs power-apps developer/data-platform/api-limits.md, "Service
// protection API limit errors returned": -2147015902, -2147015903 and -2147015898).
/** Number of requests exceeded the limit (-2147015902). */
export const REQUEST_COUNT_CODE = "0x80072322";
/** Combined execution time of incoming requests exceeded the limit (-2147015903). */
export const EXECUTION_TIME_CODE = "0x80072321";
/** Number of concurrent requests exceeded the limit (-2147015898). */
export const CONCURRENCY_CODE = "0x80072326";

export type Admission =
  | { ok: true; release: (now: number) => void }
  | { ok: false; retryAfterSeconds: number; reason: string; code: string };

interface ServiceWindow {
  inFlight: number;
  /** Arrival times of admitted requests, oldest first, from `head` on. */
  times: number[];
  head: number;
  /** Finished requests: [end time, time spent serving], oldest first, from `spentHead` on. */
  spent: [number, number][];
  spentHead: number;
  /** The sum of the durations in `spent` from `spentHead` on. */
  used: number;
}

/**
 * Dataverse-style service protection per environment service (docs power-apps api-limits.md):
 * concurrency, requests per sliding window, and execution time per sliding window, measured as
 * the time the sandbox spends serving the requests.
 */
export class ServiceProtection {
  readonly #services = new Map<string, ServiceWindow>();

  constructor(private readonly timings: SandboxTimings) {}

  admit(service: string, now: number): Admission {
    const window = this.#window(service);
    if (window.inFlight >= this.timings.maxConcurrent) {
      return { ok: false, retryAfterSeconds: 1, code: CONCURRENCY_CODE, reason: `Number of concurrent requests exceeded the limit of ${this.timings.maxConcurrent}.` };
    }
    const from = now - this.timings.requestWindowMs;
    const seconds = Math.round(this.timings.requestWindowMs / 1000);
    // A running sum and a moving head: every admission would otherwise walk the whole window.
    while (window.spentHead < window.spent.length && (window.spent[window.spentHead]?.[0] ?? now) <= from) {
      window.used -= window.spent[window.spentHead]?.[1] ?? 0;
      window.spentHead++;
    }
    if (window.spentHead > 1024 && window.spentHead * 2 > window.spent.length) {
      window.spent = window.spent.slice(window.spentHead);
      window.spentHead = 0;
    }
    if (window.spentHead === window.spent.length) window.used = 0;
    if (window.used >= this.timings.executionBudgetMs) {
      const oldest = window.spent[window.spentHead]?.[0] ?? now;
      return {
        ok: false,
        retryAfterSeconds: Math.max(1, Math.ceil((oldest + this.timings.requestWindowMs - now) / 1000)),
        code: EXECUTION_TIME_CODE,
        reason: `Combined execution time of incoming requests exceeded limit of ${this.timings.executionBudgetMs} milliseconds over time window of ${seconds} seconds. Decrease number of concurrent requests or reduce the duration of requests and try again later.`,
      };
    }
    while (window.head < window.times.length && (window.times[window.head] ?? now) <= from) window.head++;
    if (window.head > 1024 && window.head * 2 > window.times.length) {
      window.times = window.times.slice(window.head);
      window.head = 0;
    }
    if (window.times.length - window.head >= this.timings.requestBudget) {
      const oldest = window.times[window.head] ?? now;
      const retryAfterSeconds = Math.max(1, Math.ceil((oldest + this.timings.requestWindowMs - now) / 1000));
      return { ok: false, retryAfterSeconds, code: REQUEST_COUNT_CODE, reason: `Number of requests exceeded the limit of ${this.timings.requestBudget} over time window of ${seconds} seconds.` };
    }
    window.times.push(now);
    window.inFlight++;
    let released = false;
    return {
      ok: true,
      release: (end: number) => {
        if (released) return;
        released = true;
        window.inFlight--;
        const duration = Math.max(0, end - now);
        window.spent.push([end, duration]);
        window.used += duration;
      },
    };
  }

  #window(service: string): ServiceWindow {
    let window = this.#services.get(service);
    if (window === undefined) {
      window = { inFlight: 0, times: [], head: 0, spent: [], spentHead: 0, used: 0 };
      this.#services.set(service, window);
    }
    return window;
  }
}
