import type { LiveAlternateKey, LiveIntegrationKey, LiveLink, LiveMap, LiveMapRequest, LiveMapVersion, MapDefinition, Snapshot } from "../../model/snapshot.js";
import { mapKey } from "../../model/snapshot.js";
import type { MapRow, TableKeys } from "../dataverse/dataverse-client.js";
import { actionName, requestState } from "../dualwrite/codes.js";
import { DualWriteProtocolError } from "../dualwrite/errors.js";
import type { DwConnectionSet, DwEnvironment, DwMap, DwProject, DwRequest, DwTemplate } from "../dualwrite/parse.js";
import { redact } from "../http/index.js";
import { MapRowFormatError, fromMapRow, type MapRowIdentity } from "../mapping-json.js";
import { TableNames, compare, compareVersions, rowInput, rowsOfMap, sameVersion } from "./rows.js";
import type { GatewayState } from "./state.js";

interface ServiceView {
  environment: DwEnvironment | undefined;
  maps: DwMap[];
  connection: DwConnectionSet | undefined;
}

/**
 * The live state in a bounded number of requests: the Dataverse listings, Environments, Entities
 * and the connection set; FieldMappings only for a map whose active version has no readable row.
 */
export async function readSnapshot(state: GatewayState): Promise<Snapshot> {
  const { dataverse, finOps, records, dualWrite } = state.clients;
  const service = async (): Promise<ServiceView> => {
    const environment = (await dualWrite.environments(state.financeAndOperationsHost))[0];
    if (environment === undefined) return { environment, maps: [], connection: undefined };
    const [maps, connection] = await Promise.all([dualWrite.maps(environment.cid), dualWrite.connectionSet(environment.cname)]);
    return { environment, maps, connection };
  };
  const [who, rows, tables, runtimeRows, companies, stored, projects, live] = await Promise.all([
    dataverse.whoAmI(),
    dataverse.listMapRows(),
    dataverse.listTables(),
    dataverse.listRuntimeConfigs(),
    dataverse.listCompanyCodes(),
    records.readAll(),
    finOps.listProjectConfigurations(),
    service(),
  ]);
  const names = new TableNames(tables);
  state.rows = rows;
  state.tables = names;
  state.environment = live.environment ?? null;
  state.connectionSet = live.connection;
  state.setMaps(live.maps);
  return {
    pair: state.pair,
    identity: { ...state.urls.identity, dataverseOrganizationId: who.organizationId },
    link: live.environment === undefined || live.connection === undefined ? undefined : liveLink(state, live.environment, live.connection),
    maps: await liveMaps(state, live.maps, rows, names),
    alternateKeys: alternateKeys(tables),
    integrationKeys: live.connection === undefined ? [] : integrationKeys(live.connection, names),
    runtime: {
      financeAndOperations: projects
        .map((row) => ({ projectName: row.projectName, externalEnvironmentUrl: state.publicUrl(row.externalEnvironmentUrl), status: row.status }))
        .sort((a, b) => compare(a.projectName, b.projectName) || compare(a.externalEnvironmentUrl, b.externalEnvironmentUrl)),
      dataverse: runtimeRows.map((row) => ({ id: row.id, source: row.source, destination: row.destination })).sort((a, b) => compare(a.id, b.id)),
    },
    legalEntitiesInDataverse: [...companies].sort(),
    lock: stored.lock,
    lastApplied: stored.lastApplied,
  };
}

/** §5.1 and §5.4: the connection set names the Dataverse the link points at. */
function liveLink(state: GatewayState, environment: DwEnvironment, connection: DwConnectionSet): LiveLink {
  const call = `GET ConnectionSet/${environment.cname}`;
  const { directUrl } = connection.dataverse;
  if (directUrl === undefined) throw new DualWriteProtocolError(call, `environments.${connection.dataverse.name}.directUrl is absent (the Dataverse of the link)`);
  const powerAppsEnvironment = connection.dataverse.powerAppsEnvironment ?? environment.powerAppsEnvironment;
  if (powerAppsEnvironment === undefined) {
    throw new DualWriteProtocolError(call, `environments.${connection.dataverse.name}.powerAppsEnvironment is absent, and Environments gives none either`);
  }
  return {
    connectionSet: environment.cname,
    dataverseUrl: state.publicUrl(directUrl),
    powerAppsEnvironment,
    legalEntities: [...connection.legalEntities].sort(),
  };
}

/**
 * §5.4: a table's integration key is the `userKeys` key of its schema in the Dataverse entry,
 * else `userKey`, present only with a non-null displayName and in a schema with a non-null id
 * (Dual-write-automations DWLibary/Engines/DWCommonEngine.cs:162,182-204). Tables are reported by
 * logical name.
 */
export function integrationKeys(connection: DwConnectionSet, names: TableNames): LiveIntegrationKey[] {
  const keys: LiveIntegrationKey[] = [];
  for (const schema of connection.dataverse.schemas) {
    if (schema.id === null) continue;
    const named = (name: string): DwConnectionSet["dataverse"]["schemas"][number]["keys"][number] | undefined =>
      schema.keys.find((key) => key.name.toLowerCase() === name && key.displayName !== null);
    const key = named("userkeys") ?? named("userkey");
    if (key !== undefined) keys.push({ table: names.logicalName(schema.name), columns: key.fields });
  }
  return keys.sort((a, b) => compare(a.table, b.table));
}

async function liveMaps(state: GatewayState, maps: readonly DwMap[], rows: readonly MapRow[], names: TableNames): Promise<LiveMap[]> {
  const live = await Promise.all(maps.map((map) => liveMap(state, map, rows, names)));
  return live.sort((a, b) => compare(mapKey(a.ref), mapKey(b.ref)));
}

async function liveMap(state: GatewayState, map: DwMap, rows: readonly MapRow[], names: TableNames): Promise<LiveMap> {
  const ref = { entity: map.entity, table: names.logicalName(map.entitySet) };
  const related = rowsOfMap(rows, ref, names);
  const template = map.template;
  if (template === undefined) {
    throw new DualWriteProtocolError("GET Entities", `the map ${map.tName ?? map.entity} has no detail.template, so its active version is unknown`);
  }
  // [inferred] a template's `author` is the publisher its row was saved with (dualwrite-service.md §5.2 gives no relation); compared case-insensitively.
  const active = related.find(({ identity }) => sameVersion(identity, { publisher: template.author, number: template.version }));
  const read = active !== undefined ? fromMapRow(rowInput(active.row), (name) => names.table(name)) : await definitionFromService(state, map, template, names);
  // A row that names no publisher (Microsoft's rows) is the version of the template's author ([inferred], as above).
  const definition = read.version.publisher === "" ? { ...read, version: { ...read.version, publisher: template.author } } : read;
  const lastRequest = newest(map.lastRequests);
  return {
    ref,
    definition,
    versions: related
      .map(({ row, identity }) => ({ id: row.id, publisher: identity.publisher ?? "", number: identity.number }))
      .sort((a, b) => compareVersions(a.number, b.number) || compare(a.publisher, b.publisher)),
    templates: map.templates
      .map((entry) => templateVersion(entry, template, related, names))
      .sort((a, b) => compareVersions(a.number, b.number) || compare(a.publisher, b.publisher)),
    initialised: map.pid !== null,
    state: map.state,
    ...(lastRequest === undefined ? {} : { lastRequest }),
  };
}

/**
 * A template (§5.2) with, when it is not the active one, the definition of its Dataverse row (same
 * author and version, [inferred] as for the active one): plan compares it with git before a switch,
 * so that an unchanged version is switched to without being saved again. Only the row that names the
 * template's author counts here: a row without a publisher may belong to any author.
 */
function templateVersion(entry: DwTemplate, active: DwTemplate, related: readonly { row: MapRow; identity: MapRowIdentity }[], names: TableNames): LiveMapVersion {
  const version: LiveMapVersion = { id: entry.id, publisher: entry.author, number: entry.version };
  if (entry.id === active.id) return version;
  const row = related.find(({ identity }) => identity.publisher !== undefined && sameVersion(identity, { publisher: entry.author, number: entry.version }));
  if (row === undefined) return version;
  try {
    return { ...version, definition: fromMapRow(rowInput(row.row), (name) => names.table(name)) };
  } catch (error) {
    // An unreadable row leaves the template without a definition: plan then saves before it switches.
    if (error instanceof MapRowFormatError) return version;
    throw error;
  }
}

/** The active version read from the service (§5.3) when no Dataverse row matches it; needs a pid. */
async function definitionFromService(state: GatewayState, map: DwMap, template: DwTemplate, names: TableNames): Promise<MapDefinition> {
  const name = map.tName ?? `${map.entitySet} - ${map.entity}`;
  if (map.pid === null) {
    throw new DualWriteProtocolError(
      "GET Entities",
      `the active version ${template.author} ${template.version} of the map ${name} has no readable msdyn_dualwriteentitymap row, and the map has no pid, so its FieldMappings cannot be read either`,
    );
  }
  return definitionFromProject(map, template, await state.clients.dualWrite.fieldMappings(map.pid), names);
}

/** Converts FieldMappings' one leg (§5.3) to a definition; scope and alerts are not in it and take their defaults. */
export function definitionFromProject(map: DwMap, template: DwTemplate, project: DwProject, names: TableNames): MapDefinition {
  const { leg } = project;
  if (leg === undefined) {
    throw new DualWriteProtocolError(`GET ${map.pid ?? ""}/FieldMappings`, `entityMappingTasks[0].legs[0] is absent, so the map ${map.tName ?? map.entity} cannot be read`);
  }
  return fromMapRow(
    {
      msdyn_name: map.tName ?? `${map.entitySet} - ${map.entityLabel ?? map.entity}`,
      msdyn_mapping: JSON.stringify({ legs: [{ ...leg, sourceFilter: leg.sourceFilter ?? "", reversedSourceFilter: leg.reversedSourceFilter ?? "" }] }),
      msdyn_properties: JSON.stringify({ publisher: template.author, entitySet: map.entitySet, ...(map.entityLabel === undefined ? {} : { label: map.entityLabel }) }),
      msdyn_version: template.version,
    },
    (name) => names.table(name),
  );
}

/** The newest request: by createdOn when the entries carry it, else the first listed (the fixtures list the newest first). */
function newest(requests: readonly DwRequest[]): LiveMapRequest | undefined {
  let best: DwRequest | undefined;
  for (const request of requests) {
    if (best === undefined || (request.createdOn !== undefined && best.createdOn !== undefined && request.createdOn > best.createdOn)) best = request;
  }
  if (best === undefined) return undefined;
  return { requestId: best.requestId, action: actionName(best.action), state: requestState(best.state), message: redact(best.errorMessage) };
}

function alternateKeys(tables: readonly TableKeys[]): LiveAlternateKey[] {
  return tables
    .flatMap((table) =>
      table.keys.map((key) => ({ table: table.logicalName, schemaName: key.schemaName, displayName: key.displayName, attributes: key.attributes, status: key.status })),
    )
    .sort((a, b) => compare(a.table, b.table) || compare(a.schemaName, b.schemaName));
}
