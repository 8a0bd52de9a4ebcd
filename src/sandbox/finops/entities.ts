import type Database from "better-sqlite3";
import type { EntityProperty, EnumSeed } from "../store/catalog.js";
import { sql } from "../store/sql.js";

export interface EntityInfo {
  name: string;
  entitySet: string;
  companySpecific: boolean;
  properties: EntityProperty[];
}

interface EntityRow {
  name: string;
  entity_set: string;
  company_specific: number;
  properties: string;
}

function toInfo(row: EntityRow): EntityInfo {
  const properties: unknown = JSON.parse(row.properties);
  return { name: row.name, entitySet: row.entity_set, companySpecific: row.company_specific === 1, properties: Array.isArray(properties) ? (properties as EntityProperty[]) : [] };
}

export function listEntities(finops: Database.Database): EntityInfo[] {
  return (sql(finops, "SELECT * FROM entities ORDER BY name").all() as EntityRow[]).map(toInfo);
}

/** By public entity name or entity set name, case-insensitively: maps name entities either way. */
export function findEntity(finops: Database.Database, name: string): EntityInfo | undefined {
  const row = sql(finops, "SELECT * FROM entities WHERE lower(name) = lower(?) OR lower(entity_set) = lower(?) ORDER BY name = ? DESC LIMIT 1").get(name, name, name) as
    | EntityRow
    | undefined;
  return row === undefined ? undefined : toInfo(row);
}

export function entitySetOf(finops: Database.Database, entity: string): string {
  return findEntity(finops, entity)?.entitySet ?? entity;
}

export function keyProperties(entity: EntityInfo): string[] {
  return entity.properties.filter((property) => property.IsKey).map((property) => property.Name);
}

export function findEnum(finops: Database.Database, name: string): EnumSeed | undefined {
  const row = sql(finops, "SELECT name, members FROM enums WHERE lower(name) = lower(?)").get(name) as { name: string; members: string } | undefined;
  if (row === undefined) return undefined;
  const members: unknown = JSON.parse(row.members);
  return { Name: row.name, Members: Array.isArray(members) ? (members as EnumSeed["Members"]) : [] };
}

export function listEnums(finops: Database.Database): EnumSeed[] {
  const rows = sql(finops, "SELECT name FROM enums ORDER BY name").all() as { name: string }[];
  return rows.flatMap((row) => {
    const found = findEnum(finops, row.name);
    return found === undefined ? [] : [found];
  });
}
