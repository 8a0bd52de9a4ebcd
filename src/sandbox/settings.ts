import type { EnvironmentSeed, SandboxTimings } from "./options.js";

/**
 * Sandbox settings that come from the process environment, so that tests and benchmarks can
 * speed the platform's timings up for the CLI and for `sandbox up` alike.
 */
export function timingsFromEnv(env: Record<string, string | undefined>): Partial<SandboxTimings> | undefined {
  const text = env.DWCTL_SANDBOX_TIMINGS;
  if (text === undefined || text === "") return undefined;
  const parsed: unknown = JSON.parse(text);
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw new Error("DWCTL_SANDBOX_TIMINGS must be a JSON object");
  const out: Partial<SandboxTimings> = {};
  for (const [key, value] of Object.entries(parsed)) {
    if (typeof value !== "number" || !Number.isFinite(value) || value < 0) throw new Error(`DWCTL_SANDBOX_TIMINGS.${key} must be a non-negative number`);
    if (["keyPendingMs", "keyBuildMs", "mapTransitionMs", "requestWindowMs", "requestBudget", "executionBudgetMs", "maxConcurrent", "dopHint"].includes(key)) {
      out[key as keyof SandboxTimings] = value;
    }
  }
  return out;
}

export function environmentsFromEnv(env: Record<string, string | undefined>): EnvironmentSeed[] | undefined {
  const text = env.DWCTL_SANDBOX_ENVIRONMENTS;
  if (text === undefined || text === "") return undefined;
  return JSON.parse(text) as EnvironmentSeed[];
}
