import type Database from "better-sqlite3";
import type { SandboxContext } from "../context.js";
import { dataverseUrl } from "../context.js";
import { deleteAllRows, getRow, listRows, listenToRows, putRow } from "../store/rows.js";
import type { StoredRow } from "../store/rows.js";
import { DatabaseCache } from "../store/cache.js";
import { sql } from "../store/sql.js";
import type { EnvironmentHandles } from "../store/store.js";
import type { RunningMap } from "./definition.js";
import { RUNTIME_SET } from "./definition.js";
import { stableGuid } from "./ids.js";
import { versionParts } from "./mapping.js";
import type { ConnectionSet } from "./service.js";
import { integrationKeyOf } from "./service.js";

export type RuntimeStatus = "Running" | "Paused" | "Stopped";

// Two DualWriteProjectConfiguration rows per map, one per direction (DOMAIN.md §6; CDM DualWriteProjectConfiguration.md).
const LEGS = [
  { suffix: "AXToCRM", filter: "sourceFilter" },
  { suffix: "CRMToAX", filter: "reversedSourceFilter" },
] as const;

function legProjectName(map: RunningMap, suffix: string): string {
  return `${map.projectName}_${suffix}`;
}

/**
 * What starting a map leaves behind: the F&O runtime rows (one per direction) with their field
 * configuration and business event, and a runtime configuration row in the linked Dataverse that
 * names the organization it was written for. These rows are what a database copy carries along.
 */
export function writeRuntimeRows(context: SandboxContext, connection: ConnectionSet, finops: EnvironmentHandles, dataverse: EnvironmentHandles, map: RunningMap): void {
  const key = (integrationKeyOf(context.store.service, connection.cid, map.entitySet) ?? []).join(",");
  const alerts = map.properties["alerts"];
  for (const leg of LEGS) {
    const name = legProjectName(map, leg.suffix);
    const version = Number((sql(finops.finops, "SELECT COALESCE(MAX(version), 0) + 1 AS next FROM project_configs").get() as { next: number }).next);
    sql(finops.finops, "INSERT OR REPLACE INTO project_configs VALUES (?, ?, ?, ?, ?, 'Running', ?, ?, ?, ?)").run(
      name,
      map.table,
      map.entity,
      map.pid,
      dataverse.name,
      connection.legalEntities.join(","),
      map.mapping[leg.filter],
      key,
      version,
    );
    sql(finops.finops, "INSERT OR REPLACE INTO project_field_configs VALUES (?, ?, ?, ?, ?)").run(
      name,
      map.pid,
      JSON.stringify(map.mapping.fields),
      JSON.stringify(lookupUrls(context, dataverse.name, map)),
      JSON.stringify(Array.isArray(alerts) ? alerts : []),
    );
  }
  sql(finops.finops, "INSERT OR REPLACE INTO business_events VALUES (?, ?, ?, ?)").run(`DualWrite_${map.entity}_${map.table}`, map.pid, map.entity, legProjectName(map, "AXToCRM"));
  const id = stableGuid(`dwctl-sandbox-runtime|${map.pid}`);
  const existing = getRow(dataverse.dataverse, RUNTIME_SET, id);
  const stamp = new Date(context.now()).toISOString();
  putRow(dataverse.dataverse, RUNTIME_SET, id, {
    msdyn_dualwriteruntimeconfigid: id,
    msdyn_name: `${map.entitySet} - ${map.entity}`,
    // msdyn_unsecure's shape: DOMAIN.md §6 (third-party map viewer).
    msdyn_unsecure: JSON.stringify({ SourceEntityName: map.table, DestinationEntityName: map.entity, EntityMapVersion: versionParts(map.version) }),
    msdyn_secureconfig: JSON.stringify({ Organization: dataverse.identity.organizationId }),
    createdon: existing?.data["createdon"] ?? stamp,
    modifiedon: stamp,
    statecode: 0,
  });
}

function lookupUrls(context: SandboxContext, dataverseEnv: string, map: RunningMap): string[] {
  const base = `${dataverseUrl(context, dataverseEnv)}/api/data/v9.2/`;
  return map.mapping.fields.flatMap((field) => (field.dv?.includes(".") === true ? [`${base}${field.dv.split(".")[0] ?? ""}`] : []));
}

export function setRuntimeStatus(finops: Database.Database, pid: string, status: RuntimeStatus): void {
  sql(finops, "UPDATE project_configs SET status = ? WHERE pid = ?").run(status, pid);
}

/** Reset link's cleanup of both sides (docs data-entities/dual-write/reset.md). */
export function clearRuntime(finops: Database.Database, dataverse: Database.Database): void {
  for (const table of ["project_configs", "project_field_configs", "business_events"]) sql(finops, `DELETE FROM ${table}`).run();
  deleteAllRows(dataverse, RUNTIME_SET);
}

/**
 * The organization of a runtime row for `table` that is not `organizationId`: what makes the
 * dual-write plug-in refuse writes after a Dataverse copy (docs dual-write-troubleshooting-live-sync.md).
 */
export function foreignRuntimeOrganization(dataverse: Database.Database, table: string, organizationId: string): string | undefined {
  const rows = runtimeIndex(dataverse).byTable.get(table.toLowerCase());
  if (rows === undefined) return undefined;
  // The first in row order, as a listing of the rows would find it.
  let first: RuntimeEntry | undefined;
  for (const entry of rows.values()) {
    if (entry.organization === undefined || entry.organization.toLowerCase() === organizationId.toLowerCase()) continue;
    if (first === undefined || entry.seq < first.seq) first = entry;
  }
  return first?.organization;
}

/** What foreignRuntimeOrganization reads of one runtime row: its place in row order and the organization it names. */
interface RuntimeEntry {
  seq: number;
  organization: string | undefined;
}

/** Runtime rows by lower-cased source table, then by row id: every write to a Dataverse would otherwise parse them all. */
interface RuntimeIndex {
  byTable: Map<string, Map<string, RuntimeEntry>>;
  tableOf: Map<string, string>;
}

const runtimeIndexes = new DatabaseCache<RuntimeIndex>();

function runtimeIndex(dataverse: Database.Database): RuntimeIndex {
  return runtimeIndexes.get(dataverse, () => {
    const index: RuntimeIndex = { byTable: new Map(), tableOf: new Map() };
    for (const row of listRows(dataverse, RUNTIME_SET)) indexRuntimeRow(index, row);
    return index;
  });
}

function indexRuntimeRow(index: RuntimeIndex, row: StoredRow): void {
  const unsecure = parseObject(row.data["msdyn_unsecure"]);
  const organization = parseObject(row.data["msdyn_secureconfig"])["Organization"];
  const table = String(unsecure["SourceEntityName"] ?? "").toLowerCase();
  let rows = index.byTable.get(table);
  if (rows === undefined) {
    rows = new Map();
    index.byTable.set(table, rows);
  }
  rows.set(row.id, { seq: row.seq, organization: typeof organization === "string" ? organization : undefined });
  index.tableOf.set(row.id, table);
}

function unindexRuntimeRow(index: RuntimeIndex, id: string): void {
  const table = index.tableOf.get(id);
  if (table === undefined) return;
  index.tableOf.delete(id);
  const rows = index.byTable.get(table);
  if (rows?.delete(id) === true && rows.size === 0) index.byTable.delete(table);
}

// The index follows every write to the runtime rows; a rollback or a database copy drops it (store/cache.ts).
listenToRows(RUNTIME_SET, {
  put(db, row) {
    const index = runtimeIndexes.peek(db);
    if (index === undefined) return;
    unindexRuntimeRow(index, row.id);
    indexRuntimeRow(index, row);
  },
  delete(db, id) {
    const index = runtimeIndexes.peek(db);
    if (index !== undefined) unindexRuntimeRow(index, id);
  },
  deleteAll(db) {
    const index = runtimeIndexes.peek(db);
    index?.byTable.clear();
    index?.tableOf.clear();
  },
});

function parseObject(value: unknown): Record<string, unknown> {
  if (typeof value !== "string") return {};
  try {
    const parsed: unknown = JSON.parse(value);
    return typeof parsed === "object" && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** The error the dual-write runtime plug-in raises (docs dual-write-troubleshooting-live-sync.md). */
export function secureConfigMessage(source: string, actual: string): string {
  return `SecureConfig Organization (${source}) does not match actual CRM Organization (${actual})`;
}
