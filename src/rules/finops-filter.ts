import { parseXppRange } from "../model/filters/xpp-range.js";
import type { Rule, RuleFinding } from "./rule.js";

export const finopsFilter: Rule = {
  code: "DW131",
  severity: "error",
  title: "Finance and operations filters are valid query-range expressions",
  check: ({ desired }) => {
    const findings: RuleFinding[] = [];
    for (const map of desired.maps) {
      const text = map.filters.financeAndOperations;
      if (text === undefined) continue;
      for (const issue of parseXppRange(text).errors) {
        findings.push({
          message: `finance and operations filter: ${issue.message}`,
          hint: issue.hint,
          file: map.file,
          path: ["filters", "financeAndOperations"],
          span: { start: issue.start, end: issue.end },
        });
      }
    }
    return findings;
  },
};
