import { randomUUID } from "node:crypto";
import type { SandboxContext, SyncLogEntry } from "../context.js";
import { SYNC_LOG_LIMIT } from "../context.js";
import { ApiError } from "../api/types.js";
import { registerCustomTable, tableByName } from "../dataverse/tables.js";
import { entitySetOf, findEntity } from "../finops/entities.js";
import { integrationKeyOf } from "../dualwrite/integration-keys.js";
import { linkedDataverse, readLink } from "../dualwrite/link.js";
import type { ServiceMap } from "../dualwrite/maps.js";
import { findServiceMap, serviceMapsOfEntity, serviceMapsOfTable } from "../dualwrite/maps.js";
import { STATE, getMapState, stateOf } from "../dualwrite/state.js";
import { lookupProperty } from "../odata/query.js";
import { listRows, putRow } from "../store/rows.js";
import { sql } from "../store/sql.js";
import type { EnvironmentHandles } from "../store/store.js";
import { isCompanyColumn, readDataversePath, sameValue, writeDataversePath } from "./lookups.js";
import type { SyncDirection } from "./transform.js";
import { transformRow } from "./transform.js";

type Row = Record<string, unknown>;

/** Dual-write is synchronous: a change on F&O reaches Dataverse in the same call, or the call fails. */
export function syncFromFinOps(context: SandboxContext, environment: EnvironmentHandles, entitySet: string, row: Row): void {
  const linked = linkedDataverse(context, environment);
  if (linked === undefined) return;
  const entity = findEntity(environment.finops, entitySet);
  const names = new Set([entitySet.toLowerCase(), entity?.name.toLowerCase(), entity?.entitySet.toLowerCase()]);
  for (const map of serviceMapsOfEntity(context, environment, names)) {
    route(context, environment, map, 1, environment.name, row, () => writeToDataverse(context, environment, linked.dataverse, map, row, false));
  }
}

export function syncFromDataverse(context: SandboxContext, dataverse: EnvironmentHandles, table: string, row: Row): void {
  for (const environment of context.store.all()) {
    if (readLink(environment.finops)?.dataverseEnv !== dataverse.name) continue;
    for (const map of serviceMapsOfTable(context, environment, table)) {
      route(context, environment, map, 2, dataverse.name, row, () => writeToFinOps(context, environment, dataverse, map, row, false));
    }
  }
}

function route(context: SandboxContext, environment: EnvironmentHandles, map: ServiceMap, direction: SyncDirection, sourceEnv: string, row: Row, write: () => void): void {
  const state = stateOf(getMapState(environment.finops, map.pid));
  if (state === STATE.running || state === STATE.initialSync) write();
  else if (state === STATE.paused || state === STATE.catchUp) {
    // Paused maps keep the full sequence of changes, replayed in order on resume (A -> B -> C).
    sql(environment.finops, "INSERT INTO change_queue (pid, direction, source_env, payload, enqueued_at) VALUES (?, ?, ?, ?, ?)").run(
      map.pid,
      direction,
      sourceEnv,
      JSON.stringify(row),
      context.now(),
    );
  }
}

export type QueueMode = "replay" | "discard" | "preserve";

/** Catch-up after resume: replays the queued changes of one map in order; returns how many were written. */
export function drainQueue(context: SandboxContext, environment: EnvironmentHandles, pid: string, mode: QueueMode): number {
  if (mode === "preserve") return 0;
  const items = sql(environment.finops, "SELECT seq, direction, source_env, payload FROM change_queue WHERE pid = ? ORDER BY seq").all(pid) as {
    seq: number;
    direction: number;
    source_env: string;
    payload: string;
  }[];
  sql(environment.finops, "DELETE FROM change_queue WHERE pid = ?").run(pid);
  if (mode === "discard") return 0;
  const map = findServiceMap(context, environment, pid);
  const linked = linkedDataverse(context, environment);
  if (map === undefined || linked === undefined) return 0;
  let written = 0;
  for (const item of items) {
    const payload: unknown = JSON.parse(item.payload);
    if (typeof payload !== "object" || payload === null) continue;
    try {
      if (item.direction === 1) writeToDataverse(context, environment, linked.dataverse, map, payload as Row, true);
      else writeToFinOps(context, environment, context.store.env(item.source_env) ?? linked.dataverse, map, payload as Row, true);
      written++;
    } catch (error) {
      // A change that cannot be written lands in catch-up errors in real life; here it is dropped.
      if (!(error instanceof ApiError)) throw error;
    }
  }
  return written;
}

/** Initial sync: every row of both sides through the map; the master's rows are written last, so they win. */
export function initialSync(context: SandboxContext, environment: EnvironmentHandles, map: ServiceMap, master: string): number {
  const linked = linkedDataverse(context, environment);
  if (linked === undefined) return 0;
  const dataverse = linked.dataverse;
  const fromFinOps = (): number => copyAll(listRows(environment.finops, entitySetOf(environment.finops, map.entity)), (row) => writeToDataverse(context, environment, dataverse, map, row, false));
  const fromDataverse = (): number => copyAll(listRows(dataverse.dataverse, map.entitySet), (row) => writeToFinOps(context, environment, dataverse, map, row, false));
  return master === "AX" ? fromDataverse() + fromFinOps() : fromFinOps() + fromDataverse();
}

function copyAll(rows: readonly { data: Row }[], write: (row: Row) => void): number {
  let written = 0;
  for (const row of rows) {
    try {
      write(row.data);
      written++;
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
    }
  }
  return written;
}

function keyColumns(environment: EnvironmentHandles, map: ServiceMap): string[] {
  const key = integrationKeyOf(environment.finops, map.table);
  if (key === undefined || key.length === 0) {
    throw new ApiError(400, "DualWriteSyncFailed", `Dual-write could not sync ${map.entity}: table ${map.table} has no integration key.`);
  }
  return key;
}

function foFieldOf(map: ServiceMap, column: string): string {
  const field = map.active.mapping.fields.find((candidate) => candidate.dv !== null && candidate.dv.toLowerCase() === column.toLowerCase() && candidate.fo !== null);
  if (field?.fo == null) {
    throw new ApiError(400, "DualWriteSyncFailed", `Dual-write could not sync ${map.entity}: integration key column ${column} is not mapped.`);
  }
  return field.fo;
}

function finOpsKey(map: ServiceMap, columns: readonly string[], row: Row): string[] {
  return columns.map((column) => {
    if (isCompanyColumn(column)) return String(lookupProperty(row, "dataAreaId") ?? "").toUpperCase();
    return String(lookupProperty(row, foFieldOf(map, column)) ?? "");
  });
}

function dataverseKey(dataverse: EnvironmentHandles, map: ServiceMap, columns: readonly string[], row: Row): string[] {
  return columns.map((column) => {
    const value = String(readDataversePath(dataverse.dataverse, map.table, row, column) ?? "");
    return isCompanyColumn(column) ? value.toUpperCase() : value;
  });
}

function requireKey(map: ServiceMap, columns: readonly string[], key: readonly string[]): void {
  const missing = columns.filter((_, index) => key[index] === "");
  if (missing.length > 0) {
    throw new ApiError(400, "DualWriteSyncFailed", `Dual-write could not sync ${map.entity}: no value for integration key column(s) ${missing.join(", ")}.`);
  }
}

function writeToDataverse(context: SandboxContext, environment: EnvironmentHandles, dataverse: EnvironmentHandles, map: ServiceMap, source: Row, replayed: boolean): void {
  const columns = keyColumns(environment, map);
  const key = finOpsKey(map, columns, source);
  requireKey(map, columns, key);
  const values = transformRow(map.active.mapping.fields, (name) => lookupProperty(source, name), 1);
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

function writeToFinOps(context: SandboxContext, environment: EnvironmentHandles, dataverse: EnvironmentHandles, map: ServiceMap, source: Row, replayed: boolean): void {
  const columns = keyColumns(environment, map);
  const key = dataverseKey(dataverse, map, columns, source);
  requireKey(map, columns, key);
  const values = transformRow(map.active.mapping.fields, (name) => readDataversePath(dataverse.dataverse, map.table, source, name), 2);
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
