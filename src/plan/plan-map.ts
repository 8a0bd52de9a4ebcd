import { toMapDefinition } from "../model/definition.js";
import type { EnvironmentPair, MapState, QueuedRecords, Side } from "../model/desired.js";
import type { LastAppliedMap } from "../model/last-applied.js";
import type { PairMap } from "../model/pair-view.js";
import type { LiveMap, LiveMapState, MapDefinition, MapRef } from "../model/snapshot.js";
import { mapTitle } from "./describe-action.js";
import { effectiveDefinition, matchIgnoreRules, type Ignored } from "./match-ignore-rules.js";
import { sameDefinition } from "./normalise-definition.js";
import type { Blocker, PlanWarning } from "./plan.js";
import { followVersion, unchangedTemplate, versionOfAnotherPublisher } from "./plan-version.js";
import { solutionFor } from "./solution-name.js";

/** Why a start runs an initial sync; see initialSync in schemas/table-map.schema.json. */
export type InitialSyncReason = "first-start" | "rerun" | "cycle" | "refresh";

export type Start =
  | { kind: "startMap"; initialSync: { master: Side; reason: InitialSyncReason; token?: string } | null }
  | { kind: "resumeMap"; queuedRecords: QueuedRecords };

/** What apply must do to one desired map, before it is ordered into waves. */
export interface MapPlan {
  pairMap: PairMap;
  name: string;
  ref: MapRef;
  title: string;
  live: LiveMap | undefined;
  ignored: Ignored;
  /** The definition that is active once the plan has run. */
  definition: MapDefinition;
  save: { change: "create" | "update" } | undefined;
  /**
   * The version switch needs no save: the target version is a template of the service already,
   * with git's definition (pinned) or its publisher's (followed). Apply sends one SwitchActive
   * (switchMapVersion) from this version, the active one.
   */
  switchFrom: { publisher: string; number: string } | undefined;
  /**
   * What resolving `version: { follow }` blocks (no live map, no template by those publishers), or a
   * pinned save into another publisher's version (versionOfAnotherPublisher).
   */
  blockers: Blocker[];
  /** What resolving the version says (a followed version whose definition differs from git's). */
  warnings: PlanWarning[];
  /** The dwctl solution the version is saved in, applied (Apply Solution) after a save. */
  solution: string;
  applySolution: boolean;
  /** The service lists no project for the map yet (pid null, or the map is new): action "8" first. */
  initialise: boolean;
  activate: boolean;
  /** Refresh tables before the start, as DW Helper does after a version or key change (dualwrite-service.md §6.2). */
  refresh: "definition" | "key" | "new" | undefined;
  stop: boolean;
  starts: Start[];
  pause: boolean;
}

export function refOf(pairMap: PairMap): MapRef {
  return { entity: pairMap.map.financeAndOperations.entity, table: pairMap.map.dataverse.table };
}

/** The three states a map can be asked for; initializing, resuming and error count as running. */
export function settledState(state: LiveMapState): MapState {
  if (state === "paused") return "paused";
  if (state === "stopped" || state === "notRunning") return "stopped";
  return "running";
}

function sameVersion(a: { publisher: string; number: string }, b: { publisher: string; number: string }): boolean {
  return a.publisher.toLowerCase() === b.publisher.toLowerCase() && a.number === b.number;
}

function definitionSteps(live: LiveMap | undefined, definition: MapDefinition): Pick<MapPlan, "save" | "activate"> {
  if (live === undefined) return { save: { change: "create" }, activate: true };
  if (sameVersion(definition.version, live.definition.version)) {
    return { save: sameDefinition(definition, live.definition) ? undefined : { change: "update" }, activate: false };
  }
  // A version whose definition the snapshot does not hold (a parked row, a template without a
  // readable row) or that differs from git is overwritten with git's definition before it is
  // activated; planMap has already taken a template that holds git's definition (unchangedTemplate).
  const parked = live.versions.some((v) => sameVersion(v, definition.version));
  return { save: { change: parked ? "update" : "create" }, activate: true };
}

/** No save, no lifecycle: a map whose version cannot be resolved or saved (the plan is blocked). */
function blockedPlan(pairMap: PairMap, live: LiveMap | undefined, ignored: Ignored, definition: MapDefinition, blockers: Blocker[]): MapPlan {
  return {
    pairMap,
    name: pairMap.map.name,
    ref: refOf(pairMap),
    title: mapTitle(definition),
    live,
    ignored,
    definition,
    save: undefined,
    switchFrom: undefined,
    blockers,
    warnings: [],
    solution: "",
    applySolution: false,
    initialise: false,
    activate: false,
    refresh: undefined,
    stop: false,
    starts: [],
    pause: false,
  };
}

export interface MapPlanContext {
  pair: EnvironmentPair;
  /** What the last apply recorded for this map; undefined when dwctl never applied it here. */
  applied: LastAppliedMap | undefined;
  /** The integration key of the map's table changes in this plan. */
  keyChanges: boolean;
  /**
   * For dwctl refresh: the initial sync of a first start. "skip" unless the map says run; "run" unless
   * the map says skip. Undefined outside a refresh: initialSync.enabled decides.
   */
  refreshInitialSync?: "run" | "skip";
}

/**
 * Whether the map has ever run, as far as anyone can tell: it runs or is paused now, dwctl applied it
 * here before, or the service's last request for it is a start, stop, pause or resume.
 */
function hasRun(live: LiveMap, applied: LastAppliedMap | undefined): boolean {
  const action = live.lastRequest?.action;
  return settledState(live.state) !== "stopped" || applied !== undefined || (action !== undefined && action !== "initialise" && action !== "other");
}

/**
 * The initial sync of a start: only on the map's first start (the service has no project for it, or
 * it never ran), or for a rerun token not applied yet. Every other start skips it: an edit must
 * never overwrite one side with the other.
 */
function initialSyncOf(pairMap: PairMap, live: LiveMap | undefined, context: MapPlanContext): Start & { kind: "startMap" } {
  const { master, rerun } = pairMap.initialSync;
  const applied = context.applied;
  const enabled = context.refreshInitialSync === undefined ? pairMap.initialSync.enabled : (pairMap.refreshInitialSync ?? context.refreshInitialSync) === "run";
  // After a refresh, the last-applied record describes the pair before its Reset link: only the
  // service's own history of the map counts.
  const firstStart = live === undefined || !live.initialised || !hasRun(live, context.refreshInitialSync === undefined ? applied : undefined);
  if (firstStart && enabled) return { kind: "startMap", initialSync: { master, reason: context.refreshInitialSync === undefined ? "first-start" : "refresh" } };
  if (rerun !== undefined && rerun !== applied?.initialSyncRerun) return { kind: "startMap", initialSync: { master, reason: "rerun", token: rerun } };
  return { kind: "startMap", initialSync: null };
}

/** Desired against live for one map: what to save, and which lifecycle steps bring it to its desired state. */
export function planMap(pairMap: PairMap, live: LiveMap | undefined, context: MapPlanContext): MapPlan {
  const ignored = matchIgnoreRules(context.pair, pairMap.map.name);
  const followed = pairMap.map.version.kind === "follow" ? followVersion(pairMap, live, ignored, context.pair.name) : undefined;
  if (followed?.kind === "blocked") {
    return blockedPlan(pairMap, live, ignored, live?.definition ?? toMapDefinition(pairMap.map), followed.blockers);
  }
  const desired = toMapDefinition(pairMap.map, followed?.version);
  let definition = effectiveDefinition(desired, live?.definition, ignored);
  let save: MapPlan["save"];
  let activate: boolean;
  let switchFrom: MapPlan["switchFrom"];
  if (followed !== undefined && live !== undefined) {
    // Followed: switch to the chosen template, never save (README, "Versions").
    definition = followed.definition ?? definition;
    save = undefined;
    activate = !sameVersion(followed.version, live.definition.version);
    switchFrom = activate ? { ...live.definition.version } : undefined;
  } else {
    const template = live === undefined || sameVersion(definition.version, live.definition.version) ? undefined : unchangedTemplate(live, desired, ignored);
    if (live !== undefined && template !== undefined) {
      definition = template;
      save = undefined;
      activate = true;
      switchFrom = { ...live.definition.version };
    } else {
      ({ save, activate } = definitionSteps(live, definition));
      // Apply would refuse this save after stopping the map (definitions.ts ownRow): block it here.
      const another = save !== undefined && live !== undefined ? versionOfAnotherPublisher(pairMap, live, definition.version) : undefined;
      if (another !== undefined) return blockedPlan(pairMap, live, ignored, definition, [another]);
    }
  }
  const known = live?.templates.some((template) => sameVersion(template, definition.version)) ?? false;
  const initialise = live === undefined || !live.initialised;
  const before: MapState = live === undefined ? "stopped" : settledState(live.state);
  // DW Helper refreshes tables only in a redeploy, with the map stopped (dualwrite-service.md §6.2);
  // a key change alone does not stop a running map (§6.4: the key pass runs without a restart).
  const keyRefresh = context.keyChanges && before === "stopped";
  const refresh = initialise ? "new" : save !== undefined || activate ? "definition" : keyRefresh ? "key" : undefined;
  const target: MapState = live !== undefined && ignored.state ? before : pairMap.state;
  const start = initialSyncOf(pairMap, live, context);
  const rerun = start.initialSync?.reason === "rerun" && target !== "stopped";

  let current = before;
  let stop = false;
  if ((save !== undefined || activate || refresh !== undefined || rerun || target === "stopped") && current !== "stopped") {
    stop = true;
    current = "stopped";
  }
  const starts: Start[] = [];
  if (target !== "stopped" && current === "stopped") {
    starts.push(start);
    current = "running";
  } else if (target === "running" && current === "paused") {
    starts.push({ kind: "resumeMap", queuedRecords: pairMap.resume.queuedRecords });
    current = "running";
  }
  return {
    pairMap,
    name: pairMap.map.name,
    ref: refOf(pairMap),
    title: mapTitle(desired),
    live,
    ignored,
    definition,
    save,
    switchFrom,
    blockers: [],
    warnings: followed?.warnings ?? [],
    solution: solutionFor(definition.version.publisher),
    applySolution: save !== undefined || (activate && !known),
    initialise,
    activate,
    refresh,
    stop,
    starts,
    pause: target === "paused" && current === "running",
  };
}
