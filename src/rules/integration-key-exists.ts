import type { Rule } from "./rule.js";

export const integrationKeyExists: Rule = {
  code: "DW110",
  severity: "error",
  title: "Every mapped Dataverse table has an integration key",
  check: ({ desired, complete }) => {
    if (!complete) return [];
    const tables = new Set(desired.keys.map((k) => k.table));
    return desired.maps
      .filter((map) => !tables.has(map.dataverse.table))
      .map((map) => ({
        message: `table "${map.dataverse.table}" has no integration key`,
        hint: `Add maps/keys/${map.dataverse.table}.yaml (kind: IntegrationKey) with the table's natural key columns and the alternate key behind them.`,
        file: map.file,
        path: ["dataverse", "table"],
        platformCodes: ["DIPV1003"],
      }));
  },
};
