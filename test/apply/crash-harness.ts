import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { readInputFiles } from "../../src/config/read-files.js";
import { validateSources } from "../../src/validate/validate-sources.js";
import { gatewayForPair, type HttpEnvironmentGateway } from "../../src/live/http-gateway.js";
import type { EnvironmentPair } from "../../src/model/desired.js";
import type { Snapshot } from "../../src/model/snapshot.js";

export const root = fileURLToPath(new URL("../../", import.meta.url));
export const cliMain = join(root, "dist/cli/main.js");
export const serverMain = join(root, "dist/sandbox/server-main.js");

export interface Finished {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Collects a child's output and resolves once it has exited (and so has been reaped: its pid is free). */
export function finished(child: ChildProcess, started: number): Promise<Finished> {
  let stdout = "";
  let stderr = "";
  child.stdout?.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
  child.stderr?.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr, ms: Date.now() - started }));
  });
}

/** Runs the built CLI as a child process and waits for it, with a hard timeout. */
export async function runCli(args: string[], cwd: string, env: NodeJS.ProcessEnv, timeoutMs = 60_000): Promise<Finished> {
  const started = Date.now();
  const child = spawn(process.execPath, [cliMain, ...args], { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
  const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
  try {
    return await finished(child, started);
  } finally {
    clearTimeout(timer);
  }
}

/** A run that was to be killed: killedAtMs is undefined when it had ended by itself first. */
export type Killed = Finished & { killedAtMs: number | undefined };

/**
 * Starts `dwctl apply` and kills it with SIGKILL delayMs after it was spawned, or after its
 * journal shows that it took the lock, unless it has ended by then.
 */
export async function runAndKill(args: string[], cwd: string, env: NodeJS.ProcessEnv, kill: { delayMs: number; after: "spawn" | "lock" }): Promise<Killed> {
  const before = runDirs(cwd);
  const started = Date.now();
  const child = spawn(process.execPath, [cliMain, ...args], { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
  let killedAtMs: number | undefined;
  let timer: NodeJS.Timeout | undefined;
  const arm = (): void => {
    timer = setTimeout(() => {
      if (child.exitCode === null && child.signalCode === null && child.kill("SIGKILL")) killedAtMs = Date.now() - started;
    }, kill.delayMs);
  };
  const watch =
    kill.after === "lock"
      ? setInterval(() => {
          const [dir] = newRunDirs(before, cwd);
          if (dir !== undefined && readJournal(dir).some(isLockTaken)) {
            clearInterval(watch);
            arm();
          }
        }, 1)
      : undefined;
  if (kill.after === "spawn") arm();
  try {
    return { ...(await finished(child, started)), killedAtMs };
  } finally {
    clearTimeout(timer);
    clearInterval(watch);
  }
}

export function isLockTaken(line: JournalLine): boolean {
  return line.step === "lock" && line.description?.includes(" taken by ") === true;
}

/**
 * Starts `dwctl apply` and kills it with SIGKILL as soon as its journal shows a line that
 * `when` picks (polled every millisecond), so that narrow windows are hit on purpose.
 */
export async function runAndKillWhen(
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
  when: (line: JournalLine) => boolean,
): Promise<Killed> {
  const before = runDirs(cwd);
  const started = Date.now();
  const child = spawn(process.execPath, [cliMain, ...args], { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
  let killedAtMs: number | undefined;
  const timer = setInterval(() => {
    const [dir] = newRunDirs(before, cwd);
    if (dir !== undefined && readJournal(dir).some(when)) {
      clearInterval(timer);
      if (child.exitCode === null && child.signalCode === null && child.kill("SIGKILL")) killedAtMs = Date.now() - started;
    }
  }, 1);
  try {
    return { ...(await finished(child, started)), killedAtMs };
  } finally {
    clearInterval(timer);
  }
}

/** Where a killed run got to, read from its journal. */
export type Phase =
  | "before-lock" // loading, planning, or taking the lock: nothing in the journal yet
  | "locked" // lock taken; re-reading the live state, no action started
  | "keys"
  | "definitions"
  | "starts"
  | "after-last-applied" // record written, lock not released yet
  | "after-release" // lock released; the process was ending
  | "completed"; // the run exited by itself before the kill

const KEY_KINDS = new Set(["createAlternateKey", "reactivateAlternateKey", "setIntegrationKey"]);
const DEFINITION_KINDS = new Set(["saveMapDefinition", "applySolution", "initialiseMap", "activateMapVersion", "refreshTables", "stopMap", "deleteMap"]);
const START_KINDS = new Set(["startMap", "resumeMap", "pauseMap"]);

export interface JournalLine {
  at: string;
  step: string;
  kind: string;
  event: string;
  description?: string;
}

export function readJournal(runDir: string): JournalLine[] {
  const file = join(runDir, "journal.jsonl");
  if (!existsSync(file)) return [];
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .flatMap((line) => {
      try {
        return [JSON.parse(line) as JournalLine];
      } catch {
        return []; // a line cut by the kill
      }
    });
}

export function phaseOf(lines: readonly JournalLine[]): Phase {
  if (lines.length === 0) return "before-lock";
  const last = lines[lines.length - 1];
  if (last?.step === "lock" && last.description === "lock released") return "after-release";
  if (lines.some((line) => line.step === "last-applied")) return "after-last-applied";
  // Notes (the lock, the fingerprint check) are not actions.
  const actions = lines.filter((line) => line.event !== "note");
  const lastAction = actions[actions.length - 1];
  if (lastAction === undefined) return "locked";
  if (KEY_KINDS.has(lastAction.kind)) return "keys";
  if (DEFINITION_KINDS.has(lastAction.kind)) return "definitions";
  if (START_KINDS.has(lastAction.kind)) return "starts";
  throw new Error(`unknown action kind in the journal: ${lastAction.kind}`);
}

export function runDirs(cwd: string): Set<string> {
  const dir = join(cwd, ".dwctl", "runs");
  return new Set(existsSync(dir) ? readdirSync(dir).map((name) => join(dir, name)) : []);
}

export function newRunDirs(before: ReadonlySet<string>, cwd: string): string[] {
  return [...runDirs(cwd)].filter((dir) => !before.has(dir));
}

export async function loadPair(cwd: string, name: string): Promise<EnvironmentPair> {
  const { desired } = validateSources(await readInputFiles(["maps"], cwd));
  const pair = desired.pairs.find((p) => p.name === name);
  if (pair === undefined) throw new Error(`no pair ${name} in ${cwd}/maps/environments.yaml`);
  return pair;
}

/** A gateway over real HTTP to the running background sandbox, as `openPair` builds one. */
export function sandboxGateway(pair: EnvironmentPair, sandboxDir: string): HttpEnvironmentGateway {
  const state = JSON.parse(readFileSync(join(sandboxDir, "state.json"), "utf8")) as { url: string };
  const secret = readFileSync(join(sandboxDir, "secret"), "utf8").trim();
  return gatewayForPair(pair, {}, { sandbox: { url: state.url, secret } });
}

export interface SandboxCounts {
  maps: number;
  mapVersions: number;
  runningMaps: number;
  alternateKeys: number;
  integrationKeys: number;
  projectConfigurations: number;
  projectFieldConfigurations: number;
  businessEvents: number;
  runtimeConfigurations: number;
  queuedChanges: number;
}

export async function sandboxCounts(sandboxUrl: string, environment: string): Promise<SandboxCounts> {
  const response = await fetch(`${sandboxUrl}/_sandbox/status`);
  if (!response.ok) throw new Error(`GET /_sandbox/status: ${response.status}`);
  const body = (await response.json()) as { environments: { name: string; counts: SandboxCounts }[] };
  const found = body.environments.find((e) => e.name === environment);
  if (found === undefined) throw new Error(`the sandbox has no environment ${environment}`);
  return found.counts;
}

export async function resetSandbox(sandboxUrl: string): Promise<void> {
  const response = await fetch(`${sandboxUrl}/_sandbox/reset`, { method: "POST" });
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`POST /_sandbox/reset: ${response.status}`);
}

/** The live state that must not depend on whether an apply was interrupted: no ids, ETags, times or run ids. */
export interface NormalisedState {
  link: { dataverseUrl: string; legalEntities: string[]; own: boolean } | undefined;
  maps: {
    ref: Snapshot["maps"][number]["ref"];
    definition: Snapshot["maps"][number]["definition"];
    versions: string[];
    templates: string[];
    initialised: boolean;
    state: string;
  }[];
  /** Every saved map row, by identity: a duplicate version would show here even for a map the service does not list. */
  mapRows: string[];
  alternateKeys: Snapshot["alternateKeys"];
  integrationKeys: Snapshot["integrationKeys"];
  runtime: { financeAndOperations: Snapshot["runtime"]["financeAndOperations"]; dataverse: string[] };
  legalEntitiesInDataverse: string[];
  lock: "held" | "released";
  lastApplied: Record<string, unknown> | "absent";
  counts: SandboxCounts;
}

const RUN_SPECIFIC = new Set(["appliedAt", "runId", "planHash", "actor"]);

export async function normalisedState(gateway: HttpEnvironmentGateway, sandboxUrl: string, environment: string): Promise<NormalisedState> {
  const snapshot = await gateway.snapshot();
  const rows = await gateway.dataverse.listMapRows();
  const last = snapshot.lastApplied?.value;
  // Each reset seeds new ids: what counts is that the link points at the pair's own Dataverse.
  const link =
    snapshot.link === undefined
      ? undefined
      : { dataverseUrl: snapshot.link.dataverseUrl, legalEntities: snapshot.link.legalEntities, own: snapshot.link.dataverseUrl === snapshot.identity.dataverseUrl };
  return {
    link,
    maps: snapshot.maps.map((map) => ({
      ref: map.ref,
      definition: map.definition,
      versions: map.versions.map((v) => `${v.publisher} ${v.number}`),
      templates: map.templates.map((v) => `${v.publisher} ${v.number}`).sort(),
      initialised: map.initialised,
      state: map.state,
    })),
    mapRows: rows.map((row) => `${row.name} ${row.version}`).sort(),
    alternateKeys: snapshot.alternateKeys,
    integrationKeys: snapshot.integrationKeys,
    runtime: {
      // Project names are the service's generated ids: only how many rows of each kind there are counts.
      financeAndOperations: snapshot.runtime.financeAndOperations
        .map((row) => ({ ...row, projectName: row.projectName.replace(/^DWM-[0-9a-f-]+/, "DWM-*") }))
        .sort((a, b) => `${a.projectName} ${a.externalEnvironmentUrl}`.localeCompare(`${b.projectName} ${b.externalEnvironmentUrl}`)),
      dataverse: snapshot.runtime.dataverse.map((row) => `${row.source} -> ${row.destination}`).sort(),
    },
    legalEntitiesInDataverse: snapshot.legalEntitiesInDataverse,
    lock: snapshot.lock === undefined ? "released" : "held",
    lastApplied:
      typeof last === "object" && last !== null ? Object.fromEntries(Object.entries(last).filter(([key]) => !RUN_SPECIFIC.has(key))) : "absent",
    counts: await sandboxCounts(sandboxUrl, environment),
  };
}
