/**
 * The EnvironmentGateway over the Dataverse Web API, F&O OData and the dual-write management
 * service, assembled from one module per capability (snapshot, definitions, lifecycle, keys,
 * link, records).
 *
 * The dual-write management service is UNDOCUMENTED; dwctl talks to it as Microsoft's DW Helper
 * does, as recorded in shared/platform/dualwrite-service.md ("§" below). What this adapter relies on:
 * - one service root (configured `dualWrite.url`, port and path prefix kept) carrying both path
 *   families, `api/DualWriteManagement/1.0/…` and host-rooted `api/ConnectionSet|dataset|Project|
 *   ProjectExecutionWithCompanies/…` (§1; dualwrite/paths.ts);
 * - a delegated user token for scope https://IntegratorApp.com/.default; GETs without Origin, POSTs
 *   with Accept, `Origin: https://dataintegrator.trafficmanager.net/` and a UTF-8 JSON Content-Type (§2);
 * - `Environments?identifier=<bare F&O host>` → `[0].cid`/`cname`, `[]` when not linked (§3, §5.1);
 * - `Entities` → maps keyed by `leftEntity.name` and `rightEntity.name` (an entity set), with
 *   `detail.pid` (null until initialised), `state` codes, `template`/`templates[]` and
 *   `lastRequests[]` (§4, §5.2); codes read as strings or numbers (§9.5);
 * - `ConnectionSet/{cname}` → the Dataverse entry (directUrl, powerAppsEnvironment, dataset name,
 *   integration keys `userKeys`/`userKey`) and legal entities (§5.4);
 * - `{pid}/FieldMappings` → project name and the one leg (§5.3), read by the snapshot only when no
 *   Dataverse row holds the active version, and by `dwctl import` for every map it imports (import-read.ts);
 * - Apply Solution = RestoreTemplates, one solution per call, polled on its own status path (§5.6);
 * - SwitchActive with the raw template id as body (§5.7); IntegrationKeys, one table per call (§5.8);
 *   Refresh by project name (§5.9); Start actions "1" "4" "5" "6" "8" polled on Status, an
 *   Entities-shaped answer (§5.11); Reset by cid with `True`/`False` (§5.13);
 * - [inferred] a template's `author` is the publisher its Dataverse row was saved with.
 * Map versions themselves are msdyn_dualwriteentitymap rows in Dataverse, saved into an unmanaged
 * solution with the documented `MSCRM.SolutionUniqueName` header (DOMAIN.md §6).
 */
import type { TokenCredential } from "@azure/core-auth";
import type { EnvironmentPair, Side } from "../../model/desired.js";
import type { ColumnMetadata, ColumnMetadataRequest } from "../../model/column-metadata.js";
import type { AlternateKeyStatus, LiveMapState, MapDefinition, MapRef, RecordKind, Snapshot, StoredRecord } from "../../model/snapshot.js";
import { credentialsFor } from "../auth/index.js";
import type { CredentialOptions } from "../auth/index.js";
import { DataverseClient } from "../dataverse/dataverse-client.js";
import { RecordStore } from "../dataverse/records.js";
import { DUAL_WRITE_ACCESS_HINT, DUAL_WRITE_SCOPE, DualWriteClient } from "../dualwrite/client.js";
import type { PollOptions } from "../dualwrite/poll.js";
import { FinOpsClient } from "../finops/finops-client.js";
import type { EnvironmentGateway, ImportReader, LiveMapSource, MapAction, MapActionOptions, MapActionRequest, ProgressListener, RowPresence } from "../gateway.js";
import { HttpClient } from "../http/index.js";
import type { HttpClientOptions } from "../http/index.js";
import { activateMapVersion, applySolution, deleteMap, saveMapDefinition } from "./definitions.js";
import { readMapSources, serviceNames } from "./import-read.js";
import { alternateKeyStatus, alternateKeyStatuses, createAlternateKey, reactivateAlternateKey, setIntegrationKeys } from "./keys.js";
import { beginMapAction, followMapActions, refreshTables } from "./lifecycle.js";
import { cleanRuntimeConfiguration, resetLink } from "./link.js";
import { readColumnMetadata } from "./metadata.js";
import { deleteRecord, readRecord, rowsOnBothSides, writeRecord } from "./records.js";
import { trimSlash } from "./rows.js";
import { readSnapshot } from "./snapshot.js";
import { GatewayState } from "./state.js";

export interface HttpGatewayOptions {
  pair: string;
  financeAndOperationsUrl: string;
  dataverseUrl: string;
  /** The dual-write management service root, e.g. https://projectmanagementservice.weu-il107.gateway.prod.island.powerapps.com (§1). */
  dualWriteUrl: string;
  credentials: { dataverse: TokenCredential; financeAndOperations: TokenCredential; dualWrite: TokenCredential };
  http?: Partial<HttpClientOptions>;
  onProgress?: ProgressListener;
  /** Token scope of the dual-write service; the Data Integrator app's for a real service, `<url>/.default` on loopback. */
  dualWriteScope?: string;
  /** The URLs a snapshot reports as its identity, when they differ from the ones called (the sandbox's port). */
  identity?: { financeAndOperationsUrl: string; dataverseUrl: string };
  poll?: Omit<PollOptions, "onProgress">;
}

/** The state each action leaves when the service did not say (a follow that saw no map). */
const STATE_AFTER: Record<MapAction, LiveMapState> = {
  initialise: "stopped",
  start: "running",
  stop: "stopped",
  pause: "paused",
  resume: "running",
};

export class HttpEnvironmentGateway implements EnvironmentGateway, ImportReader {
  readonly pair: string;
  readonly dataverse: DataverseClient;
  readonly finOps: FinOpsClient;
  readonly dualWrite: DualWriteClient;
  readonly records: RecordStore;
  readonly #state: GatewayState;

  constructor(options: HttpGatewayOptions) {
    this.pair = options.pair;
    const financeAndOperationsUrl = trimSlash(options.financeAndOperationsUrl);
    const dataverseUrl = trimSlash(options.dataverseUrl);
    const dualWriteUrl = trimSlash(options.dualWriteUrl);
    const client = (baseUrl: string, credential: TokenCredential, scope: string, extra: Partial<HttpClientOptions>): HttpClient =>
      new HttpClient({ ...options.http, baseUrl, credential, scope, ...extra, headers: { ...options.http?.headers, ...extra.headers } });
    this.dataverse = new DataverseClient(
      client(`${dataverseUrl}/api/data/v9.2/`, options.credentials.dataverse, `${dataverseUrl}/.default`, {
        service: "Dataverse",
        accessHint:
          "the identity needs a Dataverse application user (or a user) with a security role that can read and write dual-write tables; check the app registration and the environment's application users",
      }),
    );
    this.records = new RecordStore(this.dataverse.http);
    this.finOps = new FinOpsClient(
      client(`${financeAndOperationsUrl}/`, options.credentials.financeAndOperations, `${financeAndOperationsUrl}/.default`, {
        service: "Finance and operations",
        accessHint: "the app must be listed under Microsoft Entra applications in finance and operations, mapped to a user with access to the data entities",
      }),
    );
    this.dualWrite = new DualWriteClient(
      client(`${dualWriteUrl}/`, options.credentials.dualWrite, options.dualWriteScope ?? dualWriteScopeFor(dualWriteUrl), {
        // §2: the service is not OData, and a GET carries no Accept or Origin.
        defaultHeaders: false,
        service: "the dual-write management service",
        accessHint: DUAL_WRITE_ACCESS_HINT,
      }),
      { ...options.poll, ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }) },
    );
    this.#state = new GatewayState(
      this.pair,
      { dataverse: this.dataverse, finOps: this.finOps, dualWrite: this.dualWrite, records: this.records },
      {
        financeAndOperations: financeAndOperationsUrl,
        dataverse: dataverseUrl,
        identity: options.identity ?? { financeAndOperationsUrl, dataverseUrl },
      },
    );
  }

  snapshot(): Promise<Snapshot> {
    return readSnapshot(this.#state);
  }

  saveMapDefinition(definition: MapDefinition, solution: string): Promise<{ versionId: string }> {
    return saveMapDefinition(this.#state, definition, solution);
  }

  readMapSources(refs: readonly MapRef[]): Promise<LiveMapSource[]> {
    return readMapSources(this.#state, refs);
  }

  serviceNames(): Promise<{ ref: MapRef; serviceName: string }[]> {
    return serviceNames(this.#state);
  }

  async whoAmI(): Promise<{ organizationId: string }> {
    return { organizationId: (await this.dataverse.whoAmI()).organizationId };
  }

  async hasSolution(solution: string): Promise<boolean> {
    return (await this.#state.clients.dataverse.findSolution(solution)) !== undefined;
  }

  applySolution(solution: string): Promise<void> {
    return applySolution(this.#state, solution);
  }

  activateMapVersion(ref: MapRef, version: { publisher: string; number: string }): Promise<void> {
    return activateMapVersion(this.#state, ref, version);
  }

  refreshTables(ref: MapRef): Promise<void> {
    return refreshTables(this.#state, ref);
  }

  deleteMap(ref: MapRef): Promise<void> {
    return deleteMap(this.#state, ref);
  }

  async runMapAction(ref: MapRef, action: MapAction, options: MapActionOptions = {}): Promise<LiveMapState> {
    const request = { ref, action, requestId: await this.beginMapAction(ref, action, options) };
    let failure: Error | undefined;
    const seen = new Map<string, LiveMapState>();
    await followMapActions(
      this.#state,
      [request],
      (_request, error) => {
        failure = error;
      },
      seen,
    );
    if (failure !== undefined) throw failure;
    return seen.get(request.requestId) ?? STATE_AFTER[action];
  }

  beginMapAction(ref: MapRef, action: MapAction, options: MapActionOptions = {}): Promise<string> {
    return beginMapAction(this.#state, ref, action, options);
  }

  followMapActions(requests: readonly MapActionRequest[], ended: (request: MapActionRequest, failure?: Error) => void): Promise<void> {
    return followMapActions(this.#state, requests, ended);
  }

  createAlternateKey(table: string, key: { schemaName: string; displayName: string; attributes: string[] }): Promise<void> {
    return createAlternateKey(this.#state, table, key);
  }

  alternateKeyStatus(table: string, schemaName: string): Promise<AlternateKeyStatus | undefined> {
    return alternateKeyStatus(this.#state, table, schemaName);
  }

  alternateKeyStatuses(keys: readonly { table: string; schemaName: string }[]): Promise<(AlternateKeyStatus | undefined)[]> {
    return alternateKeyStatuses(this.#state, keys);
  }

  reactivateAlternateKey(table: string, schemaName: string): Promise<void> {
    return reactivateAlternateKey(this.#state, table, schemaName);
  }

  setIntegrationKeys(keys: readonly { table: string; columns: string[] }[]): Promise<void> {
    return setIntegrationKeys(this.#state, keys);
  }

  rowsOnBothSides(maps: readonly { entity: string; entitySet: string }[]): Promise<RowPresence[]> {
    return rowsOnBothSides(this.#state, maps);
  }

  readColumnMetadata(request: ColumnMetadataRequest): Promise<ColumnMetadata> {
    return readColumnMetadata(this.#state, request);
  }

  async missingPublishers(publishers: readonly string[]): Promise<string[]> {
    if (publishers.length === 0) return [];
    const found = await this.#state.clients.dataverse.existingPublishers(publishers);
    return publishers.filter((name) => !found.has(name.toLowerCase()));
  }

  resetLink(options: { force: boolean; legalEntities: string[] }): Promise<void> {
    return resetLink(this.#state, options);
  }

  cleanRuntimeConfiguration(side: Side): Promise<number> {
    return cleanRuntimeConfiguration(this.#state, side);
  }

  readRecord(kind: RecordKind): Promise<StoredRecord | undefined> {
    return readRecord(this.#state, kind);
  }

  writeRecord(kind: RecordKind, value: unknown, condition: { etag: string } | { absent: true }): Promise<StoredRecord> {
    return writeRecord(this.#state, kind, value, condition);
  }

  deleteRecord(kind: RecordKind, etag: string): Promise<void> {
    return deleteRecord(this.#state, kind, etag);
  }
}

/** The import reads of a gateway that has them (the HTTP gateway); undefined for one that does not. */
export function importReaderOf(gateway: EnvironmentGateway): ImportReader | undefined {
  return gateway instanceof HttpEnvironmentGateway ? gateway : undefined;
}

/** The Data Integrator scope for Microsoft's service (§2); a loopback service (the sandbox) issues its own audience. */
export function dualWriteScopeFor(dualWriteUrl: string): string {
  const host = new URL(dualWriteUrl).hostname;
  return host === "127.0.0.1" || host === "localhost" || host === "[::1]" ? `${trimSlash(dualWriteUrl)}/.default` : DUAL_WRITE_SCOPE;
}

/** A problem with a pair's configuration that stops dwctl from building its gateway. */
export class GatewayConfigurationError extends Error {
  override name = "GatewayConfigurationError";
  constructor(
    message: string,
    readonly hint: string,
  ) {
    super(message);
  }
}

export interface GatewayForPairOptions extends CredentialOptions {
  http?: Partial<HttpClientOptions>;
  onProgress?: ProgressListener;
  poll?: HttpGatewayOptions["poll"];
}

/**
 * The gateway of a configured pair. A sandbox pair's URLs (`http://prod.operations.localhost/prod/finops`) name
 * its environment; the running sandbox's origin is swapped in, while the snapshot keeps
 * reporting the configured URLs so that fingerprints do not change with the port.
 */
export function gatewayForPair(
  pair: Pick<EnvironmentPair, "name" | "auth" | "sandbox" | "financeAndOperations" | "dataverse" | "dualWrite">,
  env: Record<string, string | undefined>,
  options: GatewayForPairOptions = {},
): HttpEnvironmentGateway {
  const credentials = credentialsFor(pair, env, options);
  const sandbox = pair.sandbox === true || pair.auth?.method === "sandbox" ? options.sandbox : undefined;
  const at = (url: string): string => (sandbox === undefined ? url : withOrigin(url, sandbox.url));
  const dualWriteUrl = pair.dualWrite?.url ?? (sandbox === undefined ? undefined : `${trimSlash(sandbox.url)}/dualwrite`);
  if (dualWriteUrl === undefined) {
    throw new GatewayConfigurationError(
      `pair ${pair.name} has no dualWrite.url`,
      "add dualWrite.url (the dual-write management service of the region, see the README) to the pair in environments.yaml",
    );
  }
  return new HttpEnvironmentGateway({
    pair: pair.name,
    financeAndOperationsUrl: at(pair.financeAndOperations.url),
    dataverseUrl: at(pair.dataverse.url),
    dualWriteUrl: at(dualWriteUrl),
    credentials,
    identity: { financeAndOperationsUrl: trimSlash(pair.financeAndOperations.url), dataverseUrl: trimSlash(pair.dataverse.url) },
    ...(options.http === undefined ? {} : { http: options.http }),
    ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
    ...(options.poll === undefined ? {} : { poll: options.poll }),
  });
}

function withOrigin(url: string, origin: string): string {
  const target = new URL(url);
  const base = new URL(origin);
  return trimSlash(`${base.origin}${target.pathname}`);
}
