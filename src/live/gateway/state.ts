import type { MapRef } from "../../model/snapshot.js";
import type { DataverseClient, MapRow } from "../dataverse/dataverse-client.js";
import type { RecordStore } from "../dataverse/records.js";
import type { DualWriteClient } from "../dualwrite/client.js";
import { DualWriteProtocolError } from "../dualwrite/errors.js";
import type { DwConnectionSet, DwEnvironment, DwMap } from "../dualwrite/parse.js";
import type { FinOpsClient } from "../finops/finops-client.js";
import { GatewayRefusedError } from "../gateway.js";
import { IndexCache } from "./entity-index.js";
import { TableNames, describe, originOf, trimSlash } from "./rows.js";

export interface GatewayClients {
  dataverse: DataverseClient;
  finOps: FinOpsClient;
  dualWrite: DualWriteClient;
  records: RecordStore;
}

/**
 * What the gateway's parts share: the clients, the URLs, and caches from the last read, so that
 * writes need not re-read everything. A cache is dropped when a write may have made it stale.
 */
export class GatewayState {
  rows: MapRow[] | undefined;
  tables: TableNames | undefined;
  /** null: read, and not linked. */
  environment: DwEnvironment | null | undefined;
  connectionSet: DwConnectionSet | undefined;
  /** Unmanaged solutions known to exist, per unique name. */
  readonly solutions = new Map<string, Promise<void>>();
  #maps: Promise<DwMap[]> | undefined;

  constructor(
    readonly pair: string,
    readonly clients: GatewayClients,
    readonly urls: {
      financeAndOperations: string;
      dataverse: string;
      identity: { financeAndOperationsUrl: string; dataverseUrl: string };
    },
  ) {}

  /** dualwrite-service.md §3: the `identifier` is the bare host of the configured F&O URL (no scheme, port or path). */
  get financeAndOperationsHost(): string {
    return new URL(this.urls.identity.financeAndOperationsUrl).hostname;
  }

  /**
   * A URL the service reports, in the form the snapshot's identity uses: on the sandbox the
   * running port is swapped back out, so that identity and link compare and fingerprints stay put.
   */
  publicUrl(url: string): string {
    const trimmed = trimSlash(url);
    for (const [called, reported] of [
      [this.urls.dataverse, this.urls.identity.dataverseUrl],
      [this.urls.financeAndOperations, this.urls.identity.financeAndOperationsUrl],
    ] as const) {
      const calledOrigin = originOf(called);
      const reportedOrigin = originOf(reported);
      if (calledOrigin !== undefined && reportedOrigin !== undefined && calledOrigin !== reportedOrigin && (trimmed === calledOrigin || trimmed.startsWith(`${calledOrigin}/`))) {
        return `${reportedOrigin}${trimmed.slice(calledOrigin.length)}`;
      }
    }
    return trimmed;
  }

  async mapRows(reload: boolean): Promise<MapRow[]> {
    if (reload || this.rows === undefined) this.rows = await this.clients.dataverse.listMapRows();
    return this.rows;
  }

  async tableNames(): Promise<TableNames> {
    this.tables ??= new TableNames(await this.clients.dataverse.listTables());
    return this.tables;
  }

  /** The connection for this pair (§5.1), or a refusal when it is not linked. */
  async requireEnvironment(): Promise<DwEnvironment> {
    if (this.environment === undefined) this.environment = (await this.clients.dualWrite.environments(this.financeAndOperationsHost))[0] ?? null;
    if (this.environment === null) {
      throw new GatewayRefusedError(
        `the finance and operations environment of pair ${this.pair} is not linked to Dataverse (the dual-write service lists no connection for ${this.financeAndOperationsHost})`,
        "link the pair (LCS, Power Platform integration) before applying",
        undefined,
      );
    }
    return this.environment;
  }

  /** The connection set (§5.4), read once and kept until a write changes it. */
  async connection(reload = false): Promise<DwConnectionSet> {
    const environment = await this.requireEnvironment();
    if (reload || this.connectionSet === undefined) this.connectionSet = await this.clients.dualWrite.connectionSet(environment.cname);
    return this.connectionSet;
  }

  /** The service's maps (§5.2); concurrent readers share one request. */
  async maps(): Promise<DwMap[]> {
    if (this.#maps === undefined) {
      const read = this.requireEnvironment().then((environment) => this.clients.dualWrite.maps(environment.cid));
      this.#maps = read;
      read.catch(() => {
        if (this.#maps === read) this.#maps = undefined;
      });
    }
    return this.#maps;
  }

  setMaps(maps: DwMap[]): void {
    this.#maps = Promise.resolve(maps);
  }

  /** The list is stale (Apply Solution, an initialise, a version switch, a reset). */
  invalidateMaps(): void {
    this.#maps = undefined;
  }

  /** The service's entry for a map; the list is read again once when the map is not in it. */
  async serviceMap(ref: MapRef): Promise<{ cid: string; map: DwMap }> {
    const environment = await this.requireEnvironment();
    const names = await this.tableNames();
    const seen = this.#maps;
    let map = findMap(await this.maps(), ref, names);
    if (map === undefined) {
      if (this.#maps === seen) this.invalidateMaps();
      map = findMap(await this.maps(), ref, names);
    }
    if (map === undefined) {
      throw new GatewayRefusedError(
        `the dual-write service does not know the map ${describe(ref)}`,
        "save a version of the map into a solution and apply that solution, so that the service loads it",
        undefined,
      );
    }
    return { cid: environment.cid, map };
  }
}

/** Service maps grouped by F&O entity, per listing (a listing is never changed in place). */
const mapIndexes = new IndexCache<DwMap>((map) => map.entity);

/** A listing's entry for a map: the first of its entity whose entity set is the map's table. */
export function findMap(maps: readonly DwMap[], ref: MapRef, names: TableNames): DwMap | undefined {
  return mapIndexes.of(maps).get(ref.entity).find((map) => names.logicalName(map.entitySet) === ref.table);
}

/** The active template of a map; the service lists none only in a shape dwctl does not know. */
export function activeTemplate(map: DwMap, call: string): NonNullable<DwMap["template"]> {
  if (map.template === undefined) {
    throw new DualWriteProtocolError(call, `the map ${map.tName ?? map.entity} has no detail.template (its active version)`);
  }
  return map.template;
}
