import { parseXppRange } from "../model/filters/xpp-range.js";
import type { Rule, RuleFinding } from "./rule.js";

export const finopsFilterEmptyString: Rule = {
  code: "DW132",
  severity: "warning",
  title: "Finance and operations filters do not compare with \"\"",
  check: ({ desired }) => {
    const findings: RuleFinding[] = [];
    for (const map of desired.maps) {
      const text = map.filters.financeAndOperations;
      if (text === undefined) continue;
      for (const issue of parseXppRange(text).warnings.filter((w) => w.kind === "empty-string")) {
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
