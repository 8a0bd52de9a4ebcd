import { keyOf, mappingsOfColumn } from "./key-helpers.js";
import type { Rule, RuleFinding } from "./rule.js";

export const integrationKeyBidirectional: Rule = {
  code: "DW112",
  severity: "error",
  title: "If one key field syncs both ways, all of them do",
  check: ({ desired }) => {
    const findings: RuleFinding[] = [];
    for (const map of desired.maps) {
      const key = keyOf(desired, map);
      if (key === undefined) continue;
      const keyFields = key.columns.flatMap((column) => mappingsOfColumn(map, column));
      const both = keyFields.find((f) => f.direction === "both");
      if (both === undefined) continue;
      for (const field of keyFields) {
        if (field.direction === "both") continue;
        findings.push({
          message: `key field ${field.fo ?? ""} -> ${field.dv?.raw ?? ""} syncs one way (${field.symbol}) while key field ${both.dv?.raw ?? ""} syncs both ways`,
          hint: 'Map every integration key field with "=" (or "><"), or none of them both ways.',
          file: map.file,
          path: ["fields", field.index, "map"],
          platformCodes: ["DIPV1004"],
        });
      }
    }
    return findings;
  },
};
