import type { Rule } from "./rule.js";

export const scopeMatch: Rule = {
  code: "DW140",
  severity: "error",
  title: "Company-specific maps to company-specific, global to global",
  source: "dual-write-error-codes.md (DIPV1002); dual-write-faq.md (company-specific to company-specific, global to global)",
  check: ({ desired }) =>
    desired.maps
      .filter((map) => map.financeAndOperations.scope !== map.dataverse.scope)
      .map((map) => ({
        message: `finance and operations side is ${map.financeAndOperations.scope} but Dataverse side is ${map.dataverse.scope}`,
        hint: "Dual-write maps company-specific tables to company-specific tables and global to global only. Pick a table of the same scope on both sides.",
        file: map.file,
        path: map.dataverse.scope !== map.scope ? ["dataverse", "scope"] : ["financeAndOperations", "scope"],
        platformCodes: ["DIPV1002"],
      })),
};
