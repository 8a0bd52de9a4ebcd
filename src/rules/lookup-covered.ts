import { lookupTables, mapsByTable } from "../model/lookups.js";
import type { Rule, RuleFinding } from "./rule.js";

export const lookupCovered: Rule = {
  code: "DW152",
  severity: "warning",
  title: "A lookup points at a table that a map covers",
  check: ({ desired, complete }) => {
    if (!complete) return [];
    const byTable = mapsByTable(desired);
    const findings: RuleFinding[] = [];
    for (const map of desired.maps) {
      for (const field of map.fields) {
        if (field.dv === undefined || field.dv.kind === "column") continue;
        const tables = lookupTables(field, desired.keys);
        if (tables.length === 0) {
          const column = field.dv.targets[0]?.column ?? "";
          findings.push({
            message: `lookup ${field.dv.raw}: no integration key in this repository has column "${column}", so no map covers the related table`,
            hint: "Add the map and integration key of the related table, or name it with relatedTable. Until it is synced, rows with this lookup fail with \"lookup wasn't found\".",
            file: map.file,
            path: ["fields", field.index, "dv"],
          });
          continue;
        }
        const uncovered = tables.filter((t) => !byTable.has(t));
        if (uncovered.length === tables.length) {
          findings.push({
            message: `lookup ${field.dv.raw} points at ${uncovered.join(", ")}, which no map covers`,
            hint: `Add a map for ${uncovered.join(", ")}, or make sure its rows exist in both apps before this map starts.`,
            file: map.file,
            path: ["fields", field.index, "dv"],
          });
        }
      }
    }
    return findings;
  },
};
