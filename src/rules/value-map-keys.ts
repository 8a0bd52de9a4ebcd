import type { Rule, RuleFinding } from "./rule.js";

export const valueMapKeys: Rule = {
  code: "DW121",
  severity: "error",
  title: "Value map keys are unique enum elements",
  check: ({ desired }) => {
    const findings: RuleFinding[] = [];
    for (const map of desired.maps) {
      for (const field of map.fields) {
        const seen = new Map<string, string>();
        for (const entry of field.valueMap ?? []) {
          // Enum element names are case-insensitive in finance and operations.
          const folded = entry.from.toLowerCase();
          const first = seen.get(folded);
          if (first !== undefined) {
            findings.push({
              message: `value map key "${entry.from}" repeats "${first}" (enum element names are case-insensitive)`,
              hint: "Keep one entry per enum element.",
              file: map.file,
              path: ["fields", field.index, "valueMap", entry.from],
              atKey: true,
            });
          } else {
            seen.set(folded, entry.from);
          }
        }
      }
    }
    return findings;
  },
};
