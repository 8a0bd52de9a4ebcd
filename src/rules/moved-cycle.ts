import { movesByFrom } from "../model/moved.js";
import type { Rule, RuleFinding } from "./rule.js";

/**
 * Moved entries are followed as a chain (a to b, then b to c, is a to c), so they must not lead
 * back to a name they started from: the chain would have no end. Reported once per cycle, at its
 * first entry.
 */
export const movedCycle: Rule = {
  code: "DW193",
  severity: "error",
  title: "Moved entries have no cycles (a chain a → b, b → c is followed to its end)",
  check: ({ desired }) => {
    const moves = desired.moved ?? [];
    const byFrom = movesByFrom(moves);
    const reported = new Set<string>();
    const findings: RuleFinding[] = [];
    for (const start of moves) {
      if (byFrom.get(start.from) !== start || reported.has(start.from)) continue;
      const path = [start.from];
      for (let next = byFrom.get(start.from); next !== undefined; next = byFrom.get(next.to)) {
        path.push(next.to);
        if (next.to === start.from) break;
        if (path.indexOf(next.to) < path.length - 1) break;
      }
      if (path[path.length - 1] !== start.from) continue;
      for (const name of path) reported.add(name);
      findings.push({
        message: path.length === 2 ? `moved: "${start.from}" is renamed to itself` : `moved entries form a cycle: ${path.join(" → ")}`,
        hint:
          path.length === 2
            ? "Remove the entry: a map keeps its name without one."
            : "A rename cannot lead back to a name it started from. If the map was renamed back, keep only the entry of its last rename and remove the earlier ones.",
        file: start.file,
        path: ["moved", start.index],
      });
    }
    return findings;
  },
};
