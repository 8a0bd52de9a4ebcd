import { describeField, sameRow } from "./field-helpers.js";
import type { Rule, RuleFinding } from "./rule.js";

export const duplicateMapping: Rule = {
  code: "DW124",
  severity: "error",
  title: "A field mapping row is not repeated",
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
          platformCodes: ["DIPV1023", "DIPV1026", "DIPV1029"],
        });
      });
    }
    return findings;
  },
};
