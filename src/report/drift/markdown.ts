import type { Finding, Report } from "../../generated/report.js";
import { escapeMarkdown, markdownLimit } from "../plan/markdown.js";

const icon: Record<Finding["severity"], string> = { error: "🛑", warning: "⚠️", info: "ℹ️" };
const categoryTitle: Record<Finding["category"], string> = {
  changedOutsideGit: "changed outside git",
  pendingDeploy: "pending deploy",
  runtimeHealth: "runtime health",
};

function cell(text: string): string {
  return escapeMarkdown(text);
}

/** The findings table's header: two lines. */
export const findingsTableHeader = ["| | code | category | map | finding | what to do |", "|---|---|---|---|---|---|"] as const;

/** One row of the findings table; `escape` makes text from YAML and the live side safe for a cell. */
export function findingRow(f: Finding, escape: (text: string) => string = cell): string {
  const code = /^[a-z][a-z0-9-]*$/.test(f.code) ? `\`${f.code}\`` : escape(f.code);
  return `| ${icon[f.severity]} | ${code} | ${categoryTitle[f.category]} | ${f.map === null ? "" : escape(f.map)} | ${escape(f.message)} | ${f.hint === null ? "" : escape(f.hint)} |`;
}

/**
 * The drift report for a job summary or an issue: a table per pair, every cell escaped (text from
 * YAML and from the live side cannot open HTML or mention anyone), under GitHub's comment limit.
 */
export function renderDriftMarkdown(report: Report): string {
  const s = report.summary;
  const head = [`## dwctl drift`, "", `**${s.pairs} pair(s): ${s.clean} clean, ${s.drifted} with drift, ${s.failed} not read.**`, ""];
  const out = [...head];
  let used = head.join("\n").length + 1;
  // Room for the closing note, whatever is cut.
  const budget = markdownLimit - 400;
  let pairsLeft = 0;
  let findingsLeft = 0;
  for (const pair of report.pairs) {
    const status = pair.status === "clean" ? "clean" : pair.status === "drift" ? "drift" : "could not be read";
    const lines = [`### \`${cell(pair.pair).replace(/`/g, "")}\`: ${status}`, ""];
    if (pair.findings.length > 0) lines.push(...findingsTableHeader);
    else lines.push("No findings.");
    const fixed = lines.join("\n").length + 2;
    if (used + fixed > budget) {
      pairsLeft += 1;
      continue;
    }
    used += fixed;
    out.push(...lines);
    for (const [index, f] of pair.findings.entries()) {
      const row = findingRow(f);
      if (used + row.length + 1 > budget) {
        findingsLeft += pair.findings.length - index;
        break;
      }
      out.push(row);
      used += row.length + 1;
    }
    out.push("");
  }
  if (pairsLeft > 0 || findingsLeft > 0) {
    out.push(`_Not shown, to stay under GitHub's limit: ${pairsLeft} pair(s) and ${findingsLeft} finding(s). The full report: dwctl drift --format json._`, "");
  }
  return out.join("\n");
}

export { icon as severityIcon, categoryTitle };
