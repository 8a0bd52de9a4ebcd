import { randomUUID } from "node:crypto";
import type { SandboxContext, SyncLogEntry } from "../context.js";
import { SYNC_LOG_LIMIT } from "../context.js";
import { ApiError } from "../api/types.js";
import { registerCustomTable, tableByName } from "../dataverse/tables.js";
import { entitySetOf, findEntity } from "../finops/entities.js";
import type { RunningMap } from "../dualwrite/definition.js";
import { runningMapOf } from "../dualwrite/definition.js";
import type { ConnectionSet, MapRow } from "../dualwrite/service.js";
import { STATE, connectionByCid, connectionOfFinOps, connectionsOfDataverse, integrationKeyOf, mapsOfEntities, mapsOfTable, sidesOf } from "../dualwrite/service.js";
import { lookupProperty } from "../odata/query.js";
import { listRows, putRow } from "../store/rows.js";
import { sql } from "../store/sql.js";
import type { EnvironmentHandles } from "../store/store.js";
import { isCompanyColumn, readDataversePath, sameValue, writeDataversePath } from "./lookups.js";
import type { SyncDirection } from "./transform.js";
import { transformRow } from "./transform.js";

type Row = Record<string, unknown>;

interface Sides {
  connection: ConnectionSet;
  finops: EnvironmentHandles;
  dataverse: EnvironmentHandles;
}

/** Dual-write is synchronous: a change on F&O reaches Dataverse in the same call, or the call fails. */
export function syncFromFinOps(context: SandboxContext, environment: EnvironmentHandles, entitySet: string, row: Row): void {
  const connection = connectionOfFinOps(context.store.service, environment.name);
  const sides = connection === undefined ? undefined : sidesOf(context, connection);
  if (connection === undefined || sides === undefined) return;
  const entity = findEntity(environment.finops, entitySet);
  const names = new Set([entitySet, entity?.name, entity?.entitySet].flatMap((name) => (name === undefined ? [] : [name.toLowerCase()])));
  for (const map of mapsOfEntities(context.store.service, connection.cid, names)) route(context, { connection, ...sides }, map, 1, environment.name, row);
}

export function syncFromDataverse(context: SandboxContext, dataverse: EnvironmentHandles, table: string, row: Row): void {
  for (const connection of connectionsOfDataverse(context.store.service, dataverse.name)) {
    const sides = sidesOf(context, connection);
    if (sides === undefined) continue;
    for (const map of mapsOfTable(context.store.service, connection.cid, table)) route(context, { connection, ...sides }, map, 2, dataverse.name, row);
  }
}

function route(context: SandboxContext, sides: Sides, map: MapRow, direction: SyncDirection, sourceEnv: string, row: Row): void {
  const running = runningMapOf(map);
  if (running === undefined || !carries(running, direction)) return;
  if (map.state === STATE.running || map.state === STATE.initialSync) {
    if (direction === 1) writeToDataverse(context, sides, running, row, false);
    else writeToFinOps(context, sides, running, row, false);
  } else if (map.state === STATE.paused || map.state === STATE.catchUp) {
    // Paused maps keep the full sequence of changes, replayed in order on resume (DOMAIN.md §9 FAQ).
    sql(context.store.service, "INSERT INTO change_queue (map_seq, direction, source_env, payload, enqueued_at) VALUES (?, ?, ?, ?, ?)").run(
      map.seq,
      direction,
      sourceEnv,
      JSON.stringify(row),
      context.now(),
    );
  }
}

/**
 * Catch-up on resume (dualwrite-service.md §4): "replay" writes the queue in order; "preserve"
 * skips to live and keeps the queue; "discard" skips to live and drops it.
 */
export type QueueMode = "replay" | "discard" | "preserve";

export function drainQueue(context: SandboxContext, map: MapRow, mode: QueueMode): number {
  if (mode === "preserve") return 0;
  const service = context.store.service;
  const items = sql(service, "SELECT seq, direction, source_env, payload FROM change_queue WHERE map_seq = ? ORDER BY seq").all(map.seq) as {
    seq: number;
    direction: number;
    payload: string;
  }[];
  sql(service, "DELETE FROM change_queue WHERE map_seq = ?").run(map.seq);
  if (mode === "discard") return 0;
  const connection = connectionOfCid(context, map.cid);
  const running = runningMapOf(map);
  if (connection === undefined || running === undefined) return 0;
  let written = 0;
  for (const item of items) {
    const payload: unknown = JSON.parse(item.payload);
    if (typeof payload !== "object" || payload === null) continue;
    try {
      if (item.direction === 1) writeToDataverse(context, connection, running, payload as Row, true);
      else writeToFinOps(context, connection, running, payload as Row, true);
      written++;
    } catch (error) {
      // A change that cannot be written lands in catch-up errors in real life; here it is dropped.
      if (!(error instanceof ApiError)) throw error;
    }
  }
  return written;
}

function connectionOfCid(context: SandboxContext, cid: string): Sides | undefined {
  const connection = connectionByCid(context.store.service, cid);
  const sides = connection === undefined ? undefined : sidesOf(context, connection);
  return connection === undefined || sides === undefined ? undefined : { connection, ...sides };
}

export interface InitialSyncResult {
  /** Per legal entity: rows written and the errors met. */
  companies: Map<string, { upserts: number; errors: { recordId: string; message: string }[] }>;
}

/** Initial sync: every row of both sides through the map; the master's rows are written last, so they win. */
export function initialSync(context: SandboxContext, map: MapRow, master: string): InitialSyncResult {
  const result: InitialSyncResult = { companies: new Map() };
  const sides = connectionOfCid(context, map.cid);
  const running = runningMapOf(map);
  if (sides === undefined || running === undefined) return result;
  for (const company of sides.connection.legalEntities) result.companies.set(company, { upserts: 0, errors: [] });
  const bucket = (company: string): { upserts: number; errors: { recordId: string; message: string }[] } => {
    const key = sides.connection.legalEntities.find((code) => code.toLowerCase() === company.toLowerCase()) ?? sides.connection.legalEntities[0] ?? "";
    let entry = result.companies.get(key);
    if (entry === undefined) {
      entry = { upserts: 0, errors: [] };
      result.companies.set(key, entry);
    }
    return entry;
  };
  const fromFinOps = (): void =>
    copyAll(listRows(sides.finops.finops, entitySetOf(sides.finops.finops, running.entity)), (row) => String(lookupProperty(row.data, "dataAreaId") ?? ""), bucket, (row) =>
      writeToDataverse(context, sides, running, row, false),
    );
  const fromDataverse = (): void =>
    copyAll(listRows(sides.dataverse.dataverse, running.entitySet), () => "", bucket, (row) => writeToFinOps(context, sides, running, row, false));
  const order: [SyncDirection, () => void][] = master === "AX" ? [[2, fromDataverse], [1, fromFinOps]] : [[1, fromFinOps], [2, fromDataverse]];
  for (const [direction, copy] of order) if (carries(running, direction)) copy();
  return result;
}

/**
 * Whether any field mapping of the map syncs in this direction (1 = F&O to Dataverse, 2 = Dataverse
 * to F&O). A map whose fields all go one way, such as Microsoft's Operating unit and Legal entities
 * maps to msdyn_internalorganizations (every row ">"), writes nothing the other way: neither on a
 * live change nor in its initial sync.
 */
function carries(map: RunningMap, direction: SyncDirection): boolean {
  return map.mapping.fields.some((field) => field.direction === 3 || field.direction === direction);
}

function copyAll(
  rows: readonly { id: string; data: Row }[],
  companyOf: (row: { data: Row }) => string,
  bucket: (company: string) => { upserts: number; errors: { recordId: string; message: string }[] },
  write: (row: Row) => void,
): void {
  for (const row of rows) {
    const entry = bucket(companyOf(row));
    try {
      write(row.data);
      entry.upserts++;
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      entry.errors.push({ recordId: row.id, message: error.message });
    }
  }
}

function keyColumns(context: SandboxContext, map: RunningMap): string[] {
  const key = integrationKeyOf(context.store.service, map.cid, map.entitySet);
  if (key === undefined || key.length === 0) {
    throw new ApiError(400, "DualWriteSyncFailed", `Dual-write could not sync ${map.entity}: table ${map.table} has no integration key.`);
  }
  return key;
}

function foFieldOf(map: RunningMap, column: string): string {
  const field = map.mapping.fields.find((candidate) => candidate.dv !== null && candidate.dv.toLowerCase() === column.toLowerCase() && candidate.fo !== null);
  if (field?.fo == null) {
    throw new ApiError(400, "DualWriteSyncFailed", `Dual-write could not sync ${map.entity}: integration key column ${column} is not mapped.`);
  }
  return field.fo;
}

function finOpsKey(map: RunningMap, columns: readonly string[], row: Row): string[] {
  return columns.map((column) => {
    if (isCompanyColumn(column)) return String(lookupProperty(row, "dataAreaId") ?? "").toUpperCase();
    return String(lookupProperty(row, foFieldOf(map, column)) ?? "");
  });
}

function dataverseKey(dataverse: EnvironmentHandles, map: RunningMap, columns: readonly string[], row: Row): string[] {
  return columns.map((column) => {
    const value = String(readDataversePath(dataverse.dataverse, map.table, row, column) ?? "");
    return isCompanyColumn(column) ? value.toUpperCase() : value;
  });
}

function requireKey(map: RunningMap, columns: readonly string[], key: readonly string[]): void {
  const missing = columns.filter((_, index) => key[index] === "");
  if (missing.length > 0) {
    throw new ApiError(400, "DualWriteSyncFailed", `Dual-write could not sync ${map.entity}: no value for integration key column(s) ${missing.join(", ")}.`);
  }
}

function writeToDataverse(context: SandboxContext, sides: Sides, map: RunningMap, source: Row, replayed: boolean): void {
  const dataverse = sides.dataverse;
  const columns = keyColumns(context, map);
  const key = finOpsKey(map, columns, source);
  requireKey(map, columns, key);
  const values = transformRow(map.mapping.fields, (name) => lookupProperty(source, name), 1);
  const db = dataverse.dataverse;
  const existing = listRows(db, map.entitySet).find((row) => sameKey(dataverseKey(dataverse, map, columns, row.data), key));
  if (tableByName(db, map.table) === undefined) registerCustomTable(db, map.table, map.entitySet);
  const primary = `${map.table}id`;
  const id = existing?.id ?? randomUUID();
  const stamp = new Date(context.now()).toISOString();
  const target: Row = existing === undefined ? { [primary]: id, createdon: stamp, statecode: 0 } : { ...existing.data };
  for (const [name, value] of Object.entries(values)) writeDataversePath(db, map.table, target, name, value);
  columns.forEach((column, index) => {
    if (isCompanyColumn(column)) writeDataversePath(db, map.table, target, column, key[index]);
  });
  target["modifiedon"] = stamp;
  putRow(db, map.entitySet, id, target);
  log(context, { pid: map.pid, direction: "toDataverse", environment: dataverse.name, entitySet: map.entitySet, id, replayed, values });
}

function writeToFinOps(context: SandboxContext, sides: Sides, map: RunningMap, source: Row, replayed: boolean): void {
  const { finops: environment, dataverse } = sides;
  const columns = keyColumns(context, map);
  const key = dataverseKey(dataverse, map, columns, source);
  requireKey(map, columns, key);
  const values = transformRow(map.mapping.fields, (name) => readDataversePath(dataverse.dataverse, map.table, source, name), 2);
  columns.forEach((column, index) => {
    if (isCompanyColumn(column)) values["dataAreaId"] = (key[index] ?? "").toLowerCase();
  });
  const db = environment.finops;
  const entitySet = entitySetOf(db, map.entity);
  const existing = listRows(db, entitySet).find((row) => sameKey(finOpsKey(map, columns, row.data), key));
  const id = existing?.id ?? randomUUID();
  const target: Row = existing === undefined ? {} : { ...existing.data };
  const properties = findEntity(db, map.entity)?.properties.map((property) => property.Name) ?? [];
  for (const [name, value] of Object.entries(values)) {
    const lower = name.toLowerCase();
    const canonical = properties.find((property) => property.toLowerCase() === lower) ?? Object.keys(target).find((property) => property.toLowerCase() === lower);
    target[canonical ?? name] = value;
  }
  putRow(db, entitySet, id, target);
  log(context, { pid: map.pid, direction: "toFinOps", environment: environment.name, entitySet, id, replayed, values });
}

function sameKey(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value, index) => sameValue(value, b[index]) || (value === "" && b[index] === ""));
}

function log(context: SandboxContext, entry: Omit<SyncLogEntry, "at">): void {
  context.syncLog.push({ at: new Date(context.now()).toISOString(), ...entry });
  if (context.syncLog.length > SYNC_LOG_LIMIT) context.syncLog.splice(0, context.syncLog.length - SYNC_LOG_LIMIT);
}
