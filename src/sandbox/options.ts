export interface SandboxTimings {
  keyPendingMs: number;
  keyBuildMs: number;
  mapTransitionMs: number;
  requestWindowMs: number;
  requestBudget: number;
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

export interface RunningSandbox {
  /** http://127.0.0.1:<port> */
  url: string;
  port: number;
  secret: string;
  environments: string[];
  setFaults(faults: SandboxFaults | undefined): void;
  stats(): SandboxStats;
  resetStats(): void;
  copyDatabase(from: string, to: string, side: CopySide): Promise<void>;
  reset(): Promise<void>;
  stop(): Promise<void>;
}

export const DEFAULT_TIMINGS: SandboxTimings = {
  keyPendingMs: 300,
  keyBuildMs: 700,
  mapTransitionMs: 500,
  requestWindowMs: 300_000,
  requestBudget: 6000,
  maxConcurrent: 52,
  dopHint: 8,
};

export const DEFAULT_ENVIRONMENTS: readonly EnvironmentSeed[] = [
  { name: "prod", legalEntities: ["USMF", "USRT", "DEMF"] },
  { name: "stage", legalEntities: ["USMF", "USRT", "DEMF"] },
];

const ENVIRONMENT_NAME = /^[a-z][a-z0-9-]{0,30}$/;
const RESERVED_NAMES = new Set(["dualwrite", "secret", "state"]);

/** Environment names become URL segments and file names, so they are kept to a safe alphabet. */
export function checkEnvironments(environments: readonly EnvironmentSeed[]): EnvironmentSeed[] {
  if (environments.length === 0) throw new RangeError("the sandbox needs at least one environment");
  const seen = new Set<string>();
  return environments.map((environment) => {
    if (!ENVIRONMENT_NAME.test(environment.name) || RESERVED_NAMES.has(environment.name)) {
      throw new RangeError(`invalid sandbox environment name "${environment.name}"`);
    }
    if (seen.has(environment.name)) throw new RangeError(`duplicate sandbox environment "${environment.name}"`);
    seen.add(environment.name);
    return { name: environment.name, legalEntities: environment.legalEntities.map((code) => code.toUpperCase()) };
  });
}

export function resolveTimings(partial: Partial<SandboxTimings> | undefined): SandboxTimings {
  const timings = { ...DEFAULT_TIMINGS, ...partial };
  for (const [name, value] of Object.entries(timings)) {
    if (!Number.isFinite(value) || value < 0) throw new RangeError(`sandbox timing ${name} must be a non-negative number`);
  }
  return timings;
}
