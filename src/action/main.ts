import { existsSync } from "node:fs";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import * as core from "@actions/core";
import type { Report } from "../generated/report.js";
import type { ValidationReport } from "../generated/validation-report.js";
import { redact, registerSecret } from "../live/http/redact.js";
import type { Plan } from "../plan/plan.js";
import { plain } from "../report/colour.js";
import { renderDriftText } from "../report/drift/text.js";
import { escapeMarkdown } from "../report/plan/markdown.js";
import { renderPlanText } from "../report/plan/text.js";
import { renderReportMarkdown, splitMarkdown } from "../report/report/markdown.js";
import { reportFromPlans } from "../report/report/model.js";
import { renderValidationText } from "../report/validation/text.js";
import { GITHUB_COMMENT_LIMIT, markerFor, syncStickyComments, type CommentsApi, type StickyKey } from "./comments.js";
import { runDwctl } from "./dwctl.js";
import { octokitComments, pullRequestOf, type PullRequestRef } from "./github.js";
import { InputError, inputVariable, readInputs, type ActionInputs } from "./inputs.js";
import { secretValues, secretVariablesOfConfig, secretVariablesOfEnv } from "./secrets.js";

/** The action's outputs (action.yml), always all four. */
export interface ActionOutputs {
  "has-changes": "true" | "false";
  "plan-path": string;
  "report-path": string;
  "exit-code": string;
}

export interface ActionResult {
  /** true when the step fails: dwctl exited 1 (an error, a blocked plan, invalid files), or the inputs were wrong. */
  failed: boolean;
  /** Why it failed, as the step's error annotation shows it (redacted). */
  message: string | undefined;
  outputs: ActionOutputs;
}

export interface ActionOptions {
  /**
   * The environment: the INPUT_* variables, GITHUB_* and the secrets. @actions/core itself reads
   * GITHUB_OUTPUT and GITHUB_STEP_SUMMARY from process.env, so pass process.env (the default).
   */
  env?: Record<string, string | undefined>;
  /** The Markdown renderers (summary, comment, report file); tests replace them to make a long plan. */
  renderers?: { plan?: (plan: Plan) => string; drift?: (report: Report) => string };
  /** The pull-request comment calls; by default @actions/github's Octokit at GITHUB_API_URL. */
  comments?: (token: string, baseUrl: string, pr: PullRequestRef) => CommentsApi;
}

/** Room left in each comment for its marker, its part line and the link to the run. */
const COMMENT_PART_BUDGET = GITHUB_COMMENT_LIMIT - 1_536;
/**
 * The Markdown report is cut (by the renderer, which says what it left out and where the whole is)
 * to what this many comments hold: a plan of thousands of maps is read in the HTML report.
 */
const MAX_COMMENT_PARTS = 4;
const MARKDOWN_LIMIT = MAX_COMMENT_PARTS * COMMENT_PART_BUDGET - 4_000;
/** GitHub takes at most 1 MiB of job summary per step. */
const SUMMARY_LIMIT = 1_000_000;
/** GitHub shows at most 10 annotations of each kind per step; a few more do no harm. */
const ANNOTATION_LIMIT = 50;

/** What one command produced, before outputs, the report file and the comment. */
interface Outcome {
  exitCode: number;
  hasChanges: boolean;
  planPath: string;
  /** The HTML report dwctl wrote (plan, drift), when it did: the report file then. */
  htmlPath?: string | undefined;
  /** The Markdown of the job summary, the report file and the comment. */
  markdown: string;
  /** The step fails with this message. */
  failure: string | undefined;
  /** The sticky comment this command may post, when the workflow asks for one. */
  sticky: StickyKey | undefined;
}

/**
 * The GitHub Action: runs one dwctl command in this process against the workflow's repository,
 * then writes the outputs, the job summary, the report file, annotations on the YAML lines and,
 * on a pull request, the sticky comment of the environment. Secrets are masked before anything is
 * printed, and removed from every file and comment the action writes.
 */
export async function runAction(options: ActionOptions = {}): Promise<ActionResult> {
  const env = options.env ?? process.env;
  const secrets = new Set<string>();
  const mask = (values: Iterable<string>): void => {
    for (const value of values) {
      // A multi-line secret is masked whole and line by line, as the runner matches lines.
      const lines = value.split(/\r?\n/).map((line) => line.trim()).filter((line) => line.length >= 8 && line !== value);
      for (const piece of [value, ...lines]) {
        if (piece === "" || secrets.has(piece)) continue;
        secrets.add(piece);
        core.setSecret(piece);
        registerSecret(piece);
      }
    }
  };
  // First of all: nothing is printed before every secret the environment may hold is masked.
  mask(secretValues(env, [...secretVariablesOfEnv(env), inputVariable("github-token"), "GITHUB_TOKEN", "ACTIONS_ID_TOKEN_REQUEST_TOKEN", "ACTIONS_RUNTIME_TOKEN"]));
  const clean = (text: string): string => scrub(redact(text), secrets);

  const outputs: ActionOutputs = { "has-changes": "false", "plan-path": "", "report-path": "", "exit-code": "1" };
  let failure: string | undefined;
  try {
    const inputs = readInputs(env);
    const cwd = resolve(env.GITHUB_WORKSPACE ?? process.cwd(), inputs.workingDirectory);
    mask(secretValues(env, secretVariablesOfConfig(cwd, inputs.paths)));
    const context: Context = { inputs, cwd, env, clean, reportDir: join(env.RUNNER_TEMP ?? tmpdir(), "dwctl"), renderers: options.renderers ?? {}, runUrl: runUrlOf(env) };
    await mkdir(context.reportDir, { recursive: true });
    const outcome = await commands[inputs.command](context);
    failure = outcome.failure;
    outputs["exit-code"] = String(outcome.exitCode);
    outputs["has-changes"] = outcome.hasChanges ? "true" : "false";
    outputs["plan-path"] = outcome.planPath;

    const markdown = clean(outcome.markdown);
    let reportPath = join(context.reportDir, `${inputs.command}${inputs.environment === undefined ? "" : `-${fileSafe(inputs.environment)}`}.md`);
    if (outcome.htmlPath !== undefined && existsSync(outcome.htmlPath)) {
      // dwctl wrote it; the secrets go here as everywhere else (as they are, and as HTML escapes them).
      reportPath = outcome.htmlPath;
      await writeFile(reportPath, scrub(clean(await readFile(reportPath, "utf8")), htmlEscaped(secrets)));
    } else {
      await writeFile(reportPath, markdown);
    }
    outputs["report-path"] = reportPath;
    await writeSummary(markdown, env);
    if (outcome.sticky !== undefined && wantsComment(inputs, env)) {
      await postComment(context, outcome.sticky, markdown, options.comments ?? octokitComments);
    }
  } catch (error) {
    failure = error instanceof InputError ? error.message : `dwctl action: ${error instanceof Error ? error.message : String(error)}`;
  }
  // Outputs are "true"/"false", a number and paths: redact() masks the secrets long enough to be ones,
  // and a short DWCTL_* value such as "true" cannot turn has-changes into "***".
  for (const [name, value] of Object.entries(outputs)) core.setOutput(name, redact(value));
  const message = failure === undefined ? undefined : clean(failure);
  if (message !== undefined) core.error(message);
  return { failed: message !== undefined, message, outputs };
}

interface Context {
  inputs: ActionInputs;
  cwd: string;
  env: Record<string, string | undefined>;
  clean: (text: string) => string;
  reportDir: string;
  renderers: NonNullable<ActionOptions["renderers"]>;
  /** The workflow run's page, when the runner says which. */
  runUrl: string | undefined;
}

function runUrlOf(env: Record<string, string | undefined>): string | undefined {
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repository, GITHUB_RUN_ID: run } = env;
  return server === undefined || repository === undefined || run === undefined ? undefined : `${server}/${repository}/actions/runs/${run}`;
}

/** The Markdown of a report (the job summary, the comment): cut to what a few comments hold, saying where the rest is. */
function reportMarkdown(context: Context, report: Report): string {
  const label = "the HTML report of the workflow run (the action's report-path)";
  const fullReport = context.runUrl?.startsWith("https://") === true ? { label, url: context.runUrl } : { label };
  return renderReportMarkdown(report, { limit: MARKDOWN_LIMIT, fullReport });
}

const commands: Record<ActionInputs["command"], (context: Context) => Promise<Outcome>> = {
  validate: validateCommand,
  plan: planCommand,
  apply: applyCommand,
  drift: driftCommand,
};

/** A line of dwctl's output in the log: redacted, and never a workflow command (`::…`) from YAML text. */
function logger(context: Context): (line: string) => void {
  return (line) => core.info(neutralise(context.clean(line)));
}

function neutralise(line: string): string {
  // The runner acts on a line that starts with `::` (after blanks); a zero-width space stops that.
  return line.replace(/^(\s*)::/, "$1\u200b::");
}

async function validateCommand(context: Context): Promise<Outcome> {
  const log = logger(context);
  const run = await runDwctl(["validate", ...context.inputs.paths, "--format", "json"], { cwd: context.cwd, env: context.env, onStderrLine: log });
  const report = parseJson<ValidationReport>(run.stdout);
  if (report === undefined) return failedRun(context, run, "validate");
  for (const line of renderValidationText(report, plain).split("\n")) if (line !== "") log(line);
  let shown = 0;
  for (const d of report.diagnostics) {
    if (shown++ >= ANNOTATION_LIMIT) break;
    const annotate = d.severity === "error" ? core.error : core.warning;
    annotate(context.clean(`${d.message}\nhint: ${d.hint}`), {
      title: d.code,
      file: workspacePath(context, d.file),
      startLine: d.line,
      startColumn: d.column,
      ...(d.endLine === undefined ? {} : { endLine: d.endLine }),
      ...(d.endColumn === undefined || d.endLine !== d.line ? {} : { endColumn: d.endColumn }),
    });
  }
  const s = report.summary;
  const verdict = `${s.errors} error(s), ${s.warnings} warning(s) in ${s.files} file(s)`;
  return {
    exitCode: run.code,
    hasChanges: false,
    planPath: "",
    markdown: validationMarkdown(context, report),
    failure: run.code === 0 ? undefined : `dwctl validate: ${verdict}`,
    sticky: undefined,
  };
}

function validationMarkdown(context: Context, report: ValidationReport): string {
  const s = report.summary;
  const out = ["## dwctl validate", "", `**${report.ok ? "Valid" : "Not valid"}: ${s.errors} error(s), ${s.warnings} warning(s) in ${s.files} file(s)** (${s.maps} map(s), ${s.keys} key(s), ${s.pairs} pair(s)).`, ""];
  if (report.diagnostics.length > 0) {
    out.push("| | where | code | problem | what to do |", "|---|---|---|---|---|");
    const rows = report.diagnostics.slice(0, 500);
    for (const d of rows) {
      out.push(`| ${d.severity === "error" ? "🛑" : "⚠️"} | \`${workspacePath(context, d.file).replace(/`/g, "")}:${d.line}:${d.column}\` | \`${d.code}\` | ${escapeMarkdown(d.message)} | ${escapeMarkdown(d.hint)} |`);
    }
    if (rows.length < report.diagnostics.length) out.push("", `_${report.diagnostics.length - rows.length} more not shown: run dwctl validate._`);
    out.push("");
  }
  return out.join("\n");
}

async function planCommand(context: Context): Promise<Outcome> {
  const { inputs } = context;
  const environment = inputs.environment ?? "";
  const log = logger(context);
  const planPath = resolve(context.cwd, inputs.planFile ?? join(context.reportDir, `plan-${fileSafe(environment)}.json`));
  const htmlPath = join(context.reportDir, `plan-${fileSafe(environment)}.html`);
  await mkdir(dirname(planPath), { recursive: true });
  // A file left by an earlier step must not pass for this plan's when this one fails.
  await Promise.all([rm(planPath, { force: true }), rm(htmlPath, { force: true })]);
  const run = await runDwctl(["plan", ...inputs.paths, "--env", environment, "--format", "json", "--detailed-exitcode", "--out", planPath, "--report", htmlPath], {
    cwd: context.cwd,
    env: context.env,
    onStderrLine: log,
  });
  const sticky: StickyKey = { kind: "plan", environment };
  const plan = parseJson<Plan>(run.stdout);
  if (plan === undefined) return { ...failedRun(context, run, "plan", environment), sticky };
  for (const line of renderPlanText(plan, plain).split("\n")) log(line);
  annotatePlan(context, plan);
  const blocked = plan.blockers.length > 0;
  return {
    exitCode: run.code,
    hasChanges: plan.actions.length > 0 || plan.drift.length > 0,
    planPath: existsSync(planPath) ? planPath : "",
    htmlPath,
    markdown: context.renderers.plan?.(plan) ?? reportMarkdown(context, reportFromPlans([plan], { generatedAt: new Date().toISOString() })),
    failure: run.code === 1 ? (blocked ? `dwctl plan: apply would refuse the plan for ${environment}: ${plan.blockers.length} blocker(s)` : `dwctl plan failed for ${environment}: ${errorLines(run.stderr)}`) : undefined,
    sticky,
  };
}

/** Blockers on their YAML lines (those that have one) as errors; warnings as warnings. */
function annotatePlan(context: Context, plan: Plan): void {
  for (const blocker of plan.blockers.slice(0, ANNOTATION_LIMIT)) {
    const at = blocker.location;
    core.error(context.clean(blocker.message), {
      title: `dwctl plan ${plan.pair}: blocked (${blocker.kind})`,
      ...(at === undefined ? {} : { file: workspacePath(context, at.file), startLine: at.line, startColumn: at.column }),
    });
  }
  for (const warning of plan.warnings.slice(0, ANNOTATION_LIMIT)) {
    core.warning(context.clean(`${warning.map === null ? "" : `${warning.map}: `}${warning.message}`), { title: `dwctl plan ${plan.pair}: ${warning.code}` });
  }
}

async function applyCommand(context: Context): Promise<Outcome> {
  const { inputs } = context;
  const planPath = resolve(context.cwd, inputs.planFile ?? "");
  const log = logger(context);
  const lines: string[] = [];
  let grouped = false;
  // Each wave of the apply is a group of the log, opened by its "wave N/M: …" line.
  const onLine = (line: string): void => {
    lines.push(line);
    if (/^wave \d+\/\d+: /.test(line)) {
      if (grouped) core.endGroup();
      core.startGroup(neutralise(context.clean(line)));
      grouped = true;
      return;
    }
    log(line);
  };
  const args = ["apply", planPath, "--format", "json"];
  if (inputs.environment !== undefined) args.push("--env", inputs.environment);
  if (inputs.confirm !== undefined) args.push("--confirm", inputs.confirm);
  const run = await runDwctl(args, { cwd: context.cwd, env: context.env, onStderrLine: onLine }).finally(() => {
    if (grouped) core.endGroup();
  });
  const summary = run.code === 0 ? parseJson<{ pair: string; runId: string; actions: number; journal: string }>(run.stdout) : undefined;
  const fence = fenceFor(lines.join("\n"));
  const logBlock = lines.length === 0 ? [] : ["<details><summary>Log</summary>", "", `${fence}text`, ...lines, fence, "", "</details>", ""];
  if (summary === undefined) {
    const reason = errorLines(run.stderr);
    return {
      exitCode: run.code === 0 ? 1 : run.code,
      hasChanges: false,
      planPath: existsSync(planPath) ? planPath : "",
      markdown: ["## dwctl apply", "", `**Apply failed** (exit ${run.code}): ${escapeMarkdown(reason)}`, "", ...logBlock].join("\n"),
      failure: `dwctl apply failed: ${reason}`,
      sticky: undefined,
    };
  }
  log(`Apply complete: ${summary.actions} action(s) on ${summary.pair}. Run ${summary.runId}; journal ${summary.journal}`);
  const journal = workspacePath(context, summary.journal);
  return {
    exitCode: 0,
    hasChanges: summary.actions > 0,
    planPath,
    markdown: ["## dwctl apply", "", `**Applied ${summary.actions} action(s) to \`${escapeMarkdown(summary.pair)}\`.** Run \`${escapeMarkdown(summary.runId)}\`, journal \`${journal.replace(/`/g, "")}\`.`, "", ...logBlock].join("\n"),
    failure: undefined,
    sticky: undefined,
  };
}

async function driftCommand(context: Context): Promise<Outcome> {
  const environment = context.inputs.environment ?? "";
  const log = logger(context);
  const target = environment === "all" ? ["--all"] : ["--env", environment];
  const htmlPath = join(context.reportDir, `drift-${fileSafe(environment)}.html`);
  await rm(htmlPath, { force: true });
  const run = await runDwctl(["drift", ...target, "--format", "json", "--report", htmlPath], { cwd: context.cwd, env: context.env, onStderrLine: log });
  const sticky: StickyKey = { kind: "drift", environment };
  const report = parseJson<Report>(run.stdout);
  if (report === undefined) return { ...failedRun(context, run, "drift", environment), sticky };
  for (const line of renderDriftText(report, plain).split("\n")) log(line);
  let shown = 0;
  for (const pair of report.pairs) {
    for (const finding of pair.findings) {
      if (finding.severity === "info" || shown++ >= ANNOTATION_LIMIT) continue;
      const annotate = finding.severity === "error" ? core.error : core.warning;
      annotate(context.clean(`${finding.map === null ? "" : `${finding.map}: `}${finding.message}${finding.hint === null ? "" : `\nhint: ${finding.hint}`}`), { title: `dwctl drift ${pair.pair}: ${finding.code}` });
    }
  }
  return {
    exitCode: run.code,
    hasChanges: report.summary.drifted > 0,
    planPath: "",
    htmlPath,
    markdown: context.renderers.drift?.(report) ?? reportMarkdown(context, report),
    failure: run.code === 1 ? `dwctl drift: ${report.summary.failed} pair(s) could not be read` : undefined,
    sticky,
  };
}

/** A command that printed no report: it stopped on an error, which stderr names. */
function failedRun(context: Context, run: { code: number; stderr: string }, command: string, environment?: string): Outcome {
  const reason = errorLines(run.stderr);
  const fence = fenceFor(run.stderr);
  const title = environment === undefined ? `## dwctl ${command}` : `## dwctl ${command} for \`${escapeMarkdown(environment)}\``;
  return {
    exitCode: run.code === 0 ? 1 : run.code,
    hasChanges: false,
    planPath: "",
    markdown: [title, "", `**dwctl ${command} failed** (exit ${run.code}).`, "", `${fence}text`, context.clean(run.stderr.trimEnd()), fence, ""].join("\n"),
    failure: `dwctl ${command} failed: ${reason}`,
    sticky: undefined,
  };
}

/** The `error:` lines of dwctl's stderr, or its last line. */
function errorLines(stderr: string): string {
  const lines = stderr.split("\n").map((l) => l.trim()).filter((l) => l !== "");
  const errors = lines.filter((l) => /^(error|internal error):/.test(l));
  return (errors.length > 0 ? errors.join(" ") : (lines.at(-1) ?? "no output")).slice(0, 2_000);
}

function parseJson<T>(text: string): T | undefined {
  if (text.trim() === "") return undefined;
  try {
    return JSON.parse(text) as T;
  } catch {
    return undefined;
  }
}

/** A path of dwctl's output (relative to the working directory) as the repository sees it, for annotations. */
function workspacePath(context: Context, file: string): string {
  const root = context.env.GITHUB_WORKSPACE ?? context.cwd;
  const full = isAbsolute(file) ? file : resolve(context.cwd, file);
  const path = relative(root, full);
  return (path.startsWith("..") || isAbsolute(path) ? full : path).split(sep).join("/");
}

function fileSafe(name: string): string {
  return name.replace(/[^A-Za-z0-9._-]/g, "_");
}

function fenceFor(content: string): string {
  const longest = Math.max(0, ...[...content.matchAll(/`+/g)].map((m) => m[0].length));
  return "`".repeat(Math.max(3, longest + 1));
}

/** Shorter values are masked in the log by the runner, but not cut out of Markdown, where they would mangle words. */
const MIN_SCRUBBED_LENGTH = 4;

/** Every known secret value replaced, also those redact() leaves (it skips values under 8 characters). */
function scrub(text: string, secrets: ReadonlySet<string>): string {
  let result = text;
  for (const secret of [...secrets].sort((a, b) => b.length - a.length)) {
    if (secret.length >= MIN_SCRUBBED_LENGTH && result.includes(secret)) result = result.split(secret).join("***");
  }
  return result;
}

/** The secrets as HTML text shows them, beside themselves. */
function htmlEscaped(secrets: ReadonlySet<string>): Set<string> {
  const escape = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
  return new Set([...secrets].flatMap((s) => [s, escape(s)]));
}

async function writeSummary(markdown: string, env: Record<string, string | undefined>): Promise<void> {
  if (env.GITHUB_STEP_SUMMARY === undefined || env.GITHUB_STEP_SUMMARY === "") {
    core.info("No GITHUB_STEP_SUMMARY: the job summary is not written.");
    return;
  }
  const text = markdown.length <= SUMMARY_LIMIT ? markdown : `${markdown.slice(0, markdown.lastIndexOf("\n", SUMMARY_LIMIT - 200))}\n\n_The rest is cut: a job summary holds at most 1 MiB. The report file has all of it._\n`;
  await core.summary.addRaw(text, true).write();
}

/** A comment by default for plan on a pull request; `comment: true` also for drift, `false` never. */
function wantsComment(inputs: ActionInputs, env: Record<string, string | undefined>): boolean {
  if (inputs.comment !== undefined) return inputs.comment;
  const event = env.GITHUB_EVENT_NAME ?? "";
  return inputs.command === "plan" && (event === "pull_request" || event === "pull_request_target");
}

async function postComment(context: Context, key: StickyKey, markdown: string, makeApi: NonNullable<ActionOptions["comments"]>): Promise<void> {
  const pr = pullRequestOf(context.env);
  if (pr === undefined) {
    core.info("No pull request in this event: no comment.");
    return;
  }
  const token = context.inputs.githubToken;
  if (token === undefined) {
    core.warning("No github-token: the pull-request comment is not posted.");
    return;
  }
  const env = context.env;
  const runUrl = context.runUrl;
  const parts = splitMarkdown(markdown, COMMENT_PART_BUDGET);
  const bodies = parts.map((part, index) => {
    const head = parts.length === 1 ? "" : `_dwctl ${key.kind} for \`${escapeMarkdown(key.environment)}\`, part ${index + 1} of ${parts.length}._\n\n`;
    const foot = runUrl === undefined || index !== parts.length - 1 ? "" : `\n<sub>Updated by [this workflow run](${runUrl}).</sub>\n`;
    return context.clean(`${markerFor(key, index + 1)}\n${head}${part}${foot}`);
  });
  try {
    const api = makeApi(token, env.GITHUB_API_URL ?? "https://api.github.com", pr);
    const done = await syncStickyComments(api, key, bodies);
    core.info(
      `Pull request #${pr.number}: ${bodies.length} comment part(s) for ${key.kind} ${key.environment}; ${done.created.length} created, ${done.updated.length} updated, ${done.unchanged.length} unchanged, ${done.deleted.length} deleted.`,
    );
  } catch (error) {
    // A pull request from a fork gets a read-only token: the plan still stands in the summary.
    core.warning(context.clean(`The pull-request comment could not be posted: ${error instanceof Error ? error.message : String(error)}`));
  }
}
