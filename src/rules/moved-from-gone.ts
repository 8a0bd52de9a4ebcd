import type { Rule, RuleFinding } from "./rule.js";

/** A moved entry renames a map away from `from`: a map that still has that name contradicts it. */
export const movedFromGone: Rule = {
  code: "DW190",
  severity: "error",
  title: "A moved entry's `from` is no longer a map name in git",
  check: ({ desired }) => {
    const maps = new Map(desired.maps.map((m) => [m.name, m]));
    const findings: RuleFinding[] = [];
    for (const move of desired.moved ?? []) {
      const map = maps.get(move.from);
      if (map === undefined) continue;
      findings.push({
        message: `moved: "${move.from}" is renamed to "${move.to}", but ${map.file} still declares a map named "${move.from}"`,
        hint: `Finish the rename: the map's file is tablemaps/${move.to}.yaml and its name is ${move.to}. If "${move.from}" is a new map that takes an old name, remove this entry once every pair has applied the rename.`,
        file: move.file,
        path: ["moved", move.index, "from"],
      });
    }
    return findings;
  },
};
