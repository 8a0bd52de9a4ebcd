import type { Rule, RuleFinding } from "./rule.js";

/** Linking and initial sync fail with "Exceeds the maximum partitions allowed" above this. */
export const maxLegalEntitiesForInitialSync = 40;

export const legalEntityLimit: Rule = {
  code: "DW173",
  severity: "error",
  title: "At most 40 legal entities where initial sync runs",
  check: ({ desired }) => {
    const findings: RuleFinding[] = [];
    for (const pair of desired.pairs) {
      if (pair.legalEntities.length <= maxLegalEntitiesForInitialSync) continue;
      const syncing = desired.maps.filter((map) => {
        const override = map.environments[pair.name];
        if (override?.enabled === false) return false;
        return (override?.initialSync?.enabled ?? map.initialSync.enabled) === true;
      });
      if (syncing.length === 0) continue;
      findings.push({
        message: `pair "${pair.name}" links ${pair.legalEntities.length} legal entities, and ${syncing.length} map(s) run an initial sync there (${syncing.slice(0, 3).map((m) => m.name).join(", ")}${syncing.length > 3 ? ", ..." : ""}); the limit is ${maxLegalEntitiesForInitialSync}`,
        hint: "Link at most 40 legal entities for initial sync, or turn initial sync off for this pair (environments.<pair>.initialSync.enabled: false) and load the data separately.",
        file: pair.file,
        path: ["pairs", pair.index, "legalEntities"],
      });
    }
    return findings;
  },
};
