import { spawn } from "node:child_process";
import { existsSync, mkdirSync, openSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Command, Option } from "commander";
import { isAlive } from "../process-alive.js";
import { connectSandbox, readState, runningSandbox } from "../sandbox/connect.js";
import type { SandboxEnvironmentSeed } from "../sandbox/index.js";
import { timingsFromEnv } from "../sandbox/settings.js";
import type { Desired } from "../model/desired.js";
import { loadDesired, sandboxDir, sandboxSeeds } from "./context.js";
import { UserError } from "./errors.js";
import type { Io } from "./io.js";

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

function serverMain(): string {
  const beside = fileURLToPath(new URL("../sandbox/server-main.js", import.meta.url));
  // Running from src/ (tests), the compiled server is in dist/.
  return existsSync(beside) ? beside : fileURLToPath(new URL("../../dist/sandbox/server-main.js", import.meta.url));
}

/** The sandbox's environments, each with its pair's `protected` flag: the server refuses a copy onto a protected one without `confirm`. */
function seedsOf(desired: Desired): SandboxEnvironmentSeed[] {
  return sandboxSeeds(desired.pairs).map((seed) => ({ ...seed, protected: desired.pairs.find((pair) => pair.name === seed.name)?.protected === true }));
}

async function control(io: Io, path: string, init: { method: string; body?: unknown }, loaded?: Desired): Promise<unknown> {
  const desired = loaded ?? (await loadDesired(io));
  const timings = timingsFromEnv(io.env);
  const connection = await connectSandbox({ dataDir: sandboxDir(io), environments: seedsOf(desired), ...(timings === undefined ? {} : { timings }) });
  try {
    const response = await fetch(`${connection.url}/_sandbox/${path}`, {
      method: init.method,
      headers: { "content-type": "application/json" },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    });
    const text = await response.text();
    const value: unknown = text === "" ? null : JSON.parse(text);
    if (!response.ok) {
      const error = typeof value === "object" && value !== null && "error" in value ? (value as { error: unknown }).error : undefined;
      const message = error === undefined ? text : JSON.stringify(error);
      const code = typeof error === "object" && error !== null && "code" in error ? (error as { code: unknown }).code : undefined;
      const hint =
        code === "ProtectedEnvironment"
          ? "The sandbox marks the target protected. Nothing was changed; if you mean to replace it, pass --confirm with its name."
          : "Check the environment names with dwctl sandbox status.";
      throw new UserError(`sandbox refused ${path}: ${message}`, hint);
    }
    return value;
  } finally {
    await connection.close();
  }
}

async function up(io: Io, port: number): Promise<void> {
  const dir = sandboxDir(io);
  const running = await runningSandbox(dir);
  if (running !== undefined) {
    io.stdout.write(`sandbox already running on ${running.url} (pid ${running.pid})\n`);
    return;
  }
  const desired = await loadDesired(io);
  mkdirSync(dir, { recursive: true });
  const log = openSync(join(dir, "sandbox.log"), "a");
  const child = spawn(process.execPath, [serverMain(), "--data-dir", dir, "--port", String(port)], {
    detached: true,
    stdio: ["ignore", log, log],
    env: { ...process.env, DWCTL_SANDBOX_ENVIRONMENTS: JSON.stringify(seedsOf(desired)) },
  });
  child.unref();
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    const state = await runningSandbox(dir);
    if (state !== undefined) {
      io.stdout.write(`sandbox running on ${state.url} (pid ${state.pid}); data in ${dir}\n`);
      return;
    }
    if (child.exitCode !== null) break;
    await sleep(100);
  }
  throw new UserError("the sandbox did not start", `See ${join(dir, "sandbox.log")}.`);
}

async function down(io: Io): Promise<void> {
  const dir = sandboxDir(io);
  const state = readState(dir);
  if (state === undefined || !isAlive(state.pid)) {
    io.stdout.write("sandbox is not running\n");
    return;
  }
  process.kill(state.pid, "SIGTERM");
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline && isAlive(state.pid)) await sleep(100);
  if (isAlive(state.pid)) throw new UserError(`sandbox (pid ${state.pid}) did not stop`, `Stop it by hand: kill ${state.pid}.`);
  io.stdout.write(`sandbox stopped (pid ${state.pid})\n`);
}

interface EnvironmentStatus {
  name: string;
  protected?: boolean;
  organizationId: string;
  financeAndOperationsHost?: string;
  link: { dataverseEnvironment: string; organizationId: string | null; legalEntities: string[] } | null;
  counts: Record<string, number>;
}

async function status(io: Io, format: string): Promise<void> {
  const dir = sandboxDir(io);
  const running = await runningSandbox(dir);
  const value = (await control(io, "status", { method: "GET" })) as { environments: EnvironmentStatus[] };
  if (format === "json") {
    io.stdout.write(`${JSON.stringify({ running: running !== undefined, dataDir: dir, ...value }, null, 2)}\n`);
    return;
  }
  const lines = [running === undefined ? `sandbox is not running in the background (commands start it in-process); data in ${dir}` : `sandbox running on ${running.url} (pid ${running.pid}); data in ${dir}`];
  for (const env of value.environments) {
    const link = env.link === null ? "not linked" : `linked to ${env.link.dataverseEnvironment} Dataverse (${env.link.organizationId ?? "?"}), legal entities ${env.link.legalEntities.join(", ")}`;
    const mismatch = env.link !== null && env.link.dataverseEnvironment !== env.name ? "  <- STALE LINK: points at another pair's Dataverse" : "";
    const c = env.counts;
    lines.push(`  ${env.name}${env.protected === true ? " [protected]" : ""} (${env.financeAndOperationsHost ?? "?"}): Dataverse org ${env.organizationId}; ${link}${mismatch}`);
    lines.push(`    maps ${c.maps ?? 0} (${c.runningMaps ?? 0} running), alternate keys ${c.alternateKeys ?? 0}, integration keys ${c.integrationKeys ?? 0}, DualWriteProjectConfiguration rows ${c.projectConfigurations ?? 0}, runtime config rows ${c.runtimeConfigurations ?? 0}`);
  }
  io.stdout.write(`${lines.join("\n")}\n`);
}

/**
 * A copy replaces the target's databases: onto a protected pair (`protected: true` in
 * environments.yaml) it needs --confirm naming that pair, and a --confirm that names another pair
 * is refused for any target. The sandbox checks the same again (POST /_sandbox/copy-db, `confirm`).
 */
function refuseUnconfirmedCopy(desired: Desired, from: string, to: string, confirm: string | undefined): void {
  if (confirm !== undefined && confirm !== to) {
    throw new UserError(`--confirm names ${confirm}, but the copy would replace ${to}'s databases`, `Nothing was changed. Check the direction: the copy goes from --from ${from} onto --to ${to}.`);
  }
  const target = desired.pairs.find((pair) => pair.name === to);
  if (target?.protected === true && confirm !== to) {
    throw new UserError(
      `refusing to copy ${from} over ${to}: ${to} is a protected pair, and the copy would replace its databases`,
      `Nothing was changed. Check the direction (a refresh copies PROD over STAGE: --from prod --to stage); to replace ${to} anyway, pass --confirm ${to}.`,
    );
  }
}

export function sandboxCommand(io: Io): Command {
  const sandbox = new Command("sandbox").description("The embedded sandbox estate: a PROD and a STAGE pair on loopback, kept in .dwctl/sandbox/");
  sandbox
    .command("up")
    .description("Start the sandbox in the background (commands otherwise start it in-process for their own run)")
    .option("--port <port>", "port on 127.0.0.1 (default: any free port)", "0")
    .action(async (opts: { port: string }) => up(io, Number.parseInt(opts.port, 10)));
  sandbox.command("down").description("Stop the background sandbox").action(async () => down(io));
  sandbox
    .command("status")
    .description("Each environment's identity, link and configuration counts")
    .addOption(new Option("--format <format>", "output format").choices(["text", "json"]).default("text"))
    .action(async (opts: { format: string }) => status(io, opts.format));
  sandbox
    .command("reset")
    .description("Re-seed every sandbox environment (all maps, keys and records are lost)")
    .action(async () => {
      await control(io, "reset", { method: "POST" });
      io.stdout.write("sandbox reset\n");
    });
  sandbox
    .command("copy-db")
    .description("A database refresh: copy one environment's database(s) over another's, as IT does from PROD to STAGE")
    .requiredOption("--from <env>", "source environment, for example prod")
    .requiredOption("--to <env>", "target environment, for example stage")
    .addOption(new Option("--side <side>", "which database").choices(["fo", "dataverse", "both"]).default("both"))
    .addOption(
      new Option("--variant <variant>", "lcs: an LCS database refresh (drops the F&O dual-write configuration, change tracking off, business-event endpoints removed); raw: a plain copy that keeps them")
        .choices(["lcs", "raw"])
        .default("lcs"),
    )
    .option("--confirm <pair>", "name the target again: needed to copy onto a protected pair, whose databases the copy replaces")
    .action(async (opts: { from: string; to: string; side: "fo" | "dataverse" | "both"; variant: "lcs" | "raw"; confirm?: string }) => {
      if (opts.from === opts.to) throw new UserError("--from and --to are the same environment", "Copy PROD over STAGE: --from prod --to stage.");
      const desired = await loadDesired(io);
      refuseUnconfirmedCopy(desired, opts.from, opts.to, opts.confirm);
      const body = { from: opts.from, to: opts.to, side: opts.side === "fo" ? "finops" : opts.side, variant: opts.variant, ...(opts.confirm === undefined ? {} : { confirm: opts.confirm }) };
      await control(io, "copy-db", { method: "POST", body }, desired);
      const what = opts.side === "both" ? "finance and operations and Dataverse" : opts.side === "fo" ? "finance and operations" : "Dataverse";
      io.stdout.write(`copied ${opts.from} over ${opts.to} (${what} database, ${opts.variant} copy)\n`);
    });
  return sandbox;
}
