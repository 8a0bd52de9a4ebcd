import type Database from "better-sqlite3";
import { logicalNameOfSet, tableBySet } from "../dataverse/tables.js";
import { getRow } from "../store/rows.js";
import type { StoredRow } from "../store/rows.js";
import type { ParsedMapping } from "./mapping.js";
import { parseJsonText, parseMapping } from "./mapping.js";
import type { MapRow, TemplateRow } from "./service.js";
import { templateById } from "./service.js";

/** The Dataverse table that holds map definitions (DOMAIN.md §6; docs app-lifecycle-management.md). */
export const MAP_SET = "msdyn_dualwriteentitymaps";
/** The Dataverse table of the dual-write runtime configuration (docs dual-write-troubleshooting-live-sync.md). */
export const RUNTIME_SET = "msdyn_dualwriteruntimeconfigs";

/** A map as it runs: the definition read from its row when it started. */
export interface RunningMap {
  seq: number;
  cid: string;
  pid: string;
  projectName: string;
  entity: string;
  table: string;
  entitySet: string;
  version: string;
  mapping: ParsedMapping;
  properties: Record<string, unknown>;
}

/** What a row says: its mapping, properties and version. */
export interface Definition {
  rowId: string;
  raw: Record<string, unknown>;
  mapping: ParsedMapping;
  properties: Record<string, unknown>;
  version: string;
}

export function tableOfSet(dataverse: Database.Database, entitySet: string): string {
  return tableBySet(dataverse, entitySet)?.logicalName ?? logicalNameOfSet(entitySet);
}

export function definitionOfRow(row: StoredRow): Definition | undefined {
  const mapping = parseMapping(row.data["msdyn_mapping"]);
  if (mapping === undefined) return undefined;
  const version = row.data["msdyn_version"];
  return {
    rowId: row.id,
    raw: row.data,
    mapping,
    properties: parseJsonText(row.data["msdyn_properties"]),
    version: typeof version === "string" && version !== "" ? version : "1.0.0.0",
  };
}

/** The row a template points at, read now: a row edited after Apply Solution is read as it is now. */
export function definitionOfTemplate(dataverse: Database.Database, template: TemplateRow | undefined): Definition | undefined {
  if (template === undefined) return undefined;
  const row = getRow(dataverse, MAP_SET, template.row_id);
  return row === undefined ? undefined : definitionOfRow(row);
}

export function activeDefinition(service: Database.Database, dataverse: Database.Database, map: MapRow): Definition | undefined {
  return definitionOfTemplate(dataverse, templateById(service, map.active_template));
}

/** The frozen definition a started map runs with. */
export function runningMapOf(map: MapRow): RunningMap | undefined {
  if (map.running_definition === null || map.pid === null) return undefined;
  const frozen = parseJsonText(map.running_definition);
  const mapping = parseMapping(frozen["mapping"]);
  if (mapping === undefined) return undefined;
  const version = frozen["version"];
  return {
    seq: map.seq,
    cid: map.cid,
    pid: map.pid,
    projectName: map.project_name ?? map.pid,
    entity: map.entity,
    table: map.table_name,
    entitySet: map.entity_set,
    version: typeof version === "string" ? version : "1.0.0.0",
    mapping,
    properties: parseJsonText(frozen["properties"]),
  };
}

export function freeze(definition: Definition): string {
  return JSON.stringify({ mapping: definition.raw["msdyn_mapping"] ?? null, properties: definition.raw["msdyn_properties"] ?? null, version: definition.version });
}

/** "1.0.0.3" -> a System.Version as the service serialises it (fixtures/get-entities.response.json). */
export function versionObject(version: string): Record<string, number> {
  const [major, minor, build, revision] = version.split(".").map((part) => Number.parseInt(part, 10));
  const number = (value: number | undefined): number => (value === undefined || Number.isNaN(value) ? 0 : value);
  const rev = number(revision);
  // System.Version: MajorRevision and MinorRevision are the high and low 16 bits of Revision.
  return { major: number(major), minor: number(minor), build: number(build), revision: rev, majorRevision: rev >> 16, minorRevision: rev & 0xffff };
}
