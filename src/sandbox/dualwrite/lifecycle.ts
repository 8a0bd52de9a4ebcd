import type { SandboxContext } from "../context.js";
import { ApiError } from "../api/types.js";
import { keyStatus, listKeys } from "../dataverse/keys.js";
import { tableByName } from "../dataverse/tables.js";
import { drainQueue, initialSync } from "../sync/sync.js";
import type { QueueMode } from "../sync/sync.js";
import { sql } from "../store/sql.js";
import type { EnvironmentHandles } from "../store/store.js";
import { integrationKeyOf } from "./integration-keys.js";
import { environmentOfCid, linkedDataverse } from "./link.js";
import type { ServiceMap } from "./maps.js";
import { findServiceMap, serviceMapsOfTable } from "./maps.js";
import { writeRuntimeRows, setRuntimeStatus } from "./runtime.js";
import type { MapStateRow } from "./state.js";
import { ACTION, REQUEST_STATUS, STATE, createRequest, dueMapStates, getMapState, isIdle, newMapState, saveMapState } from "./state.js";

export interface ActionDetail {
  tid: string | undefined;
  pid: string;
  cid: string;
  parameters: Record<string, unknown>;
}

interface Transition {
  interim: number | undefined;
  final: number;
  delayMs: number;
  option: string | null;
  message: string;
}

/** Runs a map action as the service does: it answers at once with a request id and the map moves over time. */
export function runAction(context: SandboxContext, action: number, detail: ActionDetail): string {
  const environment = environmentOfCid(context, detail.cid);
  if (environment === undefined) throw new ApiError(404, "NotFound", `No connection set ${detail.cid}.`);
  const map = findServiceMap(context, environment, detail.pid);
  const pid = detail.pid.toLowerCase();
  const stored = getMapState(environment.finops, pid);
  if (map === undefined && stored === undefined) throw new ApiError(404, "NotFound", `No table map ${detail.pid} in connection set ${detail.cid}.`);
  const row = stored ?? (map === undefined ? newMapState(pid, "", "") : newMapState(pid, map.entity, map.table));
  const now = context.now();
  const finish = (status: number, message: string, completeAt: number): string => {
    const requestId = createRequest(environment.finops, { pid, action: String(action), now, completeAt, status, message });
    saveMapState(environment.finops, { ...row, last_request_id: requestId });
    return requestId;
  };
  if (row.next_at !== null && row.next_at > now) {
    return finish(REQUEST_STATUS.error, "Another operation on this table map is still in progress; wait for it to finish.", now);
  }
  const outcome = plan(context, environment, action, row, map, detail.parameters);
  if (typeof outcome === "string") return finish(REQUEST_STATUS.error, outcome, now);
  if (outcome === undefined) return finish(REQUEST_STATUS.completed, "Completed: nothing to do.", now);
  if (outcome.interim !== undefined) row.state = outcome.interim;
  row.next_state = outcome.final;
  row.next_at = now + outcome.delayMs;
  row.next_action = action;
  row.next_option = outcome.option;
  return finish(REQUEST_STATUS.completed, outcome.message, row.next_at);
}

/** The transition an action starts, an error message, or undefined when there is nothing to do. */
function plan(
  context: SandboxContext,
  environment: EnvironmentHandles,
  action: number,
  row: MapStateRow,
  map: ServiceMap | undefined,
  parameters: Record<string, unknown>,
): Transition | string | undefined {
  const full = context.timings.mapTransitionMs;
  const short = Math.max(1, Math.round(full / 5));
  switch (action) {
    case ACTION.start: {
      if (map === undefined) return "The table map has no saved version in the linked Dataverse environment.";
      if (row.state === STATE.running || row.state === STATE.initialSync || row.state === STATE.catchUp) return undefined;
      if (row.state === STATE.paused) return "The table map is paused; resume it instead.";
      const problem = startProblem(context, environment, map);
      if (problem !== undefined) return problem;
      const linked = linkedDataverse(context, environment);
      if (linked === undefined) return "The finance and operations environment is not linked to Dataverse.";
      writeRuntimeRows(context, environment, linked.dataverse, map, linked.link);
      row.active_tid = map.active.tid;
      const message = withWarnings("Completed", prerequisiteWarnings(context, environment, map));
      if (parameters["skipInitialSync"] === true) return { interim: undefined, final: STATE.running, delayMs: short, option: null, message };
      return { interim: STATE.initialSync, final: STATE.running, delayMs: full, option: masterOf(parameters), message };
    }
    case ACTION.stop:
      if (isIdle(row.state)) return undefined;
      setRuntimeStatus(environment.finops, row.pid, "Stopped");
      return { interim: undefined, final: STATE.stopped, delayMs: short, option: null, message: "Completed" };
    case ACTION.pause:
      if (row.state !== STATE.running) return "Only a running table map can be paused.";
      setRuntimeStatus(environment.finops, row.pid, "Paused");
      return { interim: undefined, final: STATE.paused, delayMs: short, option: null, message: "Completed" };
    case ACTION.resume: {
      if (row.state !== STATE.paused) return "Only a paused table map can be resumed.";
      setRuntimeStatus(environment.finops, row.pid, "Running");
      const mode: QueueMode =
        parameters["skipCatchUpSyncDiscardData"] === true ? "discard" : parameters["skipCatchUpSyncPreserveData"] === true ? "preserve" : "replay";
      return { interim: STATE.catchUp, final: STATE.running, delayMs: full, option: mode, message: "Completed" };
    }
    case ACTION.initialSync:
      if (row.state !== STATE.running) return "Initial sync needs a running table map.";
      return { interim: STATE.initialSync, final: STATE.running, delayMs: full, option: masterOf(parameters), message: "Completed" };
    default:
      throw new ApiError(400, "BadRequest", `Unknown action ${action}; use 1 start, 4 stop, 5 pause, 6 resume or 8 initial sync.`);
  }
}

function masterOf(parameters: Record<string, unknown>): string {
  const resolution = parameters["conflictResolution"];
  const master: unknown = typeof resolution === "object" && resolution !== null ? Reflect.get(resolution, "master") : undefined;
  return master === "AX" ? "AX" : "CRM";
}

/** Why a map cannot start: a link to another organization, or no integration key backed by an active alternate key. */
function startProblem(context: SandboxContext, environment: EnvironmentHandles, map: ServiceMap): string | undefined {
  const linked = linkedDataverse(context, environment);
  if (linked === undefined) return "The finance and operations environment is not linked to Dataverse.";
  const own = environment.identity.organizationId;
  if (linked.link.dataverseEnv !== environment.name || linked.link.organizationId !== own) {
    return `SecureConfig Organization (${linked.link.organizationId}) does not match actual CRM Organization (${own}). Reset the link.`;
  }
  const key = integrationKeyOf(environment.finops, map.table);
  if (key === undefined || key.length === 0) return `DIPV1003: table ${map.table} has no integration key.`;
  const table = tableByName(linked.dataverse.dataverse, map.table);
  const wanted = new Set(key.map(firstSegment));
  const matching = listKeys(linked.dataverse.dataverse, map.table).filter(
    (candidate) => candidate.attributes.length === wanted.size && candidate.attributes.every((attribute) => wanted.has(firstSegment(attribute))),
  );
  if (matching.length === 0) return `No alternate key of table ${map.table} matches its integration key (${key.join(", ")}).`;
  const now = context.now();
  const statuses = matching.map((candidate) => ({ candidate, status: keyStatus(candidate, table, now, context.timings) }));
  if (statuses.some((entry) => entry.status === "Active")) return undefined;
  const first = statuses[0];
  return `The alternate key ${first?.candidate.schemaName ?? "?"} of table ${map.table} is ${first?.status ?? "missing"}, not Active.`;
}

function firstSegment(column: string): string {
  return column.split(".")[0] ?? column;
}

/** Lookup targets whose own map is not running: the service warns, it does not refuse. */
function prerequisiteWarnings(context: SandboxContext, environment: EnvironmentHandles, map: ServiceMap): string[] {
  const runs = (candidate: ServiceMap): boolean => {
    const state = getMapState(environment.finops, candidate.pid)?.state;
    return state === STATE.running || state === STATE.initialSync || state === STATE.catchUp;
  };
  return prerequisiteTables(context, environment, map)
    .filter((table) => !serviceMapsOfTable(context, environment, table).some(runs))
    .map((table) => `related table ${table} has no running map`);
}

export function prerequisiteTables(context: SandboxContext, environment: EnvironmentHandles, map: ServiceMap): string[] {
  const linked = linkedDataverse(context, environment);
  const lookups = linked === undefined ? {} : (tableByName(linked.dataverse.dataverse, map.table)?.lookups ?? {});
  const tables = new Set<string>();
  for (const field of map.active.mapping.fields) {
    if (field.dv === null || !field.dv.includes(".")) continue;
    const target = field.relatedEntity ?? lookups[firstSegment(field.dv)];
    if (target !== undefined && target !== map.table) tables.add(target);
  }
  return [...tables];
}

function withWarnings(message: string, warnings: readonly string[]): string {
  return warnings.length === 0 ? message : `${message} with warnings: ${warnings.join("; ")}`;
}

/** Moves every map whose transition time has passed; catch-up and initial sync run at that moment. */
export function settleAll(context: SandboxContext): void {
  const now = context.now();
  for (const environment of context.store.all()) {
    const due = dueMapStates(environment.finops, now);
    if (due.length === 0) continue;
    for (const row of due) settle(context, environment, row);
  }
}

function settle(context: SandboxContext, environment: EnvironmentHandles, row: MapStateRow): void {
  if (row.next_action === ACTION.resume) drainQueue(context, environment, row.pid, (row.next_option ?? "replay") as QueueMode);
  if (row.next_action === ACTION.stop) sql(environment.finops, "DELETE FROM change_queue WHERE pid = ?").run(row.pid);
  const syncing = row.next_action === ACTION.start || row.next_action === ACTION.initialSync;
  if (syncing && row.state === STATE.initialSync && row.next_option !== null) {
    const map = findServiceMap(context, environment, row.pid);
    if (map !== undefined) initialSync(context, environment, map, row.next_option);
  }
  saveMapState(environment.finops, { ...row, state: row.next_state ?? row.state, next_state: null, next_at: null, next_action: null, next_option: null });
}
