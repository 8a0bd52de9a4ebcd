import { randomUUID } from "node:crypto";
import type { SandboxContext } from "../context.js";
import { json, noContent, objectBody, prefers } from "../api/respond.js";
import type { ApiRequest, ApiResponse } from "../api/types.js";
import { ApiError } from "../api/types.js";
import { MAP_SET } from "../dualwrite/definition.js";
import { foreignRuntimeOrganization, secureConfigMessage } from "../dualwrite/runtime.js";
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
  const solution = solutionOfHeader(environment, request);
  if (solution !== undefined && table.entitySet === MAP_SET) data["solutionid"] = solution;
  if (table.entitySet === "solutions") checkNewSolution(environment, data);
  return write(context, environment, request, table, id, data, base, 201);
}

function update(context: SandboxContext, environment: EnvironmentHandles, request: ApiRequest, table: TableInfo, existing: StoredRow | undefined, id: string, base: string): ApiResponse {
  checkPreconditions(request, existing);
  // A map row may be edited while its map runs: the map keeps the definition it started with until
  // it is stopped and started again ("Maps must be stopped before editing or changes aren't saved",
  // docs data-entities/dual-write/customizing-mappings.md).
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
  const foreign = foreignRuntimeOrganization(environment.dataverse, table.logicalName, environment.identity.organizationId);
  if (foreign !== undefined) {
    // The dual-write runtime plug-in refuses the write (docs dual-write-troubleshooting-live-sync.md,
    // "Live synchronization error after you do a full database copy"). A plug-in's
    // InvalidPluginExecutionException reaches the caller as IsvAborted (docs power-apps best-practices
    // use-invalidpluginexecutionexception-plugin-workflow-activities.md); 0x80040265 is IsvAborted's
    // code in the Dataverse web service error list, not confirmed against a captured answer.
    throw new ApiError(400, "0x80040265", secureConfigMessage(foreign, environment.identity.organizationId));
  }
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

/**
 * The solution a create names with the documented `MSCRM.SolutionUniqueName` header (docs power-apps
 * webapi/create-entity-web-api.md, "Associate with a solution"). An unknown name is refused; the
 * exact Dataverse error code for that is unknown, so the generic "does not exist" code is used.
 */
function solutionOfHeader(environment: EnvironmentHandles, request: ApiRequest): string | undefined {
  const name = request.headers["mscrm.solutionuniquename"];
  if (name === undefined || name.trim() === "") return undefined;
  const solution = listRows(environment.dataverse, "solutions").find((row) => String(row.data["uniquename"] ?? "").toLowerCase() === name.trim().toLowerCase());
  if (solution === undefined) throw new ApiError(400, "0x80040217", `The solution ${name.trim()} does not exist.`);
  return solution.id;
}

/** A solution created through the Web API is unmanaged and needs an existing publisher (docs power-apps reference/entities/solution.md). */
function checkNewSolution(environment: EnvironmentHandles, data: Row): void {
  const publisher = data["_publisherid_value"];
  if (typeof publisher !== "string" || getRow(environment.dataverse, "publishers", publisher) === undefined) {
    throw new ApiError(400, "0x80040217", "A solution needs publisherid@odata.bind naming an existing publisher.");
  }
  const name = data["uniquename"];
  if (typeof name !== "string" || name === "") throw new ApiError(400, "0x80040203", "A solution needs a uniquename.");
  if (listRows(environment.dataverse, "solutions").some((row) => String(row.data["uniquename"] ?? "").toLowerCase() === name.toLowerCase())) {
    throw new ApiError(412, "0x80040237", `A solution with the unique name ${name} already exists.`);
  }
  data["ismanaged"] = false;
  if (typeof data["version"] !== "string") data["version"] = "1.0.0.0";
}
