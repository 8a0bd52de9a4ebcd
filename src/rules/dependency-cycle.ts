import type { TableMapModel } from "../model/desired.js";
import type { Rule, RuleFinding } from "./rule.js";

/** Finds every elementary cycle's first occurrence with a depth-first search (white/grey/black). */
export function findCycles(maps: readonly TableMapModel[]): string[][] {
  const byName = new Map(maps.map((m) => [m.name, m]));
  const colour = new Map<string, "grey" | "black">();
  const stack: string[] = [];
  const cycles: string[][] = [];
  const visit = (name: string): void => {
    colour.set(name, "grey");
    stack.push(name);
    for (const next of byName.get(name)?.dependsOn ?? []) {
      if (!byName.has(next)) continue;
      const c = colour.get(next);
      if (c === "grey") cycles.push([...stack.slice(stack.indexOf(next)), next]);
      else if (c === undefined) visit(next);
    }
    stack.pop();
    colour.set(name, "black");
  };
  for (const map of maps) if (!colour.has(map.name)) visit(map.name);
  return cycles;
}

export const dependencyCycle: Rule = {
  code: "DW151",
  severity: "error",
  title: "dependsOn has no cycles",
  check: ({ desired }) => {
    const byName = new Map(desired.maps.map((m) => [m.name, m]));
    const findings: RuleFinding[] = [];
    for (const cycle of findCycles(desired.maps)) {
      const first = byName.get(cycle[0] ?? "");
      if (first === undefined) continue;
      const index = first.dependsOn.indexOf(cycle[1] ?? "");
      findings.push({
        message: `dependency cycle: ${cycle.join(" -> ")}`,
        hint: "Remove one dependsOn entry of the cycle. Maps that look each other up (such as customers and contacts) start in two phases; dependsOn is only for a strict order.",
        file: first.file,
        path: index >= 0 ? ["dependsOn", index] : ["dependsOn"],
      });
    }
    return findings;
  },
};
