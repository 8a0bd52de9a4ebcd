import type { SandboxFaults } from "./options.js";
import { seededRandom } from "./prng.js";

export type FaultDecision = "none" | "reset" | "hang" | "throttle" | "error";

const RATIOS = ["throttleRatio", "errorRatio", "resetRatio", "hangRatio"] as const;

export function checkFaults(faults: SandboxFaults): SandboxFaults {
  for (const name of RATIOS) {
    const value = faults[name];
    if (value !== undefined && (!Number.isFinite(value) || value < 0 || value > 1)) throw new RangeError(`${name} must be between 0 and 1`);
  }
  for (const name of ["latencyMs", "retryAfterSeconds"] as const) {
    const value = faults[name];
    if (value !== undefined && (!Number.isFinite(value) || value < 0)) throw new RangeError(`${name} must be a non-negative number`);
  }
  if (faults.seed !== undefined && !Number.isInteger(faults.seed)) throw new RangeError("seed must be an integer");
  return { ...faults };
}

export class FaultInjector {
  #faults: SandboxFaults | undefined;
  #random: () => number = Math.random;

  set(faults: SandboxFaults | undefined): void {
    this.#faults = faults === undefined ? undefined : checkFaults(faults);
    this.#random = faults?.seed === undefined ? Math.random : seededRandom(faults.seed);
  }

  get current(): SandboxFaults | undefined {
    return this.#faults === undefined ? undefined : { ...this.#faults };
  }

  get latencyMs(): number {
    return this.#faults?.latencyMs ?? 0;
  }

  get retryAfterSeconds(): number {
    return this.#faults?.retryAfterSeconds ?? 1;
  }

  /** One draw per configured ratio, in a fixed order, so a seed replays the same sequence. */
  decide(): FaultDecision {
    const faults = this.#faults;
    if (faults === undefined) return "none";
    if (this.#hit(faults.resetRatio)) return "reset";
    if (this.#hit(faults.hangRatio)) return "hang";
    if (this.#hit(faults.throttleRatio)) return "throttle";
    if (this.#hit(faults.errorRatio)) return "error";
    return "none";
  }

  #hit(ratio: number | undefined): boolean {
    if (ratio === undefined || ratio <= 0) return false;
    return this.#random() < ratio;
  }
}
