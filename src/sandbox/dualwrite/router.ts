import type { SandboxContext } from "../context.js";
import { dataverseUrl, environmentOfUrl, finopsUrl } from "../context.js";
import { json, methodNotAllowed, noContent, objectBody } from "../api/respond.js";
import type { ApiRequest, ApiResponse } from "../api/types.js";
import { ApiError } from "../api/types.js";
import type { EnvironmentHandles } from "../store/store.js";
import { cidFor } from "./ids.js";
import { mergeIntegrationKeys, readIntegrationKeys } from "./integration-keys.js";
import { environmentOfCid, readLink, writeLink } from "./link.js";
import { findServiceMap, findServiceMapOfTemplate, serviceMaps, serviceMapsOfTable } from "./maps.js";
import { prerequisiteTables, runAction } from "./lifecycle.js";
import { resetLink } from "./reset.js";
import { REQUEST_STATUS, createRequest, getMapState, getRequest, isIdle, requestView, saveMapState, newMapState, stateOf } from "./state.js";

/** The dual-write management service, below `/dualwrite/api/DualWriteManagement/1.0/`. */
export function handleDualWrite(context: SandboxContext, request: ApiRequest): ApiResponse {
  const parts = request.rest.split("/").filter((part) => part !== "").map(decodeURIComponent);
  const query = request.url.searchParams;
  const route = `${request.method} ${parts.map((part, index) => (index === 0 || isWord(part) ? part : "*")).join("/")}`;
  switch (route) {
    case "GET Environments":
      return environments(context, query.get("identifier") ?? "");
    case "GET Entities":
      return entities(context, connection(context, query.get("cid") ?? ""));
    case "POST Start":
      return start(context, request);
    case "GET Status/*":
      return status(context, parts[1] ?? "");
    case "POST SolutionAware/*/SwitchActive/*":
      return switchActive(context, connection(context, parts[1] ?? ""), parts[3] ?? "", query.get("pid") ?? "");
    case "POST SolutionAware/*/RestoreTemplates":
      return restoreTemplates(context, connection(context, parts[1] ?? ""));
    case "GET api/dataset/*/IntegrationKeys":
      return getIntegrationKeys(parts[2] ?? "", connection(context, parts[2] ?? ""));
    case "POST api/dataset/*/IntegrationKeys":
      return setIntegrationKeys(connection(context, parts[2] ?? ""), request);
    case "POST api/ConnectionSet/*/LegalEntities":
      return setLegalEntities(connection(context, parts[2] ?? ""), request);
    case "POST api/ConnectionSet/*/Reset":
      return reset(context, connection(context, parts[2] ?? ""), request);
    case "POST GetTemplatePrerequisiteSequences/*":
      return prerequisites(context, connection(context, parts[1] ?? ""), request);
    default:
      throw knownPath(route) ? methodNotAllowed(request.method, request.rest) : new ApiError(404, "NotFound", `No such dual-write operation: ${request.rest}`);
  }
}

const WORDS = new Set(["Environments", "Entities", "Start", "Status", "SolutionAware", "SwitchActive", "RestoreTemplates", "api", "dataset", "IntegrationKeys", "ConnectionSet", "LegalEntities", "Reset", "GetTemplatePrerequisiteSequences"]);

function isWord(part: string): boolean {
  return WORDS.has(part);
}

function knownPath(route: string): boolean {
  const path = route.slice(route.indexOf(" ") + 1);
  return ["Environments", "Entities", "Start", "Status/*", "api/dataset/*/IntegrationKeys"].includes(path);
}

function connection(context: SandboxContext, cid: string): EnvironmentHandles {
  const environment = environmentOfCid(context, cid);
  if (environment === undefined) throw new ApiError(404, "NotFound", `No connection set ${cid}.`);
  return environment;
}

function environments(context: SandboxContext, identifier: string): ApiResponse {
  const name = environmentOfUrl(identifier, "finops");
  const environment = name === undefined ? undefined : context.store.env(name);
  const link = environment === undefined ? undefined : readLink(environment.finops);
  if (environment === undefined || link === undefined) return json(200, { value: [] });
  return json(200, {
    value: [
      {
        cid: cidFor(environment.name),
        axEnvironmentUrl: finopsUrl(context, environment.name),
        crmEnvironmentUrl: dataverseUrl(context, link.dataverseEnv),
        crmOrganizationId: link.organizationId,
        legalEntities: link.legalEntities,
      },
    ],
  });
}

function entities(context: SandboxContext, environment: EnvironmentHandles): ApiResponse {
  const now = context.now();
  const value = serviceMaps(context, environment).map((map) => {
    const row = getMapState(environment.finops, map.pid);
    const last = row?.last_request_id == null ? undefined : getRequest(environment.finops, row.last_request_id);
    return {
      detail: { pid: map.pid, tid: map.active.tid, name: map.active.name, sourceSchema: map.entity, destinationSchema: map.entitySet },
      template: map.active.tid,
      templates: map.versions.map((version) => version.tid),
      state: stateOf(row),
      lastRequest: last === undefined ? null : { requestId: last.request_id, ...requestView(last, now) },
    };
  });
  return json(200, { value });
}

function start(context: SandboxContext, request: ApiRequest): ApiResponse {
  const body = objectBody(request);
  const action = Number(body["action"]);
  const details = body["details"];
  if (!Array.isArray(details) || details.length === 0) throw new ApiError(400, "BadRequest", "Start needs details: [{ tid, pid, cid, parameters }].");
  const ids = details.map((raw: unknown) => {
    const detail = typeof raw === "object" && raw !== null ? (raw as Record<string, unknown>) : {};
    const parameters = detail["parameters"];
    return runAction(context, action, {
      tid: typeof detail["tid"] === "string" ? detail["tid"] : undefined,
      pid: String(detail["pid"] ?? ""),
      cid: String(detail["cid"] ?? ""),
      parameters: typeof parameters === "object" && parameters !== null ? (parameters as Record<string, unknown>) : {},
    });
  });
  return json(202, { requestId: ids[ids.length - 1], requestIds: ids });
}

function status(context: SandboxContext, requestId: string): ApiResponse {
  const now = context.now();
  for (const environment of context.store.all()) {
    const row = getRequest(environment.finops, requestId);
    if (row === undefined) continue;
    const view = requestView(row, now);
    const state = row.pid === null ? null : stateOf(getMapState(environment.finops, row.pid));
    return json(200, { requestId, status: view.status, message: view.message, state });
  }
  throw new ApiError(404, "NotFound", `No request ${requestId}.`);
}

function switchActive(context: SandboxContext, environment: EnvironmentHandles, tid: string, pid: string): ApiResponse {
  const map = findServiceMap(context, environment, pid);
  if (map === undefined) throw new ApiError(404, "NotFound", `No table map ${pid}.`);
  if (!map.versions.some((version) => version.tid === tid.toLowerCase())) throw new ApiError(404, "NotFound", `Table map ${pid} has no version ${tid}.`);
  const row = getMapState(environment.finops, map.pid) ?? newMapState(map.pid, map.entity, map.table);
  if (!isIdle(row.state)) throw new ApiError(400, "0x80060888", "Stop the table map before you edit it");
  saveMapState(environment.finops, { ...row, active_tid: tid.toLowerCase() });
  return noContent();
}

function restoreTemplates(context: SandboxContext, environment: EnvironmentHandles): ApiResponse {
  const now = context.now();
  const requestId = createRequest(environment.finops, {
    pid: null,
    action: "restoreTemplates",
    now,
    completeAt: now + context.timings.mapTransitionMs,
    status: REQUEST_STATUS.completed,
    message: "Solutions applied",
  });
  return json(202, { requestId });
}

function getIntegrationKeys(cid: string, environment: EnvironmentHandles): ApiResponse {
  return json(200, { datasetName: cid, integrationKeys: readIntegrationKeys(environment.finops) });
}

function setIntegrationKeys(environment: EnvironmentHandles, request: ApiRequest): ApiResponse {
  const keys = objectBody(request)["integrationKeys"];
  if (typeof keys !== "object" || keys === null || Array.isArray(keys)) throw new ApiError(400, "BadRequest", "integrationKeys must be an object of table -> columns.");
  const parsed: Record<string, string[]> = {};
  for (const [table, columns] of Object.entries(keys)) {
    if (!Array.isArray(columns) || !columns.every((column): column is string => typeof column === "string")) {
      throw new ApiError(400, "BadRequest", `The integration key of ${table} must be a list of column names.`);
    }
    parsed[table] = columns;
  }
  mergeIntegrationKeys(environment.finops, parsed);
  return noContent();
}

function setLegalEntities(environment: EnvironmentHandles, request: ApiRequest): ApiResponse {
  const legalEntities = stringList(objectBody(request)["legalEntities"], "legalEntities");
  const link = readLink(environment.finops);
  if (link === undefined) throw new ApiError(409, "Conflict", "The environment is not linked; reset the link first.");
  writeLink(environment.finops, { ...link, legalEntities: legalEntities.map((code) => code.toUpperCase()) });
  return noContent();
}

function reset(context: SandboxContext, environment: EnvironmentHandles, request: ApiRequest): ApiResponse {
  const body = objectBody(request);
  const requestId = resetLink(context, environment, {
    force: request.url.searchParams.get("forceReset")?.toLowerCase() === "true",
    environments: stringList(body["environments"], "environments"),
    legalEntities: stringList(body["legalEntities"], "legalEntities"),
  });
  return json(202, { requestId });
}

function prerequisites(context: SandboxContext, environment: EnvironmentHandles, request: ApiRequest): ApiResponse {
  const templateIds = stringList(objectBody(request)["templateIds"], "templateIds").map((tid) => tid.toLowerCase());
  const value = templateIds.flatMap((tid) => {
    const map = findServiceMapOfTemplate(context, environment, tid);
    if (map === undefined) return [];
    const prerequisites = [...new Set(prerequisiteTables(context, environment, map))]
      .flatMap((table) => serviceMapsOfTable(context, environment, table))
      .filter((candidate) => candidate.pid !== map.pid)
      .sort((a, b) => (a.versions[0]?.seq ?? 0) - (b.versions[0]?.seq ?? 0))
      .map((candidate) => candidate.active.tid);
    return [{ tid, prerequisites }];
  });
  return json(200, { value });
}

function stringList(value: unknown, name: string): string[] {
  if (!Array.isArray(value) || !value.every((item): item is string => typeof item === "string")) {
    throw new ApiError(400, "BadRequest", `${name} must be a list of strings.`);
  }
  return value;
}
