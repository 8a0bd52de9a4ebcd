import type { LiveColumn, LiveTable } from "../../model/column-metadata.js";
import type { HttpClient } from "../http/index.js";
import { odataString, property, text } from "./odata.js";

/**
 * The columns of many tables in one metadata request (Power Apps docs, webapi/query-metadata-web-api.md;
 * query-schema-definitions.md shows `$filter=LogicalName eq 'account' or LogicalName eq 'contact'` with
 * `Attributes` expanded): `EntityDefinitions` filtered on `LogicalName`, with `Attributes` expanded to the properties every
 * AttributeMetadata shares, and `ManyToOneRelationships` expanded to each lookup's referenced table.
 * `Targets` belongs to LookupAttributeMetadata only, so it cannot be selected inside the Attributes
 * expand; the relationships give the same tables, one relationship per target of a customer lookup.
 * Metadata queries are not paged: every matching table comes in the one answer.
 */
const SELECT = "$select=LogicalName,EntitySetName";
const EXPAND = "$expand=Attributes($select=LogicalName,AttributeType),ManyToOneRelationships($select=ReferencingAttribute,ReferencedEntity)";

/**
 * Each request's URL (with a service root of up to 200 characters) stays under this many
 * characters; a longer list of names goes in more requests.
 */
export const MAX_METADATA_URL = 4000;
const ROOT_ALLOWANCE = 200;

export function tableColumnsPath(filter: string): string {
  return `EntityDefinitions?${SELECT}&$filter=${filter}&${EXPAND}`;
}

/** The tables asked for that Dataverse has, with their columns; a name it does not have is absent from the answer. */
export async function readTableColumns(http: HttpClient, tables: readonly string[]): Promise<LiveTable[]> {
  const names = [...new Set(tables.map((table) => table.toLowerCase()))].sort();
  const condition = (name: string): string => `LogicalName eq ${odataString(name)}`;
  const groups = chunkConditions(names, condition, MAX_METADATA_URL - ROOT_ALLOWANCE - encodedLength(tableColumnsPath("")));
  const answers = await Promise.all(groups.map((group) => http.getJson<unknown>(tableColumnsPath(group.map(condition).join(" or ")))));
  return answers.flatMap((body) => {
    const value = property(body, "value");
    return (Array.isArray(value) ? value : []).map(toTable);
  });
}

function toTable(entity: unknown): LiveTable {
  const targets = new Map<string, string[]>();
  const relationships = property(entity, "ManyToOneRelationships");
  for (const relationship of Array.isArray(relationships) ? relationships : []) {
    const attribute = text(property(relationship, "ReferencingAttribute")).toLowerCase();
    const referenced = text(property(relationship, "ReferencedEntity")).toLowerCase();
    if (attribute === "" || referenced === "") continue;
    const list = targets.get(attribute) ?? [];
    if (!list.includes(referenced)) list.push(referenced);
    targets.set(attribute, list);
  }
  const attributes = property(entity, "Attributes");
  const columns = (Array.isArray(attributes) ? attributes : []).map((attribute: unknown): LiveColumn => {
    const name = text(property(attribute, "LogicalName")).toLowerCase();
    return { name, type: text(property(attribute, "AttributeType")), targets: targets.get(name) ?? [] };
  });
  return { logicalName: text(property(entity, "LogicalName")).toLowerCase(), entitySet: text(property(entity, "EntitySetName")), columns };
}

/**
 * Groups values so that their conditions, joined with ` or `, stay within `budget` characters
 * once URL-encoded; a single condition longer than the budget gets a group of its own.
 */
export function chunkConditions(values: readonly string[], condition: (value: string) => string, budget: number): string[][] {
  const groups: string[][] = [];
  let current: string[] = [];
  let length = 0;
  for (const value of values) {
    const added = encodedLength(condition(value)) + (current.length === 0 ? 0 : encodedLength(" or "));
    if (current.length > 0 && length + added > budget) {
      groups.push(current);
      current = [];
      length = 0;
    }
    length += current.length === 0 ? encodedLength(condition(value)) : added;
    current.push(value);
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

/** The length once the URL parser has percent-encoded spaces and quotes (names are encoded by odataString). */
export function encodedLength(text: string): number {
  return text.replaceAll(" ", "%20").replaceAll("'", "%27").length;
}
