import { isImplicitCompanyColumn, keyOf, mappingsOfColumn } from "./key-helpers.js";
import type { Rule, RuleFinding } from "./rule.js";

export const integrationKeyMapped: Rule = {
  code: "DW111",
  severity: "error",
  title: "Every integration key column is mapped",
  source: "dual-write-integration-keys.md (Configuring dual-write maps with integration key fields); dual-write-error-codes.md (DIPV1014, DIPV1015); custom-best-practices.md (the company field of a legal-entity-specific table is not mapped)",
  check: ({ desired }) => {
    const findings: RuleFinding[] = [];
    for (const map of desired.maps) {
      const key = keyOf(desired, map);
      if (key === undefined) continue;
      for (const column of key.columns) {
        if (mappingsOfColumn(map, column).length > 0 || isImplicitCompanyColumn(map, column)) continue;
        const lookup = column.includes(".");
        findings.push({
          message: `integration key column "${column}" (${key.file}) is not mapped`,
          hint: lookup
            ? `Map the expanded lookup field, for example { fo: <FIELD>, map: "=", dv: ${column} }.`
            : `Add a mapping to ${column}, or change the integration key in ${key.file}.`,
          file: map.file,
          path: ["fields"],
          atKey: true,
          // DIPV1014: a key field is not mapped; DIPV1015: the expanded field of a lookup in the key is
          // not. (DIPV1027 and DIPV1028 are about the key of a table that a mapped lookup points at.)
          platformCodes: lookup ? ["DIPV1015"] : ["DIPV1014"],
        });
      }
    }
    return findings;
  },
};
