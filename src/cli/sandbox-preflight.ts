import type { EnvironmentPair } from "../model/desired.js";
import { checkEnvironments } from "../sandbox/options.js";
import { environmentsFromEnv, timingsFromEnv } from "../sandbox/settings.js";
import { sandboxSeeds } from "./context.js";
import { SandboxSettingsError } from "./failures.js";

const timingsHint =
  'Unset DWCTL_SANDBOX_TIMINGS, or set it to a JSON object of non-negative numbers, for example {"keyBuildMs":0,"mapTransitionMs":0}.';

/** Reads the DWCTL_SANDBOX_* settings once up front, so a bad value is the user's error, not dwctl's. */
export function checkSandboxEnv(env: Record<string, string | undefined>): void {
  try {
    timingsFromEnv(env);
  } catch (error) {
    const message = error instanceof SyntaxError ? `DWCTL_SANDBOX_TIMINGS is not valid JSON (${error.message})` : error instanceof Error ? error.message : String(error);
    throw new SandboxSettingsError(message.startsWith("DWCTL_SANDBOX_TIMINGS") ? message : `DWCTL_SANDBOX_TIMINGS: ${message}`, timingsHint);
  }
  try {
    environmentsFromEnv(env);
  } catch (error) {
    throw new SandboxSettingsError(`DWCTL_SANDBOX_ENVIRONMENTS is not valid JSON (${error instanceof Error ? error.message : String(error)})`, "Unset DWCTL_SANDBOX_ENVIRONMENTS; dwctl takes the sandbox's environments from maps/environments.yaml.");
  }
}

/** The sandbox names its files and URL paths after its pairs; a pair it cannot use is the user's to rename. */
export function checkSandboxPairs(pairs: readonly EnvironmentPair[]): void {
  try {
    checkEnvironments(sandboxSeeds(pairs));
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    const reserved = /invalid sandbox environment name/.test(error.message);
    throw new SandboxSettingsError(
      reserved ? `${error.message}: the sandbox keeps its own files under the names dualwrite, secret and state, and names pairs' files and URLs after them` : error.message,
      reserved
        ? "Rename the sandbox pair in maps/environments.yaml: lower-case letters, digits and dashes, starting with a letter, and not dualwrite, secret or state."
        : "Give each sandbox pair its own name and finance and operations host in maps/environments.yaml.",
    );
  }
}
