import type { EnvironmentPair } from "../model/desired.js";
import type { LastAppliedRecord } from "../model/last-applied.js";
import { globMatches } from "../model/map-glob.js";
import { followMoves, movesByFrom, type MoveEntry } from "../model/moved.js";
import { mapKey, type MapRef, type Snapshot } from "../model/snapshot.js";
import { described } from "./describe-action.js";
import type { ActionBody, Blocker, PlanWarning } from "./plan.js";

export interface RenamePlan {
  actions: ActionBody[];
  warnings: PlanWarning[];
  blockers: Blocker[];
}

/** A map of the pair's desired state, as the planner names it. */
export interface NamedMap {
  name: string;
  ref: MapRef;
  title: string;
}

function where(move: MoveEntry): string {
  return `${move.file}:${move.line}:${move.column}`;
}

function refText(ref: MapRef): string {
  return `${ref.entity} and ${ref.table}`;
}

/** The ref behind a key of the last-applied record: the live map's own spelling when it is live. */
function recordedRef(key: string, snapshot: Snapshot): MapRef {
  const live = snapshot.maps.find((m) => mapKey(m.ref) === key);
  if (live !== undefined) return live.ref;
  const [entity = key, table = ""] = key.split("|");
  return { entity, table };
}

/**
 * The renames of a pair: each map its last-applied record tracks under another name than git's.
 * dwctl's name is never sent to the platform: the service names a map by its entity set and label
 * (tName) and its ids (dualwrite-service.md §3), and dwctl finds it by its entity and table (its
 * ref, MapRef in model/snapshot.ts; DW105). So a rename changes nothing there: the one action,
 * renameMap, changes the name dwctl records for it when apply writes the record. Nothing is
 * stopped, saved, deleted or synced for it.
 * - The record names the map `from`, a moved entry (or a chain of them) leads to `to`, and git's
 *   map `to` has the same ref: a rename.
 * - The same, but `to` has another ref: another map on the platform, which a moved entry cannot
 *   make out of this one. A blocker; without the entry, plan creates `to` and prunes `from`.
 * - The record and git name the same ref differently and no entry says so: still the same map, so
 *   the rename is planned, with a warning asking for the entry that records it in git.
 * An entry whose `from` the record does not name does nothing (the rename was applied already,
 * or the map never reached this pair).
 */
export function planRenames(
  pair: EnvironmentPair,
  maps: readonly NamedMap[],
  moves: readonly MoveEntry[],
  lastApplied: LastAppliedRecord | undefined,
  snapshot: Snapshot,
): RenamePlan {
  const out: RenamePlan = { actions: [], warnings: [], blockers: [] };
  if (lastApplied === undefined) return out;
  const byKey = new Map(maps.map((m) => [mapKey(m.ref), m]));
  const byName = new Map(maps.map((m) => [m.name, m]));
  const byFrom = movesByFrom(moves);
  const entries = Object.entries(lastApplied.maps).sort(([, a], [, b]) => a.name.localeCompare(b.name));
  for (const [key, entry] of entries) {
    const chain = followMoves(entry.name, byFrom);
    const first = chain[0];
    const last = chain[chain.length - 1];
    const current = byKey.get(key);
    if (first !== undefined && last !== undefined) {
      const target = byName.get(last.to);
      // Not in this pair's desired state (disabled here): nothing to rename it to.
      if (target === undefined) continue;
      if (mapKey(target.ref) !== key) {
        const before = recordedRef(key, snapshot);
        out.blockers.push({
          kind: "movedChangesMap",
          path: [entry.name, target.name],
          location: { file: first.file, line: first.line, column: first.column },
          message: `${where(first)} the moved entry renames ${entry.name} to ${target.name}, but ${entry.name} was applied to ${lastApplied.pair ?? snapshot.pair} as ${refText(before)} and ${target.name} is ${refText(target.ref)} in git. The platform knows a map by its entity and table, so that is another map, and a moved entry cannot change them. Remove the entry: then the plan creates ${target.name}, and deletes ${entry.name} only with --prune.`,
        });
        continue;
      }
      out.actions.push(rename(entry.name, target, first));
      out.warnings.push(...oldNameRules(pair, entry.name, target));
      continue;
    }
    if (current === undefined || current.name === entry.name) continue;
    out.actions.push(rename(entry.name, current, null));
    out.warnings.push(...oldNameRules(pair, entry.name, current));
    out.warnings.push({
      code: "renamed-without-moved",
      map: current.name,
      message: `${current.title} was applied as ${entry.name} and is named ${current.name} in git (same entity and table, so the same map): dwctl tracks it as ${current.name} from this apply on, and stops or deletes nothing for it. Record the rename in git: add { from: ${entry.name}, to: ${current.name} } to the moved list of moved.yaml (kind: Moved) beside environments.yaml.`,
    });
  }
  return out;
}

/**
 * Ignore rules find maps by name: one that matched the old name and not the new one stops applying
 * with the rename, and what it left alone becomes a difference the plan acts on.
 */
function oldNameRules(pair: EnvironmentPair, from: string, map: NamedMap): PlanWarning[] {
  return (pair.ignore ?? [])
    .filter((rule) => globMatches(rule.map, from) && !globMatches(rule.map, map.name))
    .map((rule) => ({
      code: "ignore-rule-old-name",
      map: map.name,
      message: `the ignore rule "${rule.map}" (${rule.aspects.join(", ")}) of ${pair.name} matches the old name ${from} but not ${map.name}, so it no longer applies to ${map.title}: what it left alone is planned like any other difference. To keep it, change its map to ${map.name} (or a glob that matches it) in environments.yaml.`,
    }));
}

function rename(from: string, map: NamedMap, move: MoveEntry | null): ActionBody {
  return described({
    kind: "renameMap",
    map: map.name,
    ref: { ...map.ref },
    title: map.title,
    from,
    moved: move === null ? null : { file: move.file, line: move.line, column: move.column },
  });
}
