import { keyAttribute } from "../model/desired.js";
import type { Rule, RuleFinding } from "./rule.js";

/**
 * An integration key names a lookup by its expanded columns, and may expand one lookup into
 * several (Microsoft's line templates key salesorderdetail on salesorderid.msdyn_salesordernumber
 * and salesorderid.msdyn_company.cdm_companycode); the alternate key behind it then lists the lookup
 * attribute once, as plan-keys builds it. What cannot be meant is the bare lookup next to one of its
 * expansions: the key would name both the row's id and the related row's key.
 */
export const alternateKeyShape: Rule = {
  code: "DW114",
  severity: "error",
  title: "Key columns can form a Dataverse alternate key",
  source: "dual-write-integration-keys.md (lookup fields are keyed by the expanded key fields of the referenced table); powerapps-docs define-alternate-keys-entity.md (key attributes)",
  check: ({ desired }) => {
    const findings: RuleFinding[] = [];
    for (const key of desired.keys) {
      key.columns.forEach((column, index) => {
        if (column.includes(".")) return;
        const expansions = key.columns.filter((c) => c.includes(".") && keyAttribute(c) === column);
        if (expansions.length === 0) return;
        findings.push({
          message: `column "${column}" is the lookup that ${expansions.map((c) => `"${c}"`).join(" and ")} expand${expansions.length === 1 ? "s" : ""}; a key names a lookup by its expanded columns only`,
          hint: `Remove "${column}" and keep the expanded column(s).`,
          file: key.file,
          path: ["columns", index],
        });
      });
    }
    return findings;
  },
};
