import { describeField, sameRow } from "./field-helpers.js";
import type { Rule, RuleFinding } from "./rule.js";

export const duplicateMapping: Rule = {
  code: "DW124",
  severity: "error",
  title: "A field mapping row is not repeated",
  source: "dual-write-error-codes.md (DIPV1023 duplicate source fields, DIPV1026 duplicate destination fields, DIPV1029 duplicate value map)",
  check: ({ desired }) => {
    const findings: RuleFinding[] = [];
    for (const map of desired.maps) {
      map.fields.forEach((field, i) => {
        const first = map.fields.slice(0, i).find((earlier) => sameRow(earlier, field));
        if (first === undefined) return;
        findings.push({
          message: `mapping ${describeField(field)} repeats fields[${first.index}]`,
          hint: "Remove the repeated row.",
          file: map.file,
          path: ["fields", field.index],
          // DIPV1029: the same source and destination twice; DIPV1026: a destination twice; DIPV1023: a
          // source twice in bidirectional mappings only.
          platformCodes: field.direction === "both" ? ["DIPV1023", "DIPV1026", "DIPV1029"] : ["DIPV1026", "DIPV1029"],
        });
      });
    }
    return findings;
  },
};
