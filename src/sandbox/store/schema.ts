const ROWS = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS rows (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  entity_set TEXT NOT NULL,
  id TEXT NOT NULL,
  version INTEGER NOT NULL,
  data TEXT NOT NULL,
  UNIQUE (entity_set, id)
);`;

/** Dataverse side: metadata, alternate keys, and every row (map definitions, runtime config, data) in `rows`. */
export const DATAVERSE_SCHEMA = `${ROWS}
CREATE TABLE IF NOT EXISTS tables (
  logical_name TEXT PRIMARY KEY,
  entity_set TEXT NOT NULL UNIQUE,
  columns TEXT NOT NULL,
  lookups TEXT NOT NULL,
  custom INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS alternate_keys (
  table_name TEXT NOT NULL,
  logical_name TEXT NOT NULL,
  schema_name TEXT NOT NULL,
  display_name TEXT NOT NULL,
  attributes TEXT NOT NULL,
  metadata_id TEXT NOT NULL,
  build_started_at INTEGER NOT NULL,
  PRIMARY KEY (table_name, logical_name)
);`;

/**
 * Finance and operations side: the dual-write runtime tables the service writes into F&O
 * (DualWriteProjectConfiguration, DualWriteProjectFieldConfiguration, BusinessEventsDefinition;
 * DOMAIN.md §6), F&O metadata and data rows. The link is not here: it lives in the service.
 */
export const FINOPS_SCHEMA = `${ROWS}
CREATE TABLE IF NOT EXISTS project_configs (
  project_name TEXT NOT NULL,
  external_entity TEXT NOT NULL,
  internal_entity TEXT NOT NULL,
  pid TEXT NOT NULL,
  dataverse_env TEXT NOT NULL,
  status TEXT NOT NULL,
  partition_map TEXT NOT NULL,
  query_filter TEXT NOT NULL,
  integration_key TEXT NOT NULL,
  version INTEGER NOT NULL,
  PRIMARY KEY (project_name, external_entity, internal_entity)
);
CREATE TABLE IF NOT EXISTS project_field_configs (
  project_name TEXT PRIMARY KEY,
  pid TEXT NOT NULL,
  field_map TEXT NOT NULL,
  external_lookup_urls TEXT NOT NULL,
  alert_settings TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS business_events (
  business_event_id TEXT PRIMARY KEY,
  pid TEXT NOT NULL,
  entity_name TEXT NOT NULL,
  project_name TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS entities (name TEXT PRIMARY KEY, entity_set TEXT NOT NULL, company_specific INTEGER NOT NULL, properties TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS enums (name TEXT PRIMARY KEY, members TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS project_configs_pid ON project_configs (pid);
CREATE INDEX IF NOT EXISTS project_configs_version ON project_configs (version);
CREATE INDEX IF NOT EXISTS entities_name ON entities (lower(name));
CREATE INDEX IF NOT EXISTS entities_set ON entities (lower(entity_set));`;

/**
 * The dual-write management service's own state (dualwrite-service.md §1, §3): connection sets
 * (the link), integration keys, table maps with their templates and projects, requests, the queue
 * of a paused map, initial-sync runs, and the sandbox's log of writes.
 */
export const SERVICE_SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS connection_sets (
  cid TEXT PRIMARY KEY,
  cname TEXT NOT NULL UNIQUE,
  fo_env TEXT NOT NULL UNIQUE,
  dataverse_env TEXT NOT NULL,
  ax_dataset TEXT NOT NULL,
  crm_dataset TEXT NOT NULL,
  power_apps_env TEXT NOT NULL,
  tenant TEXT NOT NULL,
  legal_entities TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS integration_keys (
  cid TEXT NOT NULL,
  entity_set TEXT NOT NULL,
  columns TEXT NOT NULL,
  customized INTEGER NOT NULL,
  PRIMARY KEY (cid, entity_set)
);
CREATE TABLE IF NOT EXISTS maps (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  cid TEXT NOT NULL,
  entity TEXT NOT NULL,
  entity_set TEXT NOT NULL,
  table_name TEXT NOT NULL,
  name TEXT NOT NULL,
  label TEXT NOT NULL,
  active_template TEXT NOT NULL,
  pid TEXT,
  project_name TEXT,
  project_created_at INTEGER,
  state INTEGER NOT NULL,
  next_state INTEGER,
  next_at INTEGER,
  next_action TEXT,
  next_option TEXT,
  next_request TEXT,
  running_definition TEXT,
  UNIQUE (cid, entity, entity_set)
);
CREATE TABLE IF NOT EXISTS templates (
  template_id TEXT PRIMARY KEY,
  map_seq INTEGER NOT NULL,
  row_id TEXT NOT NULL,
  author TEXT NOT NULL,
  version TEXT NOT NULL,
  description TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  UNIQUE (map_seq, row_id)
);
CREATE TABLE IF NOT EXISTS requests (
  request_id TEXT PRIMARY KEY,
  cid TEXT NOT NULL,
  action TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  modified_at INTEGER NOT NULL,
  state INTEGER NOT NULL,
  error_message TEXT,
  root_activity TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS request_maps (request_id TEXT NOT NULL, map_seq INTEGER NOT NULL, PRIMARY KEY (request_id, map_seq));
CREATE TABLE IF NOT EXISTS solution_requests (
  request_id TEXT PRIMARY KEY,
  cid TEXT NOT NULL,
  solution TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  modified_at INTEGER NOT NULL,
  complete_at INTEGER NOT NULL,
  state INTEGER NOT NULL,
  message TEXT NOT NULL,
  root_activity TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS change_queue (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  map_seq INTEGER NOT NULL,
  direction INTEGER NOT NULL,
  source_env TEXT NOT NULL,
  payload TEXT NOT NULL,
  enqueued_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS initial_syncs (
  id TEXT PRIMARY KEY,
  map_seq INTEGER NOT NULL,
  request_id TEXT NOT NULL,
  legal_entity TEXT NOT NULL,
  submitted_at INTEGER NOT NULL,
  finished_at INTEGER NOT NULL,
  upserts INTEGER NOT NULL,
  errors TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS request_log (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  env TEXT NOT NULL,
  at INTEGER NOT NULL,
  method TEXT NOT NULL,
  path TEXT NOT NULL,
  action TEXT,
  initial_sync INTEGER
);
CREATE INDEX IF NOT EXISTS maps_next_at ON maps (next_at);
CREATE INDEX IF NOT EXISTS maps_table ON maps (cid, table_name);
CREATE INDEX IF NOT EXISTS request_maps_map ON request_maps (map_seq);
CREATE INDEX IF NOT EXISTS change_queue_map ON change_queue (map_seq, seq);
CREATE INDEX IF NOT EXISTS request_log_env ON request_log (env, seq);
CREATE INDEX IF NOT EXISTS connection_sets_cid ON connection_sets (lower(cid));
CREATE INDEX IF NOT EXISTS integration_keys_set ON integration_keys (cid, lower(entity_set));
CREATE INDEX IF NOT EXISTS maps_pid ON maps (lower(pid));
CREATE INDEX IF NOT EXISTS maps_project ON maps (project_name);
CREATE INDEX IF NOT EXISTS maps_next_request ON maps (next_request);
CREATE INDEX IF NOT EXISTS maps_pair ON maps (cid, lower(entity), lower(entity_set));
CREATE INDEX IF NOT EXISTS templates_id ON templates (lower(template_id));
CREATE INDEX IF NOT EXISTS templates_map ON templates (map_seq, created_at);
CREATE INDEX IF NOT EXISTS requests_cid ON requests (cid);
CREATE INDEX IF NOT EXISTS solution_requests_due ON solution_requests (state, complete_at);
CREATE INDEX IF NOT EXISTS initial_syncs_map ON initial_syncs (map_seq, finished_at);`;
