import type { TokenCredential } from "@azure/core-auth";
import type { EnvironmentPair, Side } from "../model/desired.js";
import { mapKey } from "../model/snapshot.js";
import type {
  AlternateKeyStatus,
  LiveAlternateKey,
  LiveMap,
  LiveMapState,
  MapDefinition,
  MapRef,
  RecordKind,
  Snapshot,
  StoredRecord,
} from "../model/snapshot.js";
import { credentialsFor } from "./auth/index.js";
import type { CredentialOptions } from "./auth/index.js";
import { DataverseClient } from "./dataverse/dataverse-client.js";
import type { MapRow, TableKeys } from "./dataverse/dataverse-client.js";
import { RecordStore } from "./dataverse/records.js";
import { DUAL_WRITE_API_PATH, DUAL_WRITE_SCOPE, DualWriteClient, dualWriteHeaders } from "./dualwrite/dualwrite-client.js";
import { failedInService, isSettling, requestStatusOf } from "./dualwrite/dualwrite-client.js";
import type { Link, PollOptions, RequestStatus, ServiceMap, StartParameters } from "./dualwrite/dualwrite-client.js";
import { FinOpsClient } from "./finops/finops-client.js";
import { GatewayRefusedError } from "./gateway.js";
import type { EnvironmentGateway, MapAction, MapActionOptions, MapActionRequest, ProgressListener, RowPresence } from "./gateway.js";
import { isHttpStatus } from "./dataverse/odata.js";
import { HttpClient, PreconditionFailedError, redact } from "./http/index.js";
import type { HttpClientOptions } from "./http/index.js";
import { fromMapRow, mapRowIdentity, toMapRow } from "./mapping-json.js";
import type { MapRowIdentity, MapRowInput } from "./mapping-json.js";

export interface HttpGatewayOptions {
  pair: string;
  financeAndOperationsUrl: string;
  dataverseUrl: string;
  /** The dual-write management service root, for example https://projectmanagementservice.weu.gateway.prod.island.powerapps.com. */
  dualWriteUrl: string;
  credentials: { dataverse: TokenCredential; financeAndOperations: TokenCredential; dualWrite: TokenCredential };
  http?: Partial<HttpClientOptions>;
  onProgress?: ProgressListener;
  /** Token scope of the dual-write service; the Data Integrator app's for a real service, `<url>/.default` on loopback. */
  dualWriteScope?: string;
  /** The URLs a snapshot reports as its identity, when they differ from the ones called (the sandbox's port). */
  identity?: { financeAndOperationsUrl: string; dataverseUrl: string };
  /** Name of the Power Platform environment, sent with Reset link; the Dataverse organization id by default. */
  powerAppsEnvironmentName?: string;
  poll?: Omit<PollOptions, "onProgress" | "label">;
}

/** Up to this many keys or map actions are polled one request each; more are read from one listing. */
const SINGLE_READS = 8;
/** Tables per integration-key write: the service merges by table, so the estate's keys go in a few requests. */
const INTEGRATION_KEYS_PER_REQUEST = 250;

const STATE_AFTER: Record<MapAction, LiveMapState> = {
  start: "running",
  stop: "stopped",
  pause: "paused",
  resume: "running",
  initialSync: "running",
};

/** The EnvironmentGateway over the Dataverse Web API, F&O OData and the dual-write service. */
export class HttpEnvironmentGateway implements EnvironmentGateway {
  readonly pair: string;
  readonly dataverse: DataverseClient;
  readonly finOps: FinOpsClient;
  readonly dualWrite: DualWriteClient;
  readonly records: RecordStore;
  readonly #financeAndOperationsUrl: string;
  readonly #dataverseUrl: string;
  readonly #identity: { financeAndOperationsUrl: string; dataverseUrl: string };
  readonly #powerAppsEnvironmentName: string | undefined;
  // Caches from the last read, so writes need not re-read everything; dropped when they may be stale.
  #rows: MapRow[] | undefined;
  #tables: TableNames | undefined;
  #link: Link | null | undefined;
  #serviceMaps: ServiceMap[] | undefined;
  /**
   * Counts the map rows this gateway created, and remembers the count at each map's creation: a map
   * saved for the first time is missing from #serviceMaps until the list is read again, and a read
   * started at generation g knows every map created up to g. One read is in flight at a time; lanes
   * that need a later one share the next, instead of each reading the whole list for its own map.
   */
  #serviceMapsGeneration = 0;
  readonly #createdAt = new Map<string, number>();
  #serviceMapsRead: { generation: number; maps: Promise<ServiceMap[]> } | undefined;
  #serviceMapsNext: Promise<ServiceMap[]> | undefined;

  constructor(options: HttpGatewayOptions) {
    this.pair = options.pair;
    this.#financeAndOperationsUrl = trimSlash(options.financeAndOperationsUrl);
    this.#dataverseUrl = trimSlash(options.dataverseUrl);
    const dualWriteUrl = trimSlash(options.dualWriteUrl);
    this.#identity = options.identity ?? { financeAndOperationsUrl: this.#financeAndOperationsUrl, dataverseUrl: this.#dataverseUrl };
    this.#powerAppsEnvironmentName = options.powerAppsEnvironmentName;
    const client = (baseUrl: string, credential: TokenCredential, scope: string, headers: Record<string, string> = {}): HttpClient =>
      new HttpClient({
        ...options.http,
        baseUrl,
        credential,
        scope,
        headers: { ...options.http?.headers, ...headers },
      });
    this.dataverse = new DataverseClient(
      client(`${this.#dataverseUrl}/api/data/v9.2/`, options.credentials.dataverse, `${this.#dataverseUrl}/.default`),
    );
    this.records = new RecordStore(this.dataverse.http);
    this.finOps = new FinOpsClient(
      client(`${this.#financeAndOperationsUrl}/`, options.credentials.financeAndOperations, `${this.#financeAndOperationsUrl}/.default`),
    );
    this.dualWrite = new DualWriteClient(
      client(
        `${dualWriteUrl}/${DUAL_WRITE_API_PATH}`,
        options.credentials.dualWrite,
        options.dualWriteScope ?? dualWriteScopeFor(dualWriteUrl),
        dualWriteHeaders(),
      ),
      { ...options.poll, ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }) },
    );
  }

  async snapshot(): Promise<Snapshot> {
    const service = async (): Promise<{ link: Link | undefined; maps: ServiceMap[]; keys: Record<string, string[]> }> => {
      const link = await this.dualWrite.link(this.#financeAndOperationsUrl);
      if (link === undefined) return { link, maps: [], keys: {} };
      const [maps, keys] = await Promise.all([this.dualWrite.maps(link.cid), this.dualWrite.integrationKeys(link.cid)]);
      return { link, maps, keys };
    };
    const [who, rows, tables, runtimeRows, companies, records, projects, live] = await Promise.all([
      this.dataverse.whoAmI(),
      this.dataverse.listMapRows(),
      this.dataverse.listTables(),
      this.dataverse.listRuntimeConfigs(),
      this.dataverse.listCompanyCodes(),
      this.records.readAll(),
      this.finOps.listProjectConfigurations(),
      service(),
    ]);
    const names = new TableNames(tables);
    this.#rows = rows;
    this.#tables = names;
    this.#link = live.link ?? null;
    this.#serviceMaps = live.maps;
    return {
      pair: this.pair,
      identity: { ...this.#identity, dataverseOrganizationId: who.organizationId },
      link:
        live.link === undefined
          ? undefined
          : {
              dataverseUrl: this.#publicUrl(live.link.dataverseUrl),
              dataverseOrganizationId: live.link.dataverseOrganizationId,
              legalEntities: [...live.link.legalEntities].sort(),
            },
      maps: liveMaps(live.maps, rows, names),
      alternateKeys: alternateKeys(tables),
      integrationKeys: Object.entries(live.keys)
        .map(([table, columns]) => ({ table, columns }))
        .sort((a, b) => compare(a.table, b.table)),
      runtime: {
        financeAndOperations: projects
          .map((row) => ({ projectName: row.projectName, externalEnvironmentUrl: this.#publicUrl(row.externalEnvironmentUrl), status: row.status }))
          .sort((a, b) => compare(a.projectName, b.projectName) || compare(a.externalEnvironmentUrl, b.externalEnvironmentUrl)),
        dataverse: runtimeRows
          .map((row) => ({ id: row.id, source: row.source, destination: row.destination }))
          .sort((a, b) => compare(a.id, b.id)),
      },
      legalEntitiesInDataverse: [...companies].sort(),
      lock: records.lock,
      lastApplied: records.lastApplied,
    };
  }

  async saveMapDefinition(definition: MapDefinition): Promise<{ versionId: string }> {
    const fields = toMapRow(definition);
    for (let attempt = 1; ; attempt++) {
      const rows = await this.#mapRows(attempt > 1);
      const existing = rowsOfEntity(rows, definition.financeAndOperations.entity).find((row) => {
        const identity = rowIdentity(row);
        return identity !== undefined && sameDefinitionMap(identity, definition) && sameVersion(identity, definition.version);
      });
      if (existing === undefined) {
        const created = await this.dataverse.createMapRow(fields);
        rows.push(created);
        byEntity.get(rows)?.add(created);
        // Maps already listed keep their entries (pid, active tid): only a new map is missing from them.
        this.#serviceMapsGeneration += 1;
        this.#createdAt.set(mapKey({ entity: definition.financeAndOperations.entity, table: definition.dataverse.table }), this.#serviceMapsGeneration);
        return { versionId: created.id };
      }
      if (existing.etag === undefined && attempt === 1) continue;
      try {
        await this.dataverse.updateMapRow(existing.id, fields, existing.etag ?? "*");
      } catch (error) {
        if (error instanceof PreconditionFailedError && attempt === 1) continue;
        if (error instanceof PreconditionFailedError) {
          throw new GatewayRefusedError(
            `map version ${definition.version.number} of ${definition.financeAndOperations.entity} changed while it was saved`,
            "someone else edits this map: run plan again",
            error.requestId,
          );
        }
        throw error;
      }
      Object.assign(existing, { ...rowFromFields(fields), etag: undefined });
      identities.delete(existing);
      byEntity.delete(rows);
      return { versionId: existing.id };
    }
  }

  async activateMapVersion(ref: MapRef, version: { publisher: string; number: string }): Promise<void> {
    const names = await this.#tableNames();
    const row = rowsOfEntity(await this.#mapRows(false), ref.entity).find((candidate) => {
      const identity = rowIdentity(candidate);
      return identity !== undefined && sameRef(identity, ref, names) && sameVersion(identity, version);
    });
    if (row === undefined) {
      throw new GatewayRefusedError(
        `version ${version.publisher} ${version.number} of ${describe(ref)} is not saved`,
        "save the map version before making it active",
        undefined,
      );
    }
    const { cid, map } = await this.#serviceMap(ref);
    // The service already runs this version (a new map's only version is active from the start).
    if (map.tid === row.id) return;
    await this.dualWrite.switchActive(cid, row.id, map.pid);
    map.tid = row.id;
  }

  async deleteMap(ref: MapRef): Promise<void> {
    const names = await this.#tableNames();
    const rows = await this.#mapRows(false);
    const doomed = rows.filter((row) => {
      const identity = rowIdentity(row);
      return identity !== undefined && sameRef(identity, ref, names);
    });
    for (const row of doomed) {
      try {
        await this.dataverse.deleteMapRow(row.id);
      } catch (error) {
        if (!isHttpStatus(error, 404)) throw error;
      }
      rows.splice(rows.indexOf(row), 1);
    }
    byEntity.delete(rows);
    this.#serviceMaps = undefined;
  }

  async runMapAction(ref: MapRef, action: MapAction, options: MapActionOptions = {}): Promise<LiveMapState> {
    const request = { ref, action, requestId: await this.beginMapAction(ref, action, options) };
    let failure: Error | undefined;
    await this.followMapActions([request], (_request, error) => {
      failure = error;
    });
    if (failure !== undefined) throw failure;
    return STATE_AFTER[action];
  }

  async beginMapAction(ref: MapRef, action: MapAction, options: MapActionOptions = {}): Promise<string> {
    const { cid, map } = await this.#serviceMap(ref);
    return this.dualWrite.sendAction(action, { tid: map.tid, pid: map.pid, cid, parameters: actionParameters(action, options) }, { label: `${action} ${describe(ref)}` });
  }

  async followMapActions(requests: readonly MapActionRequest[], ended: (request: MapActionRequest, failure?: Error) => void): Promise<void> {
    let pending = [...requests];
    const only = requests.length === 1 ? requests[0] : undefined;
    const label = only === undefined ? `${requests.length} map actions` : `${only.action} ${describe(only.ref)}`;
    const finished = await this.dualWrite.poll(label, async () => {
      const statuses = await this.#actionStatuses(pending);
      const waiting: MapActionRequest[] = [];
      let awaited = "the dual-write service";
      pending.forEach((request, index) => {
        const { status, message, state } = statuses[index] ?? { status: "waiting", message: "", state: undefined };
        const settling = (request.action === "start" || request.action === "resume" || request.action === "initialSync") && isSettling(state);
        if (status === "error") ended(request, failedInService(`${request.action} ${describe(request.ref)}`, message, request.requestId));
        else if (status === "completed" && !settling) ended(request);
        else {
          waiting.push(request);
          if (settling) awaited = state === "initializing" ? "the initial sync" : "the catch-up";
        }
      });
      pending = waiting;
      const first = pending[0];
      if (first === undefined) return true;
      return only !== undefined ? awaited : `${pending.length} of ${requests.length} (${first.action} ${describe(first.ref)}${pending.length > 1 ? ", …" : ""})`;
    });
    if (!finished) for (const request of pending) ended(request, this.dualWrite.timedOut(`${request.action} ${describe(request.ref)}`, request.requestId));
  }

  /** The status of each request: up to a few by request id, more from one listing of the maps, where each map carries its last request. */
  async #actionStatuses(requests: readonly MapActionRequest[]): Promise<RequestStatus[]> {
    const byId = (request: MapActionRequest): Promise<RequestStatus> => this.dualWrite.requestStatus(request.requestId);
    if (requests.length <= SINGLE_READS) return Promise.all(requests.map(byId));
    const link = await this.#requireLink();
    const maps = await this.dualWrite.maps(link.cid);
    this.#serviceMaps = maps;
    const names = await this.#tableNames();
    return Promise.all(
      requests.map(async (request) => {
        const map = findServiceMap(maps, request.ref, names);
        const last = map?.lastRequest;
        // Someone else's request came after ours (or the map is gone): ask for ours by its id.
        if (map === undefined || last === undefined || last.requestId !== request.requestId) return byId(request);
        return { status: requestStatusOf(last.status), message: redact(last.message), state: map.state };
      }),
    );
  }

  async createAlternateKey(table: string, key: { schemaName: string; displayName: string; attributes: string[] }): Promise<void> {
    await this.dataverse.createKey(table, key);
  }

  async alternateKeyStatus(table: string, schemaName: string): Promise<AlternateKeyStatus | undefined> {
    return this.dataverse.keyStatus(table, schemaName.toLowerCase());
  }

  async alternateKeyStatuses(keys: readonly { table: string; schemaName: string }[]): Promise<(AlternateKeyStatus | undefined)[]> {
    if (keys.length <= SINGLE_READS) return Promise.all(keys.map((key) => this.alternateKeyStatus(key.table, key.schemaName)));
    const tables = await this.dataverse.listTables();
    this.#tables = new TableNames(tables);
    const statuses = new Map<string, AlternateKeyStatus>();
    for (const table of tables) {
      for (const key of table.keys) statuses.set(`${table.logicalName}|${(key.logicalName || key.schemaName).toLowerCase()}`, key.status);
    }
    return keys.map((key) => statuses.get(`${key.table}|${key.schemaName.toLowerCase()}`));
  }

  async reactivateAlternateKey(table: string, schemaName: string): Promise<void> {
    await this.dataverse.reactivateKey(table, schemaName.toLowerCase());
  }

  async setIntegrationKeys(keys: readonly { table: string; columns: string[] }[]): Promise<void> {
    if (keys.length === 0) return;
    const link = await this.#requireLink();
    for (let start = 0; start < keys.length; start += INTEGRATION_KEYS_PER_REQUEST) {
      const chunk = keys.slice(start, start + INTEGRATION_KEYS_PER_REQUEST);
      await this.dualWrite.setIntegrationKeys(link.cid, Object.fromEntries(chunk.map((key) => [key.table, key.columns])));
    }
  }

  async rowsOnBothSides(maps: readonly { entity: string; entitySet: string }[]): Promise<RowPresence[]> {
    const read = async (probe: () => Promise<boolean>): Promise<boolean | undefined> => {
      try {
        return await probe();
      } catch (error) {
        // An entity not exposed to OData, or no read permission: unknown, not an error of the plan.
        if (isHttpStatus(error, 400) || isHttpStatus(error, 403) || isHttpStatus(error, 404)) return undefined;
        throw error;
      }
    };
    return Promise.all(
      maps.map(async (map) => {
        const [financeAndOperations, dataverse] = await Promise.all([read(() => this.finOps.hasRows(map.entity)), read(() => this.dataverse.hasRows(map.entitySet))]);
        return { financeAndOperations, dataverse };
      }),
    );
  }

  async setLegalEntities(legalEntities: string[]): Promise<void> {
    const link = await this.#requireLink();
    await this.dualWrite.setLegalEntities(link.cid, legalEntities);
    this.#link = undefined;
  }

  async resetLink(options: { force: boolean; legalEntities: string[] }): Promise<void> {
    const link = await this.#requireLink();
    const environmentName = this.#powerAppsEnvironmentName ?? (await this.dataverse.whoAmI()).organizationId;
    try {
      await this.dualWrite.reset(link.cid, {
        force: options.force,
        powerAppsEnvironmentName: environmentName,
        environments: [this.#financeAndOperationsUrl, this.#dataverseUrl],
        legalEntities: options.legalEntities,
      });
    } finally {
      this.#link = undefined;
      this.#serviceMaps = undefined;
      this.#rows = undefined;
    }
  }

  async cleanRuntimeConfiguration(side: Side): Promise<number> {
    if (side === "dataverse") {
      const rows = await this.dataverse.listRuntimeConfigs();
      return this.dataverse.deleteRuntimeConfigs(rows.map((row) => row.id));
    }
    const rows = await this.finOps.listProjectConfigurations();
    const deleted = await Promise.all(
      rows.map(async (row) => {
        try {
          await this.finOps.deleteProjectConfiguration(row);
          return 1;
        } catch (error) {
          if (isHttpStatus(error, 404)) return 0;
          throw error;
        }
      }),
    );
    return deleted.reduce((total: number, count) => total + count, 0);
  }

  async readRecord(kind: RecordKind): Promise<StoredRecord | undefined> {
    return this.records.read(kind);
  }

  async writeRecord(kind: RecordKind, value: unknown, condition: { etag: string } | { absent: true }): Promise<StoredRecord> {
    return this.records.write(kind, value, condition);
  }

  async deleteRecord(kind: RecordKind, etag: string): Promise<void> {
    await this.records.delete(kind, etag);
  }

  /**
   * A URL the service reports, in the form the snapshot's identity uses: on the sandbox the
   * running port is swapped back out, so that identity and link compare and fingerprints stay put.
   */
  #publicUrl(url: string): string {
    const trimmed = trimSlash(url);
    for (const [called, reported] of [
      [this.#dataverseUrl, this.#identity.dataverseUrl],
      [this.#financeAndOperationsUrl, this.#identity.financeAndOperationsUrl],
    ] as const) {
      const calledOrigin = originOf(called);
      const reportedOrigin = originOf(reported);
      if (calledOrigin !== undefined && reportedOrigin !== undefined && calledOrigin !== reportedOrigin && trimmed.startsWith(`${calledOrigin}/`)) {
        return `${reportedOrigin}${trimmed.slice(calledOrigin.length)}`;
      }
    }
    return trimmed;
  }

  async #mapRows(reload: boolean): Promise<MapRow[]> {
    if (reload || this.#rows === undefined) this.#rows = await this.dataverse.listMapRows();
    return this.#rows;
  }

  async #tableNames(): Promise<TableNames> {
    this.#tables ??= new TableNames(await this.dataverse.listTables());
    return this.#tables;
  }

  async #requireLink(): Promise<Link> {
    if (this.#link === undefined) this.#link = (await this.dualWrite.link(this.#financeAndOperationsUrl)) ?? null;
    if (this.#link === null) {
      throw new GatewayRefusedError(
        `the finance and operations environment of pair ${this.pair} is not linked to Dataverse`,
        "link the pair (LCS, Power Platform integration) before applying",
        undefined,
      );
    }
    return this.#link;
  }

  /** The service's entry for a map; re-read once when it is not known yet (a map saved moments ago). */
  async #serviceMap(ref: MapRef): Promise<{ cid: string; map: ServiceMap }> {
    const link = await this.#requireLink();
    const names = await this.#tableNames();
    const find = (maps: ServiceMap[]): ServiceMap | undefined => findServiceMap(maps, ref, names);
    let map = this.#serviceMaps === undefined ? undefined : find(this.#serviceMaps);
    if (map === undefined) {
      const createdAt = this.#createdAt.get(mapKey(ref)) ?? 0;
      map = find(await this.#readServiceMaps(link.cid, createdAt));
    }
    if (map === undefined) {
      throw new GatewayRefusedError(
        `the dual-write service does not know the map ${describe(ref)}`,
        "save a version of the map first; if it is saved, apply the solution so that the service loads it",
        undefined,
      );
    }
    return { cid: link.cid, map };
  }

  /** Re-reads the service's maps, or joins a read that starts once the map wanted (created at generation `needed`) exists. */
  #readServiceMaps(cid: string, needed: number): Promise<ServiceMap[]> {
    const current = this.#serviceMapsRead;
    if (current === undefined) return this.#startServiceMapsRead(cid);
    if (current.generation >= needed) return current.maps;
    this.#serviceMapsNext ??= current.maps.then(
      () => undefined,
      () => undefined,
    ).then(() => {
      this.#serviceMapsNext = undefined;
      return this.#startServiceMapsRead(cid);
    });
    return this.#serviceMapsNext;
  }

  #startServiceMapsRead(cid: string): Promise<ServiceMap[]> {
    const read = {
      generation: this.#serviceMapsGeneration,
      maps: this.dualWrite.maps(cid).then((maps) => {
        this.#serviceMaps = maps;
        return maps;
      }),
    };
    this.#serviceMapsRead = read;
    const settled = (): void => {
      if (this.#serviceMapsRead === read) this.#serviceMapsRead = undefined;
    };
    read.maps.then(settled, settled);
    return read.maps;
  }
}

/** Resolves the names a map row or the service uses for a table (an entity set or a logical name) to its logical name. */
class TableNames {
  readonly #byName = new Map<string, string>();
  readonly #entitySets = new Map<string, string>();

  constructor(tables: TableKeys[]) {
    for (const table of tables) {
      this.#byName.set(table.logicalName.toLowerCase(), table.logicalName);
      if (table.entitySetName !== "") {
        this.#byName.set(table.entitySetName.toLowerCase(), table.logicalName);
        this.#entitySets.set(table.logicalName, table.entitySetName);
      }
    }
  }

  table(name: string | undefined): string | undefined {
    return name === undefined ? undefined : this.#byName.get(name.toLowerCase());
  }

  resolve(identity: Pick<MapRowIdentity, "destination" | "entitySet">): string {
    return this.table(identity.destination) ?? this.table(identity.entitySet) ?? identity.destination;
  }
}

function liveMaps(serviceMaps: ServiceMap[], rows: MapRow[], names: TableNames): LiveMap[] {
  const rowsByKey = new Map<string, { row: MapRow; identity: MapRowIdentity }[]>();
  for (const row of rows) {
    const identity = rowIdentity(row);
    if (identity === undefined) continue;
    const key = mapKey({ entity: identity.entity, table: names.resolve(identity) });
    rowsByKey.set(key, [...(rowsByKey.get(key) ?? []), { row, identity }]);
  }
  const tableOf = (name: string): string | undefined => names.table(name);
  const maps: LiveMap[] = [];
  for (const service of serviceMaps) {
    const active = rows.find((row) => row.id === service.tid);
    if (active === undefined) continue;
    const definition = fromMapRow(rowInput(active), tableOf);
    const ref = { entity: service.sourceSchema || definition.financeAndOperations.entity, table: definition.dataverse.table };
    const related = rowsByKey.get(mapKey(ref)) ?? [];
    const extra = rows.filter((row) => service.templates.includes(row.id) && !related.some((entry) => entry.row === row));
    const versions = [...related, ...extra.map((row) => ({ row, identity: rowIdentity(row) }))]
      .map(({ row, identity }) => ({ id: row.id, publisher: identity?.publisher ?? "", number: identity?.number ?? row.version }))
      .sort((a, b) => compareVersions(a.number, b.number) || compare(a.publisher, b.publisher));
    maps.push({ ref, definition, versions, state: service.state });
  }
  return maps.sort((a, b) => compare(mapKey(a.ref), mapKey(b.ref)));
}

function alternateKeys(tables: TableKeys[]): LiveAlternateKey[] {
  return tables
    .flatMap((table) =>
      table.keys.map((key) => ({
        table: table.logicalName,
        schemaName: key.schemaName,
        displayName: key.displayName,
        attributes: key.attributes,
        status: key.status,
      })),
    )
    .sort((a, b) => compare(a.table, b.table) || compare(a.schemaName, b.schemaName));
}

function actionParameters(action: MapAction, options: MapActionOptions): StartParameters {
  const master = (side: Side): "CRM" | "AX" => (side === "dataverse" ? "CRM" : "AX");
  switch (action) {
    case "start":
      return options.initialSync === undefined
        ? { skipInitialSync: true }
        : { skipInitialSync: false, conflictResolution: { master: master(options.initialSync.master), option: "1" } };
    case "initialSync":
      return { conflictResolution: { master: master(options.initialSync?.master ?? "dataverse"), option: "1" } };
    case "resume":
      return {
        skipCatchUpSyncPreserveData: options.skipCatchUp === "preserve",
        skipCatchUpSyncDiscardData: options.skipCatchUp === "discard",
      };
    default:
      return {};
  }
}

function rowInput(row: MapRow): MapRowInput {
  return { msdyn_name: row.name, msdyn_mapping: row.mapping, msdyn_properties: row.properties, msdyn_version: row.version };
}

function rowFromFields(fields: ReturnType<typeof toMapRow>): Pick<MapRow, "name" | "mapping" | "properties" | "version"> {
  return { name: fields.msdyn_name, mapping: fields.msdyn_mapping, properties: fields.msdyn_properties, version: fields.msdyn_version };
}

/**
 * Identities parsed from map rows, kept per row object: saves and activations look a row up among
 * all of them, and parsing every row's mapping JSON each time made an apply quadratic in the maps.
 * A row whose fields are rewritten in place is dropped from it.
 */
const identities = new WeakMap<MapRow, MapRowIdentity | undefined>();

/** A row that cannot be parsed belongs to no map dwctl manages; it is left alone by writes. */
function rowIdentity(row: MapRow): MapRowIdentity | undefined {
  if (identities.has(row)) return identities.get(row);
  let identity: MapRowIdentity | undefined;
  try {
    identity = mapRowIdentity(rowInput(row));
  } catch {
    identity = undefined;
  }
  identities.set(row, identity);
  return identity;
}

/** Map rows grouped by F&O entity, per row list: saves and activations look among a few rows, not all of them. */
const byEntity = new WeakMap<MapRow[], EntityIndex<MapRow>>();
const serviceMapsByEntity = new WeakMap<ServiceMap[], EntityIndex<ServiceMap>>();

class EntityIndex<T> {
  readonly #groups = new Map<string, T[]>();
  constructor(private readonly entityOf: (item: T) => string | undefined) {}
  add(item: T): void {
    const entity = this.entityOf(item)?.toLowerCase();
    if (entity === undefined) return;
    const group = this.#groups.get(entity);
    if (group === undefined) this.#groups.set(entity, [item]);
    else group.push(item);
  }
  get(entity: string): T[] {
    return this.#groups.get(entity.toLowerCase()) ?? [];
  }
}

function rowsOfEntity(rows: MapRow[], entity: string): MapRow[] {
  let index = byEntity.get(rows);
  if (index === undefined) {
    index = new EntityIndex((row) => rowIdentity(row)?.entity);
    for (const row of rows) index.add(row);
    byEntity.set(rows, index);
  }
  return index.get(entity);
}

function findServiceMap(maps: ServiceMap[], ref: MapRef, names: TableNames): ServiceMap | undefined {
  let index = serviceMapsByEntity.get(maps);
  if (index === undefined) {
    index = new EntityIndex((map) => map.sourceSchema);
    for (const map of maps) index.add(map);
    serviceMapsByEntity.set(maps, index);
  }
  return index.get(ref.entity).find((map) => sameRef({ entity: map.sourceSchema, destination: map.destinationSchema, entitySet: undefined }, ref, names));
}

function sameDefinitionMap(identity: MapRowIdentity, definition: MapDefinition): boolean {
  if (identity.entity.toLowerCase() !== definition.financeAndOperations.entity.toLowerCase()) return false;
  const { table, entitySet } = definition.dataverse;
  return identity.destination === entitySet || identity.destination === table || identity.entitySet === entitySet;
}

function sameRef(identity: Pick<MapRowIdentity, "entity" | "destination" | "entitySet">, ref: MapRef, names: TableNames): boolean {
  return identity.entity.toLowerCase() === ref.entity.toLowerCase() && names.resolve(identity) === ref.table;
}

function sameVersion(identity: MapRowIdentity, version: { publisher: string; number: string }): boolean {
  return identity.number === version.number && (identity.publisher ?? version.publisher) === version.publisher;
}

function describe(ref: MapRef): string {
  return `${ref.entity} (${ref.table})`;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareVersions(a: string, b: string): number {
  const left = a.split(".").map(Number);
  const right = b.split(".").map(Number);
  for (let index = 0; index < Math.max(left.length, right.length); index++) {
    const difference = (left[index] ?? 0) - (right[index] ?? 0);
    if (difference !== 0 && !Number.isNaN(difference)) return difference;
  }
  return compare(a, b);
}

function originOf(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, "");
}

/** The Data Integrator scope for Microsoft's service; a loopback service (the sandbox) issues its own audience. */
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
 * The gateway of a configured pair. A sandbox pair's URLs (`http://127.0.0.1/prod/finops`) name
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
