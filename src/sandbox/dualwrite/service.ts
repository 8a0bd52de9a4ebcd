import { randomUUID } from "node:crypto";
import type Database from "better-sqlite3";
import type { SandboxContext } from "../context.js";
import { sql } from "../store/sql.js";
import type { EnvironmentHandles } from "../store/store.js";

/** Map states as DW Helper reads them (dualwrite-service.md §4; DW Helper DWLibary/DWEnums.cs:43-56). */
export const STATE = { none: 0, stopped: 1, initialSync: 2, catchUp: 3, running: 4, paused: 5, notRunning: 6 } as const;

/** Start actions on the wire (dualwrite-service.md §4; DW Helper DWLibary/Engines/DWMapEngine.cs:1713-1738). */
export const ACTION = { start: "1", stop: "4", pause: "5", resume: "6", initialise: "8" } as const;

/** Request states (dualwrite-service.md §4; DW Helper DWLibary/DWEnums.cs:58-63). */
export const REQUEST_STATE = { waiting: 1, completed: 2, error: 3 } as const;

export interface ConnectionSet {
  cid: string;
  cname: string;
  foEnv: string;
  dataverseEnv: string;
  axDataset: string;
  crmDataset: string;
  powerAppsEnvironment: string;
  tenant: string;
  legalEntities: string[];
  createdAt: number;
}

interface ConnectionRow {
  cid: string;
  cname: string;
  fo_env: string;
  dataverse_env: string;
  ax_dataset: string;
  crm_dataset: string;
  power_apps_env: string;
  tenant: string;
  legal_entities: string;
  created_at: number;
}

function toConnection(row: ConnectionRow): ConnectionSet {
  return {
    cid: row.cid,
    cname: row.cname,
    foEnv: row.fo_env,
    dataverseEnv: row.dataverse_env,
    axDataset: row.ax_dataset,
    crmDataset: row.crm_dataset,
    powerAppsEnvironment: row.power_apps_env,
    tenant: row.tenant,
    legalEntities: stringArray(row.legal_entities),
    createdAt: row.created_at,
  };
}

export function stringArray(text: string | null): string[] {
  if (text === null) return [];
  const value: unknown = JSON.parse(text);
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
}

export function connectionSets(service: Database.Database): ConnectionSet[] {
  return (sql(service, "SELECT * FROM connection_sets ORDER BY created_at, fo_env").all() as ConnectionRow[]).map(toConnection);
}

export function connectionByCid(service: Database.Database, cid: string): ConnectionSet | undefined {
  const row = sql(service, "SELECT * FROM connection_sets WHERE lower(cid) = lower(?)").get(cid) as ConnectionRow | undefined;
  return row === undefined ? undefined : toConnection(row);
}

export function connectionByName(service: Database.Database, cname: string): ConnectionSet | undefined {
  const row = sql(service, "SELECT * FROM connection_sets WHERE cname = ?").get(cname) as ConnectionRow | undefined;
  return row === undefined ? undefined : toConnection(row);
}

export function connectionOfFinOps(service: Database.Database, environment: string): ConnectionSet | undefined {
  const row = sql(service, "SELECT * FROM connection_sets WHERE fo_env = ?").get(environment) as ConnectionRow | undefined;
  return row === undefined ? undefined : toConnection(row);
}

export function connectionsOfDataverse(service: Database.Database, environment: string): ConnectionSet[] {
  return (sql(service, "SELECT * FROM connection_sets WHERE dataverse_env = ?").all(environment) as ConnectionRow[]).map(toConnection);
}

export function connectionByCrmDataset(service: Database.Database, dataset: string): ConnectionSet | undefined {
  const row = sql(service, "SELECT * FROM connection_sets WHERE crm_dataset = ?").get(dataset) as ConnectionRow | undefined;
  return row === undefined ? undefined : toConnection(row);
}

export function setLink(service: Database.Database, cid: string, dataverseEnv: string, legalEntities: readonly string[]): void {
  sql(service, "UPDATE connection_sets SET dataverse_env = ?, legal_entities = ? WHERE cid = ?").run(dataverseEnv, JSON.stringify(legalEntities), cid);
}

/** The two environments of a connection set, as sandbox handles. */
export function sidesOf(context: SandboxContext, connection: ConnectionSet): { finops: EnvironmentHandles; dataverse: EnvironmentHandles } | undefined {
  const finops = context.store.env(connection.foEnv);
  const dataverse = context.store.env(connection.dataverseEnv);
  return finops === undefined || dataverse === undefined ? undefined : { finops, dataverse };
}

// Integration keys: per connection set, keyed by Dataverse entity set (dualwrite-service.md §5.8).

export interface IntegrationKey {
  entitySet: string;
  columns: string[];
  customized: boolean;
}

export function integrationKeys(service: Database.Database, cid: string): IntegrationKey[] {
  const rows = sql(service, "SELECT entity_set, columns, customized FROM integration_keys WHERE cid = ? ORDER BY entity_set").all(cid) as {
    entity_set: string;
    columns: string;
    customized: number;
  }[];
  return rows.map((row) => ({ entitySet: row.entity_set, columns: stringArray(row.columns), customized: row.customized === 1 }));
}

/** SQLite's lower() folds ASCII only: a name with other letters is compared in JavaScript, over every key. */
export const NON_ASCII = /[^ -~\t\r\n]/;

export function integrationKeyOf(service: Database.Database, cid: string, entitySet: string): string[] | undefined {
  const wanted = entitySet.toLowerCase();
  if (NON_ASCII.test(entitySet)) return integrationKeys(service, cid).find((key) => key.entitySet.toLowerCase() === wanted)?.columns;
  // Indexed on (cid, lower(entity_set)); the candidates keep the order of integrationKeys().
  const rows = sql(service, "SELECT entity_set, columns FROM integration_keys INDEXED BY integration_keys_set WHERE cid = ? AND lower(entity_set) = lower(?) ORDER BY entity_set").all(cid, entitySet) as {
    entity_set: string;
    columns: string;
  }[];
  const row = rows.find((candidate) => candidate.entity_set.toLowerCase() === wanted);
  return row === undefined ? undefined : stringArray(row.columns);
}

export function writeIntegrationKey(service: Database.Database, cid: string, entitySet: string, columns: readonly string[], customized: boolean): void {
  sql(service, "INSERT OR REPLACE INTO integration_keys (cid, entity_set, columns, customized) VALUES (?, ?, ?, ?)").run(cid, entitySet, JSON.stringify(columns), customized ? 1 : 0);
}

// Table maps.

export interface MapRow {
  seq: number;
  cid: string;
  entity: string;
  entity_set: string;
  table_name: string;
  name: string;
  label: string;
  active_template: string;
  pid: string | null;
  project_name: string | null;
  project_created_at: number | null;
  state: number;
  next_state: number | null;
  next_at: number | null;
  next_action: string | null;
  next_option: string | null;
  next_request: string | null;
  /** The msdyn_mapping the map runs: read from its row when it started (customizing-mappings.md). */
  running_definition: string | null;
}

export function mapsOf(service: Database.Database, cid: string): MapRow[] {
  return sql(service, "SELECT * FROM maps WHERE cid = ? ORDER BY seq").all(cid) as MapRow[];
}

/** The maps of a connection set on one Dataverse table, in the order of mapsOf() (indexed on cid, table_name). */
export function mapsOfTable(service: Database.Database, cid: string, table: string): MapRow[] {
  return sql(service, "SELECT * FROM maps WHERE cid = ? AND table_name = ? ORDER BY seq").all(cid, table) as MapRow[];
}

/** The maps of a connection set whose F&O entity is one of `names` (lower case), in the order of mapsOf(). */
export function mapsOfEntities(service: Database.Database, cid: string, names: ReadonlySet<string>): MapRow[] {
  if ([...names].some((name) => NON_ASCII.test(name))) return mapsOf(service, cid).filter((map) => names.has(map.entity.toLowerCase()));
  const found: MapRow[] = [];
  for (const name of names) {
    // Indexed on (cid, lower(entity)); the JavaScript comparison stays the judge.
    for (const map of sql(service, "SELECT * FROM maps WHERE cid = ? AND lower(entity) = ?").all(cid, name) as MapRow[]) {
      if (names.has(map.entity.toLowerCase())) found.push(map);
    }
  }
  return found.sort((a, b) => a.seq - b.seq);
}

export function mapBySeq(service: Database.Database, seq: number): MapRow | undefined {
  return sql(service, "SELECT * FROM maps WHERE seq = ?").get(seq) as MapRow | undefined;
}

export function mapByPid(service: Database.Database, pid: string): MapRow | undefined {
  return sql(service, "SELECT * FROM maps WHERE lower(pid) = lower(?)").get(pid) as MapRow | undefined;
}

export function mapByProject(service: Database.Database, projectName: string): MapRow | undefined {
  return sql(service, "SELECT * FROM maps WHERE project_name = ?").get(projectName) as MapRow | undefined;
}

export function mapByPair(service: Database.Database, cid: string, entity: string, entitySet: string): MapRow | undefined {
  return sql(service, "SELECT * FROM maps WHERE cid = ? AND lower(entity) = lower(?) AND lower(entity_set) = lower(?)").get(cid, entity, entitySet) as MapRow | undefined;
}

export function mapOfTemplate(service: Database.Database, templateId: string): MapRow | undefined {
  return sql(service, "SELECT maps.* FROM maps JOIN templates ON templates.map_seq = maps.seq WHERE lower(templates.template_id) = lower(?)").get(templateId) as
    | MapRow
    | undefined;
}

export function dueMaps(service: Database.Database, now: number): MapRow[] {
  return sql(service, "SELECT * FROM maps WHERE next_at IS NOT NULL AND next_at <= ? ORDER BY next_at, seq").all(now) as MapRow[];
}

export function saveMap(service: Database.Database, row: MapRow): void {
  sql(
    service,
    `UPDATE maps SET active_template = @active_template, pid = @pid, project_name = @project_name, project_created_at = @project_created_at,
       state = @state, next_state = @next_state, next_at = @next_at, next_action = @next_action, next_option = @next_option,
       next_request = @next_request, running_definition = @running_definition, table_name = @table_name, name = @name, label = @label
     WHERE seq = @seq`,
  ).run(row);
}

export function insertMap(
  service: Database.Database,
  map: { cid: string; entity: string; entitySet: string; table: string; name: string; label: string; activeTemplate: string },
): MapRow {
  const seq = Number(
    sql(
      service,
      "INSERT INTO maps (cid, entity, entity_set, table_name, name, label, active_template, pid, project_name, state) VALUES (?, ?, ?, ?, ?, ?, ?, NULL, NULL, ?)",
    ).run(map.cid, map.entity, map.entitySet, map.table, map.name, map.label, map.activeTemplate, STATE.stopped).lastInsertRowid,
  );
  const row = mapBySeq(service, seq);
  if (row === undefined) throw new Error("map insert failed");
  return row;
}

/** Running, initialising, catching up or paused, or moving: what Reset and SwitchActive refuse. */
export function isBusy(row: MapRow): boolean {
  return row.next_at !== null || row.state === STATE.initialSync || row.state === STATE.catchUp || row.state === STATE.running || row.state === STATE.paused;
}

// Templates: one per map row of an applied solution.

export interface TemplateRow {
  template_id: string;
  map_seq: number;
  row_id: string;
  author: string;
  version: string;
  description: string;
  created_at: number;
}

export function templatesOf(service: Database.Database, mapSeq: number): TemplateRow[] {
  return sql(service, "SELECT * FROM templates WHERE map_seq = ? ORDER BY created_at, rowid").all(mapSeq) as TemplateRow[];
}

export function templateById(service: Database.Database, templateId: string): TemplateRow | undefined {
  return sql(service, "SELECT * FROM templates WHERE lower(template_id) = lower(?)").get(templateId) as TemplateRow | undefined;
}

// Requests of Start.

export interface RequestRow {
  request_id: string;
  cid: string;
  action: string;
  created_at: number;
  modified_at: number;
  state: number;
  error_message: string | null;
  root_activity: string;
}

export function createRequest(service: Database.Database, cid: string, action: string, now: number, mapSeqs: readonly number[]): string {
  const id = randomUUID();
  sql(service, "INSERT INTO requests (request_id, cid, action, created_at, modified_at, state, error_message, root_activity) VALUES (?, ?, ?, ?, ?, ?, NULL, ?)").run(
    id,
    cid,
    action,
    now,
    now,
    REQUEST_STATE.waiting,
    randomUUID(),
  );
  for (const seq of new Set(mapSeqs)) sql(service, "INSERT OR IGNORE INTO request_maps (request_id, map_seq) VALUES (?, ?)").run(id, seq);
  return id;
}

export function requestById(service: Database.Database, requestId: string): RequestRow | undefined {
  return sql(service, "SELECT * FROM requests WHERE request_id = ?").get(requestId) as RequestRow | undefined;
}

export function mapsOfRequest(service: Database.Database, requestId: string): MapRow[] {
  return sql(service, "SELECT maps.* FROM maps JOIN request_maps ON request_maps.map_seq = maps.seq WHERE request_maps.request_id = ? ORDER BY maps.seq").all(
    requestId,
  ) as MapRow[];
}

/** The requests that named a map, newest first (fixtures/get-status-waiting.response.json). */
export function requestsOfMap(service: Database.Database, mapSeq: number, limit = 10): RequestRow[] {
  return sql(
    service,
    "SELECT requests.* FROM requests JOIN request_maps ON request_maps.request_id = requests.request_id WHERE request_maps.map_seq = ? ORDER BY requests.created_at DESC, requests.rowid DESC LIMIT ?",
  ).all(mapSeq, limit) as RequestRow[];
}

/** The templates of every map of a connection set, by map, each list in the order of templatesOf(). */
export function templatesOfConnection(service: Database.Database, cid: string): Map<number, TemplateRow[]> {
  const rows = sql(
    service,
    "SELECT templates.* FROM templates JOIN maps ON maps.seq = templates.map_seq WHERE maps.cid = ? ORDER BY templates.map_seq, templates.created_at, templates.rowid",
  ).all(cid) as TemplateRow[];
  const byMap = new Map<number, TemplateRow[]>();
  for (const row of rows) {
    const list = byMap.get(row.map_seq);
    if (list === undefined) byMap.set(row.map_seq, [row]);
    else list.push(row);
  }
  return byMap;
}

/** requestsOfMap() for every map of a connection set at once, by map. */
export function requestsOfConnection(service: Database.Database, cid: string, limit = 10): Map<number, RequestRow[]> {
  const rows = sql(
    service,
    `SELECT map_seq, request_id, cid, action, created_at, modified_at, state, error_message, root_activity FROM (
       SELECT request_maps.map_seq AS map_seq, requests.*,
         ROW_NUMBER() OVER (PARTITION BY request_maps.map_seq ORDER BY requests.created_at DESC, requests.rowid DESC) AS position
       FROM request_maps JOIN requests ON requests.request_id = request_maps.request_id JOIN maps ON maps.seq = request_maps.map_seq
       WHERE maps.cid = ?)
     WHERE position <= ? ORDER BY map_seq, position`,
  ).all(cid, limit) as (RequestRow & { map_seq: number })[];
  const byMap = new Map<number, RequestRow[]>();
  for (const { map_seq: mapSeq, ...request } of rows) {
    const list = byMap.get(mapSeq);
    if (list === undefined) byMap.set(mapSeq, [request]);
    else list.push(request);
  }
  return byMap;
}

/** Records a problem; the request turns "3" once no map of it is still moving. */
export function noteRequestError(service: Database.Database, requestId: string, message: string): void {
  sql(service, "UPDATE requests SET error_message = CASE WHEN error_message IS NULL THEN ? ELSE error_message || ' ' || ? END WHERE request_id = ?").run(
    message,
    message,
    requestId,
  );
}

/** Finishes a request whose maps have all settled: "2" done, or "3" when a problem was recorded. */
export function finishRequestIfSettled(service: Database.Database, requestId: string, now: number): void {
  const moving = sql(service, "SELECT 1 FROM maps WHERE next_request = ?").get(requestId);
  if (moving !== undefined) return;
  sql(service, "UPDATE requests SET state = CASE WHEN error_message IS NULL THEN ? ELSE ? END, modified_at = ? WHERE request_id = ? AND state = ?").run(
    REQUEST_STATE.completed,
    REQUEST_STATE.error,
    now,
    requestId,
    REQUEST_STATE.waiting,
  );
}

/** What Reset link drops (docs data-entities/dual-write/reset.md): maps, keys, history. */
export function dropServiceState(service: Database.Database, cid: string): void {
  const seqs = sql(service, "SELECT seq FROM maps WHERE cid = ?").all(cid) as { seq: number }[];
  for (const { seq } of seqs) {
    sql(service, "DELETE FROM templates WHERE map_seq = ?").run(seq);
    sql(service, "DELETE FROM change_queue WHERE map_seq = ?").run(seq);
    sql(service, "DELETE FROM initial_syncs WHERE map_seq = ?").run(seq);
    sql(service, "DELETE FROM request_maps WHERE map_seq = ?").run(seq);
  }
  sql(service, "DELETE FROM maps WHERE cid = ?").run(cid);
  sql(service, "DELETE FROM requests WHERE cid = ?").run(cid);
  sql(service, "DELETE FROM solution_requests WHERE cid = ?").run(cid);
  sql(service, "DELETE FROM integration_keys WHERE cid = ?").run(cid);
}

// The sandbox's own log of writes, per environment, for tests and the refresh runbook.

export interface LoggedRequest {
  at: string;
  method: string;
  path: string;
  action?: string;
  /** For a Start "1": whether any detail asked for an initial sync (skipInitialSync not true). */
  initialSync?: boolean;
}

export function logRequest(service: Database.Database, environment: string, now: number, method: string, path: string, action?: string, initialSync?: boolean): void {
  sql(service, "INSERT INTO request_log (env, at, method, path, action, initial_sync) VALUES (?, ?, ?, ?, ?, ?)").run(
    environment,
    now,
    method,
    path,
    action ?? null,
    initialSync === undefined ? null : initialSync ? 1 : 0,
  );
}

export function loggedRequests(service: Database.Database, environment: string): LoggedRequest[] {
  const rows = sql(service, "SELECT at, method, path, action, initial_sync FROM request_log WHERE env = ? ORDER BY seq").all(environment) as {
    at: number;
    method: string;
    path: string;
    action: string | null;
    initial_sync: number | null;
  }[];
  return rows.map((row) => ({
    at: new Date(row.at).toISOString(),
    method: row.method,
    path: row.path,
    ...(row.action === null ? {} : { action: row.action }),
    ...(row.initial_sync === null ? {} : { initialSync: row.initial_sync === 1 }),
  }));
}
