import { parseLastApplied } from "../model/last-applied.js";
import { toFieldRow } from "../model/definition.js";
import type { FieldMapping } from "../model/desired.js";
import { canonicalJson, fingerprint } from "../model/fingerprint.js";
import type { LastAppliedRecord } from "../model/last-applied.js";
import type { PairDesired } from "../model/pair-view.js";
import { mapKey, type MapDefinition, type Snapshot } from "../model/snapshot.js";
import { assembleWaves, type Step } from "./assemble-waves.js";
import { countChanges } from "./count-changes.js";
import { described, sideName } from "./describe-action.js";
import { detectDrift } from "./detect-drift.js";
import { diffDefinitions } from "./diff-definitions.js";
import { findPending } from "./find-pending.js";
import { hashDesired } from "./hash-desired.js";
import { orderStarts } from "./order-starts.js";
import type { ActionBody, Plan, PlanWarning } from "./plan.js";
import { planKeys } from "./plan-keys.js";
import { planLink } from "./plan-link.js";
import { planMap, refOf, settledState, type MapPlan, type Start } from "./plan-map.js";
import { planPrune } from "./plan-prune.js";
import { planRenames } from "./plan-renames.js";
import { requireConfirmations } from "./require-confirmations.js";
import { summarisePlan } from "./summarise-plan.js";

export const defaultMaxStops = 10;

export interface PlanOptions {
  /** Delete maps dwctl applied earlier that git no longer has. */
  prune: boolean;
  /** More stops than this need --confirm. Default 10. */
  maxStops?: number;
  /** The pair name given to --confirm. */
  confirm?: string;
  /** dwctl refresh: the initial sync of each map's first start after the rebuild (a map may override it). */
  refreshInitialSync?: "run" | "skip";
}

export interface BuildPlanInput {
  desired: PairDesired;
  snapshot: Snapshot;
  lastApplied: LastAppliedRecord | undefined;
  options: PlanOptions;
  commit?: string;
  /** ISO 8601; the caller owns the clock. */
  createdAt: string;
}

/** The input of a plan made now from a pair's desired state and a snapshot (its last-applied record included). */
export function planInput(
  desired: PairDesired,
  snapshot: Snapshot,
  options: { prune: boolean; maxStops: number; confirm: string | undefined },
  commit: string | null,
): BuildPlanInput {
  return {
    desired,
    snapshot,
    lastApplied: parseLastApplied(snapshot.lastApplied?.value),
    options: { prune: options.prune, maxStops: options.maxStops, ...(options.confirm === undefined ? {} : { confirm: options.confirm }) },
    ...(commit === null ? {} : { commit }),
    createdAt: new Date().toISOString(),
  };
}

function target(plan: MapPlan): { map: string; ref: { entity: string; table: string }; title: string } {
  return { map: plan.name, ref: { ...plan.ref }, title: plan.title };
}

type LookupCycle = { phase: 1 | 2; fields: string[] } | null;

function saveAction(
  plan: MapPlan,
  definition: MapDefinition,
  before: MapDefinition | undefined,
  change: "create" | "update",
  lookupCycle: LookupCycle,
): ActionBody {
  return described({
    kind: "saveMapDefinition",
    ...target(plan),
    change,
    definition,
    changes: countChanges(before, definition),
    lookupCycle,
    diff: diffDefinitions(plan.name, before, definition),
  });
}

function startAction(plan: MapPlan, start: Start): ActionBody {
  switch (start.kind) {
    case "startMap":
      return described({ kind: "startMap", ...target(plan), initialSync: start.initialSync });
    case "resumeMap":
      return described({ kind: "resumeMap", ...target(plan), queuedRecords: start.queuedRecords });
  }
}

function without(definition: MapDefinition, omitted: readonly FieldMapping[]): MapDefinition {
  const drop = omitted.map((f) => canonicalJson(toFieldRow(f)));
  const fields = definition.fields.filter((row) => {
    const at = drop.indexOf(canonicalJson(row));
    if (at < 0) return true;
    drop.splice(at, 1);
    return false;
  });
  return { ...definition, fields };
}

/** Steps for one map; a map of a lookup cycle gets the two-phase treatment. */
function mapSteps(plan: MapPlan, level: number, omitted: readonly FieldMapping[] | undefined): Step[] {
  const steps: Step[] = [];
  const live = plan.live?.definition;
  if (plan.stop) steps.push({ stage: "stop", level: 0, action: described({ kind: "stopMap", ...target(plan) }) });
  if (omitted === undefined) {
    if (plan.save !== undefined)
      steps.push({ stage: "definitions", level: 0, action: saveAction(plan, plan.definition, live, plan.save.change, null) });
  } else {
    const reduced = without(plan.definition, omitted);
    const fields = omitted.map((f) => f.dv?.raw ?? f.fo ?? "");
    steps.push({
      stage: "definitions",
      level: 0,
      action: saveAction(plan, reduced, live, plan.save?.change ?? "update", { phase: 1, fields }),
    });
    steps.push({ stage: "cycleStop", level: 0, action: described({ kind: "stopMap", ...target(plan) }) });
    steps.push({ stage: "cycleDefinitions", level: 0, action: saveAction(plan, plan.definition, reduced, "update", { phase: 2, fields }) });
    steps.push({ stage: "cycleRefresh", level: 0, action: described({ kind: "refreshTables", ...target(plan), reason: "definition" }) });
    steps.push({
      stage: "cycleStart",
      level: 0,
      action: described({ kind: "startMap", ...target(plan), initialSync: { master: plan.pairMap.initialSync.master, reason: "cycle" } }),
    });
  }
  if (plan.initialise) steps.push({ stage: "initialise", level: 0, action: described({ kind: "initialiseMap", ...target(plan) }) });
  if (plan.activate && plan.switchFrom !== undefined) {
    // Nothing to save: the switch is one action (one SwitchActive).
    const to = { ...plan.definition.version };
    steps.push({ stage: "activate", level: 0, action: described({ kind: "switchMapVersion", ...target(plan), from: { ...plan.switchFrom }, to }) });
  } else if (plan.activate) {
    const version = { ...plan.definition.version };
    steps.push({ stage: "activate", level: 0, action: described({ kind: "activateMapVersion", ...target(plan), version }) });
  }
  if (plan.refresh !== undefined)
    steps.push({ stage: "refresh", level: 0, action: described({ kind: "refreshTables", ...target(plan), reason: plan.refresh }) });
  for (const start of plan.starts) steps.push({ stage: "start", level, action: startAction(plan, start) });
  if (plan.pause) steps.push({ stage: "pause", level: 0, action: described({ kind: "pauseMap", ...target(plan) }) });
  return steps;
}

/**
 * One Apply Solution per solution that a save wrote to (dualwrite-service.md §5.6: one solution per
 * call, DW Helper applies them one after another); a lookup cycle's phase 2 saves again, so its
 * solution is applied again before the maps restart.
 */
function solutionSteps(plans: readonly MapPlan[], cycles: ReadonlySet<string>): Step[] {
  const bySolution = new Map<string, string[]>();
  const again = new Map<string, string[]>();
  for (const plan of plans) {
    // A map of a lookup cycle is saved in phase 1 whatever its live state, so its solution is applied too.
    if (plan.applySolution || cycles.has(plan.name)) bySolution.set(plan.solution, [...(bySolution.get(plan.solution) ?? []), plan.name]);
    if (cycles.has(plan.name)) again.set(plan.solution, [...(again.get(plan.solution) ?? []), plan.name]);
  }
  const steps = (stage: "solutions" | "cycleSolutions", groups: Map<string, string[]>): Step[] =>
    [...groups]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([solution, maps]): Step => ({ stage, level: 0, action: described({ kind: "applySolution", solution, maps }) }));
  return [...steps("solutions", bySolution), ...steps("cycleSolutions", again)];
}

/** A key that changes under a map that keeps running: written as DW Helper writes it, without a restart. */
function keyWhileRunning(plans: readonly MapPlan[], keyTables: ReadonlySet<string>): PlanWarning[] {
  return plans
    .filter((plan) => keyTables.has(plan.ref.table) && plan.live !== undefined && !plan.stop && plan.refresh === undefined && plan.starts.length === 0)
    .filter((plan) => plan.live !== undefined && settledState(plan.live.state) !== "stopped")
    .map((plan) => ({
      code: "key-change-running-map",
      map: plan.name,
      message: `the integration key of ${plan.ref.table} changes while ${plan.title} runs. As Microsoft's DW Helper does, dwctl writes the key without stopping the map; Refresh tables runs the next time the map is stopped for an edit. Whether the running map uses the new key before then is not known.`,
    }));
}

function masterWarnings(steps: readonly Step[]): PlanWarning[] {
  const seen = new Set<string>();
  const out: PlanWarning[] = [];
  for (const { action } of steps) {
    const master = action.kind === "startMap" ? action.initialSync?.master : undefined;
    if (master !== "financeAndOperations" || !("map" in action) || seen.has(action.map)) continue;
    seen.add(action.map);
    out.push({
      code: "initial-sync-master",
      map: action.map,
      message: `${action.title} runs an initial sync with ${sideName(master)} as master: rows whose key exists on both sides take the finance and operations values; the master only settles conflicts, it does not set the direction`,
    });
  }
  return out;
}

/**
 * The plan for one environment pair: desired (git) against live, with the last applied record
 * for drift and pending. Pure: the caller passes the clock and the commit.
 */
export function buildPlan(input: BuildPlanInput): Plan {
  const { desired, snapshot, lastApplied, options } = input;
  const live = new Map(snapshot.maps.map((m) => [mapKey(m.ref), m]));
  const keys = planKeys(desired, snapshot);
  const keyTables = new Set(keys.actions.flatMap((action) => (action.kind === "setIntegrationKey" ? [action.table] : [])));
  const plans = [...desired.maps]
    .sort((a, b) => a.map.name.localeCompare(b.map.name))
    .map((pairMap) => {
      const ref = refOf(pairMap);
      return planMap(pairMap, live.get(mapKey(ref)), {
        pair: desired.pair,
        applied: lastApplied?.maps[mapKey(ref)],
        keyChanges: keyTables.has(ref.table),
        ...(options.refreshInitialSync === undefined ? {} : { refreshInitialSync: options.refreshInitialSync }),
      });
    });
  const link = planLink(desired.pair, snapshot, lastApplied);
  const prune = planPrune(desired, snapshot, lastApplied, options.prune);
  const renames = planRenames(desired.pair, plans, desired.moved ?? [], lastApplied, snapshot);
  const order = orderStarts(plans, desired);
  const omitted = new Map(order.twoPhase.map((t) => [t.name, t.omitted]));

  const steps: Step[] = [
    ...renames.actions.map((action): Step => ({ stage: "rename", level: 0, action })),
    ...keys.actions.map((action): Step => ({ stage: "keys", level: 0, action })),
    ...plans.flatMap((plan) => mapSteps(plan, order.levels.get(plan.name) ?? 0, omitted.get(plan.name))),
    ...solutionSteps(plans, new Set(omitted.keys())),
    ...prune.stops.map((action): Step => ({ stage: "stop", level: 0, action })),
    ...prune.deletes.map((action): Step => ({ stage: "definitions", level: 0, action })),
  ];
  const { waves, actions } = assembleWaves(steps);
  const findings = {
    actions,
    warnings: [...renames.warnings, ...keys.warnings, ...link.warnings, ...keyWhileRunning(plans, keyTables), ...order.warnings, ...masterWarnings(steps), ...prune.warnings, ...plans.flatMap((plan) => plan.warnings)],
    drift: detectDrift(desired, snapshot, lastApplied, plans),
    pending: findPending(desired, lastApplied),
    blockers: [...link.blockers, ...order.blockers, ...plans.flatMap((plan) => plan.blockers), ...renames.blockers],
    unmanaged: prune.unmanaged,
  };
  return {
    format_version: "1.1",
    pair: desired.pair.name,
    createdAt: input.createdAt,
    commit: input.commit ?? null,
    fingerprint: fingerprint(snapshot),
    desiredHash: hashDesired(desired),
    prune: options.prune,
    summary: summarisePlan(findings),
    waves,
    actions,
    warnings: findings.warnings,
    drift: findings.drift,
    pending: findings.pending,
    confirmationsRequired: requireConfirmations(desired, actions, options.maxStops ?? defaultMaxStops),
    confirmed: options.confirm === desired.pair.name,
    blockers: findings.blockers,
    unmanaged: findings.unmanaged,
  };
}
