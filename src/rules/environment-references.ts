import type { Rule, RuleFinding } from "./rule.js";

export const environmentReferences: Rule = {
  code: "DW174",
  severity: "error",
  title: "Pair references name existing pairs",
  check: (input) => {
    const { desired } = input;
    const findings: RuleFinding[] = [];
    const byName = new Map(desired.pairs.map((p) => [p.name, p]));
    for (const pair of desired.pairs) {
      if (pair.refreshedFrom === undefined) continue;
      const path = ["pairs", pair.index, "refreshedFrom"];
      if (pair.refreshedFrom === pair.name) {
        findings.push({ message: `pair "${pair.name}" is refreshed from itself`, hint: "Name the pair whose database is copied into this one, usually prod.", file: pair.file, path });
      } else if (!byName.has(pair.refreshedFrom)) {
        findings.push({ message: `refreshedFrom "${pair.refreshedFrom}": no pair has that name`, hint: `Use one of: ${[...byName.keys()].join(", ")}.`, file: pair.file, path });
      }
      if (pair.protected === true) {
        findings.push({
          message: `protected pair "${pair.name}" is declared as a refresh target`,
          hint: "The refresh runbook never overwrites a protected pair. Remove refreshedFrom, or protected if this is not production.",
          file: pair.file,
          path,
        });
      }
    }
    if (desired.pairs.length === 0 || !input.complete) return findings;
    for (const map of desired.maps) {
      for (const name of Object.keys(map.environments)) {
        if (byName.has(name)) continue;
        findings.push({
          message: `environments.${name}: no pair has that name`,
          hint: `Use one of: ${[...byName.keys()].join(", ")}.`,
          file: map.file,
          path: ["environments", name],
          atKey: true,
        });
      }
    }
    return findings;
  },
};
