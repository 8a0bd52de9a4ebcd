import type { Desired, TableMapModel } from "../model/desired.js";
import type { FilterIssue } from "../model/filters/filter-issue.js";
import type { RuleFinding } from "./rule.js";

type FilterSide = "financeAndOperations" | "dataverse";

/** Turns the issues a parser reports on one side's filter into findings at their spans. */
export function filterFindings(
  desired: Desired,
  side: FilterSide,
  issuesOf: (text: string, map: TableMapModel) => readonly FilterIssue[],
  extra: { prefix: string; platformCodes?: string[] },
): RuleFinding[] {
  const findings: RuleFinding[] = [];
  for (const map of desired.maps) {
    const text = map.filters[side];
    if (text === undefined) continue;
    for (const issue of issuesOf(text, map)) {
      const finding: RuleFinding = {
        message: `${extra.prefix}: ${issue.message}`,
        hint: issue.hint,
        file: map.file,
        path: ["filters", side],
        span: { start: issue.start, end: issue.end },
      };
      if (extra.platformCodes !== undefined) finding.platformCodes = extra.platformCodes;
      findings.push(finding);
    }
  }
  return findings;
}
