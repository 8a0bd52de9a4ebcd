import type { EnvironmentPair, TableMapModel } from "../model/desired.js";
import type { Rule, RuleFinding } from "./rule.js";

/**
 * Enabling a map fails with "Exceeds the maximum partitions allowed" when more legal entities than
 * this are linked (dual-write-troubleshooting-initial-setup.md), whether or not it runs an initial
 * sync; dual-write-system-req.md states the same limit for initial synchronization.
 */
export const maxLinkedLegalEntities = 40;

/** The maps that dwctl runs (or keeps paused, so once ran) in a pair. */
function enabledIn(pair: EnvironmentPair, maps: readonly TableMapModel[]): TableMapModel[] {
  return maps.filter((map) => {
    const override = map.environments[pair.name];
    if (override?.enabled === false) return false;
    return (override?.state ?? map.state) !== "stopped";
  });
}

export const legalEntityLimit: Rule = {
  code: "DW173",
  severity: "error",
  title: "At most 40 legal entities in a pair whose maps run",
  source: "dual-write-troubleshooting-initial-setup.md (Find the limit on the number of legal entities that can be linked); dual-write-system-req.md",
  check: ({ desired }) => {
    const findings: RuleFinding[] = [];
    for (const pair of desired.pairs) {
      if (pair.legalEntities.length <= maxLinkedLegalEntities) continue;
      const running = enabledIn(pair, desired.maps);
      if (running.length === 0) continue;
      findings.push({
        message: `pair "${pair.name}" links ${pair.legalEntities.length} legal entities, and ${running.length} map(s) run there (${running.slice(0, 3).map((m) => m.name).join(", ")}${running.length > 3 ? ", ..." : ""}); enabling a map fails above ${maxLinkedLegalEntities}`,
        hint: `Link at most ${maxLinkedLegalEntities} legal entities to this pair, or keep its maps stopped (environments.<pair>.state: stopped).`,
        file: pair.file,
        path: ["pairs", pair.index, "legalEntities"],
      });
    }
    return findings;
  },
};
