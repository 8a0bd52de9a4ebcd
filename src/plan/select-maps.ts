import { basename, dirname, extname } from "node:path";
import type { Desired, EnvironmentPair } from "../model/desired.js";
import type { LastAppliedRecord } from "../model/last-applied.js";
import { desiredForPair, type PairDesired, type PairMap } from "../model/pair-view.js";
import { mapKey, type Snapshot } from "../model/snapshot.js";
import { buildPlan, planInput, type BuildPlanInput } from "./build-plan.js";
import { findPending } from "./find-pending.js";
import { hashDesired } from "./hash-desired.js";
import type { Plan } from "./plan.js";
import { refOf } from "./plan-map.js";
import { summarisePlan } from "./summarise-plan.js";

/** The maps a plan made with --changed-since is about. */
export interface MapSelection {
  /** An environments file changed: every map is in scope, and the plan is the whole plan. */
  whole: boolean;
  /** Names of the maps in scope. */
  maps: ReadonlySet<string>;
  /** Dataverse tables whose integration keys are in scope: the tables of the maps in scope. */
  tables: ReadonlySet<string>;
}

/** A changed file of the estate: its absolute path, and whether it still exists in the working tree. */
export interface ChangedFile {
  path: string;
  exists: boolean;
}

const yaml = /\.ya?ml$/i;

/**
 * The maps touched by a set of changed files, from the whole desired state:
 * - a map whose file changed; a deleted map file names its map (DW102: the file is named after it);
 * - every map on a table whose integration key file changed (or was deleted: keys/<table>.yaml);
 * - every map that shares a Dataverse table with a map in scope, because they share its
 *   integration key and its Refresh tables;
 * - everything when an environments file changed (pairs, legal entities, ignore rules, protection
 *   reach every map);
 * - the new names of a moved file that changed (kind Moved), so that their renames are planned.
 * `absolute` turns a file of the desired state (as loaded, relative to the working folder) into an
 * absolute path comparable with the changed files'.
 */
export function selectChangedMaps(desired: Desired, changed: readonly ChangedFile[], absolute: (file: string) => string): MapSelection {
  const mapFiles = new Map(desired.maps.map((m) => [absolute(m.file), m.name]));
  const keyFiles = new Map(desired.keys.map((k) => [absolute(k.file), k.table]));
  const pairFiles = new Set(desired.pairs.map((p) => absolute(p.file)));
  // A changed moved file puts the maps it renames in scope, so that their renames are planned.
  const movedFiles = new Map<string, string[]>();
  for (const move of desired.moved ?? []) movedFiles.set(absolute(move.file), [...(movedFiles.get(absolute(move.file)) ?? []), move.to]);
  // The estate folders: where a deleted tablemaps/ or keys/ file, or environments file, belonged.
  const estates = new Set([...[...mapFiles.keys(), ...keyFiles.keys()].map((f) => dirname(dirname(f))), ...[...pairFiles].map((f) => dirname(f))]);
  const names = new Set<string>();
  const tables = new Set<string>();
  let whole = false;
  for (const file of changed) {
    const map = mapFiles.get(file.path);
    const table = keyFiles.get(file.path);
    if (pairFiles.has(file.path)) whole = true;
    else if (map !== undefined) names.add(map);
    else if (table !== undefined) tables.add(table);
    else if (movedFiles.has(file.path)) for (const name of movedFiles.get(file.path) ?? []) names.add(name);
    else if (!file.exists && yaml.test(file.path)) {
      const folder = dirname(file.path);
      const stem = basename(file.path, extname(file.path));
      if (estates.has(folder) && /^environments$/i.test(stem)) whole = true;
      else if (estates.has(dirname(folder)) && basename(folder) === "tablemaps") names.add(stem);
      else if (estates.has(dirname(folder)) && basename(folder) === "keys") tables.add(stem);
    }
  }
  if (whole) return { whole, maps: new Set(desired.maps.map((m) => m.name)), tables: new Set([...desired.maps.map((m) => m.dataverse.table), ...desired.keys.map((k) => k.table)]) };
  for (const map of desired.maps) if (names.has(map.name)) tables.add(map.dataverse.table);
  for (const map of desired.maps) if (tables.has(map.dataverse.table)) names.add(map.name);
  return { whole, maps: names, tables };
}

const everyAspect = ["state", "fields", "filters", "transforms", "version", "alerts"] as const;

/** The desired state in which every map out of scope is what is live, so the planner gives it no action. */
export interface HeldDesired {
  desired: PairDesired;
  lastApplied: LastAppliedRecord | undefined;
}

/**
 * The pair's desired state with the maps out of scope held where they are:
 * - a map out of scope that runs live (initialised) is asked to be exactly its live definition and
 *   state, through the planner's own ignore rules (every aspect ignored for that map), with the live
 *   names and labels, so the planner saves, stops or starts nothing for it;
 * - a map out of scope that is not live, or that the service has not initialised, is left out: the
 *   planner would otherwise create or initialise it;
 * - integration keys of tables out of scope are left out (the planner never deletes a key);
 * - the last-applied entries of maps out of scope that the desired state no longer holds are hidden,
 *   so that --prune deletes only maps whose files were deleted in the change.
 * Unchanged maps are not filtered out of the plan afterwards: the planner batches solutions, waves
 * and start levels across maps, so it must plan the maps in scope against the others as they are.
 */
export function holdUnselected(pairDesired: PairDesired, snapshot: Snapshot, lastApplied: LastAppliedRecord | undefined, selection: MapSelection): HeldDesired {
  if (selection.whole) return { desired: pairDesired, lastApplied };
  const live = new Map(snapshot.maps.map((m) => [mapKey(m.ref), m]));
  const maps: PairMap[] = [];
  const held: string[] = [];
  for (const entry of pairDesired.maps) {
    if (selection.maps.has(entry.map.name)) {
      maps.push(entry);
      continue;
    }
    const key = mapKey(refOf(entry));
    const current = live.get(key);
    if (current === undefined || !current.initialised) continue;
    const map = { ...entry.map, financeAndOperations: { ...current.definition.financeAndOperations }, dataverse: { ...current.definition.dataverse } };
    // The live names stand for the map only when they still name the same entity and table.
    const same = mapKey(refOf({ ...entry, map })) === key;
    maps.push(same ? { ...entry, map } : entry);
    held.push(entry.map.name);
  }
  const ignore = [...(pairDesired.pair.ignore ?? []), ...held.map((name) => ({ map: name, aspects: [...everyAspect] as [(typeof everyAspect)[number], ...(typeof everyAspect)[number][]] }))];
  const pair: EnvironmentPair = { ...pairDesired.pair, ignore };
  const keys = pairDesired.keys.filter((k) => selection.tables.has(k.table));
  const kept = new Set(maps.map((m) => mapKey(refOf(m))));
  // A held map is not renamed here: a scoped apply records only the maps in scope, so its rename would never land.
  const heldSet = new Set(held);
  const heldNames = new Map(maps.filter((m) => heldSet.has(m.map.name)).map((m) => [mapKey(refOf(m)), m.map.name]));
  const record =
    lastApplied === undefined
      ? undefined
      : {
          ...lastApplied,
          maps: Object.fromEntries(
            Object.entries(lastApplied.maps)
              .filter(([key, entry]) => kept.has(key) || selection.maps.has(entry.name))
              .map(([key, entry]) => [key, { ...entry, name: heldNames.get(key) ?? entry.name }]),
          ),
        };
  const moved = pairDesired.moved === undefined ? {} : { moved: pairDesired.moved };
  return { desired: { pair, maps, keys, ...moved }, lastApplied: record };
}

/**
 * The plan of the maps in scope: the planner run on the held desired state (see holdUnselected),
 * so its actions, waves, warnings, blockers and confirmations are those of the maps in scope only.
 * Drift and pending are the whole plan's, kept for the maps in scope and the pair itself (its
 * link, legal entities, key indexes), and integration keys only of the tables in scope; unmanaged
 * maps are the whole plan's. desiredHash is the whole desired state's, as apply checks it.
 */
export function buildSelectedPlan(input: BuildPlanInput, selection: MapSelection): Plan {
  if (selection.whole) return buildPlan(input);
  const held = holdUnselected(input.desired, input.snapshot, input.lastApplied, selection);
  const plan = buildPlan({ ...input, desired: held.desired, lastApplied: held.lastApplied });
  const keysInScope = (record: LastAppliedRecord | undefined): LastAppliedRecord | undefined =>
    record === undefined ? undefined : { ...record, keys: Object.fromEntries(Object.entries(record.keys).filter(([table]) => selection.tables.has(table))) };
  const whole = buildPlan({ ...input, lastApplied: keysInScope(input.lastApplied) });
  const inScope = (map: string | null): boolean => map === null || selection.maps.has(map);
  const scoped: PairDesired = {
    pair: input.desired.pair,
    maps: input.desired.maps.filter((m) => selection.maps.has(m.map.name)),
    keys: input.desired.keys.filter((k) => selection.tables.has(k.table)),
  };
  const findings = {
    actions: plan.actions,
    warnings: plan.warnings,
    blockers: plan.blockers,
    drift: whole.drift.filter((d) => inScope(d.map)),
    pending: findPending(scoped, keysInScope(input.lastApplied)).filter((p) => inScope(p.map)),
    unmanaged: whole.unmanaged,
  };
  return { ...plan, ...findings, desiredHash: hashDesired(input.desired), summary: summarisePlan(findings) };
}

/**
 * What the last-applied record of a scoped apply is made from: the maps in scope (recorded from
 * live, as after any apply), the integration keys of the tables in scope from git, and the keys
 * out of scope as the previous record had them. A map out of scope is absent, so the record keeps
 * its previous entry (definition hash, state, rerun token): the apply did not touch it, and a drift
 * or a pending rerun of it must still show.
 */
export function recordedDesired(pairDesired: PairDesired, selection: MapSelection, previous: LastAppliedRecord | undefined): PairDesired {
  if (selection.whole) return pairDesired;
  const keys = pairDesired.keys.filter((k) => selection.tables.has(k.table));
  const kept = Object.entries(previous?.keys ?? {})
    .filter(([table]) => !selection.tables.has(table))
    .map(([table, entry]) => ({ file: "", table, columns: entry.columns, alternateKey: { schemaName: entry.alternateKey, displayName: entry.alternateKey } }));
  return { pair: pairDesired.pair, maps: pairDesired.maps.filter((m) => selection.maps.has(m.map.name)), keys: [...keys, ...kept] };
}

/** plan-run's planFor for the maps in scope: desired state of the pair, last-applied record from the snapshot. */
export function planSelected(
  desired: Desired,
  pair: EnvironmentPair,
  snapshot: Snapshot,
  options: { prune: boolean; maxStops: number; confirm: string | undefined },
  commit: string | null,
  selection: MapSelection,
): { plan: Plan; pairDesired: PairDesired } {
  const pairDesired = desiredForPair(desired, pair);
  return { plan: buildSelectedPlan(planInput(pairDesired, snapshot, options, commit), selection), pairDesired };
}
