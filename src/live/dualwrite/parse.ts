/**
 * Schema-checked parsers of every answer the adapter reads (dualwrite-service.md §5; shapes of
 * shared/platform/schemas). Extra members are accepted (§0: real answers carry more); what dwctl
 * reads must be there with its type, or a DualWriteProtocolError names the call and the field.
 */
import type { LiveMapState } from "../../model/snapshot.js";
import { mapState } from "./codes.js";
import { DualWriteProtocolError } from "./errors.js";
import type { At } from "./read-json.js";
import { array, arrayOrAbsent, at, code, fail, integer, nonEmpty, nullableString, object, optionalBoolean, optionalNumber, optionalString, root, string } from "./read-json.js";

/** An element of Environments (§5.1, Dual-write-automations DWLibary/Struct/DWEnvironment.cs:13-27). */
export interface DwEnvironment {
  cid: string;
  cname: string;
  powerAppsEnvironment: string | undefined;
}

/** One map version the service can run: `detail.template` / `detail.templates[]` (§5.2). */
export interface DwTemplate {
  id: string;
  author: string;
  /** `major.minor.build.revision` of the template's `version` object. */
  version: string;
}

/** `detail.lastRequests[]` (§5.2, §5.11). */
export interface DwRequest {
  requestId: string;
  action: string;
  state: string;
  errorMessage: string;
  createdOn: string | undefined;
  modifiedOn: string | undefined;
}

/** An element of Entities, and of Status/{requestId} (§5.2, §5.11; DWLibary/Struct/DWMaps.cs:13-102). */
export interface DwMap {
  /** `leftEntity.name`: the F&O data entity. */
  entity: string;
  entityLabel: string | undefined;
  /** `rightEntity.name`: the Dataverse entity set (§5.2), the integration-key table name. */
  entitySet: string;
  tName: string | undefined;
  tid: string | undefined;
  /** null until the map is initialised (§3). */
  pid: string | null;
  stateCode: string;
  state: LiveMapState;
  /** The active version; absent when the answer has none. */
  template: DwTemplate | undefined;
  templates: DwTemplate[];
  lastRequests: DwRequest[];
}

export interface DwFieldMapping {
  syncDirection: 1 | 2 | 3;
  sourceField: string | null;
  destinationField: string | null;
  valueTransforms: { transformType: string; valueMap: Record<string, string | number | boolean | null> | undefined; defaultValue: unknown }[];
}

/** `entityMappingTasks[0].legs[0]`, the one leg DW Helper reads (§5.3). */
export interface DwLeg {
  sourceSchema: string;
  destinationSchema: string;
  /** The F&O filter. */
  sourceFilter: string | null;
  /** The Dataverse filter. */
  reversedSourceFilter: string | null;
  fieldMappings: DwFieldMapping[];
}

/** `{pid}/FieldMappings` (§5.3, DWLibary/Struct/DWFieldMapping.cs:14-204). */
export interface DwProject {
  id: string;
  /** The project name, the key of Refresh tables (§5.9). */
  name: string;
  leg: DwLeg | undefined;
}

export interface DwKey {
  name: string;
  displayName: string | null;
  fields: string[];
}

export interface DwSchema {
  id: string | null;
  name: string;
  keys: DwKey[];
}

/** One entry of the connection set's `environments` dictionary (§5.4). */
export interface DwDataset {
  name: string;
  targetType: string;
  connectionSetName: string | null;
  environmentDisplayName: string | undefined;
  powerAppsEnvironment: string | undefined;
  directUrl: string | undefined;
  isDevInstance: boolean | undefined;
  schemas: DwSchema[];
}

/** `GET /api/ConnectionSet/{cname}` (§5.4, DWLibary/Struct/DWConnectionSet.cs:15-150). */
export interface DwConnectionSet {
  id: string;
  name: string;
  /** The Dataverse entry: the first whose targetType is CRM or contains CDS (DWCommonEngine.cs:134-149). */
  dataverse: DwDataset;
  /** The F&O entry (targetType AX), when there is one. */
  financeAndOperations: DwDataset | undefined;
  /** Distinct `dualWriteDetail.legalEntityMappings.mappings[].left.name`, in order (ResetLinkEngine.cs:100-116). */
  legalEntities: string[];
}

export interface DwSolution {
  uniquename: string;
  friendlyname: string | undefined;
  ismanaged: boolean | undefined;
  version: string | undefined;
}

/** `SolutionAware/{cid}/Status/{requestId}` (§5.6, DWLibary/Struct/SolutionHelpers.cs:35-50). */
export interface DwSolutionRequest {
  requestId: string | undefined;
  state: string;
  message: string;
}

/** `ProjectExecutionWithCompanies/{pid}` (§5.12, DWLibary/Struct/InitialSyncDetails.cs:13-92). */
export interface DwInitialSync {
  projectName: string;
  runs: {
    legalEntityName: string;
    initialSyncRequestId: string | undefined;
    executionStatus: string | undefined;
    upsertCount: number | undefined;
    errorCount: number | undefined;
    errors: { recordId: string | undefined; sourceField: string | undefined; errorMessage: string }[];
  }[];
}

export function parseEnvironments(body: unknown, call: string): DwEnvironment[] {
  const where = root(call);
  return array(body, where).map((item, index) => {
    const here = at(where, index);
    const entry = object(item, here);
    return {
      cid: nonEmpty(entry.cid, at(here, "cid")),
      cname: nonEmpty(entry.cname, at(here, "cname")),
      powerAppsEnvironment: nullableString(entry.powerAppsEnvironment, at(here, "powerAppsEnvironment")) ?? undefined,
    };
  });
}

/** Entities, and Status/{requestId}, which answers the same shape (§5.11). */
export function parseMaps(body: unknown, call: string): DwMap[] {
  const where = root(call);
  return array(body, where).map((item, index) => parseMap(item, at(where, index)));
}

function parseMap(item: unknown, where: At): DwMap {
  const entry = object(item, where);
  const left = object(entry.leftEntity, at(where, "leftEntity"));
  const right = object(entry.rightEntity, at(where, "rightEntity"));
  const detailAt = at(where, "detail");
  const detail = object(entry.detail, detailAt);
  const stateAt = at(detailAt, "state");
  const stateCode = code(detail.state, stateAt);
  const state = mapState(stateCode) ?? fail(stateAt, "a map state 0-6 (dualwrite-service.md §4)", detail.state);
  const templatesAt = at(detailAt, "templates");
  return {
    entity: nonEmpty(left.name, at(at(where, "leftEntity"), "name")),
    entityLabel: nullableString(left.displayName, at(at(where, "leftEntity"), "displayName")) ?? undefined,
    entitySet: nonEmpty(right.name, at(at(where, "rightEntity"), "name")),
    tName: optionalString(detail.tName, at(detailAt, "tName")),
    tid: nullableString(detail.tid, at(detailAt, "tid")) ?? undefined,
    pid: emptyAsNull(nullableString(detail.pid, at(detailAt, "pid"))),
    stateCode,
    state,
    template: detail.template === undefined ? undefined : parseTemplate(detail.template, at(detailAt, "template")),
    templates: arrayOrAbsent(detail.templates, templatesAt).flatMap((template, index) => {
      // DW Helper has a step "removal of NULL Template records" (§5.2, DWMapEngine.cs:2026-2032): such entries name no version.
      if (typeof template === "object" && template !== null && "id" in template && template.id === null) return [];
      return [parseTemplate(template, at(templatesAt, index))];
    }),
    lastRequests: arrayOrAbsent(detail.lastRequests, at(detailAt, "lastRequests")).map((request, index) =>
      parseRequest(request, at(at(detailAt, "lastRequests"), index)),
    ),
  };
}

function emptyAsNull(value: string | null): string | null {
  return value === "" ? null : value;
}

function parseTemplate(value: unknown, where: At): DwTemplate {
  const template = object(value, where);
  const versionAt = at(where, "version");
  const version = object(template.version, versionAt);
  const part = (name: string): number => integer(version[name], at(versionAt, name));
  return {
    id: nonEmpty(template.id, at(where, "id")),
    author: string(template.author, at(where, "author")),
    version: [part("major"), part("minor"), part("build"), part("revision")].join("."),
  };
}

function parseRequest(value: unknown, where: At): DwRequest {
  const request = object(value, where);
  return {
    requestId: nonEmpty(request.requestId, at(where, "requestId")),
    action: code(request.action, at(where, "action")),
    state: code(request.state, at(where, "state")),
    errorMessage: nullableString(request.errorMessage, at(where, "errorMessage")) ?? "",
    createdOn: nullableString(request.createdOn, at(where, "createdOn")) ?? undefined,
    modifiedOn: nullableString(request.modifiedOn, at(where, "modifiedOn")) ?? undefined,
  };
}

export function parseFieldMappings(body: unknown, call: string): DwProject {
  const where = root(call);
  const project = object(body, where);
  const tasksAt = at(where, "entityMappingTasks");
  const tasks = arrayOrAbsent(project.entityMappingTasks, tasksAt);
  let leg: DwLeg | undefined;
  if (tasks.length > 0) {
    const taskAt = at(tasksAt, 0);
    const legsAt = at(taskAt, "legs");
    const legs = arrayOrAbsent(object(tasks[0], taskAt).legs, legsAt);
    if (legs.length > 0) leg = parseLeg(legs[0], at(legsAt, 0));
  }
  return { id: nonEmpty(project.id, at(where, "id")), name: nonEmpty(project.name, at(where, "name")), leg };
}

/** `{pid}/FieldMappings` as Refresh tables needs it (§5.3, §5.9): the answer's id and name are checked, its leg is not read. */
export function parseProjectName(body: unknown, call: string): string {
  const where = root(call);
  const project = object(body, where);
  nonEmpty(project.id, at(where, "id"));
  return nonEmpty(project.name, at(where, "name"));
}

function parseLeg(value: unknown, where: At): DwLeg {
  const leg = object(value, where);
  const fieldsAt = at(where, "fieldMappings");
  return {
    sourceSchema: nonEmpty(leg.sourceSchema, at(where, "sourceSchema")),
    destinationSchema: nonEmpty(leg.destinationSchema, at(where, "destinationSchema")),
    sourceFilter: nullableString(leg.sourceFilter, at(where, "sourceFilter")),
    reversedSourceFilter: nullableString(leg.reversedSourceFilter, at(where, "reversedSourceFilter")),
    fieldMappings: arrayOrAbsent(leg.fieldMappings, fieldsAt).map((field, index) => parseFieldMapping(field, at(fieldsAt, index))),
  };
}

function parseFieldMapping(value: unknown, where: At): DwFieldMapping {
  const field = object(value, where);
  const directionAt = at(where, "syncDirection");
  // Wire form unknown (§4 syncDirection): numbers in the fixtures; numeric strings accepted as Newtonsoft does.
  const direction = integer(field.syncDirection, directionAt);
  if (direction !== 1 && direction !== 2 && direction !== 3) fail(directionAt, "1, 2 or 3 (dualwrite-service.md §4)", field.syncDirection);
  const transformsAt = at(where, "valueTransforms");
  return {
    syncDirection: direction,
    // A field with no source side is [unknown] (§9.16): null and absent both read as "no field".
    sourceField: nullableString(field.sourceField, at(where, "sourceField")),
    destinationField: nullableString(field.destinationField, at(where, "destinationField")),
    valueTransforms: arrayOrAbsent(field.valueTransforms, transformsAt).map((item, index) => {
      const here = at(transformsAt, index);
      const transform = object(item, here);
      const valueMapAt = at(here, "valueMap");
      const valueMap = transform.valueMap === undefined || transform.valueMap === null ? undefined : object(transform.valueMap, valueMapAt);
      return {
        transformType: string(transform.transformType, at(here, "transformType")),
        valueMap: valueMap === undefined ? undefined : valueMapOf(valueMap, valueMapAt),
        defaultValue: transform.defaultValue,
      };
    }),
  };
}

function valueMapOf(source: Record<string, unknown>, where: At): Record<string, string | number | boolean | null> {
  const result: Record<string, string | number | boolean | null> = {};
  for (const [key, value] of Object.entries(source)) {
    if (value !== null && typeof value !== "string" && typeof value !== "number" && typeof value !== "boolean") fail(at(where, key), "a string or null", value);
    result[key] = value;
  }
  return result;
}

export function parseConnectionSet(body: unknown, call: string): DwConnectionSet {
  const where = root(call);
  const set = object(body, where);
  const environmentsAt = at(where, "environments");
  const datasets = Object.entries(object(set.environments, environmentsAt)).map(([key, value]) => parseDataset(value, at(environmentsAt, key)));
  const dataverse = datasets.find((dataset) => dataset.targetType === "CRM" || dataset.targetType.includes("CDS"));
  if (dataverse === undefined) {
    throw new DualWriteProtocolError(call, "environments has no Dataverse entry (targetType CRM or containing CDS, dualwrite-service.md §5.4)");
  }
  return {
    id: nonEmpty(set.id, at(where, "id")),
    name: nonEmpty(set.name, at(where, "name")),
    dataverse,
    financeAndOperations: datasets.find((dataset) => dataset.targetType === "AX"),
    legalEntities: legalEntitiesOf(set.dualWriteDetail, at(where, "dualWriteDetail")),
  };
}

function parseDataset(value: unknown, where: At): DwDataset {
  const dataset = object(value, where);
  const schemasAt = at(where, "schemas");
  return {
    name: nonEmpty(dataset.name, at(where, "name")),
    targetType: nonEmpty(dataset.targetType, at(where, "targetType")),
    connectionSetName: nullableString(dataset.connectionSetName, at(where, "connectionSetName")),
    environmentDisplayName: nullableString(dataset.environmentDisplayName, at(where, "environmentDisplayName")) ?? undefined,
    powerAppsEnvironment: nullableString(dataset.powerAppsEnvironment, at(where, "powerAppsEnvironment")) ?? undefined,
    directUrl: nullableString(dataset.directUrl, at(where, "directUrl")) ?? undefined,
    isDevInstance: dataset.isDevInstance === null ? undefined : optionalBoolean(dataset.isDevInstance, at(where, "isDevInstance")),
    schemas: (dataset.schemas === null ? [] : arrayOrAbsent(dataset.schemas, schemasAt)).map((item, index) => {
      const here = at(schemasAt, index);
      const schema = object(item, here);
      const keysAt = at(here, "keys");
      return {
        id: nullableString(schema.id, at(here, "id")),
        name: nonEmpty(schema.name, at(here, "name")),
        keys: (schema.keys === null ? [] : arrayOrAbsent(schema.keys, keysAt)).map((key, keyIndex) => {
          const keyAt = at(keysAt, keyIndex);
          const entry = object(key, keyAt);
          const fieldsAt = at(keyAt, "fields");
          return {
            name: string(entry.name, at(keyAt, "name")),
            displayName: nullableString(entry.displayName, at(keyAt, "displayName")),
            fields: (entry.fields === null ? [] : arrayOrAbsent(entry.fields, fieldsAt)).map((field, fieldIndex) => nonEmpty(field, at(fieldsAt, fieldIndex))),
          };
        }),
      };
    }),
  };
}

/** Absent detail, mappings or list read as no legal entities: after a Reset with none, what the service sends is [unknown] (§5.13). */
function legalEntitiesOf(value: unknown, where: At): string[] {
  if (value === undefined) return [];
  const detail = object(value, where);
  const mappingsAt = at(where, "legalEntityMappings");
  if (detail.legalEntityMappings === undefined || detail.legalEntityMappings === null) return [];
  const listAt = at(mappingsAt, "mappings");
  const list = arrayOrAbsent(object(detail.legalEntityMappings, mappingsAt).mappings, listAt);
  const names = list.map((mapping, index) => {
    const here = at(listAt, index);
    return nonEmpty(object(object(mapping, here).left, at(here, "left")).name, at(at(here, "left"), "name"));
  });
  return [...new Set(names)];
}

export function parseSolutions(body: unknown, call: string): DwSolution[] {
  const where = root(call);
  return array(body, where).map((item, index) => {
    const here = at(where, index);
    const solution = object(item, here);
    return {
      uniquename: nonEmpty(solution.uniquename, at(here, "uniquename")),
      friendlyname: nullableString(solution.friendlyname, at(here, "friendlyname")) ?? undefined,
      ismanaged: solution.ismanaged === null ? undefined : optionalBoolean(solution.ismanaged, at(here, "ismanaged")),
      version: nullableString(solution.version, at(here, "version")) ?? undefined,
    };
  });
}

export function parseSolutionRequest(body: unknown, call: string): DwSolutionRequest {
  const where = root(call);
  const request = object(body, where);
  const resultAt = at(where, "result");
  const result = request.result === undefined || request.result === null ? undefined : object(request.result, resultAt);
  return {
    requestId: nullableString(request.requestId, at(where, "requestId")) ?? undefined,
    state: code(request.state, at(where, "state")),
    message: result === undefined ? "" : (nullableString(result.message, at(resultAt, "message")) ?? ""),
  };
}

/** Start and RestoreTemplates answer `{requestId}`; their HTTP status is not trusted (§5.6, §5.11). */
export function parseRequestId(body: unknown, call: string): string {
  const where = root(call);
  return nonEmpty(object(body, where).requestId, at(where, "requestId"));
}

/** §5.10: an array of id sequences. */
export function parsePrerequisites(body: unknown, call: string): string[][] {
  const where = root(call);
  return array(body, where).map((sequence, index) => {
    const here = at(where, index);
    return array(sequence, here).map((id, idIndex) => nonEmpty(id, at(here, idIndex)));
  });
}

export function parseInitialSync(body: unknown, call: string): DwInitialSync {
  const where = root(call);
  const answer = object(body, where);
  const runsAt = at(where, "projectExecutionResponses");
  return {
    // DW Helper needs a non-null projectName (§5.12, DWMapEngine.cs:1120).
    projectName: nonEmpty(answer.projectName, at(where, "projectName")),
    runs: arrayOrAbsent(answer.projectExecutionResponses, runsAt).map((item, index) => {
      const here = at(runsAt, index);
      const run = object(item, here);
      const tasksAt = at(here, "taskExecutionStatuses");
      const errors = arrayOrAbsent(run.taskExecutionStatuses, tasksAt).flatMap((task, taskIndex) => {
        const taskAt = at(tasksAt, taskIndex);
        const legsAt = at(taskAt, "legs");
        return arrayOrAbsent(object(task, taskAt).legs, legsAt).flatMap((leg, legIndex) => {
          const legAt = at(legsAt, legIndex);
          const entry = object(leg, legAt);
          return (["exportErrors", "importErrors"] as const).flatMap((side) =>
            arrayOrAbsent(entry[side], at(legAt, side)).map((error, errorIndex) => {
              const errorAt = at(at(legAt, side), errorIndex);
              const detail = object(error, errorAt);
              return {
                recordId: nullableString(detail.recordId, at(errorAt, "recordId")) ?? undefined,
                sourceField: nullableString(detail.sourceField, at(errorAt, "sourceField")) ?? undefined,
                errorMessage: nullableString(detail.errorMessage, at(errorAt, "errorMessage")) ?? "",
              };
            }),
          );
        });
      });
      return {
        legalEntityName: nonEmpty(run.legalEntityName, at(here, "legalEntityName")),
        initialSyncRequestId: nullableString(run.initialSyncRequestId, at(here, "initialSyncRequestId")) ?? undefined,
        executionStatus: nullableString(run.executionStatus, at(here, "executionStatus")) ?? undefined,
        upsertCount: optionalNumber(run.upsertCount, at(here, "upsertCount")),
        errorCount: optionalNumber(run.errorCount, at(here, "errorCount")),
        errors,
      };
    }),
  };
}
