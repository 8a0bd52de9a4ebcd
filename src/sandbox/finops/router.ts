import { randomUUID } from "node:crypto";
import type { SandboxContext } from "../context.js";
import { finopsUrl } from "../context.js";
import { errorResponse, json, noContent, objectBody } from "../api/respond.js";
import type { ApiRequest, ApiResponse } from "../api/types.js";
import { ApiError } from "../api/types.js";
import { connectionOfFinOps } from "../dualwrite/service.js";
import { applySelect, compileFilter, lookupProperty, pageOf, selectList } from "../odata/query.js";
import { keyValue, parseKeyPredicate, parseSegments } from "../odata/path.js";
import { checkPreconditions } from "../odata/etag.js";
import { cachedTransaction } from "../store/cache.js";
import { deleteRow, etagOf, listRows, putRow } from "../store/rows.js";
import type { StoredRow } from "../store/rows.js";
import type { EnvironmentHandles } from "../store/store.js";
import { syncFromFinOps } from "../sync/sync.js";
import type { EntityInfo } from "./entities.js";
import { findEntity, findEnum, keyProperties, listEntities, listEnums } from "./entities.js";
import { PROJECT_CONFIGURATIONS, handleProjectConfigurations } from "./project-configs.js";

type Row = Record<string, unknown>;

/** Finance and operations OData (`data/`) and its metadata service (`metadata/`). */
export function handleFinOps(context: SandboxContext, environment: EnvironmentHandles, request: ApiRequest): ApiResponse {
  try {
    const response = cachedTransaction(environment.finops, () => route(context, environment, request));
    response.headers["odata-version"] = "4.0";
    return response;
  } catch (error) {
    return errorResponse(error);
  }
}

function route(context: SandboxContext, environment: EnvironmentHandles, request: ApiRequest): ApiResponse {
  const [area, first, ...others] = parseSegments(request.rest);
  const base = `${finopsUrl(context, environment.name)}/data/`;
  if (area?.name === "data" && area.key === undefined && first === undefined && request.method === "GET") return serviceDocument(environment, base);
  if (first === undefined || others.length > 0) throw new ApiError(404, "NotFound", `No resource at ${request.rest}.`);
  if (area?.name === "metadata" && area.key === undefined) return metadata(environment, request, first.name, first.key);
  if (area?.name !== "data" || area.key !== undefined) throw new ApiError(404, "NotFound", `No resource at ${request.rest}.`);
  if (first.name === PROJECT_CONFIGURATIONS) return handleProjectConfigurations(context, environment, request, first.key, base);
  return records(context, environment, request, first.name, first.key, base);
}

function metadata(environment: EnvironmentHandles, request: ApiRequest, collection: string, key: string | undefined): ApiResponse {
  if (request.method !== "GET") throw new ApiError(405, "MethodNotAllowed", "The metadata service is read-only.");
  const select = selectList(request.url.searchParams);
  if (collection === "PublicEntities") {
    if (key === undefined) {
      const filter = compileFilter(request.url.searchParams);
      return json(200, { value: listEntities(environment.finops).map(renderEntity).filter((entity) => filter(entity)).map((entity) => applySelect(entity, select)) });
    }
    const entity = findEntity(environment.finops, keyValue(key, "Name"));
    if (entity === undefined) throw new ApiError(404, "NotFound", `No public entity ${key}.`);
    return json(200, applySelect(renderEntity(entity), select));
  }
  if (collection === "PublicEnumerations") {
    if (key === undefined) return json(200, { value: listEnums(environment.finops).map((enumeration) => applySelect({ ...enumeration }, select)) });
    const enumeration = findEnum(environment.finops, keyValue(key, "Name"));
    if (enumeration === undefined) throw new ApiError(404, "NotFound", `No public enumeration ${key}.`);
    return json(200, applySelect({ ...enumeration }, select));
  }
  throw new ApiError(404, "NotFound", `No metadata collection ${collection}.`);
}

/** `GET data/`: the OData service document, one entry per entity set (OData v4 JSON format, section 5). */
function serviceDocument(environment: EnvironmentHandles, base: string): ApiResponse {
  const value = listEntities(environment.finops).map((entity) => ({ name: entity.entitySet, kind: "EntitySet", url: entity.entitySet }));
  return json(200, { "@odata.context": `${base}$metadata`, value });
}

function renderEntity(entity: EntityInfo): Row {
  return { Name: entity.name, EntitySetName: entity.entitySet, IsReadOnly: false, Properties: entity.properties };
}

function records(context: SandboxContext, environment: EnvironmentHandles, request: ApiRequest, set: string, key: string | undefined, base: string): ApiResponse {
  const entity = findEntity(environment.finops, set);
  if (entity !== undefined && entity.entitySet !== set) throw new ApiError(404, "NotFound", `Entity set names are case-sensitive: use ${entity.entitySet}.`);
  if (key === undefined) {
    if (request.method === "GET") return list(context, environment, request, set, entity, base);
    if (request.method === "POST") return create(context, environment, request, set, entity, base);
    throw new ApiError(405, "MethodNotAllowed", `${request.method} is not allowed on ${set}.`);
  }
  const existing = findByKey(environment, set, entity, key);
  if (existing === undefined) throw new ApiError(404, "NotFound", `No ${set} record matches (${key}).`);
  switch (request.method) {
    case "GET":
      return json(200, { "@odata.context": `${base}$metadata#${set}/$entity`, ...applySelect(render(existing), selectList(request.url.searchParams)) }, { etag: etagOf(existing.version) });
    case "PATCH": {
      checkPreconditions(request, existing);
      const data = merge(existing.data, objectBody(request), entity);
      syncFromFinOps(context, environment, set, data);
      const stored = putRow(environment.finops, set, existing.id, data);
      return noContent({ etag: etagOf(stored.version) });
    }
    case "DELETE":
      checkPreconditions(request, existing);
      deleteRow(environment.finops, set, existing.id);
      return noContent();
    default:
      throw new ApiError(405, "MethodNotAllowed", `${request.method} is not allowed on a ${set} record.`);
  }
}

function list(context: SandboxContext, environment: EnvironmentHandles, request: ApiRequest, set: string, entity: EntityInfo | undefined, base: string): ApiResponse {
  const query = request.url.searchParams;
  const crossCompany = query.get("cross-company")?.toLowerCase() === "true";
  const company = defaultCompany(context, environment);
  const filter = compileFilter(query);
  const rows = listRows(environment.finops, set).filter((row) => {
    if (!crossCompany && entity?.companySpecific === true && String(lookupProperty(row.data, "dataAreaId") ?? "").toLowerCase() !== company) return false;
    return filter(row.data);
  });
  const page = pageOf(rows, request);
  const select = selectList(query);
  const body: Row = { "@odata.context": `${base}$metadata#${set}`, value: page.items.map((row) => applySelect(render(row), select)) };
  if (page.nextLink !== undefined) body["@odata.nextLink"] = page.nextLink;
  return json(200, body, page.headers);
}

function create(context: SandboxContext, environment: EnvironmentHandles, request: ApiRequest, set: string, entity: EntityInfo | undefined, base: string): ApiResponse {
  const data = merge({}, objectBody(request), entity);
  if (entity?.companySpecific === true && lookupProperty(data, "dataAreaId") === undefined) data["dataAreaId"] = defaultCompany(context, environment);
  if (entity !== undefined) {
    const keys = keyProperties(entity);
    const missing = keys.filter((name) => {
      const value = lookupProperty(data, name);
      return value === undefined || value === null || value === "";
    });
    if (missing.length > 0) throw new ApiError(400, "BadRequest", `Missing key field(s) ${missing.join(", ")} for ${set}.`);
    const predicate = new Map(keys.map((name) => [name, String(lookupProperty(data, name))]));
    if (listRows(environment.finops, set).some((row) => matches(row, predicate))) {
      throw new ApiError(409, "Conflict", `A ${set} record with the same key already exists.`);
    }
  }
  syncFromFinOps(context, environment, set, data);
  const stored = putRow(environment.finops, set, randomUUID(), data);
  return json(201, { "@odata.context": `${base}$metadata#${set}/$entity`, ...render(stored) }, { etag: etagOf(stored.version) });
}

/** Property names keep the entity's casing when the entity is known; annotations are dropped. */
function merge(current: Row, changes: Row, entity: EntityInfo | undefined): Row {
  const out: Row = { ...current };
  for (const [name, value] of Object.entries(changes)) {
    if (name.startsWith("@") || name.includes("@odata.")) continue;
    const canonical =
      entity?.properties.find((property) => property.Name.toLowerCase() === name.toLowerCase())?.Name ??
      Object.keys(out).find((existing) => existing.toLowerCase() === name.toLowerCase()) ??
      name;
    out[canonical] = value;
  }
  return out;
}

function findByKey(environment: EnvironmentHandles, set: string, entity: EntityInfo | undefined, key: string): StoredRow | undefined {
  const predicate = parseKeyPredicate(key);
  const rows = listRows(environment.finops, set);
  if (predicate.kind === "named") return rows.find((row) => matches(row, predicate.values));
  const keys = entity === undefined ? [] : keyProperties(entity).filter((name) => name !== "dataAreaId");
  const [only] = keys;
  if (keys.length === 1 && only !== undefined) return rows.find((row) => matches(row, new Map([[only, predicate.value]])));
  return rows.find((row) => row.id === predicate.value);
}

function matches(row: StoredRow, predicate: ReadonlyMap<string, string>): boolean {
  return [...predicate].every(([name, value]) => String(lookupProperty(row.data, name) ?? "").toLowerCase() === value.toLowerCase());
}

function render(row: StoredRow): Row {
  return { "@odata.etag": etagOf(row.version), ...row.data };
}

/** The user's default company: the first linked legal entity, in F&O's lower case. */
function defaultCompany(context: SandboxContext, environment: EnvironmentHandles): string {
  const first = connectionOfFinOps(context.store.service, environment.name)?.legalEntities[0] ?? environment.legalEntities[0] ?? "dat";
  return first.toLowerCase();
}
