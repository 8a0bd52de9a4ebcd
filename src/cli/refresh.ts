import { randomUUID } from "node:crypto";
import { join } from "node:path";
import { Command, Option } from "commander";
import type { EnvironmentPair } from "../model/desired.js";
import { parseLastApplied } from "../model/last-applied.js";
import { desiredForPair, type PairDesired } from "../model/pair-view.js";
import { fingerprint } from "../model/fingerprint.js";
import type { Snapshot } from "../model/snapshot.js";
import { buildPlan } from "../plan/build-plan.js";
import type { Plan } from "../plan/plan.js";
import { solutionFor } from "../plan/solution-name.js";
import { assessTarget, refusals, type TargetAssessment } from "../refresh/assess-target.js";
import { parseRefreshRecord, REFRESH_STEPS } from "../refresh/refresh-record.js";
import { describeDryRun } from "../refresh/dry-run.js";
import { runRefresh, type RefreshPlanner } from "../refresh/run-refresh.js";
import { actor } from "./apply.js";
import { loadDesired, openPair, selectPair } from "./context.js";
import { ExitError, UserError } from "./errors.js";
import { currentCommit } from "./git.js";
import type { Io } from "./io.js";
import { parseDuration, parsePositive } from "./options.js";
import { checkSandboxPairs } from "./sandbox-preflight.js";
import { statusLineFor } from "./status-line.js";

interface RefreshCommandOptions {
  env?: string;
  source?: string;
  dryRun: boolean;
  resume: boolean;
  confirm?: string;
  initialSync: "run" | "skip";
  parallelism: number;
  lockTtl: number;
}

function sourceOf(pairs: readonly EnvironmentPair[], pair: EnvironmentPair, name: string | undefined): EnvironmentPair {
  const wanted = name ?? pair.refreshedFrom;
  if (wanted === undefined) {
    throw new UserError(`${pair.name} names no source pair`, `Pass --source <pair>, or set refreshedFrom: <pair> on ${pair.name} in environments.yaml.`);
  }
  const source = pairs.find((p) => p.name === wanted);
  if (source === undefined) throw new UserError(`no environment pair named "${wanted}"`, `Use one of: ${pairs.map((p) => p.name).join(", ")}.`);
  return source;
}

/** The rebuild's plans: every map stopped (step definitions), or as declared with the refresh's initial-sync choice. */
export function plannerFor(pairDesired: PairDesired, commit: string | null): RefreshPlanner {
  return (snapshot: Snapshot, mode): Plan => {
    const desired = mode.allStopped ? { ...pairDesired, maps: pairDesired.maps.map((entry) => ({ ...entry, state: "stopped" as const })) } : pairDesired;
    return buildPlan({
      desired,
      snapshot,
      lastApplied: parseLastApplied(snapshot.lastApplied?.value),
      options: { prune: false, maxStops: Number.MAX_SAFE_INTEGER, confirm: pairDesired.pair.name, refreshInitialSync: mode.initialSync },
      ...(commit === null ? {} : { commit }),
      createdAt: new Date().toISOString(),
    });
  };
}

function preflightText(pair: EnvironmentPair, source: EnvironmentPair, assessment: TargetAssessment): string {
  const { identity } = assessment;
  const lines = [
    `dwctl refresh: ${pair.name} from ${source.name}`,
    "",
    "Who this is:",
    `  finance and operations  ${identity.financeAndOperationsUrl} (host ${identity.financeAndOperationsHost})`,
    `  Dataverse               ${identity.dataverseUrl}, organization ${identity.dataverseOrganizationId} (WhoAmI)`,
    identity.link === undefined
      ? "  dual-write link         none: the service finds no connection set for this host"
      : `  dual-write link         connection set ${identity.link.connectionSet} -> ${identity.link.dataverseUrl}, legal entities ${identity.link.legalEntities.join(", ") || "none"}`,
    `  runtime configuration   ${identity.dataverseRuntimeRows} msdyn_dualwriteruntimeconfig row(s) (the organization they were written for is not readable through the Web API)`,
    `                          DualWriteProjectConfiguration points at ${identity.financeAndOperationsRuntimeUrls.join(", ") || "nothing"}`,
    `  last-applied record     ${identity.lastAppliedPair === undefined ? "none, or from an older dwctl" : `of pair ${identity.lastAppliedPair}`}`,
    "",
    `State: ${assessment.state}`,
    ...assessment.signs.map((sign) => `  - ${sign}`),
  ];
  return `${lines.join("\n")}\n`;
}

export async function runRefreshCommand(options: RefreshCommandOptions, io: Io): Promise<number> {
  const desired = await loadDesired(io);
  const pair = selectPair(desired, options.env);
  const source = sourceOf(desired.pairs, pair, options.source);
  const pairDesired = desiredForPair(desired, pair);
  const commit = await currentCommit(io.cwd);
  // The source is only read, for its identity: nothing is ever written to it.
  const sourceIdentity = pair.name === source.name ? undefined : await readIdentity(source, desired, io);
  if (pair.sandbox === true) checkSandboxPairs(desired.pairs);
  const opened = await openPair(pair, desired, io);
  try {
    const { gateway } = opened;
    const snapshot = await gateway.snapshot();
    const record = parseRefreshRecord((await gateway.readRecord("refresh"))?.value);
    const assessment = assessTarget({ pair, source, snapshot, lastApplied: parseLastApplied(snapshot.lastApplied?.value), record });
    io.stderr.write(preflightText(pair, source, assessment));
    const refused = refusals({ pair, source, confirm: options.confirm, dryRun: options.dryRun, target: snapshot.identity, sourceIdentity });
    if (refused.length > 0) {
      throw new UserError(`refusing to refresh ${pair.name}: ${refused.join("; ")}`, `Nothing was changed. ${pair.protected === true ? "A protected pair is never refreshed." : `Check the pair names, then run dwctl refresh --env ${pair.name} --confirm ${pair.name}.`}`);
    }
    const planner = plannerFor(pairDesired, commit);
    // Only pinned maps are saved in dwctl's solutions; a followed map's version is in its publisher's solution (README, Versions).
    const solutions = [...new Set(pairDesired.maps.flatMap(({ map }) => (map.version.kind === "pin" ? [solutionFor(map.version.publisher)] : [])))].sort();
    if (options.dryRun) {
      io.stdout.write(describeDryRun({ pair, snapshot, record, planner, solutions, initialSync: options.initialSync }));
      io.stdout.write(`\nDry run: nothing was changed (live fingerprint ${fingerprint(snapshot).slice(0, 12)}).\n`);
      return 0;
    }
    const runId = `${new Date().toISOString().replace(/[-:]/g, "").replace(/\..*/, "")}-refresh-${randomUUID().slice(0, 8)}`;
    const result = await runRefresh(
      { gateway, pair, source, desired: pairDesired, planner, solutions },
      {
        runsDir: join(io.cwd, ".dwctl", "runs"),
        runId,
        actor: actor(io),
        command: `refresh --env ${pair.name}${options.resume ? " --resume" : ""}`,
        initialSync: options.initialSync,
        lockTtlMs: options.lockTtl,
        parallelism: options.parallelism,
        resume: options.resume,
        log: (line) => statusLineFor(io).line(line),
      },
    );
    const lines = result.steps.map((s, i) => `  ${i + 1}. ${s.step}: ${s.skipped ? "(done in an earlier run) " : ""}${s.detail}`);
    io.stdout.write(`Refresh complete: ${pair.name} is rebuilt from git. Run ${result.runId}; journal ${result.journal}\n${lines.join("\n")}\n`);
    return 0;
  } finally {
    await opened.close();
  }
}

async function readIdentity(source: EnvironmentPair, desired: Awaited<ReturnType<typeof loadDesired>>, io: Io): Promise<Snapshot["identity"]> {
  if (source.sandbox === true) checkSandboxPairs(desired.pairs);
  const opened = await openPair(source, desired, io);
  try {
    return (await opened.gateway.snapshot()).identity;
  } finally {
    await opened.close();
  }
}

export function refreshCommand(io: Io): Command {
  return new Command("refresh")
    .description("After a database copy (PROD to STAGE): stop the maps, Reset link, clean the runtime configuration, and rebuild the pair from git")
    .option("--env <pair>", "the target pair: the copy, never a protected pair")
    .option("--source <pair>", "the pair it was copied from (default: the target's refreshedFrom)")
    .option("--dry-run", "print who the target is and what each step would do; change nothing", false)
    .option("--resume", "continue an earlier refresh from the step it stopped at", false)
    .option("--confirm <pair>", "name the target again: the refresh resets its dual-write link")
    .addOption(
      new Option("--initial-sync <choice>", "the maps' first start after the rebuild: skip (both sides were copied together and hold the same rows) or run; a map may override it (environments.<pair>.refresh.initialSync)")
        .choices(["skip", "run"])
        .default("skip"),
    )
    .option("--parallelism <n>", "maps changed side by side within a wave", parsePositive, 16)
    .option("--lock-ttl <duration>", "how long the lock holds without progress (90s, 15m, 1h)", parseDuration, 15 * 60_000)
    .addHelpText(
      "after",
      `\nSteps: ${REFRESH_STEPS.join(", ")}. Each is recorded in the target (a record beside the lock) and in .dwctl/runs/<run id>/journal.jsonl;\nafter a failure or a crash, --resume continues from the step that did not finish; steps already done are not repeated.\nExit codes: 0 done (or dry run), 1 refused or failed.`,
    )
    .action(async (opts: RefreshCommandOptions) => {
      const code = await runRefreshCommand(opts, io);
      if (code !== 0) throw new ExitError(code);
    });
}
