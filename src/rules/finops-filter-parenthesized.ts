import { parseXppRange } from "../model/filters/xpp-range.js";
import type { Rule, RuleFinding } from "./rule.js";

export const finopsFilterParenthesized: Rule = {
  code: "DW134",
  severity: "warning",
  title: "Finance and operations filters are wrapped in parentheses",
  check: ({ desired }) => {
    const findings: RuleFinding[] = [];
    for (const map of desired.maps) {
      const text = map.filters.financeAndOperations;
      if (text === undefined) continue;
      for (const issue of parseXppRange(text).warnings.filter((w) => w.kind === "not-parenthesized")) {
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
