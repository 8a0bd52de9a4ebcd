import type Database from "better-sqlite3";
import type { SandboxContext } from "../context.js";
import { logicalNameOfSet, tableBySet } from "../dataverse/tables.js";
import { listRows } from "../store/rows.js";
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

export function mapVersions(dataverse: Database.Database): MapVersion[] {
  return listRows(dataverse, MAP_SET).flatMap((row) => {
    const mapping = parseMapping(row.data["msdyn_mapping"]);
    if (mapping === undefined) return [];
    const table = tableOfSet(dataverse, mapping.entitySet);
    const name = row.data["msdyn_name"];
    const version = row.data["msdyn_version"];
    return [
      {
        tid: row.id,
        name: typeof name === "string" ? name : mapping.name,
        version: typeof version === "string" ? version : "1.0.0.0",
        seq: row.seq,
        entity: mapping.entity,
        table,
        mapping,
        properties: parseJsonText(row.data["msdyn_properties"]),
      },
    ];
  });
}

export function tableOfSet(dataverse: Database.Database, entitySet: string): string {
  return tableBySet(dataverse, entitySet)?.logicalName ?? logicalNameOfSet(entitySet);
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
    const chosen = activeTid(pid);
    const active = group.find((version) => version.tid === chosen) ?? group[0];
    if (active === undefined) continue;
    maps.push({ pid, entity: active.entity, table: active.table, entitySet: active.mapping.entitySet, versions: group, active });
  }
  return maps;
}

/** The maps the service shows for a finance and operations environment: read from the Dataverse its link names. */
export function serviceMaps(context: SandboxContext, environment: EnvironmentHandles): ServiceMap[] {
  const linked = linkedDataverse(context, environment);
  if (linked === undefined) return [];
  const active = new Map(listMapStates(environment.finops).map((row) => [row.pid, row.active_tid]));
  return groupMaps(mapVersions(linked.dataverse.dataverse), (pid) => active.get(pid));
}

export function findServiceMap(context: SandboxContext, environment: EnvironmentHandles, pid: string): ServiceMap | undefined {
  return serviceMaps(context, environment).find((map) => map.pid === pid.toLowerCase());
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
