import type { Rule, RuleFinding } from "./rule.js";

export const valueMapInvertible: Rule = {
  code: "DW122",
  severity: "warning",
  title: "A two-way value map can be read backwards",
  check: ({ desired }) => {
    const findings: RuleFinding[] = [];
    for (const map of desired.maps) {
      for (const field of map.fields) {
        if (field.direction !== "both" || field.valueMap === undefined) continue;
        const byValue = new Map<string, string>();
        for (const entry of field.valueMap) {
          const value = JSON.stringify(entry.to === null ? null : String(entry.to));
          const first = byValue.get(value);
          if (first === undefined) {
            byValue.set(value, entry.from);
            continue;
          }
          findings.push({
            message: `"${first}" and "${entry.from}" both map to ${value}: Dataverse to finance and operations cannot tell them apart`,
            hint: 'Give each element its own choice value, or make the mapping one-way (">>").',
            file: map.file,
            path: ["fields", field.index, "valueMap", entry.from],
          });
        }
      }
    }
    return findings;
  },
};
