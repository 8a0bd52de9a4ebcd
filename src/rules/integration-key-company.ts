import { isCompanyKeyColumn } from "./key-helpers.js";
import type { Rule, RuleFinding } from "./rule.js";

export const integrationKeyCompany: Rule = {
  code: "DW113",
  severity: "error",
  title: "A company-specific table's integration key includes its company",
  source: "company-data.md (rows are striped by company); dual-write-faq.md (a custom company-specific table has the company in its key)",
  check: ({ desired }) => {
    const findings: RuleFinding[] = [];
    const reported = new Set<string>();
    for (const map of desired.maps) {
      // A scope mismatch is DW140's error; the key is judged once the scopes agree.
      if (map.dataverse.scope !== "company" || map.financeAndOperations.scope !== "company") continue;
      const key = desired.keys.find((k) => k.table === map.dataverse.table);
      if (key === undefined || reported.has(key.table)) continue;
      if (key.columns.some(isCompanyKeyColumn)) continue;
      reported.add(key.table);
      findings.push({
        message: `table "${key.table}" is company-specific (map "${map.name}") but its integration key has no company column`,
        hint: "Add msdyn_company.cdm_companycode (or the table's own company lookup, expanded to cdm_companycode) to columns, so that the same number in two legal entities is two rows.",
        file: key.file,
        path: ["columns"],
      });
    }
    return findings;
  },
};
