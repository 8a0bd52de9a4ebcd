import { writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { Command, Option } from "commander";
import { failedPairReport, pairReport, type PairReport } from "../drift/findings.js";
import type { Report } from "../generated/report.js";
import type { EnvironmentPair } from "../model/desired.js";
import { paletteFor } from "../report/colour.js";
import { renderDriftMarkdown } from "../report/drift/markdown.js";
import { renderDriftText } from "../report/drift/text.js";
import { renderReportHtml } from "../report/report/html.js";
import { renderReportJson } from "../report/report/json.js";
import { driftReport, summariseReport } from "../report/report/model.js";
import { loadDesired, openPair, organizationReader, protectedOrganizations, selectPair } from "./context.js";
import { ExitError, UserError } from "./errors.js";
import { writeFormatted } from "./output.js";
import { OutputFileError, userFacing } from "./failures.js";
import { currentCommit } from "./git.js";
import type { Io } from "./io.js";
import { blockSharedEnvironments, planFor } from "./plan-run.js";
import { checkSandboxPairs } from "./sandbox-preflight.js";

interface DriftCommandOptions {
  env?: string;
  all: boolean;
  format: "text" | "json" | "markdown" | "html";
  report?: string;
}

/** One pair, read-only: a snapshot, a plan that nothing applies, and the findings. No lock is taken. */
async function driftOfPair(pair: EnvironmentPair, desired: Awaited<ReturnType<typeof loadDesired>>, commit: string | null, io: Io): Promise<PairReport> {
  const protectedPairs = await protectedOrganizations(desired, pair, io);
  const opened = await openPair(pair, desired, io);
  try {
    const snapshot = await opened.gateway.snapshot();
    const planned = planFor(desired, pair, snapshot, { prune: false, maxStops: Number.MAX_SAFE_INTEGER, confirm: undefined }, commit);
    const plan = await blockSharedEnvironments(planned.plan, desired, pair, snapshot, organizationReader(protectedPairs));
    return pairReport(plan, snapshot, planned.pairDesired);
  } finally {
    await opened.close();
  }
}

/** Writes the HTML report asked for with --report; a file that cannot be written is the user's to fix. */
export async function writeReportFile(file: string, html: string, io: Io): Promise<void> {
  await writeFile(resolve(io.cwd, file), html).catch((error: unknown) => {
    throw new OutputFileError(file, error);
  });
  io.stderr.write(`report written to ${file}\n`);
}

export function summarise(pairs: readonly PairReport[]): Report["summary"] {
  return summariseReport(pairs);
}

export async function runDrift(options: DriftCommandOptions, io: Io): Promise<number> {
  if (options.all === (options.env !== undefined)) {
    throw new UserError(options.all ? "--all and --env exclude each other" : "drift needs --env <pair> or --all", "Run dwctl drift --env <pair> for one pair, or dwctl drift --all for every pair of environments.yaml.");
  }
  const desired = await loadDesired(io, ["maps"]);
  const pairs = options.all ? desired.pairs : [selectPair(desired, options.env)];
  if (pairs.some((p) => p.sandbox === true)) checkSandboxPairs(desired.pairs);
  const commit = await currentCommit(io.cwd);
  const reports: PairReport[] = [];
  for (const pair of pairs) {
    try {
      reports.push(await driftOfPair(pair, desired, commit, io));
    } catch (error) {
      // One pair that cannot be read does not hide the others; the run exits 1 at the end.
      const facing = userFacing(error);
      if (facing === undefined) throw error;
      reports.push(failedPairReport(pair.name, facing.message, facing.hint));
    }
  }
  const report = driftReport(reports, { generatedAt: new Date().toISOString(), commit });
  writeFormatted(io, options.format, {
    json: () => renderReportJson(report),
    markdown: () => renderDriftMarkdown(report),
    html: () => renderReportHtml(report),
    text: () => renderDriftText(report, paletteFor(io.stdout, io.env)),
  });
  if (options.report !== undefined) await writeReportFile(options.report, renderReportHtml(report), io);
  if (report.summary.failed > 0) return 1;
  return report.summary.drifted > 0 ? 2 : 0;
}

export function driftCommand(io: Io): Command {
  return new Command("drift")
    .description("Report drift, pending deploys and runtime health of one pair or all: read-only, takes no lock")
    .option("--env <pair>", "environment pair name from environments.yaml")
    .option("--all", "every pair of environments.yaml", false)
    .addOption(new Option("--format <format>", "output format (html: one self-contained file)").choices(["text", "json", "markdown", "html"]).default("text"))
    .option("--report <file>", "also write the HTML report (plan, findings and map diffs of every pair) to this file")
    .addHelpText("after", "\nExit codes: 0 clean, 2 drift (any finding of severity warning or error), 1 error (a pair could not be read, or bad input).")
    .action(async (opts: DriftCommandOptions) => {
      const code = await runDrift(opts, io);
      if (code !== 0) throw new ExitError(code);
    });
}
