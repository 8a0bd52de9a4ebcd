import type { SandboxTimings } from "./options.js";

export type Admission = { ok: true; release: () => void } | { ok: false; retryAfterSeconds: number; reason: string };

interface ServiceWindow {
  inFlight: number;
  /** Arrival times of admitted requests, oldest first, from `head` on. */
  times: number[];
  head: number;
}

/** Dataverse-style service protection, per environment service: concurrency and a sliding-window budget. */
export class ServiceProtection {
  readonly #services = new Map<string, ServiceWindow>();

  constructor(private readonly timings: SandboxTimings) {}

  admit(service: string, now: number): Admission {
    const window = this.#window(service);
    if (window.inFlight >= this.timings.maxConcurrent) {
      return { ok: false, retryAfterSeconds: 1, reason: `Number of concurrent requests exceeded the limit of ${this.timings.maxConcurrent}.` };
    }
    const from = now - this.timings.requestWindowMs;
    while (window.head < window.times.length && (window.times[window.head] ?? now) <= from) window.head++;
    if (window.head > 1024 && window.head * 2 > window.times.length) {
      window.times = window.times.slice(window.head);
      window.head = 0;
    }
    if (window.times.length - window.head >= this.timings.requestBudget) {
      const oldest = window.times[window.head] ?? now;
      const retryAfterSeconds = Math.max(1, Math.ceil((oldest + this.timings.requestWindowMs - now) / 1000));
      return { ok: false, retryAfterSeconds, reason: `Number of requests exceeded the limit of ${this.timings.requestBudget} over time window of ${Math.round(this.timings.requestWindowMs / 1000)} seconds.` };
    }
    window.times.push(now);
    window.inFlight++;
    let released = false;
    return {
      ok: true,
      release: () => {
        if (released) return;
        released = true;
        window.inFlight--;
      },
    };
  }

  #window(service: string): ServiceWindow {
    let window = this.#services.get(service);
    if (window === undefined) {
      window = { inFlight: 0, times: [], head: 0 };
      this.#services.set(service, window);
    }
    return window;
  }
}
