import type { Action, Plan } from "../../plan/plan.js";
import type { Palette } from "../colour.js";
import { escapeStrings } from "../escape.js";
import { marker, summaryLine } from "./phrases.js";

function colourMarker(action: Action, p: Palette): string {
  const m = marker(action);
  if (m === "+") return p.green(m);
  if (m === "-") return p.red(m);
  if (m === "~") return p.yellow(m);
  return p.bold(m);
}

function diffLines(diff: string, p: Palette): string[] {
  return diff
    .replace(/\n$/, "")
    .split("\n")
    .map((line) => {
      if (line.startsWith("+++") || line.startsWith("---")) return p.bold(line);
      if (line.startsWith("@@")) return p.dim(line);
      if (line.startsWith("+")) return p.green(line);
      if (line.startsWith("-")) return p.red(line);
      return line;
    })
    .map((line) => `      ${line}`);
}

function header(plan: Plan, p: Palette): string {
  const commit = plan.commit === null ? "no commit" : `commit ${plan.commit.slice(0, 12)}`;
  const integrity = plan.integrity === undefined ? "" : `, integrity ${plan.integrity.slice(0, 12)}`;
  return `${p.bold(`dwctl plan: ${plan.pair}`)} ${p.dim(`(${commit}, live fingerprint ${plan.fingerprint.slice(0, 12)}${integrity}, ${plan.createdAt})`)}`;
}

/** Where the plan came from, when that is not simply a commit: uncommitted files, a --changed-since scope. */
function scopeLines(plan: Plan, p: Palette): string[] {
  const out: string[] = [];
  const tree = plan.workingTree;
  if (tree?.dirty === true) {
    const shown = tree.changes.slice(0, 10).map((c) => c.trim());
    const more = tree.changes.length > shown.length ? `, and ${tree.changes.length - shown.length} more` : "";
    out.push(p.yellow(`! made from uncommitted changes (${shown.join("; ")}${more}): commit them, so that what is applied is a commit`));
  }
  const since = plan.changedSince;
  if (since !== undefined) {
    const what = since.whole
      ? `an environments file changed, so every map is in scope (${since.maps.length})`
      : since.maps.length === 0
        ? "no map changed: nothing is in scope"
        : `${since.maps.length} map(s) in scope: ${since.maps.join(", ")}; every other map is left as it is live, and its drift and pending are not shown`;
    out.push(p.bold(`Scope: changed since ${since.ref} (${since.commit.slice(0, 12)}): ${what}`));
  }
  return out;
}

/** The plan for a terminal, Terraform style: summary, then every action in run order, then what to know. */
export function renderPlanText(input: Plan, p: Palette): string {
  return [...planTextPieces(input, p)].join("");
}

/** A piece is whole lines, each ending in a newline. */
const lines = (out: readonly string[]): string => out.map((line) => `${line}\n`).join("");

/**
 * renderPlanText in pieces (the head, each action with its diff, the tail), so that a large plan is
 * written as it is rendered, never held as one string, and its strings are escaped an action at a time
 * rather than in a copy of the whole plan (README, Benchmarks, Memory).
 */
export function* planTextPieces(input: Plan, p: Palette): Generator<string> {
  // Labels and titles come from YAML and from the environment; a diff's newlines are the renderer's.
  const keepNewlines = new Set(["diff"]);
  const plan = escapeStrings({ ...input, actions: [] }, keepNewlines);
  const head: string[] = [header(plan, p), ...scopeLines(plan, p), ""];
  const summary = summaryLine(plan.summary);
  head.push(plan.summary.actions === 0 ? p.green(summary) : p.bold(summary));
  yield lines(head);
  for (const wave of plan.waves) {
    yield lines(["", p.bold(`Wave ${wave.index}: ${wave.title}`)]);
    for (const raw of input.actions) {
      if (raw.wave !== wave.index) continue;
      const action = escapeStrings(raw, keepNewlines);
      const out = [`  ${colourMarker(action, p)} ${action.description}`];
      if (action.kind === "saveMapDefinition") out.push(...diffLines(action.diff, p));
      yield lines(out);
    }
  }
  const out: string[] = [];
  if (plan.blockers.length > 0) {
    out.push("", p.red(p.bold("Blocked: apply refuses this plan")));
    for (const b of plan.blockers) out.push(`  ${p.red("x")} ${b.message}`);
  }
  if (plan.confirmationsRequired.length > 0) {
    const how = plan.confirmed ? `confirmed with --confirm ${plan.pair}` : `apply needs --confirm ${plan.pair}`;
    out.push("", p.yellow(p.bold(`Confirmation required (${how}):`)));
    for (const c of plan.confirmationsRequired) out.push(`  ${p.yellow("!")} ${c.message}`);
  }
  if (plan.warnings.length > 0) {
    out.push("", p.yellow(p.bold("Warnings:")));
    for (const w of plan.warnings) out.push(`  ${p.yellow("!")} ${w.map === null ? "" : `${w.map}: `}${w.message}`);
  }
  if (plan.drift.length > 0) {
    out.push("", p.bold("Drift (live differs from what dwctl last applied):"));
    for (const d of plan.drift) out.push(`  ${p.yellow("~")} ${d.kind}${d.map === null ? "" : ` ${d.map}`}: ${d.message}`);
  }
  if (plan.unmanaged.length > 0) {
    out.push("", p.bold("Unmanaged (live, not in git, never touched):"));
    for (const u of plan.unmanaged) out.push(`  ${p.dim("?")} ${u.title}, ${u.state}`);
  }
  if (plan.pending.length > 0) {
    out.push("", p.bold("Pending (in git, not applied yet):"));
    for (const item of plan.pending) out.push(`  ${p.dim(">")} ${item.message}`);
  }
  if (out.length > 0) yield lines(out);
}
