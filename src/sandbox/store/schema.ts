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

/** Finance and operations side: the link, the dual-write runtime state and tables, F&O metadata and data rows. */
export const FINOPS_SCHEMA = `${ROWS}
CREATE TABLE IF NOT EXISTS link (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  dataverse_env TEXT NOT NULL,
  dataverse_org TEXT NOT NULL,
  legal_entities TEXT NOT NULL,
  linked_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS map_states (
  pid TEXT PRIMARY KEY,
  entity TEXT NOT NULL,
  table_name TEXT NOT NULL,
  state INTEGER NOT NULL,
  next_state INTEGER,
  next_at INTEGER,
  next_action INTEGER,
  next_option TEXT,
  active_tid TEXT,
  last_request_id TEXT
);
CREATE TABLE IF NOT EXISTS requests (
  request_id TEXT PRIMARY KEY,
  pid TEXT,
  action TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  complete_at INTEGER NOT NULL,
  status INTEGER NOT NULL,
  message TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS integration_keys (table_name TEXT PRIMARY KEY, columns TEXT NOT NULL);
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
CREATE TABLE IF NOT EXISTS change_queue (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  pid TEXT NOT NULL,
  direction INTEGER NOT NULL,
  source_env TEXT NOT NULL,
  payload TEXT NOT NULL,
  enqueued_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS entities (name TEXT PRIMARY KEY, entity_set TEXT NOT NULL, company_specific INTEGER NOT NULL, properties TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS enums (name TEXT PRIMARY KEY, members TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS map_states_next_at ON map_states (next_at);
CREATE INDEX IF NOT EXISTS project_configs_pid ON project_configs (pid);
CREATE INDEX IF NOT EXISTS project_configs_version ON project_configs (version);
CREATE INDEX IF NOT EXISTS change_queue_pid ON change_queue (pid, seq);`;
