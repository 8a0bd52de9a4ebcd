import { randomUUID } from "node:crypto";
import type { SandboxContext } from "../context.js";
import { ApiError } from "../api/types.js";
import { keyStatus, listKeys } from "../dataverse/keys.js";
import { tableByName } from "../dataverse/tables.js";
import { getRow, listRows } from "../store/rows.js";
import { sql } from "../store/sql.js";
import type { EnvironmentHandles } from "../store/store.js";
import { drainQueue, initialSync } from "../sync/sync.js";
import type { QueueMode } from "../sync/sync.js";
import { MAP_SET, activeDefinition, definitionOfRow, freeze, runningMapOf, tableOfSet } from "./definition.js";
import { foreignRuntimeOrganization, secureConfigMessage, setRuntimeStatus, writeRuntimeRows } from "./runtime.js";
import type { ConnectionSet, MapRow } from "./service.js";
import {
  ACTION,
  REQUEST_STATE,
  STATE,
  connectionByCid,
  createRequest,
  dueMaps,
  finishRequestIfSettled,
  insertMap,
  integrationKeyOf,
  mapByPair,
  mapBySeq,
  mapOfTemplate,
  noteRequestError,
  saveMap,
  sidesOf,
} from "./service.js";

export interface StartDetail {
  tid: string | undefined;
  pid: string | undefined;
  cid: string | undefined;
  parameters: Record<string, unknown>;
}

interface Transition {
  interim: number | undefined;
  final: number;
  delayMs: number;
  option: string | null;
}

/** Actions whose Start may name several maps: DW Helper batches pause and resume (dualwrite-service.md §5.11). */
const BATCH_ACTIONS = new Set<string>([ACTION.pause, ACTION.resume]);

/**
 * POST Start (dualwrite-service.md §5.11): answers at once with a request id; the maps move over
 * time. A Start whose details name no map of this service is refused outright (§6.1: "answer that
 * with an error, not crash").
 */
export function startRequest(context: SandboxContext, action: string, details: readonly StartDetail[]): { requestId: string; connection: ConnectionSet } {
  const service = context.store.service;
  if (!Object.values(ACTION).includes(action as (typeof ACTION)[keyof typeof ACTION])) {
    // Actions 2, 3 and 7 are unknown (dualwrite-service.md §4): refused rather than guessed.
    throw new ApiError(400, "BadRequest", `Unknown action "${action}"; the service knows "1" start, "4" stop, "5" pause, "6" resume and "8" initialise.`);
  }
  if (details.length === 0) throw new ApiError(400, "BadRequest", "Start needs details: [{ tid, pid, cid, parameters }].");
  // Whether one Start may carry several maps for 1, 4 and 8 is unknown (dualwrite-service.md §9.13): refused.
  if (details.length > 1 && !BATCH_ACTIONS.has(action)) throw new ApiError(400, "BadRequest", `Action "${action}" takes one table map per Start.`);
  const resolved = details.map((detail) => {
    const map = detail.tid === undefined ? undefined : mapOfTemplate(service, detail.tid);
    return { detail, map: map !== undefined && detail.cid !== undefined && map.cid.toLowerCase() === detail.cid.toLowerCase() ? map : undefined };
  });
  const first = resolved.find((entry) => entry.map !== undefined)?.map;
  const connection = first === undefined ? undefined : connectionByCid(service, first.cid);
  if (first === undefined || connection === undefined) {
    throw new ApiError(404, "NotFound", "No table map of this connection set has the template id (tid) given in details; read Entities and send detail.template.id with the cid.");
  }
  const now = context.now();
  const requestId = createRequest(
    service,
    connection.cid,
    action,
    now,
    resolved.flatMap((entry) => (entry.map === undefined ? [] : [entry.map.seq])),
  );
  for (const { detail, map } of resolved) {
    if (map === undefined) {
      noteRequestError(service, requestId, `No table map has template ${detail.tid ?? "(none)"} in connection set ${detail.cid ?? "(none)"}.`);
      continue;
    }
    if (map.cid !== connection.cid) {
      noteRequestError(service, requestId, `Table map ${map.name} belongs to another connection set.`);
      continue;
    }
    const outcome = plan(context, connection, action, map, detail);
    if (typeof outcome === "string") {
      noteRequestError(service, requestId, `${map.name}: ${outcome}`);
      continue;
    }
    if (outcome === undefined) continue;
    // plan() may have frozen the definition: start from the row as it is now.
    const current = mapBySeq(service, map.seq) ?? map;
    saveMap(service, {
      ...current,
      state: outcome.interim ?? current.state,
      next_state: outcome.final,
      next_at: now + outcome.delayMs,
      next_action: action,
      next_option: outcome.option,
      next_request: requestId,
    });
  }
  finishRequestIfSettled(service, requestId, now);
  return { requestId, connection };
}

/** The transition an action starts, an error message, or undefined when there is nothing to do. */
function plan(context: SandboxContext, connection: ConnectionSet, action: string, map: MapRow, detail: StartDetail): Transition | string | undefined {
  const full = context.timings.mapTransitionMs;
  const short = Math.max(1, Math.round(full / 5));
  if (map.next_at !== null) return "Another operation on this table map is still in progress; wait for it to finish.";
  if (action !== ACTION.initialise && map.pid === null) {
    // The state of a never-initialised map is unknown (dualwrite-service.md §9.6): conservatively, initialise first.
    return 'The table map has no project yet; initialise it first (action "8").';
  }
  if (detail.pid !== undefined && detail.pid !== "" && map.pid !== null && detail.pid.toLowerCase() !== map.pid.toLowerCase()) {
    return `pid ${detail.pid} is not the project of this table map.`;
  }
  const sides = sidesOf(context, connection);
  if (sides === undefined) return "The connection set names an environment the service cannot reach.";
  switch (action) {
    case ACTION.initialise:
      if (map.pid !== null) return undefined;
      return { interim: undefined, final: map.state, delayMs: short, option: null };
    case ACTION.start: {
      if (map.state === STATE.running || map.state === STATE.initialSync || map.state === STATE.catchUp) return undefined;
      if (map.state === STATE.paused) return "The table map is paused; resume it instead.";
      const definition = activeDefinition(context.store.service, sides.dataverse.dataverse, map);
      if (definition === undefined) return "The active template's table map row is not in the linked Dataverse environment.";
      const problem = startProblem(context, connection, sides.dataverse, map);
      if (problem !== undefined) return problem;
      const running = runningMapOf({ ...map, running_definition: freeze(definition) });
      if (running === undefined) return "The table map's definition cannot be read.";
      saveMap(context.store.service, { ...map, running_definition: freeze(definition) });
      writeRuntimeRows(context, connection, sides.finops, sides.dataverse, running);
      const parameters = detail.parameters;
      if (parameters["skipInitialSync"] === true) return { interim: undefined, final: STATE.running, delayMs: short, option: null };
      return { interim: STATE.initialSync, final: STATE.running, delayMs: full, option: masterOf(parameters) };
    }
    case ACTION.stop:
      if (map.state === STATE.stopped || map.state === STATE.notRunning || map.state === STATE.none) return undefined;
      setRuntimeStatus(sides.finops.finops, map.pid ?? "", "Stopped");
      return { interim: undefined, final: STATE.stopped, delayMs: short, option: null };
    case ACTION.pause:
      if (map.state !== STATE.running) return "Only a running table map can be paused.";
      setRuntimeStatus(sides.finops.finops, map.pid ?? "", "Paused");
      return { interim: undefined, final: STATE.paused, delayMs: short, option: null };
    case ACTION.resume: {
      if (map.state !== STATE.paused) return "Only a paused table map can be resumed.";
      setRuntimeStatus(sides.finops.finops, map.pid ?? "", "Running");
      return { interim: STATE.catchUp, final: STATE.running, delayMs: full, option: catchUpMode(detail.parameters) };
    }
    default:
      return `Unknown action ${action}.`;
  }
}

/** dualwrite-service.md §4 "catch-up on resume"; DW Helper DWLibary/DWEnums.cs:33-41. */
function catchUpMode(parameters: Record<string, unknown>): QueueMode {
  const skip = parameters["dualWriteSkipCatchUpSyncParameters"];
  const preserve: unknown = typeof skip === "object" && skip !== null ? Reflect.get(skip, "skipCatchUpSyncPreserveData") : undefined;
  if (preserve === true) return "preserve";
  if (preserve === false) return "discard";
  return "replay";
}

/** dualwrite-service.md §4: "CRM" = Dataverse (the default), "AX" = F&O. */
function masterOf(parameters: Record<string, unknown>): string {
  const resolution = parameters["conflictResolution"];
  const master: unknown = typeof resolution === "object" && resolution !== null ? Reflect.get(resolution, "master") : undefined;
  return master === "AX" ? "AX" : "CRM";
}

/** Why a map cannot start: another organization's runtime configuration, or no integration key backed by an Active alternate key. */
function startProblem(context: SandboxContext, connection: ConnectionSet, dataverse: EnvironmentHandles, map: MapRow): string | undefined {
  const foreign = foreignRuntimeOrganization(dataverse.dataverse, map.table_name, dataverse.identity.organizationId);
  if (foreign !== undefined) return `${secureConfigMessage(foreign, dataverse.identity.organizationId)}.`;
  const key = integrationKeyOf(context.store.service, connection.cid, map.entity_set);
  // DIPV1003: "missing integration key" (docs data-entities/dual-write/dual-write-error-codes.md).
  if (key === undefined || key.length === 0) return `DIPV1003: table ${map.entity_set} has no integration key.`;
  const table = tableByName(dataverse.dataverse, map.table_name);
  const wanted = new Set(key.map(firstSegment));
  const matching = listKeys(dataverse.dataverse, map.table_name).filter(
    (candidate) => candidate.attributes.length === wanted.size && candidate.attributes.every((attribute) => wanted.has(firstSegment(attribute))),
  );
  if (matching.length === 0) return `No alternate key of table ${map.table_name} matches its integration key (${key.join(", ")}).`;
  const now = context.now();
  const statuses = matching.map((candidate) => ({ candidate, status: keyStatus(candidate, table, now, context.timings) }));
  if (statuses.some((entry) => entry.status === "Active")) return undefined;
  const first = statuses[0];
  return `The alternate key ${first?.candidate.schemaName ?? "?"} of table ${map.table_name} is ${first?.status ?? "missing"}, not Active.`;
}

export function firstSegment(column: string): string {
  return column.split(".")[0] ?? column;
}

/** Moves every map and solution request whose time has come; catch-up and initial sync run then. */
export function settleAll(context: SandboxContext): void {
  const now = context.now();
  const service = context.store.service;
  const solutions = sql(service, "SELECT request_id, cid, solution FROM solution_requests WHERE state = ? AND complete_at <= ?").all(REQUEST_STATE.waiting, now) as {
    request_id: string;
    cid: string;
    solution: string;
  }[];
  for (const request of solutions) {
    const outcome = applySolution(context, request.cid, request.solution, now);
    sql(service, "UPDATE solution_requests SET state = ?, message = ?, modified_at = ? WHERE request_id = ?").run(
      outcome.ok ? REQUEST_STATE.completed : REQUEST_STATE.error,
      outcome.message,
      now,
      request.request_id,
    );
  }
  for (const map of dueMaps(service, now)) settle(context, map, now);
}

function settle(context: SandboxContext, map: MapRow, now: number): void {
  const service = context.store.service;
  let next: MapRow = { ...map, state: map.next_state ?? map.state, next_state: null, next_at: null, next_action: null, next_option: null, next_request: null };
  const requestId = map.next_request;
  switch (map.next_action) {
    case ACTION.initialise:
      // Project names start with DWM- (docs data-entities/dual-write/initial-sync-guidance.md quotes "DWM-1ae35e60-…").
      next = { ...next, pid: randomUUID(), project_name: `DWM-${randomUUID()}`, project_created_at: now };
      break;
    case ACTION.resume:
      drainQueue(context, map, (map.next_option ?? "replay") as QueueMode);
      break;
    case ACTION.stop:
      sql(service, "DELETE FROM change_queue WHERE map_seq = ?").run(map.seq);
      break;
    case ACTION.start:
      if (map.state === STATE.initialSync && map.next_option !== null && requestId !== null) {
        const failed = recordInitialSync(context, map, requestId, now);
        if (failed.length > 0) {
          noteRequestError(service, requestId, `Initial sync failed for legal entity ${failed.join(", ")}. Open Initial sync details for the errors.`);
          next = { ...next, state: STATE.stopped };
          const connection = connectionByCid(service, map.cid);
          const sides = connection === undefined ? undefined : sidesOf(context, connection);
          if (sides !== undefined && map.pid !== null) setRuntimeStatus(sides.finops.finops, map.pid, "Stopped");
        }
      }
      break;
    default:
      break;
  }
  saveMap(service, next);
  if (requestId !== null) finishRequestIfSettled(service, requestId, now);
}

/** Runs the initial sync and keeps one row per legal entity for ProjectExecutionWithCompanies; returns the failing ones. */
function recordInitialSync(context: SandboxContext, map: MapRow, requestId: string, now: number): string[] {
  const result = initialSync(context, map, map.next_option ?? "CRM");
  const failed: string[] = [];
  const submitted = now - context.timings.mapTransitionMs;
  for (const [company, entry] of result.companies) {
    if (entry.errors.length > 0) failed.push(company);
    sql(context.store.service, "INSERT INTO initial_syncs (id, map_seq, request_id, legal_entity, submitted_at, finished_at, upserts, errors) VALUES (?, ?, ?, ?, ?, ?, ?, ?)").run(
      randomUUID(),
      map.seq,
      requestId,
      company,
      submitted,
      now,
      entry.upserts,
      JSON.stringify(entry.errors),
    );
  }
  return failed;
}

/**
 * Apply Solution (dualwrite-service.md §5.6; docs app-lifecycle-management.md): every map row of
 * the solution in the linked Dataverse becomes a template of its map. A map the service did not
 * list yet appears with pid null; an existing map keeps its active template.
 */
function applySolution(context: SandboxContext, cid: string, uniqueName: string, now: number): { ok: boolean; message: string } {
  const service = context.store.service;
  const connection = connectionByCid(service, cid);
  const sides = connection === undefined ? undefined : sidesOf(context, connection);
  if (connection === undefined || sides === undefined) return { ok: false, message: "The connection set is not linked to a Dataverse environment." };
  const dataverse = sides.dataverse.dataverse;
  const solution = listRows(dataverse, "solutions").find((row) => String(row.data["uniquename"] ?? "").toLowerCase() === uniqueName.toLowerCase());
  if (solution === undefined) return { ok: false, message: `Solution ${uniqueName} is not installed in the Dataverse environment.` };
  const publisherId = solution.data["_publisherid_value"];
  const publisher = typeof publisherId === "string" ? getRow(dataverse, "publishers", publisherId) : undefined;
  const publisherName = String(publisher?.data["uniquename"] ?? "");
  let applied = 0;
  for (const row of listRows(dataverse, MAP_SET)) {
    if (String(row.data["solutionid"] ?? "").toLowerCase() !== solution.id.toLowerCase()) continue;
    const definition = definitionOfRow(row);
    if (definition === undefined) continue;
    const { mapping, properties } = definition;
    const label = typeof properties["label"] === "string" ? properties["label"] : mapping.entity;
    const author = typeof properties["publisher"] === "string" && properties["publisher"] !== "" ? properties["publisher"] : publisherName;
    const displayName = row.data["msdyn_displayname"];
    const description = typeof displayName === "string" && displayName !== "" ? displayName : `${label} to ${mapping.entitySet}`;
    const name = mapping.name !== "" ? mapping.name : `${mapping.entitySet} - ${label}`;
    const existing = mapByPair(service, cid, mapping.entity, mapping.entitySet);
    const templateId = randomUUID();
    const map =
      existing ??
      insertMap(service, { cid, entity: mapping.entity, entitySet: mapping.entitySet, table: tableOfSet(dataverse, mapping.entitySet), name, label, activeTemplate: templateId });
    const known = sql(service, "SELECT template_id FROM templates WHERE map_seq = ? AND row_id = ?").get(map.seq, row.id) as { template_id: string } | undefined;
    if (known === undefined) {
      sql(service, "INSERT INTO templates (template_id, map_seq, row_id, author, version, description, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)").run(
        templateId,
        map.seq,
        row.id,
        author,
        definition.version,
        description,
        now,
      );
    } else {
      sql(service, "UPDATE templates SET author = ?, version = ?, description = ? WHERE template_id = ?").run(author, definition.version, description, known.template_id);
    }
    applied++;
  }
  return { ok: true, message: `Applied solution ${uniqueName} (${applied} table map version(s)).` };
}
