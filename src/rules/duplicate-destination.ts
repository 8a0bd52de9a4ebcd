import { describeField, destinations, sameRow } from "./field-helpers.js";
import type { Rule, RuleFinding } from "./rule.js";

export const duplicateDestination: Rule = {
  code: "DW120",
  severity: "warning",
  title: "A destination column is written by one mapping",
  source: "dual-write-error-codes.md (DIPV1026 duplicate destination fields); includes/mapping-tables.md (templates that write one destination twice)",
  check: ({ desired }) => {
    const findings: RuleFinding[] = [];
    for (const map of desired.maps) {
      const writers = new Map<string, number>();
      for (const field of map.fields) {
        // An exact repeat is DW124's error; reporting it here too would say the same thing twice.
        if (map.fields.slice(0, field.index).some((earlier) => sameRow(earlier, field))) continue;
        for (const dest of destinations(field)) {
          const id = `${dest.side}|${dest.name}`;
          const first = writers.get(id);
          if (first === undefined) {
            writers.set(id, field.index);
            continue;
          }
          findings.push({
            message: `${dest.side === "dataverse" ? "Dataverse column" : "finance and operations field"} ${dest.name} is written by ${describeField(field)} and by fields[${first}]`,
            hint: "Check that both are meant: the last write wins. Some of Microsoft's templates do this on purpose.",
            file: map.file,
            path: ["fields", field.index],
          });
        }
      }
    }
    return findings;
  },
};
