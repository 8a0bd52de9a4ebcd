import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import type { SandboxContext } from "./context.js";
import { FaultInjector } from "./faults.js";
import type { CopySide, CopyVariant, EnvironmentSeed, RunningSandbox, SandboxFaults, SandboxOptions, SandboxStats } from "./options.js";
import { DEFAULT_ENVIRONMENTS, checkEnvironments, resolveTimings } from "./options.js";
import { ServiceProtection } from "./protection.js";
import { createSandboxServer } from "./server.js";
import { StatsCounter } from "./stats.js";
import { forgetAllCaches } from "./store/cache.js";
import { Store } from "./store/store.js";

export type { CopySide, CopyVariant, EnvironmentSeed, RunningSandbox, SandboxFaults, SandboxOptions, SandboxStats, SandboxTimings } from "./options.js";
export { DEFAULT_TIMINGS } from "./options.js";
export { mintSandboxToken } from "./token.js";

const SECRET_FILE = "secret";

/**
 * An environment as the sandbox is started with it, and whether its pair is `protected: true` in
 * environments.yaml: the control endpoint copies onto a protected environment only when the request
 * names it again in `confirm`. The flag travels with the seed, so it reaches the background server
 * (DWCTL_SANDBOX_ENVIRONMENTS) and an in-process one (connectSandbox) alike.
 */
export interface SandboxEnvironmentSeed extends EnvironmentSeed {
  protected?: boolean;
}

export interface StartSandboxOptions extends Omit<SandboxOptions, "environments"> {
  /** Default: the starter estate, prod (protected) and stage. */
  environments?: SandboxEnvironmentSeed[];
}

/** The starter estate's protected pair, for a sandbox started without environments. */
const DEFAULT_PROTECTED = ["prod"];

/** Starts the embedded estate on 127.0.0.1: one SQLite file per environment side under `dataDir`. */
export async function startSandbox(options: StartSandboxOptions): Promise<RunningSandbox> {
  mkdirSync(options.dataDir, { recursive: true });
  const secret = resolveSecret(options.dataDir, options.secret);
  const environments = checkEnvironments(options.environments ?? DEFAULT_ENVIRONMENTS);
  const protectedEnvironments = new Set(options.environments === undefined ? DEFAULT_PROTECTED : protectedOf(options.environments));
  const timings = resolveTimings(options.timings);
  const store = new Store(options.dataDir, environments, Date.now);
  store.open();
  let port = 0;
  const context: SandboxContext = { store, timings, now: Date.now, origin: () => `http://127.0.0.1:${port}`, syncLog: [] };
  const faults = new FaultInjector();
  const stats = new StatsCounter();
  // New database files: nothing derived from the old ones may survive.
  const copyDatabase = (from: string, to: string, side: CopySide, variant: CopyVariant): void => {
    try {
      store.copy(from, to, side, variant);
    } finally {
      forgetAllCaches();
    }
  };
  const reset = (): void => {
    try {
      store.reset();
    } finally {
      forgetAllCaches();
    }
    context.syncLog.length = 0;
  };
  const { server, hanging } = createSandboxServer({
    context,
    secret,
    faults,
    stats,
    protection: new ServiceProtection(timings),
    control: { context, secret, faults, stats, copyDatabase, reset, protectedEnvironments },
  });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(options.port ?? 0, "127.0.0.1", () => {
        server.off("error", reject);
        resolve();
      });
    });
  } catch (error) {
    store.close();
    throw error;
  }
  port = (server.address() as AddressInfo).port;
  let stopped: Promise<void> | undefined;
  return {
    url: context.origin(),
    port,
    secret,
    environments: store.names,
    setFaults: (next: SandboxFaults | undefined) => faults.set(next),
    stats: (): SandboxStats => stats.snapshot(),
    resetStats: () => stats.reset(),
    copyDatabase: async (from, to, side, variant = "lcs") => copyDatabase(from, to, side, variant),
    reset: async () => reset(),
    stop: () => {
      stopped ??= new Promise<void>((resolve) => {
        for (const response of hanging) response.destroy();
        server.close(() => {
          store.close();
          resolve();
        });
        server.closeAllConnections();
      });
      return stopped;
    },
  };
}

function protectedOf(environments: readonly SandboxEnvironmentSeed[]): string[] {
  return environments
    .filter((environment) => {
      const flag: unknown = environment.protected;
      if (flag !== undefined && typeof flag !== "boolean") throw new RangeError(`sandbox environment "${environment.name}": protected must be true or false`);
      return flag === true;
    })
    .map((environment) => environment.name);
}

/** The given secret, else the one persisted in dataDir, else a new random one; stored with mode 0600. */
function resolveSecret(dataDir: string, given: string | undefined): string {
  const path = join(dataDir, SECRET_FILE);
  const existing = existsSync(path) ? readFileSync(path, "utf8").trim() : "";
  const secret = given ?? (existing === "" ? randomBytes(32).toString("base64url") : existing);
  if (secret === "") throw new RangeError("the sandbox secret cannot be empty");
  if (secret !== existing) writeFileSync(path, `${secret}\n`, { mode: 0o600 });
  return secret;
}
