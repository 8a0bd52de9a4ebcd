import { randomUUID } from "node:crypto";
import type Database from "better-sqlite3";
import { sql } from "../store/sql.js";

/** Gateway state codes (docs/live-api.md). */
export const STATE = { none: 0, stopped: 1, initialSync: 2, catchUp: 3, running: 4, paused: 5, notRunning: 6 } as const;

export const ACTION = { start: 1, stop: 4, pause: 5, resume: 6, initialSync: 8 } as const;

export interface MapStateRow {
  pid: string;
  entity: string;
  table_name: string;
  state: number;
  next_state: number | null;
  next_at: number | null;
  next_action: number | null;
  /** The initial sync master ("AX" or "CRM"), or the catch-up mode of a resume. */
  next_option: string | null;
  active_tid: string | null;
  last_request_id: string | null;
}

export function getMapState(finops: Database.Database, pid: string): MapStateRow | undefined {
  return sql(finops, "SELECT * FROM map_states WHERE pid = ?").get(pid) as MapStateRow | undefined;
}

export function listMapStates(finops: Database.Database): MapStateRow[] {
  return sql(finops, "SELECT * FROM map_states ORDER BY entity, table_name").all() as MapStateRow[];
}

export function dueMapStates(finops: Database.Database, now: number): MapStateRow[] {
  return sql(finops, "SELECT * FROM map_states WHERE next_at IS NOT NULL AND next_at <= ? ORDER BY next_at").all(now) as MapStateRow[];
}

export function saveMapState(finops: Database.Database, row: MapStateRow): void {
  sql(
    finops,
    `INSERT OR REPLACE INTO map_states (pid, entity, table_name, state, next_state, next_at, next_action, next_option, active_tid, last_request_id)
     VALUES (@pid, @entity, @table_name, @state, @next_state, @next_at, @next_action, @next_option, @active_tid, @last_request_id)`,
  ).run(row);
}

export function newMapState(pid: string, entity: string, table: string): MapStateRow {
  return { pid, entity, table_name: table, state: STATE.notRunning, next_state: null, next_at: null, next_action: null, next_option: null, active_tid: null, last_request_id: null };
}

export function stateOf(row: MapStateRow | undefined): number {
  return row?.state ?? STATE.notRunning;
}

/** Editing a map definition is allowed only when the map does not run (DOMAIN.md section 1). */
export function isIdle(state: number): boolean {
  return state === STATE.none || state === STATE.stopped || state === STATE.notRunning;
}

export const REQUEST_STATUS = { waiting: 1, completed: 2, error: 3 } as const;

export interface RequestRow {
  request_id: string;
  pid: string | null;
  action: string;
  created_at: number;
  complete_at: number;
  status: number;
  message: string;
}

export function createRequest(
  finops: Database.Database,
  request: { pid: string | null; action: string; now: number; completeAt: number; status: number; message: string },
): string {
  const id = randomUUID();
  sql(finops, "INSERT INTO requests (request_id, pid, action, created_at, complete_at, status, message) VALUES (?, ?, ?, ?, ?, ?, ?)").run(
    id,
    request.pid,
    request.action,
    request.now,
    request.completeAt,
    request.status,
    request.message,
  );
  return id;
}

export function getRequest(finops: Database.Database, requestId: string): RequestRow | undefined {
  return sql(finops, "SELECT * FROM requests WHERE request_id = ?").get(requestId) as RequestRow | undefined;
}

/** A request is waiting until its completion time, then shows its final status. */
export function requestView(row: RequestRow, now: number): { status: number; message: string } {
  if (now < row.complete_at) return { status: REQUEST_STATUS.waiting, message: "Waiting" };
  return { status: row.status, message: row.message };
}
