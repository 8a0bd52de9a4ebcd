import { parseDataverseFilter } from "../model/filters/dataverse-filter.js";
import type { Rule, RuleFinding } from "./rule.js";

export const dataverseFilter: Rule = {
  code: "DW130",
  severity: "error",
  title: "Dataverse filters use only the supported OData subset",
  check: ({ desired }) => {
    const findings: RuleFinding[] = [];
    for (const map of desired.maps) {
      const text = map.filters.dataverse;
      if (text === undefined) continue;
      for (const issue of parseDataverseFilter(text).errors) {
        findings.push({
          message: `Dataverse filter: ${issue.message}`,
          hint: issue.hint,
          file: map.file,
          path: ["filters", "dataverse"],
          span: { start: issue.start, end: issue.end },
          platformCodes: ["DIPV1012"],
        });
      }
    }
    return findings;
  },
};
