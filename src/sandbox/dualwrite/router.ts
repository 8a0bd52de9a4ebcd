import { randomUUID } from "node:crypto";
import type { SandboxContext } from "../context.js";
import { json, methodNotAllowed, noContent } from "../api/respond.js";
import type { ApiRequest, ApiResponse } from "../api/types.js";
import { ApiError } from "../api/types.js";
import { keyStatus, listKeys } from "../dataverse/keys.js";
import { tableByName } from "../dataverse/tables.js";
import { sql } from "../store/sql.js";
import { activeDefinition, definitionOfTemplate } from "./definition.js";
import { firstSegment, startRequest } from "./lifecycle.js";
import type { StartDetail } from "./lifecycle.js";
import {
  renderConnectionSet,
  renderEntities,
  renderEnvironment,
  renderFieldMappings,
  renderMap,
  renderProjectExecution,
  renderSolutionRequest,
  renderSolutions,
} from "./render.js";
import type { SolutionRequestRow } from "./render.js";
import { clearRuntime } from "./runtime.js";
import type { ConnectionSet } from "./service.js";
import {
  REQUEST_STATE,
  connectionByCid,
  connectionByCrmDataset,
  connectionByName,
  connectionOfFinOps,
  dropServiceState,
  integrationKeyOf,
  isBusy,
  mapByPid,
  mapByProject,
  mapOfTemplate,
  mapsOf,
  mapsOfRequest,
  requestById,
  saveMap,
  setLink,
  sidesOf,
  templateById,
  templatesOf,
  writeIntegrationKey,
} from "./service.js";

/** The management API prefix below the service root (dualwrite-service.md §1; DW Helper DWLibary/DWHttp.cs:44-57). */
const MANAGEMENT = "api/DualWriteManagement/1.0/";

/** Told which environment a write concerned, for the sandbox's request log. */
export type WriteLog = (environment: string, action?: string, initialSync?: boolean) => void;

/**
 * The dual-write management service below `/dualwrite/`: the management API under
 * `api/DualWriteManagement/1.0/` and the host-rooted `api/...` calls (dualwrite-service.md §1).
 */
export function handleDualWrite(context: SandboxContext, request: ApiRequest, log: WriteLog): ApiResponse {
  const management = request.rest.startsWith(MANAGEMENT);
  const path = management ? request.rest.slice(MANAGEMENT.length) : request.rest;
  const parts = path.split("/").filter((part) => part !== "");
  const query = request.url.searchParams;
  const service = context.store.service;
  if (management) {
    const [first, second, third, fourth] = parts;
    if (first === "Environments" && parts.length === 1) return only(request, "GET", () => environments(context, query.get("identifier") ?? ""));
    if (first === "Entities" && parts.length === 1) return only(request, "GET", () => json(200, renderEntities(service, byCid(context, query.get("cid") ?? ""))));
    if (first === "Start" && parts.length === 1) return only(request, "POST", () => start(context, request, log));
    if (first === "Status" && second !== undefined && parts.length === 2) return only(request, "GET", () => status(context, second));
    if (first === "GetTemplatePrerequisiteSequences" && second !== undefined && parts.length === 2) {
      return only(request, "POST", () => prerequisites(context, byCid(context, second), request));
    }
    if (second !== undefined && third === undefined && first !== undefined && parts.length === 2 && second === "FieldMappings") {
      return only(request, "GET", () => fieldMappings(context, first));
    }
    if (first === "SolutionAware" && second !== undefined) {
      const connection = (): ConnectionSet => byCid(context, second);
      if (third === "Solutions" && parts.length === 3) return only(request, "GET", () => solutions(context, connection()));
      if (third === "RestoreTemplates" && parts.length === 3) return only(request, "POST", () => restoreTemplates(context, connection(), request, log));
      if (third === "Status" && fourth !== undefined && parts.length === 4) return only(request, "GET", () => solutionStatus(context, connection(), fourth));
      if (third === "SwitchActive" && fourth !== undefined && parts.length === 4) {
        return only(request, "POST", () => switchActive(context, connection(), fourth, query.get("pid") ?? "", request, log));
      }
    }
    throw new ApiError(404, "NotFound", `No such dual-write operation: ${request.rest}`);
  }
  const [api, kind, name, verb] = parts;
  if (api !== "api") throw new ApiError(404, "NotFound", `No such dual-write operation: ${request.rest}`);
  if (kind === "ConnectionSet" && name !== undefined && parts.length === 3) return only(request, "GET", () => connectionSet(context, name));
  if (kind === "ConnectionSet" && name !== undefined && verb === "Reset" && parts.length === 4) return only(request, "POST", () => reset(context, byCid(context, name), request, log));
  if (kind === "dataset" && name !== undefined && verb === "IntegrationKeys" && parts.length === 4) {
    // Only POST exists (dualwrite-service.md §5.8): keys are read from the connection set.
    return only(request, "POST", () => setIntegrationKey(context, name, request, log));
  }
  if (kind === "Project" && name !== undefined && verb === "Refresh" && parts.length === 4) return only(request, "POST", () => refresh(context, name, log));
  if (kind === "ProjectExecutionWithCompanies" && name !== undefined && parts.length === 3) return only(request, "GET", () => projectExecution(context, name));
  throw new ApiError(404, "NotFound", `No such dual-write operation: ${request.rest}`);
}

function only(request: ApiRequest, method: string, run: () => ApiResponse): ApiResponse {
  if (request.method !== method) throw methodNotAllowed(request.method, request.rest);
  return run();
}

function byCid(context: SandboxContext, cid: string): ConnectionSet {
  const connection = connectionByCid(context.store.service, cid);
  if (connection === undefined) throw new ApiError(404, "NotFound", `No connection set ${cid}.`);
  return connection;
}

function jsonBody(request: ApiRequest): unknown {
  try {
    return request.body.trim() === "" ? undefined : JSON.parse(request.body);
  } catch {
    throw new ApiError(400, "BadRequest", "The request body is not valid JSON.");
  }
}

function objectOf(value: unknown, what: string): Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw new ApiError(400, "BadRequest", `${what} must be a JSON object.`);
  return value as Record<string, unknown>;
}

function optionalText(value: unknown): string | undefined {
  return typeof value === "string" ? value : typeof value === "number" ? String(value) : undefined;
}

/** `identifier` is the bare F&O host (dualwrite-service.md §3, §5.1); anything else reads as "not linked": `[]`. */
function environments(context: SandboxContext, identifier: string): ApiResponse {
  const host = identifier.trim().toLowerCase();
  const environment = context.store.all().find((candidate) => candidate.financeAndOperationsHost === host);
  const connection = environment === undefined ? undefined : connectionOfFinOps(context.store.service, environment.name);
  return json(200, connection === undefined ? [] : [renderEnvironment(connection)]);
}

function connectionSet(context: SandboxContext, cname: string): ApiResponse {
  const connection = connectionByName(context.store.service, cname);
  if (connection === undefined) throw new ApiError(404, "NotFound", `No connection set named ${cname}.`);
  return json(200, renderConnectionSet(context, connection));
}

function start(context: SandboxContext, request: ApiRequest, log: WriteLog): ApiResponse {
  const body = objectOf(jsonBody(request), "The Start body");
  // Codes are strings on the wire; numbers are accepted too (dualwrite-service.md §9.5).
  const action = optionalText(body["action"]) ?? "";
  const rawDetails = body["details"];
  if (!Array.isArray(rawDetails)) throw new ApiError(400, "BadRequest", "Start needs details: [{ tid, pid, cid, parameters }].");
  const details: StartDetail[] = rawDetails.map((raw: unknown) => {
    const detail = typeof raw === "object" && raw !== null ? (raw as Record<string, unknown>) : {};
    const parameters = detail["parameters"];
    return {
      tid: optionalText(detail["tid"]),
      pid: optionalText(detail["pid"]),
      cid: optionalText(detail["cid"]),
      parameters: typeof parameters === "object" && parameters !== null ? (parameters as Record<string, unknown>) : {},
    };
  });
  const { requestId, connection } = startRequest(context, action, details);
  log(connection.foEnv, action, action === "1" ? details.some((detail) => detail.parameters["skipInitialSync"] !== true) : undefined);
  return json(200, { requestId });
}

/** Status/{requestId}: an Entities-shaped array of the request's maps (dualwrite-service.md §5.11). */
function status(context: SandboxContext, requestId: string): ApiResponse {
  const service = context.store.service;
  if (requestById(service, requestId) === undefined) throw new ApiError(404, "NotFound", `No request ${requestId}.`);
  return json(200, mapsOfRequest(service, requestId).map((map) => renderMap(service, map)));
}

function fieldMappings(context: SandboxContext, pid: string): ApiResponse {
  const service = context.store.service;
  const map = mapByPid(service, pid);
  const connection = map === undefined ? undefined : connectionByCid(service, map.cid);
  if (map === undefined || connection === undefined) throw new ApiError(404, "NotFound", `No project ${pid}.`);
  const sides = sidesOf(context, connection);
  const definition = sides === undefined ? undefined : activeDefinition(service, sides.dataverse.dataverse, map);
  return json(200, renderFieldMappings(context, connection, map, definition, templateById(service, map.active_template)));
}

function solutions(context: SandboxContext, connection: ConnectionSet): ApiResponse {
  const sides = sidesOf(context, connection);
  return json(200, sides === undefined ? [] : renderSolutions(sides.dataverse.dataverse));
}

/** Apply Solution (dualwrite-service.md §5.6): one solution per call, action "2" only. */
function restoreTemplates(context: SandboxContext, connection: ConnectionSet, request: ApiRequest, log: WriteLog): ApiResponse {
  const body = objectOf(jsonBody(request), "The RestoreTemplates body");
  if (optionalText(body["action"]) !== "2") throw new ApiError(400, "BadRequest", 'Only action "2" (apply) is known (dualwrite-service.md §4).');
  const list = body["solutions"];
  if (!Array.isArray(list) || list.length !== 1) throw new ApiError(400, "BadRequest", "Apply one solution per call: solutions: [{ criteria: { uniquename } }].");
  const criteria: unknown = typeof list[0] === "object" && list[0] !== null ? Reflect.get(list[0], "criteria") : undefined;
  const uniqueName: unknown = typeof criteria === "object" && criteria !== null ? Reflect.get(criteria, "uniquename") : undefined;
  if (typeof uniqueName !== "string" || uniqueName === "") throw new ApiError(400, "BadRequest", "solutions[0].criteria.uniquename is required.");
  const now = context.now();
  const requestId = randomUUID();
  sql(
    context.store.service,
    "INSERT INTO solution_requests (request_id, cid, solution, created_at, modified_at, complete_at, state, message, root_activity) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
  ).run(requestId, connection.cid, uniqueName, now, now, now + context.timings.mapTransitionMs, REQUEST_STATE.waiting, `Applying solution ${uniqueName}.`, randomUUID());
  log(connection.foEnv, "2");
  return json(200, { requestId });
}

function solutionStatus(context: SandboxContext, connection: ConnectionSet, requestId: string): ApiResponse {
  const row = sql(context.store.service, "SELECT * FROM solution_requests WHERE request_id = ? AND cid = ?").get(requestId, connection.cid) as SolutionRequestRow | undefined;
  if (row === undefined) throw new ApiError(404, "NotFound", `No solution request ${requestId}.`);
  return json(200, renderSolutionRequest(row));
}

/**
 * SwitchActive (dualwrite-service.md §5.7): the body is the bare template id as raw text. Whether
 * the service reads it is unknown; the sandbox holds clients to DW Helper's form and refuses any
 * other body. A running map is refused (conservative: maps are stopped before a switch, §6.2).
 */
function switchActive(context: SandboxContext, connection: ConnectionSet, templateId: string, pid: string, request: ApiRequest, log: WriteLog): ApiResponse {
  const service = context.store.service;
  if (request.body !== templateId) {
    throw new ApiError(400, "BadRequest", "The SwitchActive body must be the bare template id of the path, as raw text (not a JSON string).");
  }
  const map = mapOfTemplate(service, templateId);
  if (map === undefined || map.cid !== connection.cid) throw new ApiError(400, "BadRequest", `Template ${templateId} is not a template of a table map of this connection set.`);
  if (map.pid === null || pid.toLowerCase() !== map.pid.toLowerCase()) {
    throw new ApiError(400, "BadRequest", `pid "${pid}" is not the project of the table map of template ${templateId}; initialise the map first.`);
  }
  if (isBusy(map)) throw new ApiError(400, "BadRequest", "Stop the table map before you switch its version.");
  if (!templatesOf(service, map.seq).some((template) => template.template_id.toLowerCase() === templateId.toLowerCase())) {
    throw new ApiError(400, "BadRequest", `Template ${templateId} is not one of the map's templates.`);
  }
  saveMap(service, { ...map, active_template: templateById(service, templateId)?.template_id ?? templateId });
  log(connection.foEnv);
  return noContent();
}

/** One table per call, keyed by entity set, on the Dataverse dataset (dualwrite-service.md §5.8, §10). */
function setIntegrationKey(context: SandboxContext, datasetName: string, request: ApiRequest, log: WriteLog): ApiResponse {
  const service = context.store.service;
  const connection = connectionByCrmDataset(service, datasetName);
  if (connection === undefined) throw new ApiError(404, "NotFound", `No Dataverse dataset ${datasetName}.`);
  const body = objectOf(jsonBody(request), "The IntegrationKeys body");
  if (body["datasetName"] !== datasetName) throw new ApiError(400, "BadRequest", "datasetName in the body must be the dataset of the path.");
  const keys = objectOf(body["integrationKeys"], "integrationKeys");
  const entries = Object.entries(keys);
  // Whether several tables may go in one call is unknown (dualwrite-service.md §9.9): one, as DW Helper sends.
  if (entries.length !== 1) throw new ApiError(400, "BadRequest", "Write the integration key of exactly one table per call.");
  const [entry] = entries;
  if (entry === undefined) throw new ApiError(400, "BadRequest", "Write the integration key of exactly one table per call.");
  const [entitySet, columns] = entry;
  if (!Array.isArray(columns) || columns.length === 0 || !columns.every((column): column is string => typeof column === "string" && column !== "")) {
    throw new ApiError(400, "BadRequest", `The integration key of ${entitySet} must be a non-empty list of column names.`);
  }
  writeIntegrationKey(service, connection.cid, entitySet, columns, true);
  log(connection.foEnv);
  return noContent();
}

/**
 * Refresh tables (dualwrite-service.md §5.9): regenerates integration keys from Active alternate
 * keys (docs dual-write-integration-keys.md). Whether it overwrites a key written by hand is
 * unknown (§9.9), so only a table with no key yet gets one.
 */
function refresh(context: SandboxContext, projectName: string, log: WriteLog): ApiResponse {
  const service = context.store.service;
  const map = mapByProject(service, projectName);
  const connection = map === undefined ? undefined : connectionByCid(service, map.cid);
  if (map === undefined || connection === undefined) throw new ApiError(404, "NotFound", `No project ${projectName}.`);
  const sides = sidesOf(context, connection);
  if (sides !== undefined && integrationKeyOf(service, connection.cid, map.entity_set) === undefined) {
    const dataverse = sides.dataverse.dataverse;
    const table = tableByName(dataverse, map.table_name);
    const now = context.now();
    const active = listKeys(dataverse, map.table_name).find((key) => keyStatus(key, table, now, context.timings) === "Active");
    if (active !== undefined) {
      const columns = active.attributes.map((attribute) => {
        // The company lookup is keyed by its company code (DOMAIN.md §9 FAQ "Company scope").
        const target = table?.lookups[firstSegment(attribute)];
        return target === "cdm_company" ? `${attribute}.cdm_companycode` : attribute;
      });
      writeIntegrationKey(service, connection.cid, map.entity_set, columns, false);
    }
  }
  log(connection.foEnv);
  return noContent();
}

/** `[[...ids of the maps it depends on through lookups, the id sent]]` (dualwrite-service.md §5.10). */
function prerequisites(context: SandboxContext, connection: ConnectionSet, request: ApiRequest): ApiResponse {
  const body = jsonBody(request);
  if (!Array.isArray(body) || body.length !== 1 || typeof body[0] !== "string") throw new ApiError(400, "BadRequest", 'The body is a JSON array with one template id: ["<templateId>"].');
  const templateId = body[0];
  const service = context.store.service;
  const map = mapOfTemplate(service, templateId);
  const sides = sidesOf(context, connection);
  if (map === undefined || map.cid !== connection.cid || sides === undefined) throw new ApiError(404, "NotFound", `No table map has template ${templateId}.`);
  const dataverse = sides.dataverse.dataverse;
  const definition = definitionOfTemplate(dataverse, templateById(service, templateId));
  const lookups = tableByName(dataverse, map.table_name)?.lookups ?? {};
  const targets = new Set<string>();
  for (const field of definition?.mapping.fields ?? []) {
    if (field.dv === null || !field.dv.includes(".")) continue;
    const target = field.relatedEntity ?? lookups[firstSegment(field.dv)];
    if (target !== undefined && target !== map.table_name) targets.add(target);
  }
  const ids = mapsOf(service, connection.cid)
    .filter((candidate) => candidate.seq !== map.seq && targets.has(candidate.table_name))
    .map((candidate) => candidate.active_template);
  return json(200, [[...ids, templateId]]);
}

function projectExecution(context: SandboxContext, pid: string): ApiResponse {
  const map = mapByPid(context.store.service, pid);
  if (map === undefined) throw new ApiError(404, "NotFound", `No project ${pid}.`);
  return json(200, renderProjectExecution(context.store.service, map));
}

/**
 * Reset link (dualwrite-service.md §5.13; docs data-entities/dual-write/reset.md): refuses while a
 * map runs unless forced; otherwise, before answering, drops maps, keys and history, clears the
 * runtime tables on both sides, sets the legal entities and points the link at the pair's own
 * Dataverse. Map definitions stay in Dataverse: Apply Solution brings them back.
 */
function reset(context: SandboxContext, connection: ConnectionSet, request: ApiRequest, log: WriteLog): ApiResponse {
  const service = context.store.service;
  const force = request.url.searchParams.get("forceReset");
  // .NET's bool text, True/False (DW Helper DWLibary/Engines/ResetLinkEngine.cs:59).
  if (force === null || !/^(true|false)$/i.test(force)) throw new ApiError(400, "BadRequest", "forceReset must be True or False.");
  const body = objectOf(jsonBody(request), "The Reset body");
  const list = body["environments"];
  const kinds = Array.isArray(list) ? list.map((entry: unknown) => (typeof entry === "object" && entry !== null ? Reflect.get(entry, "targetType") : undefined)) : [];
  // The Dataverse entry comes first, then F&O (DW Helper DWLibary/Engines/ResetLinkEngine.cs:126-127).
  if (kinds.length !== 2 || kinds[0] !== "CRM" || kinds[1] !== "AX") {
    throw new ApiError(400, "BadRequest", "environments must hold the Dataverse (CRM) entry first, then the finance and operations (AX) entry.");
  }
  const legalEntities = body["legalEntities"];
  if (!Array.isArray(legalEntities) || !legalEntities.every((code): code is string => typeof code === "string")) {
    throw new ApiError(400, "BadRequest", "legalEntities must be a list of company codes.");
  }
  const busy = mapsOf(service, connection.cid).filter(isBusy);
  if (busy.length > 0 && force.toLowerCase() !== "true") {
    throw new ApiError(409, "Conflict", `${busy.length} table map(s) are running or paused (for example ${busy[0]?.name ?? "?"}); stop them or reset with forceReset=True.`);
  }
  const sides = sidesOf(context, connection);
  const own = context.store.env(connection.foEnv);
  if (sides !== undefined) clearRuntime(sides.finops.finops, sides.dataverse.dataverse);
  dropServiceState(service, connection.cid);
  // The link is restored to the Power Platform integration's Dataverse: the pair's own (reset.md scenario 2).
  setLink(service, connection.cid, own?.name ?? connection.dataverseEnv, legalEntities.map((code) => code.toUpperCase()));
  if (own !== undefined && own.name !== connection.dataverseEnv) clearRuntime(own.finops, own.dataverse);
  log(connection.foEnv);
  return json(200, {});
}
