import { parseXppRange } from "../model/filters/xpp-range.js";
import { filterFindings } from "./filter-findings.js";
import type { Rule } from "./rule.js";

export const finopsFilterEmptyString: Rule = {
  code: "DW132",
  severity: "warning",
  title: "Finance and operations filters do not compare with \"\"",
  source: "dual-write-troubleshooting-live-sync.md (a missing value is null, not \"\")",
  check: ({ desired }) =>
    filterFindings(desired, "financeAndOperations", (text) => parseXppRange(text).warnings.filter((w) => w.kind === "empty-string"), {
      prefix: "finance and operations filter",
    }),
};
