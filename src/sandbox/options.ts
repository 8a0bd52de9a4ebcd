export interface SandboxTimings {
  keyPendingMs: number;
  keyBuildMs: number;
  mapTransitionMs: number;
  requestWindowMs: number;
  requestBudget: number;
  /** Combined time spent serving one client's requests per window (api-limits.md: 1,200 s per 5 minutes). */
  executionBudgetMs: number;
  maxConcurrent: number;
  /** The `x-ms-dop-hint` Dataverse answers with: the parallelism it recommends to clients. */
  dopHint: number;
}

export interface SandboxFaults {
  latencyMs?: number;
  throttleRatio?: number;
  retryAfterSeconds?: number;
  errorRatio?: number;
  resetRatio?: number;
  hangRatio?: number;
  seed?: number;
}

export interface EnvironmentSeed {
  name: string;
  legalEntities: string[];
  /**
   * The bare host of the pair's finance and operations environment: what clients pass as the
   * `identifier` of Environments (dualwrite-service.md §3). Default `<name>.operations.localhost`.
   */
  financeAndOperationsHost?: string;
}

export interface ResolvedEnvironmentSeed {
  name: string;
  legalEntities: string[];
  financeAndOperationsHost: string;
}

export interface SandboxOptions {
  dataDir: string;
  /** 0 = ephemeral. */
  port?: number;
  environments?: EnvironmentSeed[];
  timings?: Partial<SandboxTimings>;
  /** Default: random, persisted in dataDir/secret. */
  secret?: string;
}

export interface SandboxStats {
  requests: number;
  byKind: Record<string, number>;
  throttled: number;
  peakConcurrent: number;
}

export type CopySide = "finops" | "dataverse" | "both";

/**
 * How an F&O database copy is made: `lcs` = an LCS database refresh, which drops the dual-write
 * configuration, turns change tracking off and removes business-event endpoints (docs
 * database/database-refresh.md, dualwrite-service.md §8); `raw` = a plain copy that keeps them.
 */
export type CopyVariant = "lcs" | "raw";

export interface RunningSandbox {
  /** http://127.0.0.1:<port> */
  url: string;
  port: number;
  secret: string;
  environments: string[];
  setFaults(faults: SandboxFaults | undefined): void;
  stats(): SandboxStats;
  resetStats(): void;
  copyDatabase(from: string, to: string, side: CopySide, variant?: CopyVariant): Promise<void>;
  reset(): Promise<void>;
  stop(): Promise<void>;
}

export const DEFAULT_TIMINGS: SandboxTimings = {
  keyPendingMs: 300,
  keyBuildMs: 700,
  mapTransitionMs: 500,
  requestWindowMs: 300_000,
  requestBudget: 6000, // docs power-apps api-limits.md: 6,000 requests per 5-minute window
  executionBudgetMs: 1_200_000, // docs power-apps api-limits.md: 1,200 seconds per 5-minute window
  maxConcurrent: 52, // docs power-apps api-limits.md: 52 concurrent requests
  dopHint: 8,
};

export const DEFAULT_ENVIRONMENTS: readonly EnvironmentSeed[] = [
  { name: "prod", legalEntities: ["USMF", "USRT", "DEMF"] },
  { name: "stage", legalEntities: ["USMF", "USRT", "DEMF"] },
];

const ENVIRONMENT_NAME = /^[a-z][a-z0-9-]{0,30}$/;
const RESERVED_NAMES = new Set(["dualwrite", "secret", "state"]);

/** Environment names become URL segments and file names, so they are kept to a safe alphabet. */
const HOST = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/;

export function defaultFinOpsHost(name: string): string {
  return `${name}.operations.localhost`;
}

export function checkEnvironments(environments: readonly EnvironmentSeed[]): ResolvedEnvironmentSeed[] {
  if (environments.length === 0) throw new RangeError("the sandbox needs at least one environment");
  const seen = new Set<string>();
  const hosts = new Set<string>();
  return environments.map((environment) => {
    if (!ENVIRONMENT_NAME.test(environment.name) || RESERVED_NAMES.has(environment.name)) {
      throw new RangeError(`invalid sandbox environment name "${environment.name}"`);
    }
    if (seen.has(environment.name)) throw new RangeError(`duplicate sandbox environment "${environment.name}"`);
    seen.add(environment.name);
    const host = (environment.financeAndOperationsHost ?? defaultFinOpsHost(environment.name)).toLowerCase();
    // A bare host, no scheme, port or path (dualwrite-service.md §3).
    if (!HOST.test(host)) throw new RangeError(`invalid finance and operations host "${host}" for sandbox environment "${environment.name}"`);
    if (hosts.has(host)) throw new RangeError(`two sandbox environments share the finance and operations host "${host}"`);
    hosts.add(host);
    return { name: environment.name, legalEntities: environment.legalEntities.map((code) => code.toUpperCase()), financeAndOperationsHost: host };
  });
}

export function resolveTimings(partial: Partial<SandboxTimings> | undefined): SandboxTimings {
  const timings = { ...DEFAULT_TIMINGS, ...partial };
  for (const [name, value] of Object.entries(timings)) {
    if (!Number.isFinite(value) || value < 0) throw new RangeError(`sandbox timing ${name} must be a non-negative number`);
  }
  return timings;
}
