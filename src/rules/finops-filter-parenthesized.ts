import { parseXppRange } from "../model/filters/xpp-range.js";
import { filterFindings } from "./filter-findings.js";
import type { Rule } from "./rule.js";

export const finopsFilterParenthesized: Rule = {
  code: "DW134",
  severity: "warning",
  title: "Finance and operations filters are wrapped in parentheses",
  source: "customizing-mappings.md (Filter your data: the examples wrap each expression in parentheses)",
  check: ({ desired }) =>
    filterFindings(desired, "financeAndOperations", (text) => parseXppRange(text).warnings.filter((w) => w.kind === "not-parenthesized"), {
      prefix: "finance and operations filter",
    }),
};
