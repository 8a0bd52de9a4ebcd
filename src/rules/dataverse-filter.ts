import { parseDataverseFilter } from "../model/filters/dataverse-filter.js";
import { filterFindings } from "./filter-findings.js";
import type { Rule } from "./rule.js";

export const dataverseFilter: Rule = {
  code: "DW130",
  severity: "error",
  title: "Dataverse filters use only the supported OData subset",
  source: "customizing-mappings.md (Filter your data); dual-write-faq.md (filters); dual-write-error-codes.md (DIPV1012)",
  check: ({ desired }) =>
    filterFindings(desired, "dataverse", (text) => parseDataverseFilter(text).errors, {
      prefix: "Dataverse filter",
      platformCodes: ["DIPV1012"],
    }),
};
