import { setTimeout as delay } from "node:timers/promises";
import { GatewayRefusedError } from "../gateway.js";
import type { ProgressListener } from "../gateway.js";

export interface PollOptions {
  /** First wait between status reads; it grows by half each time up to `maxIntervalMs`. */
  initialIntervalMs?: number;
  maxIntervalMs?: number;
  /** DW Helper polls without a time limit (dualwrite-service.md §5.6, §5.11); dwctl gives up after this long. */
  timeoutMs?: number;
  onProgress?: ProgressListener;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

/** The poll loop shared by Apply Solution and lifecycle actions. */
export class Poller {
  readonly #options: Required<Omit<PollOptions, "onProgress">> & Pick<PollOptions, "onProgress">;

  constructor(options: PollOptions = {}) {
    this.#options = {
      initialIntervalMs: options.initialIntervalMs ?? 250,
      maxIntervalMs: options.maxIntervalMs ?? 15_000,
      timeoutMs: options.timeoutMs ?? 60 * 60_000,
      sleep: options.sleep ?? ((ms) => delay(ms)),
      now: options.now ?? Date.now,
      ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
    };
  }

  progress(step: string, message: string, fraction?: number): void {
    this.#options.onProgress?.({ step, message, ...(fraction === undefined ? {} : { fraction }) });
  }

  /**
   * Calls `read` with a growing interval until it returns true; anything else names what is
   * awaited, for the progress line. Returns false once the timeout has passed.
   */
  async poll(label: string, read: () => Promise<true | string>): Promise<boolean> {
    const { sleep, now, timeoutMs, maxIntervalMs } = this.#options;
    const started = now();
    let interval = this.#options.initialIntervalMs;
    for (;;) {
      const waitingFor = await read();
      if (waitingFor === true) return true;
      const elapsed = now() - started;
      if (elapsed >= timeoutMs) return false;
      this.progress(label, `${label}: waiting for ${waitingFor} (${Math.round(elapsed / 1000)} s)`);
      await sleep(Math.min(interval, Math.max(0, timeoutMs - elapsed)));
      interval = Math.min(maxIntervalMs, Math.ceil(interval * 1.5));
    }
  }

  /** The error of an operation still unfinished when the timeout passed. */
  timedOut(label: string, requestId: string): GatewayRefusedError {
    return new GatewayRefusedError(
      `${label} did not finish within ${Math.round(this.#options.timeoutMs / 1000)} s`,
      "the service may still be working: check the map in the dual-write UI before running again",
      requestId,
    );
  }
}
