import { planFindings, statusOf } from "../../drift/findings.js";
import type { Finding, LastApplied, PairReport, Report } from "../../generated/report.js";
import type { Action, Plan, SaveMapDefinitionAction } from "../../plan/plan.js";

export type { Finding, LastApplied, PairReport, Report };

/** The version of schemas/report.schema.json that dwctl writes. */
export const reportFormatVersion = "1.1" as const;

/** A plan, with what was read beside it when it was made (a saved plan has neither). */
export interface PlanEntry {
  plan: Plan;
  /** The pair's findings; by default what the plan alone shows (planFindings). */
  findings?: Finding[];
  /** The header of the pair's last-applied record; by default null (unknown). */
  lastApplied?: LastApplied | null;
}

export interface ReportOptions {
  /** When the report was made (ISO 8601). Passed in, so that rendering stays pure. */
  generatedAt: string;
  /** The commit of the desired state; by default the plans' own when they all name the same one. */
  commit?: string | null;
}

/** Counts over every pair: pairs by status, findings by severity. */
export function summariseReport(pairs: readonly PairReport[]): Report["summary"] {
  const findings = pairs.flatMap((p) => p.findings);
  return {
    pairs: pairs.length,
    clean: pairs.filter((p) => p.status === "clean").length,
    drifted: pairs.filter((p) => p.status === "drift").length,
    failed: pairs.filter((p) => p.status === "failed").length,
    errors: findings.filter((f) => f.severity === "error").length,
    warnings: findings.filter((f) => f.severity === "warning").length,
    infos: findings.filter((f) => f.severity === "info").length,
  };
}

/** One pair's part of a plan report. */
export function pairReportFromPlan(entry: Plan | PlanEntry): PairReport {
  const { plan, findings = planFindings(plan), lastApplied = null } = "plan" in entry ? entry : { plan: entry };
  return { pair: plan.pair, status: statusOf(findings), fingerprint: plan.fingerprint, lastApplied, findings, plan };
}

/**
 * The report of one or more plans (dwctl plan, dwctl show): each pair with its plan and findings.
 * Pure: the time and commit are passed in.
 */
export function reportFromPlans(plans: readonly (Plan | PlanEntry)[], options: ReportOptions): Report {
  const pairs = plans.map(pairReportFromPlan);
  const commits = new Set(pairs.map((p) => p.plan?.commit ?? null));
  const commit = options.commit !== undefined ? options.commit : commits.size === 1 ? ([...commits][0] ?? null) : null;
  return { format_version: reportFormatVersion, command: "plan", generatedAt: options.generatedAt, commit, summary: summariseReport(pairs), pairs };
}

/** The report of dwctl drift: every pair read or tried, each with its findings (and its plan, when read). */
export function driftReport(pairs: readonly PairReport[], options: { generatedAt: string; commit: string | null }): Report {
  return { format_version: reportFormatVersion, command: "drift", generatedAt: options.generatedAt, commit: options.commit, summary: summariseReport(pairs), pairs: [...pairs] };
}

/** A map the plan acts on, with its actions in run order. The renderers give each its own section. */
export interface MapSection {
  map: string;
  title: string;
  actions: Action[];
  saves: SaveMapDefinitionAction[];
}

/** The maps a plan acts on, in the order each is first acted on. */
export function mapSections(plan: Plan): MapSection[] {
  const byMap = new Map<string, MapSection>();
  for (const action of plan.actions) {
    if (!("map" in action)) continue;
    let section = byMap.get(action.map);
    if (section === undefined) {
      section = { map: action.map, title: action.title, actions: [], saves: [] };
      byMap.set(action.map, section);
    }
    section.actions.push(action);
    if (action.kind === "saveMapDefinition") section.saves.push(action);
  }
  return [...byMap.values()];
}

/** How a pair stands, in a few words: what a heading or a badge says. */
export function pairState(pair: PairReport, command: Report["command"]): { word: string; tone: "ok" | "warn" | "bad" } {
  if (pair.status === "failed") return { word: "could not be read", tone: "bad" };
  const plan = pair.plan;
  if (command === "plan" && plan !== undefined) {
    if (plan.blockers.length > 0) return { word: "blocked", tone: "bad" };
    if (plan.actions.length > 0) return { word: `${plan.actions.length} action(s)`, tone: "warn" };
    return pair.status === "drift" ? { word: "no changes, with findings", tone: "warn" } : { word: "no changes", tone: "ok" };
  }
  if (pair.findings.some((f) => f.severity === "error")) return { word: "drift (errors)", tone: "bad" };
  return pair.status === "drift" ? { word: "drift", tone: "warn" } : { word: "clean", tone: "ok" };
}

/** The report's headline: how many pairs, and how they stand. */
export function headline(report: Report): string {
  const s = report.summary;
  const findings = `${s.errors} error(s), ${s.warnings} warning(s), ${s.infos} note(s)`;
  if (report.command === "plan") {
    const plans = report.pairs.flatMap((p) => (p.plan === undefined ? [] : [p.plan]));
    const blocked = plans.filter((p) => p.blockers.length > 0).length;
    const changes = plans.filter((p) => p.blockers.length === 0 && p.actions.length > 0).length;
    const none = plans.filter((p) => p.blockers.length === 0 && p.actions.length === 0).length;
    return `${s.pairs} pair(s): ${blocked} blocked, ${changes} with changes, ${none} with no changes; ${findings}.`;
  }
  return `${s.pairs} pair(s): ${s.clean} clean, ${s.drifted} with drift, ${s.failed} not read; ${findings}.`;
}

/** Where the whole report is, for a renderer that had to cut: the command that prints it. */
export function fullReportCommand(report: Report): string {
  const only = report.pairs.length === 1 ? report.pairs[0]?.pair : undefined;
  const scope = only !== undefined ? `--env ${only}` : report.command === "drift" ? "--all" : "--env <pair>";
  return report.command === "drift"
    ? `dwctl drift ${scope} --report report.html (one self-contained HTML file), or --format json`
    : `dwctl plan ${scope} --report report.html (one self-contained HTML file)`;
}
