import type { Rule } from "./rule.js";

/**
 * Dual-write generates a table's integration key from its alternate keys at Refresh tables
 * (dual-write-integration-keys.md, "Automated key generation"), and the validator refuses a map only
 * when the table ends up with none (DIPV1003). Whether the table has an alternate key cannot be seen
 * from git, so a map without a declared key is a warning: dwctl then neither manages the key nor
 * checks the map against it (DW111, DW112, DW113).
 */
export const integrationKeyExists: Rule = {
  code: "DW110",
  severity: "warning",
  title: "Every mapped Dataverse table has an integration key declared here",
  source: "dual-write-integration-keys.md (Automated key generation); dual-write-error-codes.md (DIPV1003)",
  check: ({ desired, complete }) => {
    if (!complete) return [];
    const tables = new Set(desired.keys.map((k) => k.table));
    return desired.maps
      .filter((map) => !tables.has(map.dataverse.table))
      .map((map) => ({
        message: `table "${map.dataverse.table}" has no integration key in this repository: the platform generates one from the table's alternate keys, and the map fails to start (DIPV1003) if there is none`,
        hint: `Add maps/keys/${map.dataverse.table}.yaml (kind: IntegrationKey) with the table's natural key columns and the alternate key behind them, so that dwctl creates the key and checks the map against it.`,
        file: map.file,
        path: ["dataverse", "table"],
        platformCodes: ["DIPV1003"],
      }));
  },
};
