import { parseDataverseFilter } from "../model/filters/dataverse-filter.js";
import { parseXppRange } from "../model/filters/xpp-range.js";
import { isCompanyColumn } from "../model/lookups.js";
import type { Rule, RuleFinding } from "./rule.js";

const finopsCompanyFields = new Set(["dataareaid", "company", "companyid", "legalentity", "legalentityid"]);

export const companyFilter: Rule = {
  code: "DW133",
  severity: "error",
  title: "Filters do not select legal entities",
  source: "dual-write-faq.md (legal entities are chosen when the pair is linked; a map cannot be limited to some of them)",
  check: ({ desired }) => {
    const findings: RuleFinding[] = [];
    const hint =
      "Remove the company condition. The legal entities are chosen when the pair is linked (legalEntities in environments.yaml); a map cannot be limited to some of them.";
    for (const map of desired.maps) {
      const dv = map.filters.dataverse;
      if (dv !== undefined) {
        for (const col of parseDataverseFilter(dv).columns) {
          if (!isCompanyColumn(col.name) && !col.name.startsWith("cdm_company")) continue;
          findings.push({ message: `Dataverse filter selects by company column "${col.name}"`, hint, file: map.file, path: ["filters", "dataverse"], span: { start: col.start, end: col.end } });
        }
      }
      const fo = map.filters.financeAndOperations;
      if (fo !== undefined) {
        for (const field of parseXppRange(fo).fields) {
          if (!finopsCompanyFields.has(field.name.toLowerCase())) continue;
          findings.push({ message: `finance and operations filter selects by company field "${field.name}"`, hint, file: map.file, path: ["filters", "financeAndOperations"], span: { start: field.start, end: field.end } });
        }
      }
    }
    return findings;
  },
};
