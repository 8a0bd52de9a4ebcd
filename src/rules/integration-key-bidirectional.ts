import type { FieldMapping } from "../model/desired.js";
import { describeField } from "./field-helpers.js";
import { keyOf, mappingsOfColumn } from "./key-helpers.js";
import type { Rule, RuleFinding } from "./rule.js";

function twoWay(field: FieldMapping): boolean {
  return field.direction === "both" && field.fo !== undefined && field.dv !== undefined;
}

export const integrationKeyBidirectional: Rule = {
  code: "DW112",
  severity: "error",
  title: "If any field of a map syncs both ways, every integration key field does",
  source: "dual-write-integration-keys.md (Configuring dual-write maps with integration key fields); dual-write-error-codes.md (DIPV1004)",
  check: ({ desired }) => {
    const findings: RuleFinding[] = [];
    for (const map of desired.maps) {
      const key = keyOf(desired, map);
      if (key === undefined) continue;
      const keyed = key.columns.map((column) => ({ column, fields: mappingsOfColumn(map, column) }));
      // The map is two-way when any field mapping is; a two-way key field is the clearest example to name.
      const example = keyed.flatMap((k) => k.fields).find(twoWay) ?? map.fields.find(twoWay);
      if (example === undefined) continue;
      for (const { column, fields } of keyed) {
        // An unmapped key column is DW111's finding (or the company the platform maps itself).
        const first = fields[0];
        if (first === undefined || fields.some(twoWay)) continue;
        findings.push({
          message: `key field ${first.fo ?? ""} -> ${column} syncs one way (${first.symbol}) while ${describeField(example)} (fields[${example.index}]) syncs both ways; in a two-way map every key field must`,
          hint: 'Map every integration key field both ways ("=" or "><"), or make every field mapping of the map one-way.',
          file: map.file,
          path: ["fields", first.index, "map"],
          platformCodes: ["DIPV1004"],
        });
      }
    }
    return findings;
  },
};
