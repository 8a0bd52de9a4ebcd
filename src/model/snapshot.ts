import type { AlertRule, MapSymbol, Scope } from "./desired.js";

/**
 * The comparable definition of a table map: what is saved as one map version. Desired maps
 * (from git) and live maps (from an environment) are both turned into this shape, so a plan
 * is a comparison of plain data.
 */
export interface MapDefinition {
  financeAndOperations: { entity: string; label: string; scope: Scope };
  dataverse: { table: string; entitySet: string; scope: Scope };
  version: { publisher: string; number: string };
  filters: { financeAndOperations?: string; dataverse?: string };
  fields: FieldRow[];
  alerts: AlertRule[];
}

/** One field mapping as plain JSON: the canonical symbol, no YAML positions. */
export interface FieldRow {
  fo?: string;
  map: MapSymbol;
  dv?: string;
  valueMap?: Record<string, string | number | boolean | null>;
  default?: string | number | boolean | null;
}

/** Map states as the dual-write UI shows them (DOMAIN.md section 1). */
export type LiveMapState = "notRunning" | "initializing" | "running" | "paused" | "resuming" | "stopped" | "error";

/** Identifies a map in an environment: the data entity and Dataverse table pair is unique. */
export interface MapRef {
  entity: string;
  table: string;
}

export function mapKey(ref: MapRef): string {
  return `${ref.entity.toLowerCase()}|${ref.table}`;
}

export interface LiveMapVersion {
  id: string;
  publisher: string;
  number: string;
  /**
   * Only in `templates`, for a template that is not the active version: its definition, read from
   * the Dataverse row of the same publisher and version when one is readable. Absent otherwise; the
   * active version's definition is LiveMap.definition.
   */
  definition?: MapDefinition;
}

/** The service's last request for a map (`detail.lastRequests[]`, dualwrite-service.md section 5.2). */
export interface LiveMapRequest {
  requestId: string;
  action: "initialise" | "start" | "stop" | "pause" | "resume" | "other";
  state: "waiting" | "completed" | "error";
  message: string;
}

export interface LiveMap {
  ref: MapRef;
  /** The definition of the active version. */
  definition: MapDefinition;
  /** Every version saved in Dataverse as a msdyn_dualwriteentitymap row (parked versions such as 9.9.9.9 exist). */
  versions: LiveMapVersion[];
  /**
   * The versions the dual-write service can switch to (`detail.templates[]`): only versions whose
   * solution was applied (Apply Solution) are here. `publisher` is the template's `author`.
   */
  templates: LiveMapVersion[];
  /** Whether the service has a project for the map (`detail.pid` not null); false until it is initialised (action "8"). */
  initialised: boolean;
  state: LiveMapState;
  /** The newest of the service's requests for this map, when it lists one. */
  lastRequest?: LiveMapRequest;
}

export type AlternateKeyStatus = "pending" | "inProgress" | "active" | "failed";

export interface LiveAlternateKey {
  table: string;
  schemaName: string;
  displayName: string;
  attributes: string[];
  status: AlternateKeyStatus;
}

export interface LiveIntegrationKey {
  table: string;
  columns: string[];
}

/**
 * The dual-write link as the service holds it: the connection set it finds for this pair's
 * finance and operations host (dualwrite-service.md sections 5.1 and 5.4).
 */
export interface LiveLink {
  /** The connection set's name (`cname`). */
  connectionSet: string;
  /** The `directUrl` of the connection set's Dataverse entry: the Dataverse the link points at. */
  dataverseUrl: string;
  /** The Power Platform environment id of that entry (`powerAppsEnvironment`). */
  powerAppsEnvironment: string;
  /** `dualWriteDetail.legalEntityMappings.mappings[].left.name`. */
  legalEntities: string[];
}

export interface RuntimeConfiguration {
  /** Rows of DualWriteProjectConfiguration: two per running map, one per direction. */
  financeAndOperations: { projectName: string; externalEnvironmentUrl: string; status: string }[];
  /** Rows of msdyn_dualwriteruntimeconfig. */
  dataverse: { id: string; source: string; destination: string }[];
}

/** dwctl's own records in an environment: its lock, what it last applied, and the refresh runbook's progress. */
export type RecordKind = "lock" | "lastApplied" | "refresh";

/** A small JSON record kept in the environment itself, versioned by an ETag. */
export interface StoredRecord {
  kind: RecordKind;
  value: unknown;
  etag: string;
}

export interface EnvironmentIdentity {
  financeAndOperationsUrl: string;
  dataverseUrl: string;
  dataverseOrganizationId: string;
}

/** The normalised live state of one environment pair, read in a few paged requests. */
export interface Snapshot {
  pair: string;
  identity: EnvironmentIdentity;
  link: LiveLink | undefined;
  maps: LiveMap[];
  alternateKeys: LiveAlternateKey[];
  integrationKeys: LiveIntegrationKey[];
  runtime: RuntimeConfiguration;
  legalEntitiesInDataverse: string[];
  lock: StoredRecord | undefined;
  lastApplied: StoredRecord | undefined;
}
