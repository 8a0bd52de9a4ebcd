import type { Rule, RuleFinding } from "./rule.js";

/**
 * A moved entry's `to` names a map in git, or the `from` of another entry (a chain, followed to
 * its end). A typo here would leave the rename undone and the entry pointing at nothing.
 */
export const movedToExists: Rule = {
  code: "DW191",
  severity: "error",
  title: "A moved entry's `to` is a map in git (or the `from` of a later entry)",
  check: ({ desired, complete }) => {
    // The map may be in a file that did not load: a false "missing" would hide the real error.
    if (!complete) return [];
    const names = new Set(desired.maps.map((m) => m.name));
    const moved = desired.moved ?? [];
    const froms = new Set(moved.map((m) => m.from));
    const findings: RuleFinding[] = [];
    for (const move of moved) {
      if (names.has(move.to) || froms.has(move.to)) continue;
      findings.push({
        message: `moved: "${move.from}" is renamed to "${move.to}", but no map in git is named "${move.to}"`,
        hint: `Write the map's new name (the name in tablemaps/<name>.yaml). If the map was deleted from git, remove this entry too: a map that leaves git is pruned (dwctl plan --prune), not renamed.`,
        file: move.file,
        path: ["moved", move.index, "to"],
      });
    }
    return findings;
  },
};
