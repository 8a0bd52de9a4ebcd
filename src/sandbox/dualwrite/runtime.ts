import type Database from "better-sqlite3";
import type { SandboxContext } from "../context.js";
import { dataverseUrl } from "../context.js";
import { deleteAllRows, getRow, putRow } from "../store/rows.js";
import { sql } from "../store/sql.js";
import type { EnvironmentHandles } from "../store/store.js";
import { stableGuid } from "./ids.js";
import { integrationKeyOf } from "./integration-keys.js";
import type { Link } from "./link.js";
import type { ServiceMap } from "./maps.js";
import { RUNTIME_SET } from "./maps.js";
import { versionParts } from "./mapping.js";

export type RuntimeStatus = "Running" | "Paused" | "Stopped";

const LEGS = [
  { suffix: "AXToCRM", filter: "sourceFilter" },
  { suffix: "CRMToAX", filter: "reversedSourceFilter" },
] as const;

export function projectName(map: ServiceMap, suffix: string): string {
  return `${map.entity}_${map.table}_${suffix}`;
}

/**
 * What starting a map leaves behind: two DualWriteProjectConfiguration rows (one per direction)
 * with their field configuration and business event in F&O, and a runtime configuration row for
 * the Dataverse-sourced leg in the linked Dataverse. These rows are what a database copy carries along.
 */
export function writeRuntimeRows(context: SandboxContext, environment: EnvironmentHandles, dataverse: EnvironmentHandles, map: ServiceMap, link: Link): void {
  const finops = environment.finops;
  const key = (integrationKeyOf(finops, map.table) ?? []).join(",");
  const alerts = map.active.properties["alerts"];
  for (const leg of LEGS) {
    const name = projectName(map, leg.suffix);
    const version = Number((sql(finops, "SELECT COALESCE(MAX(version), 0) + 1 AS next FROM project_configs").get() as { next: number }).next);
    sql(finops, "INSERT OR REPLACE INTO project_configs VALUES (?, ?, ?, ?, ?, 'Running', ?, ?, ?, ?)").run(
      name,
      map.table,
      map.entity,
      map.pid,
      link.dataverseEnv,
      link.legalEntities.join(","),
      map.active.mapping[leg.filter],
      key,
      version,
    );
    sql(finops, "INSERT OR REPLACE INTO project_field_configs VALUES (?, ?, ?, ?, ?)").run(
      name,
      map.pid,
      JSON.stringify(map.active.mapping.fields),
      JSON.stringify(lookupUrls(context, link, map)),
      JSON.stringify(Array.isArray(alerts) ? alerts : []),
    );
  }
  sql(finops, "INSERT OR REPLACE INTO business_events VALUES (?, ?, ?, ?)").run(`DualWrite_${map.entity}_${map.table}`, map.pid, map.entity, projectName(map, "AXToCRM"));
  const id = stableGuid(`dwctl-sandbox-runtime|${map.pid}`);
  const existing = getRow(dataverse.dataverse, RUNTIME_SET, id);
  const stamp = new Date(context.now()).toISOString();
  putRow(dataverse.dataverse, RUNTIME_SET, id, {
    msdyn_dualwriteruntimeconfigid: id,
    msdyn_name: `${map.entitySet} - ${map.entity}`,
    msdyn_unsecure: JSON.stringify({ SourceEntityName: map.table, DestinationEntityName: map.entity, EntityMapVersion: versionParts(map.active.version) }),
    createdon: existing?.data["createdon"] ?? stamp,
    modifiedon: stamp,
    statecode: 0,
  });
}

function lookupUrls(context: SandboxContext, link: Link, map: ServiceMap): string[] {
  const base = `${dataverseUrl(context, link.dataverseEnv)}/api/data/v9.2/`;
  return map.active.mapping.fields.flatMap((field) => (field.dv?.includes(".") === true ? [`${base}${field.dv.split(".")[0] ?? ""}`] : []));
}

export function setRuntimeStatus(finops: Database.Database, pid: string, status: RuntimeStatus): void {
  sql(finops, "UPDATE project_configs SET status = ? WHERE pid = ?").run(status, pid);
}

/** What Reset link clears (DOMAIN.md section 5). */
export function clearRuntime(finops: Database.Database, dataverse: Database.Database): void {
  for (const table of ["project_configs", "project_field_configs", "business_events", "integration_keys", "map_states", "change_queue"]) {
    sql(finops, `DELETE FROM ${table}`).run();
  }
  deleteAllRows(dataverse, RUNTIME_SET);
}
