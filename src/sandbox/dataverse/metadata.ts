import type { SandboxContext } from "../context.js";
import { json, noContent, objectBody } from "../api/respond.js";
import type { ApiRequest, ApiResponse } from "../api/types.js";
import { ApiError } from "../api/types.js";
import { stableGuid } from "../dualwrite/ids.js";
import { applySelect, compileFilter, expandList, selectList } from "../odata/query.js";
import type { Segment } from "../odata/path.js";
import { isGuid, keyValue } from "../odata/path.js";
import { cachedTransaction } from "../store/cache.js";
import { catalogColumnType, catalogLookupTargets } from "../seed/sandbox-catalog.js";
import type { EnvironmentHandles } from "../store/store.js";
import type { AlternateKey } from "./keys.js";
import { createKey, deleteKey, findKey, keyMetadata, keyStatus, listKeys, restartBuild } from "./keys.js";
import type { TableInfo } from "./tables.js";
import { entitySetOfName, listTables, primaryIdOf, registerCustomTable, tableByName } from "./tables.js";

/** `EntityDefinitions[...]`: tables with their alternate keys and attributes, unpaged as in Dataverse. */
export function handleEntityDefinitions(context: SandboxContext, environment: EnvironmentHandles, request: ApiRequest, segments: Segment[], base: string): ApiResponse {
  const db = environment.dataverse;
  const [definitions, child] = segments;
  const query = request.url.searchParams;
  if (definitions?.key === undefined) {
    if (request.method !== "GET") throw new ApiError(405, "0x80060888", "EntityDefinitions is read-only here; create tables by writing rows.");
    const filter = compileFilter(query);
    // Filtered on the table's own properties first, so a filter on LogicalName renders only what it names.
    const value = listTables(db)
      .filter((table) => filter(tableRow(table)))
      .map((table) => renderTable(context, environment, table, request));
    return json(200, { "@odata.context": `${base}$metadata#EntityDefinitions`, value });
  }
  const name = definitions.key;
  const table = findTable(environment, name);
  if (child === undefined) {
    if (table === undefined) throw tableNotFound(name);
    if (request.method !== "GET") throw new ApiError(405, "0x80060888", `${request.method} is not supported on EntityDefinitions here.`);
    return json(200, { "@odata.context": `${base}$metadata#EntityDefinitions/$entity`, ...renderTable(context, environment, table, request) });
  }
  if (child.name === "Attributes" && request.method === "GET") {
    if (table === undefined) throw tableNotFound(name);
    return json(200, { value: attributes(table).map((row) => applySelect(row, selectList(query))) });
  }
  if (child.name !== "Keys") throw new ApiError(404, "0x80060888", `Resource not found for the segment '${child.name}'.`);
  if (child.key === undefined) {
    if (request.method === "GET") {
      if (table === undefined) throw tableNotFound(name);
      return json(200, { value: listKeys(db, table.logicalName).map((key) => renderKey(context, table, key, selectList(query))) });
    }
    if (request.method === "POST") {
      // One transaction: a key refused leaves no table registered for it.
      return cachedTransaction(db, () => createKeyRoute(context, environment, request, table ?? registerUnknownTable(environment, name), base));
    }
    throw new ApiError(405, "0x80060888", `${request.method} is not supported on Keys.`);
  }
  if (table === undefined) throw tableNotFound(name);
  const key = findKey(db, table.logicalName, keyValue(child.key, "LogicalName"));
  if (key === undefined) throw new ApiError(404, "0x80040217", `Could not find an entity key with the name ${child.key} on entity ${table.logicalName}.`);
  if (request.method === "GET") return json(200, renderKey(context, table, key, selectList(query)));
  if (request.method === "DELETE") {
    deleteKey(db, key);
    return noContent();
  }
  throw new ApiError(405, "0x80060888", `${request.method} is not supported on a key.`);
}

function findTable(environment: EnvironmentHandles, key: string): TableInfo | undefined {
  if (isGuid(key)) {
    return listTables(environment.dataverse).find((table) => stableGuid(`dwctl-sandbox-table|${table.logicalName}`) === key.toLowerCase());
  }
  return tableByName(environment.dataverse, keyValue(key, "LogicalName"));
}

/**
 * A key on a table the sandbox was not seeded with: the table is registered under the logical name
 * the path gives (any column accepted), so the key builds and is found again like any other.
 */
function registerUnknownTable(environment: EnvironmentHandles, key: string): TableInfo {
  const logicalName = isGuid(key) ? undefined : keyValue(key, "LogicalName");
  if (logicalName === undefined || !/^[a-z_][a-z0-9_]*$/i.test(logicalName)) throw tableNotFound(key);
  const table = registerCustomTable(environment.dataverse, logicalName, entitySetOfName(logicalName));
  // The entity set the name implies already belongs to another table: no table of this name can be made.
  if (table.logicalName !== logicalName) throw tableNotFound(logicalName);
  return table;
}

function tableNotFound(name: string): ApiError {
  return new ApiError(404, "0x80040217", `Could not find an entity with name ${name}.`);
}

function tableRow(table: TableInfo): Record<string, unknown> {
  return {
    MetadataId: stableGuid(`dwctl-sandbox-table|${table.logicalName}`),
    LogicalName: table.logicalName,
    SchemaName: table.logicalName,
    EntitySetName: table.entitySet,
    PrimaryIdAttribute: primaryIdOf(table),
    IsCustomEntity: table.custom,
  };
}

function renderTable(context: SandboxContext, environment: EnvironmentHandles, table: TableInfo, request: ApiRequest): Record<string, unknown> {
  const query = request.url.searchParams;
  const selected = applySelect(tableRow(table), selectList(query));
  const expand = expandList(query);
  if (expand.has("keys")) {
    selected["Keys"] = listKeys(environment.dataverse, table.logicalName).map((key) => renderKey(context, table, key, expand.get("keys")));
  }
  if (expand.has("attributes")) selected["Attributes"] = attributes(table).map((attribute) => applySelect(attribute, expand.get("attributes")));
  if (expand.has("manytoonerelationships")) selected["ManyToOneRelationships"] = manyToOne(table).map((relationship) => applySelect(relationship, expand.get("manytoonerelationships")));
  return selected;
}

/** The tables a lookup points at: the catalog's (several for a customer lookup), else the one the table records. */
function targetsOf(table: TableInfo, column: string): string[] {
  const recorded = table.lookups[column];
  return catalogLookupTargets(table.logicalName, column) ?? (recorded === undefined ? [] : [recorded]);
}

/**
 * AttributeMetadata as Dataverse answers it: every attribute has LogicalName and AttributeType;
 * `Targets` is LookupAttributeMetadata's, so only a cast path (`Attributes/...LookupAttributeMetadata`)
 * or a lookup read on its own shows it. Types come from the catalog; a column it does not know is a string.
 */
function attributes(table: TableInfo): Record<string, unknown>[] {
  return table.columns.map((column) => {
    const targets = targetsOf(table, column);
    const type = column === primaryIdOf(table) ? "Uniqueidentifier" : (catalogColumnType(table.logicalName, column) ?? (targets.length === 0 ? "String" : targets.length > 1 ? "Customer" : "Lookup"));
    const row: Record<string, unknown> = { LogicalName: column, AttributeType: type, AttributeTypeName: { Value: `${type}Type` } };
    if (targets.length > 0) row["Targets"] = targets;
    return row;
  });
}

/** OneToManyRelationshipMetadata of the table's lookups: one relationship per lookup and target table. */
function manyToOne(table: TableInfo): Record<string, unknown>[] {
  return table.columns.flatMap((column) =>
    targetsOf(table, column).map((target) => ({
      MetadataId: stableGuid(`dwctl-sandbox-relationship|${table.logicalName}|${column}|${target}`),
      SchemaName: `${table.logicalName}_${column}_${target}`,
      RelationshipType: "OneToManyRelationship",
      ReferencedEntity: target,
      ReferencedAttribute: `${target}id`,
      ReferencingEntity: table.logicalName,
      ReferencingAttribute: column,
    })),
  );
}

function renderKey(context: SandboxContext, table: TableInfo, key: AlternateKey, select: string[] | undefined): Record<string, unknown> {
  return applySelect(keyMetadata(key, keyStatus(key, table, context.now(), context.timings)), select);
}

function createKeyRoute(context: SandboxContext, environment: EnvironmentHandles, request: ApiRequest, table: TableInfo, base: string): ApiResponse {
  const body = objectBody(request);
  const schemaName = body["SchemaName"];
  const attributes = body["KeyAttributes"];
  if (typeof schemaName !== "string" || schemaName === "") throw new ApiError(400, "0x80040203", "SchemaName is required.");
  if (!Array.isArray(attributes) || !attributes.every((attribute): attribute is string => typeof attribute === "string")) {
    throw new ApiError(400, "0x80040203", "KeyAttributes must be a list of attribute logical names.");
  }
  const key = createKey(environment.dataverse, table, { schemaName, displayName: labelOf(body["DisplayName"]) ?? schemaName, attributes }, context.now());
  return noContent({ "odata-entityid": `${base}EntityDefinitions(LogicalName='${table.logicalName}')/Keys(LogicalName='${key.logicalName}')` });
}

function labelOf(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (typeof value !== "object" || value === null) return undefined;
  const labels: unknown = Reflect.get(value, "LocalizedLabels");
  const first: unknown = Array.isArray(labels) ? labels[0] : Reflect.get(value, "UserLocalizedLabel");
  const label: unknown = typeof first === "object" && first !== null ? Reflect.get(first, "Label") : undefined;
  return typeof label === "string" ? label : undefined;
}

export function reactivateEntityKey(context: SandboxContext, environment: EnvironmentHandles, request: ApiRequest): ApiResponse {
  const body = objectBody(request);
  const table = body["EntityLogicalName"];
  const keyName = body["EntityKeyLogicalName"];
  if (typeof table !== "string" || typeof keyName !== "string") throw new ApiError(400, "0x80040203", "EntityLogicalName and EntityKeyLogicalName are required.");
  const key = findKey(environment.dataverse, table, keyName);
  if (key === undefined) throw new ApiError(404, "0x80040217", `Could not find an entity key with the name ${keyName} on entity ${table}.`);
  restartBuild(environment.dataverse, key, context.now());
  return noContent();
}
