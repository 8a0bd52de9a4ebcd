import type { Finding, Report } from "../../generated/report.js";
import type { Palette } from "../colour.js";
import { escapeStrings } from "../escape.js";

function mark(finding: Finding, p: Palette): string {
  if (finding.severity === "error") return p.red("x");
  if (finding.severity === "warning") return p.yellow("!");
  return p.dim("i");
}

const categoryTitle: Record<Finding["category"], string> = {
  changedOutsideGit: "changed outside git",
  pendingDeploy: "pending deploy",
  runtimeHealth: "runtime health",
};

/** The drift report for a terminal: one block per pair, each finding with its code and what to do. */
export function renderDriftText(input: Report, p: Palette): string {
  // Messages carry map titles from YAML and from the live side: no control character reaches the terminal.
  const report = escapeStrings(input);
  const out: string[] = [];
  for (const pair of report.pairs) {
    const status = pair.status === "clean" ? p.green("clean") : pair.status === "drift" ? p.yellow("drift") : p.red("could not be read");
    const applied = pair.lastApplied === null ? "never applied by dwctl" : `last applied ${pair.lastApplied.appliedAt} by ${pair.lastApplied.actor}${pair.lastApplied.commit === null ? "" : ` (commit ${pair.lastApplied.commit.slice(0, 12)})`}`;
    out.push(`${p.bold(`dwctl drift: ${pair.pair}`)}: ${status} ${p.dim(`(${applied})`)}`);
    for (const f of pair.findings) {
      out.push(`  ${mark(f, p)} ${f.code} [${categoryTitle[f.category]}]${f.map === null ? "" : ` ${f.map}`}: ${f.message}`);
      if (f.hint !== null) out.push(`      ${p.dim(`hint: ${f.hint}`)}`);
    }
    out.push("");
  }
  const s = report.summary;
  out.push(`${s.pairs} pair(s): ${s.clean} clean, ${s.drifted} with drift, ${s.failed} not read; ${s.errors} error(s), ${s.warnings} warning(s), ${s.infos} note(s).`);
  return out.join("\n") + "\n";
}
