import { keyAttribute, type Desired, type FieldMapping, type TableMapModel } from "../model/desired.js";
import { impliedDependencies, lookupTables } from "../model/lookups.js";
import type { PairDesired } from "../model/pair-view.js";
import { sideName } from "./describe-action.js";
import type { Blocker, PlanWarning } from "./plan.js";
import type { MapPlan } from "./plan-map.js";

/** A map of a lookup cycle that starts without the fields closing the cycle, then again with them. */
export interface TwoPhase {
  name: string;
  omitted: FieldMapping[];
}

export interface StartOrder {
  /** 0-based start level of every map that starts, resumes or syncs in this plan. */
  levels: Map<string, number>;
  twoPhase: TwoPhase[];
  blockers: Blocker[];
  warnings: PlanWarning[];
}

function stronglyConnected(nodes: readonly string[], edges: (n: string) => string[]): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const out: string[][] = [];
  let counter = 0;
  const visit = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter);
    counter += 1;
    stack.push(v);
    onStack.add(v);
    for (const w of edges(v)) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) ?? 0, low.get(w) ?? 0));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v) ?? 0, index.get(w) ?? 0));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      for (let w = stack.pop(); w !== undefined; w = stack.pop()) {
        onStack.delete(w);
        component.push(w);
        if (w === v) break;
      }
      out.push(component.sort());
    }
  };
  for (const n of nodes) if (!index.has(n)) visit(n);
  return out;
}

/** One simple cycle through the first member of a strongly connected component, first name repeated at the end. */
function cyclePath(component: readonly string[], edges: (n: string) => string[]): string[] {
  const first = component[0];
  if (first === undefined) return [];
  const inside = new Set(component);
  const seen = new Set<string>();
  const walk = (node: string, path: string[]): string[] | undefined => {
    for (const next of edges(node)
      .filter((n) => inside.has(n))
      .sort()) {
      if (next === first) return [...path, first];
      if (seen.has(next)) continue;
      seen.add(next);
      const found = walk(next, [...path, next]);
      if (found !== undefined) return found;
    }
    return undefined;
  };
  return walk(first, [first]) ?? [...component, first];
}

/**
 * Orders the maps that start in this plan into levels: a map starts after the maps it depends on
 * (dependsOn and lookups) that also start here; a dependency already running is satisfied. A lookup
 * cycle among maps that start with an initial sync is broken with the two-phase pattern (DOMAIN.md
 * section 8 item 2), or reported as a blocker when every field that closes it is part of a key.
 */
export function orderStarts(plans: readonly MapPlan[], pairDesired: PairDesired): StartOrder {
  const desired: Desired = { maps: pairDesired.maps.map((m) => m.map), keys: pairDesired.keys, pairs: [pairDesired.pair] };
  const starting = new Map(plans.filter((p) => p.starts.length > 0).map((p) => [p.name, p]));
  const names = [...starting.keys()].sort();
  const omitted = new Map<string, FieldMapping[]>();
  const forced = new Map<string, number>();
  const blockers: Blocker[] = [];
  const warnings: PlanWarning[] = [];

  const fieldsOf = (map: TableMapModel): FieldMapping[] => {
    const dropped = omitted.get(map.name) ?? [];
    return map.fields.filter((f) => !dropped.includes(f));
  };
  const edges = (name: string): string[] => {
    const map = starting.get(name)?.pairMap.map;
    if (map === undefined) return [];
    const deps = impliedDependencies({ ...map, fields: fieldsOf(map) }, desired).filter((d) => starting.has(d));
    const group = forced.get(name);
    return group === undefined ? deps : deps.filter((d) => forced.get(d) !== group);
  };
  const tableOf = (name: string): string => starting.get(name)?.pairMap.map.dataverse.table ?? "";
  const lookupsBetween = (from: string, to: string): FieldMapping[] => {
    const map = starting.get(from)?.pairMap.map;
    return map === undefined ? [] : fieldsOf(map).filter((f) => lookupTables(f, desired.keys).includes(tableOf(to)));
  };
  const explain = (path: readonly string[]): string =>
    path
      .slice(0, -1)
      .map((from, i) => {
        const to = path[i + 1] ?? "";
        const via = lookupsBetween(from, to).map((f) => f.dv?.raw ?? "");
        return `${from} -> ${to} via ${via.length > 0 ? via.join(", ") : "dependsOn"}`;
      })
      .join("; ");

  for (let round = 0; round <= names.length; round += 1) {
    const component = stronglyConnected(names, edges).find((c) => c.length > 1);
    if (component === undefined) break;
    const path = cyclePath(component, edges);
    const members = component.map((n) => starting.get(n)).filter((p): p is MapPlan => p !== undefined);
    const syncs = members.some((p) => p.starts.some((s) => s.kind === "startMap" && s.initialSync !== null));
    const candidates = members
      // A followed map is never saved (README, "Versions"), so it cannot be the one saved in two phases.
      .filter((p) => p.starts.some((s) => s.kind === "startMap") && !omitted.has(p.name) && p.pairMap.map.version.kind === "pin")
      .map((p) => {
        const others = new Set(component.filter((n) => n !== p.name).map(tableOf));
        const closing = fieldsOf(p.pairMap.map).filter((f) => lookupTables(f, desired.keys).some((t) => others.has(t)));
        const key = pairDesired.keys.find((k) => k.table === p.pairMap.map.dataverse.table);
        const inKey = closing.some((f) => key?.columns.some((c) => c === f.dv?.raw || keyAttribute(c) === f.dv?.column) ?? false);
        return { plan: p, closing, usable: closing.length > 0 && !inKey };
      })
      .filter((c) => c.usable)
      .sort((a, b) => a.closing.length - b.closing.length || a.plan.name.localeCompare(b.plan.name));
    const chosen = candidates[0];
    if (!syncs || chosen === undefined) {
      for (const n of component) forced.set(n, round);
      if (syncs) {
        const lookups = members.some((p) => component.some((n) => n !== p.name && lookupsBetween(p.name, n).length > 0));
        const why = lookups
          ? "every lookup that closes the cycle is part of an integration key. Load the rows of one table in both apps first and start these maps without initial sync, or take the lookup out of the key."
          : "the cycle is made of dependsOn entries. Remove one of them.";
        blockers.push({
          kind: "lookupCycle",
          path,
          message: `${component.join(" and ")} depend on each other (${explain(path)}) and start with an initial sync, which would fail with "lookup wasn't found". They cannot start in two phases: ${why}`,
        });
      }
      continue;
    }
    const explanation = explain(path);
    const name = chosen.plan.name;
    const fields = chosen.closing.map((f) => f.dv?.raw ?? "");
    const master = chosen.plan.pairMap.initialSync.master;
    omitted.set(name, chosen.closing);
    warnings.push({
      code: "lookup-cycle",
      map: name,
      message: `${component.join(" and ")} look each other up (${explanation}). An initial sync of either would fail with "lookup wasn't found", so they start in two phases: ${name} is saved without ${fields.join(", ")} and the maps start in order; then ${name} is stopped, saved with its full definition and started again with an initial sync (${sideName(master)} as master) that fills in those lookups.`,
    });
  }

  const levels = new Map<string, number>();
  const visiting = new Set<string>();
  const levelOf = (name: string): number => {
    const known = levels.get(name);
    if (known !== undefined) return known;
    if (visiting.has(name)) return 0;
    visiting.add(name);
    const level = Math.max(-1, ...edges(name).map(levelOf)) + 1;
    visiting.delete(name);
    levels.set(name, level);
    return level;
  };
  for (const name of names) levelOf(name);
  const twoPhase = [...omitted].map(([name, fields]) => ({ name, omitted: fields }));
  return { levels, twoPhase, blockers, warnings };
}
