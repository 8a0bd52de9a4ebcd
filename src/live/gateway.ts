import type { ColumnMetadata, ColumnMetadataRequest } from "../model/column-metadata.js";
import type { Side } from "../model/desired.js";
import type {
  AlternateKeyStatus,
  LiveMapState,
  MapDefinition,
  MapRef,
  RecordKind,
  Snapshot,
  StoredRecord,
} from "../model/snapshot.js";

/**
 * The service's lifecycle actions (dualwrite-service.md section 4): "initialise" creates the
 * project of a map whose pid is null (wire "8"); an initial sync is a start with `initialSync`.
 */
export type MapAction = "initialise" | "start" | "stop" | "pause" | "resume";

/**
 * What a resume does with the records queued while the map was paused (section 4, "catch-up on
 * resume"): replay them in order (the default, no parameter), or skip to live sync and keep them
 * for a retry (`skipCatchUpSyncPreserveData: true`) or discard them (`false`).
 */
export type QueuedRecords = "replay" | "skip-and-keep" | "skip-and-discard";

export interface MapActionOptions {
  /** start: run an initial sync first, with this master. Without it, start sends `skipInitialSync: true`. */
  initialSync?: { master: Side };
  /** resume: what happens to the queued records; replay by default. */
  queuedRecords?: QueuedRecords;
}

export interface RowPresence {
  financeAndOperations: boolean | undefined;
  dataverse: boolean | undefined;
}

/** A lifecycle action sent with `beginMapAction`. */
export interface MapActionRequest {
  ref: MapRef;
  action: MapAction;
  requestId: string;
}

export interface ProgressEvent {
  step: string;
  message: string;
  /** 0..1 when known. */
  fraction?: number;
}

export type ProgressListener = (event: ProgressEvent) => void;

/**
 * The one port to an environment pair: finance and operations, Dataverse and the dual-write
 * service between them. Adapters implement it over HTTP; nothing outside src/live/ knows a
 * URL, an entity name or a status code.
 */
export interface EnvironmentGateway {
  readonly pair: string;

  /** The live state, read in a few paged requests (not one per map). */
  snapshot(): Promise<Snapshot>;
  /** The Dataverse organization this pair reaches (WhoAmI): one cheap read, to prove which environment it is. */
  whoAmI(): Promise<{ organizationId: string }>;

  /**
   * Saves a map version as a msdyn_dualwriteentitymap row (creating it, or updating it in place when
   * that version exists) inside the unmanaged solution `solution`, which is created for the
   * version's publisher when missing. The map must be stopped.
   */
  saveMapDefinition(definition: MapDefinition, solution: string): Promise<{ versionId: string }>;
  /** Whether the Dataverse has a solution of this unique name. */
  hasSolution(solution: string): Promise<boolean>;
  /** Apply Solution for one solution (RestoreTemplates), followed to its end: its map versions become templates. */
  applySolution(solution: string): Promise<void>;
  /** Makes a version the active one (SwitchActive); the version must be among the map's templates. */
  activateMapVersion(ref: MapRef, version: { publisher: string; number: string }): Promise<void>;
  /** Refresh tables for one map (`POST /api/Project/{projectName}/Refresh`); the map must be initialised. */
  refreshTables(ref: MapRef): Promise<void>;
  /** Deletes every version of a map. The map must be stopped. */
  deleteMap(ref: MapRef): Promise<void>;
  /** Runs a lifecycle action and waits until the service reports it finished; returns the resulting state. */
  runMapAction(ref: MapRef, action: MapAction, options?: MapActionOptions): Promise<LiveMapState>;
  /** Sends a lifecycle action without waiting for it; returns the service's request id, for `followMapActions`. */
  beginMapAction(ref: MapRef, action: MapAction, options?: MapActionOptions): Promise<string>;
  /**
   * Follows begun actions until each one ends, calling `ended` as it does (with the service's
   * error when it failed, or a timeout). A start or resume ends once its initial sync or catch-up
   * has. Many are read from one listing of the maps, not one status request each. Throws when the
   * service cannot be read; the actions not yet ended then are unknown.
   */
  followMapActions(requests: readonly MapActionRequest[], ended: (request: MapActionRequest, failure?: Error) => void): Promise<void>;

  /** Creates a Dataverse alternate key; its index then builds asynchronously. */
  createAlternateKey(table: string, key: { schemaName: string; displayName: string; attributes: string[] }): Promise<void>;
  alternateKeyStatus(table: string, schemaName: string): Promise<AlternateKeyStatus | undefined>;
  /** The statuses of many keys, in the order asked (undefined: no such key); many are read in one listing. */
  alternateKeyStatuses(keys: readonly { table: string; schemaName: string }[]): Promise<(AlternateKeyStatus | undefined)[]>;
  reactivateAlternateKey(table: string, schemaName: string): Promise<void>;
  /** Sets the dual-write integration keys of these tables (others keep theirs): one request per table, as the service takes them. */
  setIntegrationKeys(keys: readonly { table: string; columns: string[] }[]): Promise<void>;

  /**
   * Whether each map's F&O entity and Dataverse table hold rows: undefined for a side that could
   * not be read. Kept out of the snapshot, so that data changes do not move its fingerprint.
   */
  rowsOnBothSides(maps: readonly { entity: string; entitySet: string }[]): Promise<RowPresence[]>;

  /**
   * The columns of these Dataverse tables (type, and a lookup's target tables) and the fields of these
   * finance and operations public entities (by collection name), read in a few batched metadata
   * requests, not one per table. Kept out of the snapshot: the plan reads it only for what it writes.
   */
  readColumnMetadata(request: ColumnMetadataRequest): Promise<ColumnMetadata>;

  /**
   * The publishers, of those given (unique names), that Dataverse does not have. A map version is
   * saved into dwctl's solution for its publisher, which cannot be created without the publisher.
   */
  missingPublishers(publishers: readonly string[]): Promise<string[]>;

  /** Reset link: clears the link and all dual-write configuration, then links again with these legal entities. */
  resetLink(options: { force: boolean; legalEntities: string[] }): Promise<void>;
  /** Deletes the runtime configuration rows of one side; returns how many were deleted. */
  cleanRuntimeConfiguration(side: Side): Promise<number>;

  /** The lock and last-applied records, kept in the environment with ETag compare-and-swap. */
  readRecord(kind: RecordKind): Promise<StoredRecord | undefined>;
  /** Writes when the current ETag matches (or, with absent, when there is no record); else throws RecordConflictError. */
  writeRecord(kind: RecordKind, value: unknown, condition: { etag: string } | { absent: true }): Promise<StoredRecord>;
  deleteRecord(kind: RecordKind, etag: string): Promise<void>;
}

/**
 * What `dwctl import` reads of one live map beyond the snapshot (read-only). The snapshot gives the
 * active version's definition; this adds the project the service runs and every saved version.
 */
export interface LiveMapSource {
  ref: MapRef;
  /** `GET {pid}/FieldMappings` (dualwrite-service.md §5.3); undefined when the map has no project (pid null). */
  project: { projectName: string; definition: MapDefinition | undefined; problem?: string } | undefined;
  /** Every saved version (msdyn_dualwriteentitymap rows), active and parked; publisher undefined on a row dwctl did not write. */
  versions: { publisher: string | undefined; number: string; definition: MapDefinition }[];
}

/** The read-only reads of `dwctl import`: a snapshot, then the sources of the maps it imports. No writes, no lock. */
export interface ImportReader {
  snapshot(): Promise<Snapshot>;
  /** One FieldMappings read per initialised map (a few at a time); saved versions come from the snapshot's rows. */
  readMapSources(refs: readonly MapRef[]): Promise<LiveMapSource[]>;
  /** The service's name of every map it lists (`detail.tName`), from the listing the snapshot read: no request. */
  serviceNames(): Promise<{ ref: MapRef; serviceName: string }[]>;
}

/** Another writer changed the record first. */
export class RecordConflictError extends Error {
  constructor(readonly kind: RecordKind) {
    super(`the ${kind} record was changed by someone else`);
    this.name = "RecordConflictError";
  }
}

/** The platform refused an operation for a reason the user can act on (for example, editing a running map). */
export class GatewayRefusedError extends Error {
  constructor(
    message: string,
    readonly hint: string,
    readonly requestId: string | undefined,
  ) {
    super(message);
    this.name = "GatewayRefusedError";
  }
}
