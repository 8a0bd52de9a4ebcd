import type { Rule } from "./rule.js";

export const unusedIntegrationKey: Rule = {
  code: "DW115",
  severity: "warning",
  title: "An integration key belongs to a mapped table",
  check: ({ desired, complete }) => {
    if (!complete) return [];
    const mapped = new Set(desired.maps.map((m) => m.dataverse.table));
    return desired.keys
      .filter((key) => desired.maps.length > 0 && !mapped.has(key.table))
      .map((key) => ({
        message: `no map uses table "${key.table}"`,
        hint: "Remove the key file, or add the map that needs it. Lookups resolve through the related table's key, which is only synced when a map covers that table.",
        file: key.file,
        path: ["table"],
      }));
  },
};
