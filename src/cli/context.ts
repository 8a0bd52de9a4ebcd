import { join } from "node:path";
import type { EnvironmentGateway, ProgressEvent } from "../live/gateway.js";
import { gatewayForPair } from "../live/http-gateway.js";
import type { Desired, EnvironmentPair } from "../model/desired.js";
import { connectSandbox } from "../sandbox/connect.js";
import type { EnvironmentSeed } from "../sandbox/options.js";
import { timingsFromEnv } from "../sandbox/settings.js";
import { loadDesiredForPlan } from "./desired.js";
import { UserError } from "./errors.js";
import { httpOptionsFor } from "./http-trace.js";
import type { Io } from "./io.js";
import { statusLineFor } from "./status-line.js";

/** Reads and validates the repository; any error stops the command before an environment is touched. */
export async function loadDesired(io: Io, paths: readonly string[] = ["maps"]): Promise<Desired> {
  return loadDesiredForPlan(io, paths, false);
}

export function selectPair(desired: Desired, name: string | undefined): EnvironmentPair {
  const names = desired.pairs.map((p) => p.name);
  if (name === undefined) {
    throw new UserError("no environment pair given", `Pass --env <pair>, one of: ${names.join(", ") || "(none: add maps/environments.yaml)"}.`);
  }
  const pair = desired.pairs.find((p) => p.name === name);
  if (pair === undefined) throw new UserError(`no environment pair named "${name}"`, `Use one of: ${names.join(", ")}.`);
  return pair;
}

export function sandboxDir(io: Io): string {
  return io.env.DWCTL_SANDBOX_DIR ?? join(io.cwd, ".dwctl", "sandbox");
}

export interface OpenPair {
  gateway: EnvironmentGateway;
  close(): Promise<void>;
}

export function progressWriter(io: Io): (event: ProgressEvent) => void {
  const status = statusLineFor(io);
  return (event) => {
    const fraction = event.fraction === undefined ? "" : ` ${Math.round(event.fraction * 100)}%`;
    status.status(`  … ${event.message}${fraction}`);
  };
}

/**
 * A gateway to the pair. A sandbox pair uses the running sandbox, or one started in this
 * process for the command; a real pair uses the credentials its auth settings name.
 */
export async function openPair(pair: EnvironmentPair, desired: Desired, io: Io): Promise<OpenPair> {
  const onProgress = progressWriter(io);
  const http = httpOptionsFor(io);
  if (pair.sandbox !== true) {
    return { gateway: gatewayForPair(pair, io.env, { onProgress, http, prompt: (s: string) => io.stderr.write(s) }), close: async () => undefined };
  }
  const timings = timingsFromEnv(io.env);
  const connection = await connectSandbox({
    dataDir: sandboxDir(io),
    environments: sandboxSeeds(desired.pairs),
    ...(timings === undefined ? {} : { timings }),
  });
  try {
    // The sandbox is on loopback: polling it often costs nothing and keeps local runs quick.
    const poll = { initialIntervalMs: 25, maxIntervalMs: 500 };
    const gateway = gatewayForPair(pair, io.env, { sandbox: { url: connection.url, secret: connection.secret }, onProgress, http, poll });
    return { gateway, close: () => connection.close() };
  } catch (error) {
    await connection.close();
    throw error;
  }
}

/**
 * The sandbox's environments, from the pairs marked sandbox: each F&O environment is known to the
 * sandbox's dual-write service by the bare host of its configured URL, as the real service finds a
 * link by host (dualwrite-service.md §3). Validate (DW171) refuses two pairs that share a host.
 */
export function sandboxSeeds(pairs: readonly EnvironmentPair[]): EnvironmentSeed[] {
  return pairs
    .filter((p) => p.sandbox === true)
    .map((p) => ({
      name: p.name,
      legalEntities: p.legalEntities,
      financeAndOperationsHost: new URL(p.financeAndOperations.url).hostname.toLowerCase(),
      // The sandbox refuses a copy-db onto a protected pair without a confirmation.
      protected: p.protected === true,
    }));
}

/**
 * The Dataverse organization of every protected pair other than `pair`, read before `pair` is opened
 * (one WhoAmI each, GET only). A pair that cannot be read is named with the reason, so the plan can
 * say it could not prove the pairs apart instead of failing.
 */
export async function protectedOrganizations(desired: Desired, pair: EnvironmentPair, io: Io): Promise<Map<string, string | Error>> {
  const found = new Map<string, string | Error>();
  if (pair.protected === true) return found;
  for (const other of desired.pairs.filter((candidate) => candidate.protected === true && candidate.name !== pair.name)) {
    if (other.auth?.method === "device-code") {
      // Never ask a person to sign in to another pair while planning this one.
      found.set(other.name, new Error(`${other.name} signs in interactively (device code), so it is not read while planning ${pair.name}`));
      continue;
    }
    try {
      const opened = await openPair(other, desired, io);
      try {
        found.set(other.name, (await opened.gateway.whoAmI()).organizationId);
      } finally {
        await opened.close();
      }
    } catch (error) {
      found.set(other.name, error instanceof Error ? error : new Error(String(error)));
    }
  }
  return found;
}

/** Reads a protected pair's organization from what protectedOrganizations found. */
export function organizationReader(found: Map<string, string | Error>): (pair: EnvironmentPair) => Promise<string> {
  return async (other) => {
    const value = found.get(other.name);
    if (value === undefined) throw new Error(`pair ${other.name} was not read`);
    if (value instanceof Error) throw value;
    return value;
  };
}
