import { writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { Command, Option } from "commander";
import { paletteFor } from "../report/colour.js";
import { planJsonPieces } from "../report/plan/json.js";
import { renderPlanMarkdown } from "../report/plan/markdown.js";
import { planTextPieces } from "../report/plan/text.js";
import { findingsFor, lastAppliedOf } from "../drift/findings.js";
import { renderReportHtml } from "../report/report/html.js";
import { reportFromPlans } from "../report/report/model.js";
import { writeReportFile } from "./drift.js";
import { openPair, organizationReader, protectedOrganizations, selectPair } from "./context.js";
import { loadDesiredForPlan } from "./desired.js";
import { ExitError, UserError } from "./errors.js";
import { runsOf, writeFormatted } from "./output.js";
import { sealPlan } from "../plan/seal-plan.js";
import { OutputFileError } from "./failures.js";
import { checkSandboxPairs } from "./sandbox-preflight.js";
import { changedSinceScope, currentCommit, workingTreeOf } from "./git.js";
import { planSelected } from "../plan/select-maps.js";
import type { Io } from "./io.js";
import { checkAgainstLive, planFor } from "./plan-run.js";
import { parsePositive } from "./options.js";

interface PlanCommandOptions {
  env?: string;
  format: "text" | "json" | "markdown" | "html";
  detailedExitcode: boolean;
  out?: string;
  report?: string;
  prune: boolean;
  maxStops: number;
  confirm?: string;
  changedSince?: string;
}

/**
 * `checks` are the checks against the live pair (checkAgainstLive); the memory benchmark passes its
 * own, as the sandbox's catalog does not hold the tables and entities of its generated estate.
 */
export async function runPlan(paths: string[], options: PlanCommandOptions, io: Io, checks: typeof checkAgainstLive = checkAgainstLive): Promise<number> {
  if (options.confirm !== undefined) {
    // A confirmation is the act of applying; a plan file that carried one would let whoever holds
    // the file skip it. Refused rather than printed and ignored.
    throw new UserError(
      "dwctl plan does not take --confirm: a confirmation is given to apply, which computes again what needs one",
      `Plan without it, review the plan, then run dwctl apply --env ${options.confirm} <plan.json> --confirm ${options.confirm}.`,
    );
  }
  const read = paths.length > 0 ? paths : ["maps"];
  const desired = await loadDesiredForPlan(io, read, options.prune);
  const pair = selectPair(desired, options.env);
  // Validation has read the whole estate; only the plan is limited to the maps changed since the ref.
  const scope = options.changedSince === undefined ? undefined : await changedSinceScope(io.cwd, desired, options.changedSince, read);
  const workingTree = await workingTreeOf(io.cwd, read);
  if (pair.sandbox === true) checkSandboxPairs(desired.pairs);
  const protectedPairs = await protectedOrganizations(desired, pair, io);
  const opened = await openPair(pair, desired, io);
  try {
    const snapshot = await opened.gateway.snapshot();
    const planOptions = { prune: options.prune, maxStops: options.maxStops, confirm: undefined };
    const commit = await currentCommit(io.cwd);
    const planned = scope === undefined ? planFor(desired, pair, snapshot, planOptions, commit) : planSelected(desired, pair, snapshot, planOptions, commit, scope.selection);
    planned.plan = { ...planned.plan, ...(scope === undefined ? {} : { changedSince: scope.record }), ...(workingTree === undefined ? {} : { workingTree }) };
    const plan = sealPlan(await checks(planned, { desired, pair, snapshot, cwd: io.cwd }, opened.gateway, organizationReader(protectedPairs)));
    // The report adds what the snapshot shows beside the plan: the runtime's health and the last-applied record.
    const html = (): string =>
      renderReportHtml(
        reportFromPlans([{ plan, findings: findingsFor(plan, snapshot, planned.pairDesired), lastApplied: lastAppliedOf(snapshot) }], {
          generatedAt: new Date().toISOString(),
          commit: plan.commit,
        }),
      );
    writeFormatted(io, options.format, {
      json: () => planJsonPieces(plan),
      markdown: () => renderPlanMarkdown(plan),
      html,
      text: () => planTextPieces(plan, paletteFor(io.stdout, io.env)),
    });
    if (options.out !== undefined) {
      const out = resolve(io.cwd, options.out);
      // Written as it is rendered: the JSON of a large plan is never one string (README, Benchmarks, Memory).
      await writeFile(out, runsOf(planJsonPieces(plan))).catch((error: unknown) => {
        throw new OutputFileError(options.out ?? out, error);
      });
      io.stderr.write(`plan saved to ${options.out} (integrity ${plan.integrity ?? ""}); apply it with: dwctl apply ${options.out}\n`);
    }
    if (options.report !== undefined) await writeReportFile(options.report, html(), io);
    if (!options.detailedExitcode) return 0;
    // Terraform's contract: 1 when apply would refuse this plan, 2 for changes (drift is one), 0 for none.
    if (plan.blockers.length > 0) return 1;
    return plan.actions.length > 0 || plan.drift.length > 0 ? 2 : 0;
  } finally {
    await opened.close();
  }
}

export function planCommand(io: Io): Command {
  return new Command("plan")
    .description("Show what apply would change in an environment pair: desired (git) against last applied and live")
    .argument("[paths...]", "files or folders to read (default: maps)")
    .option("--env <pair>", "environment pair name from environments.yaml")
    .addOption(new Option("--format <format>", "output format (html: one self-contained file)").choices(["text", "json", "markdown", "html"]).default("text"))
    .option("--detailed-exitcode", "exit 0 for no changes, 2 for changes or drift, 1 for errors or a plan apply would refuse", false)
    .option("--out <file>", "save the plan as JSON, to apply exactly what was reviewed")
    .option("--report <file>", "also write the HTML report (plan, findings and map diffs) to this file")
    .option("--prune", "delete maps that dwctl applied before and git no longer has (never protected ones)", false)
    .option("--max-stops <n>", "plans that stop more maps than this need --confirm", parsePositive, 10)
    .option("--changed-since <ref>", "plan only the maps changed since this git ref (committed since it, and uncommitted); validation still reads the whole estate")
    .addOption(new Option("--confirm <pair>", "refused: confirmations are given to apply").hideHelp())
    .addHelpText("after", "\nExit codes: 0 success (with --detailed-exitcode: no changes), 1 error (with --detailed-exitcode: also a blocked plan), 2 changes or drift (with --detailed-exitcode).")
    .action(async (paths: string[], opts: PlanCommandOptions) => {
      const code = await runPlan(paths, opts, io);
      if (code !== 0) throw new ExitError(code);
    });
}
