import { toMapDefinition } from "../model/definition.js";
import type { EnvironmentPair, MapState, Side } from "../model/desired.js";
import type { PairMap } from "../model/pair-view.js";
import type { LiveMap, LiveMapState, MapDefinition, MapRef } from "../model/snapshot.js";
import { mapTitle } from "./describe-action.js";
import { effectiveDefinition, matchIgnoreRules, type Ignored } from "./match-ignore-rules.js";
import { sameDefinition } from "./normalise-definition.js";

export type Start =
  { kind: "startMap"; initialSync: { master: Side } | null } | { kind: "resumeMap" } | { kind: "initialSync"; master: Side };

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
  activate: boolean;
  stop: boolean;
  /** In order; a resume can be followed by a rerun of a failed initial sync. */
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
  return a.publisher === b.publisher && a.number === b.number;
}

function definitionSteps(live: LiveMap | undefined, definition: MapDefinition): Pick<MapPlan, "save" | "activate"> {
  if (live === undefined) return { save: { change: "create" }, activate: true };
  if (sameVersion(definition.version, live.definition.version)) {
    return { save: sameDefinition(definition, live.definition) ? undefined : { change: "update" }, activate: false };
  }
  // A snapshot reads only the active version's definition, so a parked version is overwritten
  // with git's definition before it is activated: its content cannot be compared.
  const parked = live.versions.some((v) => sameVersion(v, definition.version));
  return { save: { change: parked ? "update" : "create" }, activate: true };
}

/** Desired against live for one map: what to save, and which lifecycle steps bring it to its desired state. */
export function planMap(pairMap: PairMap, live: LiveMap | undefined, pair: EnvironmentPair): MapPlan {
  const ignored = matchIgnoreRules(pair, pairMap.map.name);
  const desired = toMapDefinition(pairMap.map);
  const definition = effectiveDefinition(desired, live?.definition, ignored);
  const { save, activate } = definitionSteps(live, definition);
  const before: MapState = live === undefined ? "stopped" : settledState(live.state);
  const target: MapState = live !== undefined && ignored.state ? before : pairMap.state;

  let current = before;
  let stop = false;
  if ((save !== undefined || activate || target === "stopped") && current !== "stopped") {
    stop = true;
    current = "stopped";
  }
  const starts: Start[] = [];
  if (target !== "stopped" && current === "stopped") {
    starts.push({ kind: "startMap", initialSync: pairMap.initialSync.enabled ? { master: pairMap.initialSync.master } : null });
    current = "running";
  } else {
    if (target === "running" && current === "paused") {
      starts.push({ kind: "resumeMap" });
      current = "running";
    }
    if (target === "running" && live?.initialSync?.status === "failed" && pairMap.initialSync.enabled) {
      starts.push({ kind: "initialSync", master: pairMap.initialSync.master });
    }
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
    activate,
    stop,
    starts,
    pause: target === "paused" && current === "running",
  };
}
