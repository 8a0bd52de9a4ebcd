import type Database from "better-sqlite3";
import type { SandboxContext } from "../context.js";
import { dataverseUrl, finopsUrl } from "../context.js";
import { findEntity } from "../finops/entities.js";
import { listRows } from "../store/rows.js";
import { sql } from "../store/sql.js";
import type { Definition } from "./definition.js";
import { versionObject } from "./definition.js";
import { stableGuid } from "./ids.js";
import type { ConnectionSet, MapRow, RequestRow, TemplateRow } from "./service.js";
import { NON_ASCII, REQUEST_STATE, integrationKeys, mapsOf, requestsOfConnection, requestsOfMap, templateById, templatesOf, templatesOfConnection } from "./service.js";

type Json = Record<string, unknown>;

const iso = (time: number): string => new Date(time).toISOString();

/** Codes are JSON strings (dualwrite-service.md §10). */
export function renderRequest(request: RequestRow): Json {
  return {
    requestId: request.request_id,
    action: request.action,
    createdOn: iso(request.created_at),
    modifiedOn: iso(request.modified_at),
    state: String(request.state),
    ...(request.state === REQUEST_STATE.error ? { errorMessage: request.error_message ?? "The request failed." } : {}),
    rootActivityId: request.root_activity,
  };
}

export function renderTemplate(template: TemplateRow): Json {
  return {
    id: template.template_id,
    author: template.author,
    version: versionObject(template.version),
    description: template.description,
    createdDateTime: iso(template.created_at),
  };
}

/**
 * One element of Entities and of Status (fixtures/get-entities.response.json). `template` and
 * `lastRequest` are left out rather than null when there is none (dualwrite-service.md §0, §10).
 */
export function renderMap(service: Database.Database, map: MapRow): Json {
  return renderMapOf(map, templatesOf(service, map.seq), templateById(service, map.active_template), requestsOfMap(service, map.seq));
}

function renderMapOf(map: MapRow, templates: readonly TemplateRow[], active: TemplateRow | undefined, requests: readonly RequestRow[]): Json {
  const [last] = requests;
  return {
    leftEntity: { targetType: "AX", name: map.entity, displayName: map.label },
    rightEntity: { targetType: "CRM", name: map.entity_set, displayName: map.table_name },
    detail: {
      tid: map.active_template,
      tName: map.name,
      templates: templates.map(renderTemplate),
      ...(active === undefined ? {} : { template: renderTemplate(active) }),
      pid: map.pid,
      state: String(map.state),
      ...(last === undefined ? {} : { lastRequest: renderRequest(last) }),
      lastRequests: requests.map(renderRequest),
      isProjectDeleted: false,
    },
  };
}

/** Every map of the connection set: a few queries for the whole set rather than a few per map. */
export function renderEntities(service: Database.Database, connection: ConnectionSet): Json[] {
  const templates = templatesOfConnection(service, connection.cid);
  const requests = requestsOfConnection(service, connection.cid);
  return mapsOf(service, connection.cid).map((map) => {
    const own = templates.get(map.seq) ?? [];
    // The active template is one of the map's own; templateById stays the judge when it is not.
    const wanted = map.active_template.toLowerCase();
    const active = NON_ASCII.test(map.active_template) ? undefined : own.find((template) => template.template_id.toLowerCase() === wanted);
    return renderMapOf(map, own, active ?? templateById(service, map.active_template), requests.get(map.seq) ?? []);
  });
}

/** GET Environments, one element (fixtures/get-environments.response.json). */
export function renderEnvironment(connection: ConnectionSet): Json {
  return {
    cid: connection.cid,
    cname: connection.cname,
    targetType: "AX",
    displayName: connection.foEnv,
    detail: { isSolutionAware: true },
    powerAppsEnvironment: connection.powerAppsEnvironment,
  };
}

/** GET ConnectionSet/{cname} (fixtures/get-connectionset.response.json). */
export function renderConnectionSet(context: SandboxContext, connection: ConnectionSet): Json {
  const service = context.store.service;
  const keys = integrationKeys(service, connection.cid);
  const sets = new Map<string, string>();
  for (const map of mapsOf(service, connection.cid)) sets.set(map.entity_set, map.table_name);
  for (const key of keys) if (!sets.has(key.entitySet)) sets.set(key.entitySet, key.entitySet);
  const schemas = [...sets].map(([entitySet, table]) => {
    const key = keys.find((candidate) => candidate.entitySet === entitySet);
    return {
      id: stableGuid(`dwctl-sandbox-schema|${connection.cid}|${entitySet}`),
      name: entitySet,
      displayName: table,
      targetType: "CRM",
      keys:
        key === undefined
          ? []
          : [
              {
                // DW Helper reads the key named userKeys with a non-null displayName (dualwrite-service.md §5.4, §10).
                name: "userKeys",
                displayName: "Integration key",
                fields: key.columns,
                isIntegrationKey: true,
                isPrimaryKey: false,
                isCustomized: key.customized,
                isHardcoded: false,
              },
            ],
    };
  });
  const solutionRequests = sql(service, "SELECT * FROM solution_requests WHERE cid = ? ORDER BY created_at DESC, rowid DESC").all(connection.cid) as SolutionRequestRow[];
  return {
    name: connection.cname,
    displayName: `${connection.foEnv} dual-write`,
    id: connection.cid,
    tenant: connection.tenant,
    forDualWrite: true,
    targetTypeList: ["AX", "CRM"],
    createdDateTime: iso(connection.createdAt),
    environments: {
      [connection.axDataset]: {
        name: connection.axDataset,
        connectionSetName: connection.cname,
        targetType: "AX",
        environmentDisplayName: connection.foEnv,
        directUrl: finopsUrl(context, connection.foEnv),
        isDevInstance: false,
      },
      [connection.crmDataset]: {
        name: connection.crmDataset,
        connectionSetName: connection.cname,
        targetType: "CRM",
        environmentDisplayName: connection.dataverseEnv,
        powerAppsEnvironment: connection.powerAppsEnvironment,
        directUrl: dataverseUrl(context, connection.dataverseEnv),
        isDevInstance: false,
        schemas,
      },
    },
    dualWriteDetail: {
      isSolutionAware: true,
      conflictResolution: { option: "1", master: "CRM" },
      legalEntityMappings: { mappings: connection.legalEntities.map((code) => ({ left: { name: code }, right: { name: code } })) },
      solutionAwareRequests: solutionRequests.map(renderSolutionRequest),
    },
  };
}

export interface SolutionRequestRow {
  request_id: string;
  cid: string;
  solution: string;
  created_at: number;
  modified_at: number;
  complete_at: number;
  state: number;
  message: string;
  root_activity: string;
}

/** fixtures/get-solutionaware-status.response.json; `result` is never null (dualwrite-service.md §0). */
export function renderSolutionRequest(request: SolutionRequestRow): Json {
  const status = request.state === REQUEST_STATE.completed ? "Succeeded" : request.state === REQUEST_STATE.error ? "Failed" : "Running";
  return {
    requestId: request.request_id,
    action: "2",
    createdOn: iso(request.created_at),
    modifiedOn: iso(request.modified_at),
    state: String(request.state),
    result: { message: request.message, status },
    rootActivityId: request.root_activity,
  };
}

/** GET {pid}/FieldMappings (fixtures/get-fieldmappings.response.json): the map's project, from its active template's row. */
export function renderFieldMappings(context: SandboxContext, connection: ConnectionSet, map: MapRow, definition: Definition | undefined, template: TemplateRow | undefined): Json {
  const finops = context.store.env(connection.foEnv)?.finops;
  const leg = firstLeg(definition);
  const fields = Array.isArray(leg["fieldMappings"]) ? (leg["fieldMappings"] as unknown[]) : [];
  const fromAx = String(leg["sourceEnvironmentType"] ?? "AX").toUpperCase() !== "CRM";
  const foFields = new Set<string>();
  const dvFields = new Set<string>();
  const fieldMappings = fields.flatMap((raw) => {
    if (typeof raw !== "object" || raw === null) return [];
    const field = raw as Json;
    const source = field["sourceField"];
    const destination = field["destinationField"];
    const fo = fromAx ? source : destination;
    const dv = fromAx ? destination : source;
    if (typeof fo === "string" && fo !== "") foFields.add(fo);
    if (typeof dv === "string" && dv !== "") dvFields.add(dv);
    return [
      {
        syncDirection: Number(field["syncDirection"]),
        sourceField: fo ?? null,
        destinationField: dv ?? null,
        valueTransforms: Array.isArray(field["valueTransforms"]) ? field["valueTransforms"].map(wireTransform) : [],
        isSystemGenerated: field["isSystemGenerated"] === true,
      },
    ];
  });
  const entity = finops === undefined ? undefined : findEntity(finops, map.entity);
  const typeOf = (name: string): string => entity?.properties.find((property) => property.Name.toLowerCase() === name.toLowerCase())?.DataType ?? "String";
  const mapping = definition?.mapping;
  return {
    name: map.project_name,
    id: map.pid,
    environments: [
      {
        name: connection.axDataset,
        targetType: "AX",
        schemas: [{ name: map.entity, displayName: map.label, fields: [...foFields].map((name) => ({ name, displayName: name, typeDetails: { type: typeOf(name) } })) }],
      },
      {
        name: connection.crmDataset,
        targetType: "CRM",
        schemas: [{ name: map.entity_set, displayName: map.table_name, fields: [...dvFields].map((name) => ({ name, displayName: name, typeDetails: { type: "String" } })) }],
      },
    ],
    entityMappingTasks: [
      {
        legs: [
          {
            sourceEnvironment: connection.axDataset,
            sourceSchema: map.entity,
            sourceEnvironmentType: "AX",
            // sourceFilter is the F&O filter, reversedSourceFilter the Dataverse one (dualwrite-service.md §5.3).
            sourceFilter: mapping === undefined || mapping.sourceFilter === "" ? null : mapping.sourceFilter,
            destinationEnvironment: connection.crmDataset,
            destinationSchema: map.entity_set,
            destinationEnvironmentType: "CRM",
            reversedSourceFilter: mapping === undefined || mapping.reversedSourceFilter === "" ? null : mapping.reversedSourceFilter,
            fieldMappings,
          },
        ],
      },
    ],
    ...(template === undefined ? {} : { templateIdentifier: { id: template.template_id, version: versionObject(template.version) } }),
    isDualWriteProject: true,
    isDualWriteEnabled: true,
    createdDateTime: iso(map.project_created_at ?? connection.createdAt),
  };
}

/** DW Helper holds defaultValue and valueMap values as strings (dualwrite-service.md §5.3); JSON null stays null. */
function wireTransform(raw: unknown): unknown {
  if (typeof raw !== "object" || raw === null) return raw;
  const transform: Json = { ...(raw as Json) };
  const text = (value: unknown): string | null => (value === null || value === undefined ? null : typeof value === "string" ? value : JSON.stringify(value));
  if ("defaultValue" in transform) transform["defaultValue"] = text(transform["defaultValue"]);
  const map = transform["valueMap"];
  if (typeof map === "object" && map !== null && !Array.isArray(map)) {
    transform["valueMap"] = Object.fromEntries(Object.entries(map).map(([from, to]) => [from, text(to)]));
  }
  return transform;
}

function firstLeg(definition: Definition | undefined): Json {
  if (definition === undefined) return {};
  let mapping: unknown = definition.raw["msdyn_mapping"];
  for (let depth = 0; depth < 3 && typeof mapping === "string"; depth++) mapping = JSON.parse(mapping);
  const legs: unknown = typeof mapping === "object" && mapping !== null ? Reflect.get(mapping, "legs") : undefined;
  let leg: unknown = Array.isArray(legs) ? legs[0] : undefined;
  for (let depth = 0; depth < 3 && typeof leg === "string"; depth++) leg = JSON.parse(leg);
  return typeof leg === "object" && leg !== null ? (leg as Json) : {};
}

/** GET ProjectExecutionWithCompanies/{pid} (fixtures/get-projectexecutionwithcompanies.response.json): the latest run, one element per legal entity. */
export function renderProjectExecution(service: Database.Database, map: MapRow): Json {
  const latest = sql(service, "SELECT request_id FROM initial_syncs WHERE map_seq = ? ORDER BY finished_at DESC, rowid DESC LIMIT 1").get(map.seq) as { request_id: string } | undefined;
  const rows =
    latest === undefined
      ? []
      : (sql(service, "SELECT * FROM initial_syncs WHERE map_seq = ? AND request_id = ? ORDER BY legal_entity").all(map.seq, latest.request_id) as {
          id: string;
          legal_entity: string;
          submitted_at: number;
          finished_at: number;
          upserts: number;
          errors: string;
        }[]);
  return {
    projectName: map.project_name,
    projectExecutionResponses: rows.map((row) => {
      const parsed: unknown = JSON.parse(row.errors);
      const errors = Array.isArray(parsed) ? (parsed as { recordId?: unknown; message?: unknown }[]) : [];
      const status = errors.length > 0 ? "Error" : "Completed";
      return {
        id: row.id,
        projectName: map.project_name,
        legalEntityName: row.legal_entity,
        legalEntityId: row.legal_entity,
        submittedOn: iso(row.submitted_at),
        executionStatus: status,
        lastExecutionStatusChangeOn: iso(row.finished_at),
        initialSyncRequestId: latest?.request_id ?? "",
        upsertCount: row.upserts,
        errorCount: errors.length,
        taskExecutionStatuses: [
          {
            status,
            isRunning: false,
            legs: [
              {
                displayName: `${map.label} to ${map.entity_set}`,
                status,
                exportStatus: "Completed",
                exportStarted: iso(row.submitted_at),
                exportFinished: iso(row.finished_at),
                exportRecordCount: row.upserts + errors.length,
                exportRecordErrorCount: 0,
                importStatus: status,
                importStarted: iso(row.submitted_at),
                importFinished: iso(row.finished_at),
                importRecordsInsertedCount: row.upserts,
                importRecordsUpdatedCount: 0,
                importRecordsErrorCount: errors.length,
                exportErrors: [],
                importErrors: errors.slice(0, 5).map((error) => ({ recordId: String(error.recordId ?? ""), sourceField: "", errorMessage: String(error.message ?? "") })),
              },
            ],
          },
        ],
      };
    }),
  };
}

/** GET SolutionAware/{cid}/Solutions/ (fixtures/get-solutions.response.json): the Dataverse solutions that hold map rows. */
export function renderSolutions(dataverse: Database.Database): Json[] {
  const ids = new Set(listRows(dataverse, "msdyn_dualwriteentitymaps").map((row) => String(row.data["solutionid"] ?? "").toLowerCase()));
  return listRows(dataverse, "solutions")
    .filter((row) => ids.has(row.id.toLowerCase()))
    .map((row) => ({
      uniquename: row.data["uniquename"],
      friendlyname: row.data["friendlyname"] ?? row.data["uniquename"],
      ismanaged: row.data["ismanaged"] === true,
      solutionid: row.id,
      id: row.id,
      version: typeof row.data["version"] === "string" ? row.data["version"] : "1.0.0.0",
      description: typeof row.data["description"] === "string" ? row.data["description"] : "",
    }));
}
