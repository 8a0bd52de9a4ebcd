import type Database from "better-sqlite3";
import type { SandboxContext } from "../context.js";
import { listenToNewTables, logicalNameOfSet, tableBySet } from "../dataverse/tables.js";
import { DatabaseCache } from "../store/cache.js";
import type { StoredRow } from "../store/rows.js";
import { listRows, listenToRows } from "../store/rows.js";
import type { EnvironmentHandles } from "../store/store.js";
import { pidFor } from "./ids.js";
import { linkedDataverse } from "./link.js";
import type { ParsedMapping } from "./mapping.js";
import { parseJsonText, parseMapping } from "./mapping.js";
import { getMapState, listMapStates } from "./state.js";

export const MAP_SET = "msdyn_dualwriteentitymaps";
export const RUNTIME_SET = "msdyn_dualwriteruntimeconfigs";

export interface MapVersion {
  tid: string;
  name: string;
  version: string;
  seq: number;
  entity: string;
  table: string;
  mapping: ParsedMapping;
  properties: Record<string, unknown>;
}

/** A map of the service: an entity pair with at least one saved version in the linked Dataverse. */
export interface ServiceMap {
  pid: string;
  entity: string;
  table: string;
  entitySet: string;
  versions: MapVersion[];
  active: MapVersion;
}

/**
 * The decoded map rows of one Dataverse database, indexed so a call about one map costs the same
 * with ten maps or ten thousand. Built from the rows on first use, then kept in step with every
 * write of a map row (putRow, deleteRow, deleteAllRows) and every table registered; dropped with
 * the database (copy-db, reset) or when a transaction that wrote to it rolls back.
 */
interface MapIndex {
  /** Every decoded version, by template id (its row id). */
  versions: Map<string, MapVersion>;
  /** The versions of each entity pair (project id), oldest first; never empty. */
  groups: Map<string, MapVersion[]>;
  /** Project ids by lower-cased table and by lower-cased entity. */
  byTable: Map<string, Set<string>>;
  byEntity: Map<string, Set<string>>;
  /** Template ids by the entity set their mapping names: their table changes when that set is registered. */
  bySet: Map<string, Set<string>>;
}

const indexes = new DatabaseCache<MapIndex>();

function mapIndex(dataverse: Database.Database): MapIndex {
  return indexes.get(dataverse, () => {
    const index: MapIndex = { versions: new Map(), groups: new Map(), byTable: new Map(), byEntity: new Map(), bySet: new Map() };
    for (const row of listRows(dataverse, MAP_SET)) addVersion(index, decodeVersion(dataverse, row));
    return index;
  });
}

listenToRows(MAP_SET, {
  put(db, row) {
    const index = indexes.peek(db);
    if (index === undefined) return;
    removeVersion(index, row.id);
    addVersion(index, decodeVersion(db, row));
  },
  delete(db, id) {
    const index = indexes.peek(db);
    if (index !== undefined) removeVersion(index, id);
  },
  deleteAll(db) {
    indexes.forget(db);
  },
});

listenToNewTables((db, table) => {
  const index = indexes.peek(db);
  const tids = index?.bySet.get(table.entitySet);
  if (index === undefined || tids === undefined) return;
  for (const tid of [...tids]) {
    const version = index.versions.get(tid);
    if (version === undefined) continue;
    removeVersion(index, tid);
    addVersion(index, { ...version, table: table.logicalName });
  }
});

function decodeVersion(dataverse: Database.Database, row: StoredRow): MapVersion | undefined {
  const mapping = parseMapping(row.data["msdyn_mapping"]);
  if (mapping === undefined) return undefined;
  const name = row.data["msdyn_name"];
  const version = row.data["msdyn_version"];
  return {
    tid: row.id,
    name: typeof name === "string" ? name : mapping.name,
    version: typeof version === "string" ? version : "1.0.0.0",
    seq: row.seq,
    entity: mapping.entity,
    table: tableOfSet(dataverse, mapping.entitySet),
    mapping,
    properties: parseJsonText(row.data["msdyn_properties"]),
  };
}

function addTo<K, V>(index: Map<K, Set<V>>, key: K, value: V): void {
  const set = index.get(key);
  if (set === undefined) index.set(key, new Set([value]));
  else set.add(value);
}

function removeFrom<K, V>(index: Map<K, Set<V>>, key: K, value: V): void {
  const set = index.get(key);
  if (set === undefined) return;
  set.delete(value);
  if (set.size === 0) index.delete(key);
}

function addVersion(index: MapIndex, version: MapVersion | undefined): void {
  if (version === undefined) return;
  const pid = pidFor(version.entity, version.table);
  index.versions.set(version.tid, version);
  addTo(index.bySet, version.mapping.entitySet, version.tid);
  const group = index.groups.get(pid);
  if (group === undefined) {
    index.groups.set(pid, [version]);
    addTo(index.byTable, version.table.toLowerCase(), pid);
    addTo(index.byEntity, version.entity.toLowerCase(), pid);
    return;
  }
  const after = group.findIndex((other) => other.seq > version.seq);
  group.splice(after < 0 ? group.length : after, 0, version);
}

function removeVersion(index: MapIndex, tid: string): void {
  const version = index.versions.get(tid);
  if (version === undefined) return;
  const pid = pidFor(version.entity, version.table);
  index.versions.delete(tid);
  removeFrom(index.bySet, version.mapping.entitySet, tid);
  const group = index.groups.get(pid)?.filter((other) => other.tid !== tid) ?? [];
  if (group.length > 0) {
    index.groups.set(pid, group);
    return;
  }
  index.groups.delete(pid);
  removeFrom(index.byTable, version.table.toLowerCase(), pid);
  removeFrom(index.byEntity, version.entity.toLowerCase(), pid);
}

function firstSeq(map: ServiceMap): number {
  return map.versions[0]?.seq ?? 0;
}

/** Every saved version that names an entity pair, in the order saved. */
export function mapVersions(dataverse: Database.Database): MapVersion[] {
  return [...mapIndex(dataverse).versions.values()].sort((a, b) => a.seq - b.seq);
}

export function tableOfSet(dataverse: Database.Database, entitySet: string): string {
  return tableBySet(dataverse, entitySet)?.logicalName ?? logicalNameOfSet(entitySet);
}

/** One entity pair's map: its versions, oldest first; the active one is the stored choice or else the first saved. */
function serviceMapOf(pid: string, group: readonly MapVersion[], chosen: string | null | undefined): ServiceMap | undefined {
  const active = group.find((version) => version.tid === chosen) ?? group[0];
  if (active === undefined) return undefined;
  return { pid, entity: active.entity, table: active.table, entitySet: active.mapping.entitySet, versions: [...group], active };
}

/** Versions grouped by entity pair, oldest first; the active one is the stored choice or else the first saved. */
export function groupMaps(versions: readonly MapVersion[], activeTid: (pid: string) => string | null | undefined): ServiceMap[] {
  const groups = new Map<string, MapVersion[]>();
  for (const version of versions) {
    const pid = pidFor(version.entity, version.table);
    const group = groups.get(pid) ?? [];
    group.push(version);
    groups.set(pid, group);
  }
  const maps: ServiceMap[] = [];
  for (const [pid, group] of groups) {
    group.sort((a, b) => a.seq - b.seq);
    const map = serviceMapOf(pid, group, activeTid(pid));
    if (map !== undefined) maps.push(map);
  }
  return maps;
}

/** The maps the service shows for a finance and operations environment: read from the Dataverse its link names. */
export function serviceMaps(context: SandboxContext, environment: EnvironmentHandles): ServiceMap[] {
  const linked = linkedDataverse(context, environment);
  if (linked === undefined) return [];
  const active = new Map(listMapStates(environment.finops).map((row) => [row.pid, row.active_tid]));
  const maps: ServiceMap[] = [];
  for (const [pid, group] of mapIndex(linked.dataverse.dataverse).groups) {
    const map = serviceMapOf(pid, group, active.get(pid));
    if (map !== undefined) maps.push(map);
  }
  // In the order their first version was saved, as a scan of the rows finds them.
  return maps.sort((a, b) => firstSeq(a) - firstSeq(b));
}

/** The maps of some entity pairs, built one by one, in the order serviceMaps lists them. */
function mapsOf(environment: EnvironmentHandles, index: MapIndex, pids: Iterable<string>): ServiceMap[] {
  const maps: ServiceMap[] = [];
  for (const pid of new Set(pids)) {
    const group = index.groups.get(pid);
    const map = group === undefined ? undefined : serviceMapOf(pid, group, getMapState(environment.finops, pid)?.active_tid);
    if (map !== undefined) maps.push(map);
  }
  return maps.sort((a, b) => firstSeq(a) - firstSeq(b));
}

export function findServiceMap(context: SandboxContext, environment: EnvironmentHandles, pid: string): ServiceMap | undefined {
  const linked = linkedDataverse(context, environment);
  if (linked === undefined) return undefined;
  return mapsOf(environment, mapIndex(linked.dataverse.dataverse), [pid.toLowerCase()])[0];
}

/** The map one version (template id) belongs to. */
export function findServiceMapOfTemplate(context: SandboxContext, environment: EnvironmentHandles, tid: string): ServiceMap | undefined {
  const linked = linkedDataverse(context, environment);
  if (linked === undefined) return undefined;
  const version = mapIndex(linked.dataverse.dataverse).versions.get(tid);
  return version === undefined ? undefined : findServiceMap(context, environment, pidFor(version.entity, version.table));
}

/** The maps whose table is exactly `table`, in the order serviceMaps lists them. */
export function serviceMapsOfTable(context: SandboxContext, environment: EnvironmentHandles, table: string): ServiceMap[] {
  const linked = linkedDataverse(context, environment);
  if (linked === undefined) return [];
  const index = mapIndex(linked.dataverse.dataverse);
  return mapsOf(environment, index, index.byTable.get(table.toLowerCase()) ?? []).filter((map) => map.table === table);
}

/** The maps whose entity, lower-cased, is one of `names`, in the order serviceMaps lists them. */
export function serviceMapsOfEntity(context: SandboxContext, environment: EnvironmentHandles, names: ReadonlySet<string | undefined>): ServiceMap[] {
  const linked = linkedDataverse(context, environment);
  if (linked === undefined) return [];
  const index = mapIndex(linked.dataverse.dataverse);
  const pids = [...names].flatMap((name) => (name === undefined ? [] : [...(index.byEntity.get(name) ?? [])]));
  return mapsOf(environment, index, pids).filter((map) => names.has(map.entity.toLowerCase()));
}

/** The highest state any finance and operations environment linked to this Dataverse holds for the pair. */
export function busyStateFor(context: SandboxContext, dataverseEnv: string, entity: string, table: string): number | undefined {
  const pid = pidFor(entity, table);
  for (const environment of context.store.all()) {
    const linked = linkedDataverse(context, environment);
    if (linked?.link.dataverseEnv !== dataverseEnv) continue;
    const state = getMapState(environment.finops, pid)?.state;
    if (state !== undefined && state !== 0 && state !== 1 && state !== 6) return state;
  }
  return undefined;
}
