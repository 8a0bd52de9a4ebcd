import type { SandboxStats } from "./options.js";

export type RequestKind = "dataverse" | "finops" | "dualwrite" | "control" | "unknown";

export class StatsCounter {
  #requests = 0;
  #byKind: Record<string, number> = {};
  #throttled = 0;
  #inFlight = 0;
  #peak = 0;

  count(kind: RequestKind): void {
    this.#requests++;
    this.#byKind[kind] = (this.#byKind[kind] ?? 0) + 1;
  }

  throttled(): void {
    this.#throttled++;
  }

  /** Tracks API requests in flight; returns the function that ends this one. */
  enter(): () => void {
    this.#inFlight++;
    this.#peak = Math.max(this.#peak, this.#inFlight);
    let left = false;
    return () => {
      if (left) return;
      left = true;
      this.#inFlight--;
    };
  }

  snapshot(): SandboxStats {
    return { requests: this.#requests, byKind: { ...this.#byKind }, throttled: this.#throttled, peakConcurrent: this.#peak };
  }

  reset(): void {
    this.#requests = 0;
    this.#byKind = {};
    this.#throttled = 0;
    this.#peak = this.#inFlight;
  }
}
