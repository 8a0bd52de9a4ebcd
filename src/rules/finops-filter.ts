import { parseXppRange } from "../model/filters/xpp-range.js";
import { filterFindings } from "./filter-findings.js";
import type { Rule } from "./rule.js";

export const finopsFilter: Rule = {
  code: "DW131",
  severity: "error",
  title: "Finance and operations filters are valid query-range expressions",
  source: "customizing-mappings.md (Filter your data: finance and operations filters are query-range expressions)",
  check: ({ desired }) =>
    filterFindings(desired, "financeAndOperations", (text) => parseXppRange(text).errors, {
      prefix: "finance and operations filter",
    }),
};
