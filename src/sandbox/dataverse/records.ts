import { randomUUID } from "node:crypto";
import type { SandboxContext } from "../context.js";
import { json, noContent, objectBody, prefers } from "../api/respond.js";
import type { ApiRequest, ApiResponse } from "../api/types.js";
import { ApiError } from "../api/types.js";
import { MAP_SET, busyStateFor, tableOfSet } from "../dualwrite/maps.js";
import { parseMapping } from "../dualwrite/mapping.js";
import { applySelect, compileFilter, lookupProperty, pageOf, selectList } from "../odata/query.js";
import type { Segment } from "../odata/path.js";
import { isGuid, parseKeyPredicate } from "../odata/path.js";
import { checkPreconditions } from "../odata/etag.js";
import { deleteRow, etagOf, getRow, listRows, putRow } from "../store/rows.js";
import type { StoredRow } from "../store/rows.js";
import type { EnvironmentHandles } from "../store/store.js";
import { syncFromDataverse } from "../sync/sync.js";
import type { TableInfo } from "./tables.js";
import { addCustomColumns, logicalNameOfSet, primaryIdOf, registerCustomTable, tableBySet } from "./tables.js";

type Row = Record<string, unknown>;

/** Rows of any entity set: map definitions, runtime configuration, environment variables and data. */
export function handleRecords(context: SandboxContext, environment: EnvironmentHandles, request: ApiRequest, segment: Segment, base: string): ApiResponse {
  const db = environment.dataverse;
  const set = segment.name;
  const table = tableBySet(db, set);
  if (segment.key === undefined) {
    if (request.method === "GET") return list(request, environment, set, base);
    if (request.method === "POST") return create(context, environment, request, table ?? registerCustomTable(db, logicalNameOfSet(set), set), base);
    throw new ApiError(405, "0x80060888", `The HTTP method ${request.method} is not allowed on ${set}.`);
  }
  const resolvedTable = table ?? (request.method === "PATCH" ? registerCustomTable(db, logicalNameOfSet(set), set) : undefined);
  if (resolvedTable === undefined) throw new ApiError(404, "0x80040217", `${logicalNameOfSet(set)} With Id = ${segment.key} Does Not Exist`);
  const existing = findRow(environment, set, segment.key);
  const id = existing?.id ?? idOfKey(segment.key);
  switch (request.method) {
    case "GET":
      if (existing === undefined) throw notFound(resolvedTable, segment.key);
      return json(200, { "@odata.context": `${base}$metadata#${set}/$entity`, ...applySelect(render(existing), selectList(request.url.searchParams), [primaryIdOf(resolvedTable)]) }, { etag: etagOf(existing.version) });
    case "PATCH":
      return update(context, environment, request, resolvedTable, existing, id, base);
    case "DELETE": {
      if (existing === undefined) throw notFound(resolvedTable, segment.key);
      checkPreconditions(request, existing);
      if (set === MAP_SET) guardMapEdit(context, environment, existing.data);
      deleteRow(db, set, existing.id);
      return noContent();
    }
    default:
      throw new ApiError(405, "0x80060888", `The HTTP method ${request.method} is not allowed on a ${resolvedTable.logicalName} row.`);
  }
}

function list(request: ApiRequest, environment: EnvironmentHandles, set: string, base: string): ApiResponse {
  const filter = compileFilter(request.url.searchParams);
  const select = selectList(request.url.searchParams);
  const table = tableBySet(environment.dataverse, set);
  const rows = listRows(environment.dataverse, set).filter((row) => filter(row.data));
  const page = pageOf(rows, request);
  const always = table === undefined ? [] : [primaryIdOf(table)];
  const body: Row = { "@odata.context": `${base}$metadata#${set}`, value: page.items.map((row) => applySelect(render(row), select, always)) };
  if (page.nextLink !== undefined) body["@odata.nextLink"] = page.nextLink;
  return json(200, body, page.headers);
}

function create(context: SandboxContext, environment: EnvironmentHandles, request: ApiRequest, table: TableInfo, base: string): ApiResponse {
  const input = fromWire(objectBody(request));
  const primary = primaryIdOf(table);
  const given = input[primary];
  const id = typeof given === "string" && isGuid(given) ? given.toLowerCase() : randomUUID();
  if (getRow(environment.dataverse, table.entitySet, id) !== undefined) {
    throw new ApiError(412, "0x80040237", `A record with matching key values already exists (${primary} ${id}).`);
  }
  const stamp = new Date(context.now()).toISOString();
  const data: Row = { statecode: 0, ...input, [primary]: id, createdon: stamp, modifiedon: stamp };
  return write(context, environment, request, table, id, data, base, 201);
}

function update(context: SandboxContext, environment: EnvironmentHandles, request: ApiRequest, table: TableInfo, existing: StoredRow | undefined, id: string, base: string): ApiResponse {
  checkPreconditions(request, existing);
  if (table.entitySet === MAP_SET && existing !== undefined) guardMapEdit(context, environment, existing.data);
  if (!isGuid(id)) throw notFound(table, id);
  const stamp = new Date(context.now()).toISOString();
  const primary = primaryIdOf(table);
  const data: Row =
    existing === undefined
      ? { statecode: 0, ...fromWire(objectBody(request)), [primary]: id, createdon: stamp, modifiedon: stamp }
      : { ...existing.data, ...fromWire(objectBody(request)), [primary]: existing.id, modifiedon: stamp };
  return write(context, environment, request, table, id, data, base, existing === undefined ? 201 : 200);
}

/** Dual-write first: when the sync fails, the originating write fails too and nothing is stored. */
function write(context: SandboxContext, environment: EnvironmentHandles, request: ApiRequest, table: TableInfo, id: string, data: Row, base: string, representationStatus: number): ApiResponse {
  addCustomColumns(environment.dataverse, table, Object.keys(data));
  syncFromDataverse(context, environment, table.logicalName, data);
  const stored = putRow(environment.dataverse, table.entitySet, id, data);
  const headers = { "odata-entityid": `${base}${table.entitySet}(${id})`, etag: etagOf(stored.version) };
  if (prefers(request, "return=representation")) {
    const select = selectList(request.url.searchParams);
    return json(representationStatus, { "@odata.context": `${base}$metadata#${table.entitySet}/$entity`, ...applySelect(render(stored), select, [primaryIdOf(table)]) }, headers);
  }
  return noContent(headers);
}

function render(row: StoredRow): Row {
  return { "@odata.etag": etagOf(row.version), ...row.data };
}

/** `x@odata.bind: "/set(id)"` becomes `_x_value`; other annotations are dropped, as Dataverse does. */
function fromWire(body: Row): Row {
  const out: Row = {};
  for (const [name, value] of Object.entries(body)) {
    if (name.endsWith("@odata.bind")) {
      const match = typeof value === "string" ? /\(([^)]+)\)\s*$/.exec(value) : null;
      const column = name.slice(0, -"@odata.bind".length).toLowerCase();
      out[`_${column}_value`] = match?.[1]?.replaceAll("'", "").toLowerCase() ?? null;
      continue;
    }
    if (name.startsWith("@") || name.includes("@odata.")) continue;
    out[name] = value;
  }
  return out;
}

function findRow(environment: EnvironmentHandles, set: string, key: string): StoredRow | undefined {
  const predicate = parseKeyPredicate(key);
  if (predicate.kind === "single") return isGuid(predicate.value) ? getRow(environment.dataverse, set, predicate.value.toLowerCase()) : undefined;
  return listRows(environment.dataverse, set).find((row) =>
    [...predicate.values].every(([name, value]) => String(lookupProperty(row.data, name) ?? "") === value),
  );
}

function idOfKey(key: string): string {
  const predicate = parseKeyPredicate(key);
  return predicate.kind === "single" && isGuid(predicate.value) ? predicate.value.toLowerCase() : key;
}

function notFound(table: TableInfo, key: string): ApiError {
  return new ApiError(404, "0x80040217", `${table.logicalName} With Id = ${key} Does Not Exist`);
}

/** Editing or deleting a version of a map that runs anywhere is refused (docs/live-api.md). */
function guardMapEdit(context: SandboxContext, environment: EnvironmentHandles, data: Row): void {
  const mapping = parseMapping(data["msdyn_mapping"]);
  if (mapping === undefined) return;
  const table = tableOfSet(environment.dataverse, mapping.entitySet);
  if (busyStateFor(context, environment.name, mapping.entity, table) !== undefined) {
    throw new ApiError(400, "0x80060888", "Stop the table map before you edit it");
  }
}
