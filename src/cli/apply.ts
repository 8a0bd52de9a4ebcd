import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import { userInfo } from "node:os";
import { join, resolve } from "node:path";
import { Command, Option } from "commander";
import { ApplyRefusedError, applyPlan, checkSavedPlan } from "../apply/apply-plan.js";
import { hashDesired } from "../plan/hash-desired.js";
import { sealPlan } from "../plan/seal-plan.js";
import { desiredForPair } from "../model/pair-view.js";
import { validatorFor } from "../config/schemas.js";
import type { Plan } from "../plan/plan.js";
import { paletteFor } from "../report/colour.js";
import { planTextPieces } from "../report/plan/text.js";
import { openPair, selectPair, organizationReader, protectedOrganizations } from "./context.js";
import { loadDesiredForPlan } from "./desired.js";
import { ExitError, UserError } from "./errors.js";
import { changedSinceScope, currentCommit, type ChangedSinceScope } from "./git.js";
import { parseLastApplied } from "../model/last-applied.js";
import type { Desired } from "../model/desired.js";
import type { PairDesired } from "../model/pair-view.js";
import type { Snapshot } from "../model/snapshot.js";
import { planSelected, recordedDesired } from "../plan/select-maps.js";
import { checkSandboxPairs } from "./sandbox-preflight.js";
import { statusLineFor } from "./status-line.js";
import type { Io } from "./io.js";
import { parseDuration, parsePositive } from "./options.js";
import { runsOf } from "./output.js";
import { checkAgainstLive, planFor } from "./plan-run.js";

interface ApplyCommandOptions {
  env?: string;
  autoApprove: boolean;
  confirm?: string;
  prune: boolean;
  maxStops: number;
  integrity?: string;
  parallelism: number;
  lockTtl: number;
  format: "text" | "json";
}

export async function readPlanFile(path: string, io: Io): Promise<Plan> {
  let value: unknown;
  try {
    value = JSON.parse(await readFile(resolve(io.cwd, path), "utf8"));
  } catch (error) {
    throw new UserError(`${path}: cannot read the plan (${error instanceof Error ? error.message : String(error)})`, "Pass a file written by dwctl plan --out.");
  }
  const version = typeof value === "object" && value !== null && "format_version" in value ? value.format_version : undefined;
  if (version === "1.0") {
    throw new UserError(`${path}: the plan was written by an older dwctl (format 1.0, with no integrity hash)`, "Make the plan again with this dwctl: dwctl plan --env <pair> --out <file>.");
  }
  const validate = validatorFor("Plan");
  if (!validate(value)) {
    const first = validate.errors?.[0];
    throw new UserError(`${path}: not a dwctl plan (${first?.instancePath ?? ""} ${first?.message ?? "invalid"})`, "Pass a file written by dwctl plan --out, unmodified.");
  }
  return value as Plan;
}

/** --integrity: the hash a reviewer approved must be the file's (a prefix of 12 or more characters will do). */
function checkExpectedIntegrity(plan: Plan, expected: string, file: string): void {
  const wanted = expected.trim().toLowerCase();
  if (!/^[0-9a-f]{12,64}$/.test(wanted)) {
    throw new UserError(`--integrity ${expected}: not an integrity hash`, "Pass the plan's integrity hash as dwctl plan printed it (12 to 64 hex characters).");
  }
  if (plan.integrity === undefined || !plan.integrity.startsWith(wanted)) {
    throw new UserError(
      `${file} is not the plan that was approved: its integrity hash is ${plan.integrity?.slice(0, 12) ?? "missing"}, not ${wanted.slice(0, 12)}`,
      "Apply the plan file that was reviewed, or review this one and pass its hash.",
    );
  }
}

/** Who runs a command, for the lock and the last-applied record. */
export function actor(io: Io): string {
  const github = io.env.GITHUB_ACTOR;
  if (github !== undefined && github !== "") return `${github} (GitHub Actions run ${io.env.GITHUB_RUN_ID ?? "?"})`;
  try {
    return userInfo().username;
  } catch {
    return "unknown";
  }
}

/**
 * The scope of a saved plan made with --changed-since, derived again from git: from the commit the
 * plan recorded for its ref (the ref may have moved) to HEAD and the working tree. Refused when the
 * maps in scope are not the plan's: a plan made now would plan other maps than were reviewed.
 */
async function sameScope(saved: Plan, file: string, desired: Desired, io: Io): Promise<ChangedSinceScope> {
  const recorded = saved.changedSince;
  if (recorded === undefined) throw new Error("sameScope needs a plan made with --changed-since");
  const scope = await changedSinceScope(io.cwd, desired, recorded.ref, ["maps"], recorded.commit);
  const now = scope.record;
  const list = (names: readonly string[]): string => (names.length === 0 ? "none" : names.join(", "));
  if (now.whole !== recorded.whole || now.maps.join("\n") !== recorded.maps.join("\n") || now.keys.join("\n") !== recorded.keys.join("\n")) {
    const describe = (s: { whole: boolean; maps: readonly string[] }): string => (s.whole ? "every map (an environments file changed)" : list(s.maps));
    throw new UserError(
      `${file} was planned for the maps changed since ${recorded.ref} (${recorded.commit.slice(0, 12)}): ${describe(recorded)}; changed since it now: ${describe(now)}`,
      `The scope is not the one that was reviewed. Make the plan again: dwctl plan --env ${saved.pair} --changed-since ${recorded.ref} --out <file>, review it, and apply that.`,
    );
  }
  return scope;
}

export async function runApply(planFile: string | undefined, options: ApplyCommandOptions, io: Io): Promise<number> {
  const saved = planFile === undefined ? undefined : await readPlanFile(planFile, io);
  if (saved !== undefined && options.autoApprove) {
    throw new UserError("--auto-approve plans and applies in one step; it does not take a plan file", `Apply the reviewed plan: dwctl apply ${planFile ?? ""}, or plan and apply in one step: dwctl apply --env ${saved.pair} --auto-approve.`);
  }
  if (saved !== undefined && options.integrity !== undefined) checkExpectedIntegrity(saved, options.integrity, planFile ?? "plan");
  // A saved plan carries its pair; --env, when given as well, must agree with it.
  const desired = await loadDesiredForPlan(io, ["maps"], saved?.prune ?? options.prune);
  const pair = selectPair(desired, options.env ?? saved?.pair);
  if (saved !== undefined && saved.pair !== pair.name) {
    throw new UserError(`${planFile ?? "plan"} was made for pair "${saved.pair}", not "${pair.name}"`, `Run dwctl apply ${planFile ?? ""} (the pair comes from the plan).`);
  }
  if (saved !== undefined && options.prune && !saved.prune) {
    throw new UserError(`--prune was given, but ${planFile ?? "the plan"} was made without it`, `Make the plan with --prune and review its deletes: dwctl plan --env ${saved.pair} --prune --out <file>.`);
  }
  if (saved !== undefined) {
    try {
      checkSavedPlan(saved, hashDesired(desiredForPair(desired, pair)));
    } catch (error) {
      if (error instanceof ApplyRefusedError) throw new UserError(`${planFile ?? "plan"}: ${error.message}`, error.hint);
      throw error;
    }
  }
  if (saved === undefined && !options.autoApprove) {
    throw new UserError(
      "apply without a saved plan needs --auto-approve",
      `Review first: dwctl plan --env ${pair.name} --out plan.json, then dwctl apply --env ${pair.name} plan.json. Or pass --auto-approve to plan and apply in one step.`,
    );
  }
  const commit = await currentCommit(io.cwd);
  // A plan made with --changed-since is derived again with the same scope, taken from git again.
  const scope = saved?.changedSince === undefined ? undefined : await sameScope(saved, planFile ?? "plan", desired, io);
  // A saved plan is derived again with the options it was made with; its confirmations are then
  // computed again with this run's --max-stops, never read from the file.
  const planOptions = { prune: saved?.prune ?? options.prune, maxStops: options.maxStops, confirm: options.confirm };
  const pairDesired = desiredForPair(desired, pair);
  // What the last-applied record is made from. With a scope, the maps and keys out of it keep what
  // the previous record says (read from the snapshot each plan is derived from, under the lock).
  const recorded: PairDesired = { ...pairDesired };
  const derive = (snapshot: Snapshot): Plan => {
    if (scope === undefined) return planFor(desired, pair, snapshot, planOptions, commit).plan;
    Object.assign(recorded, recordedDesired(pairDesired, scope.selection, parseLastApplied(snapshot.lastApplied?.value)));
    return { ...planSelected(desired, pair, snapshot, planOptions, commit, scope.selection).plan, changedSince: scope.record };
  };
  if (pair.sandbox === true) checkSandboxPairs(desired.pairs);
  const protectedPairs = saved === undefined ? await protectedOrganizations(desired, pair, io) : new Map<string, string | Error>();
  const opened = await openPair(pair, desired, io);
  try {
    const { gateway } = opened;
    let plan = saved;
    if (plan === undefined) {
      const snapshot = await gateway.snapshot();
      const planned = planFor(desired, pair, snapshot, planOptions, commit);
      plan = sealPlan(await checkAgainstLive(planned, { desired, pair, snapshot, cwd: io.cwd }, gateway, organizationReader(protectedPairs)));
      for (const run of runsOf(planTextPieces(plan, paletteFor(io.stderr, io.env)))) io.stderr.write(run);
    }
    const runId = `${new Date().toISOString().replace(/[-:]/g, "").replace(/\..*/, "")}-${randomUUID().slice(0, 8)}`;
    const result = await applyPlan(
      gateway,
      plan,
      { desired: recorded, replan: derive, saved: saved !== undefined },
      {
        runsDir: join(io.cwd, ".dwctl", "runs"),
        runId,
        command: `apply --env ${pair.name}${planFile === undefined ? "" : ` ${planFile}`}`,
        actor: actor(io),
        lockTtlMs: options.lockTtl,
        parallelism: options.parallelism,
        confirm: options.confirm,
        keyTimeoutMs: 30 * 60_000,
        pollMs: 250,
        log: (line) => statusLineFor(io).line(line),
      },
    );
    const summary = { format_version: "1.0", pair: pair.name, runId: result.runId, actions: result.actions, journal: result.journal };
    io.stdout.write(options.format === "json" ? `${JSON.stringify(summary, null, 2)}\n` : `Apply complete: ${result.actions} action(s) on ${pair.name}. Run ${result.runId}; journal ${result.journal}\n`);
    return 0;
  } finally {
    await opened.close();
  }
}

export function applyCommand(io: Io): Command {
  return new Command("apply")
    .description("Apply a saved plan (or plan and apply with --auto-approve) to an environment pair, under the pair's lock")
    .argument("[plan]", "a plan saved with dwctl plan --out: derived again from git and the live state under the lock, and applied only if it is the same, action by action")
    .option("--env <pair>", "environment pair name from environments.yaml (a saved plan names its own)")
    .option("--auto-approve", "plan and apply in one step, without a saved plan", false)
    .option("--confirm <pair>", "confirm stops, deletes and initial syncs on a protected pair, or more stops than --max-stops")
    .option("--prune", "with --auto-approve: delete maps that dwctl applied before and git no longer has", false)
    .option("--max-stops <n>", "plans that stop more maps than this need --confirm (computed again for a saved plan)", parsePositive, 10)
    .option("--integrity <hash>", "refuse unless the plan file's integrity hash is this one (the hash the reviewer approved; 12 or more characters)")
    .option("--parallelism <n>", "maps changed side by side within a wave", parsePositive, 16)
    .option("--lock-ttl <duration>", "how long the lock holds without progress (90s, 15m, 1h)", parseDuration, 15 * 60_000)
    .addOption(new Option("--format <format>", "output format of the result").choices(["text", "json"]).default("text"))
    .addHelpText("after", "\nProgress goes to stderr; a journal of every step goes to .dwctl/runs/<run id>/journal.jsonl.\nExit codes: 0 applied, 1 refused or failed (nothing further is written after a failure).")
    .action(async (planFile: string | undefined, opts: ApplyCommandOptions) => {
      const code = await runApply(planFile, opts, io);
      if (code !== 0) throw new ExitError(code);
    });
}
