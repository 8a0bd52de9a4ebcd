import type { Desired, FieldMapping, IntegrationKeyModel, TableMapModel } from "../../model/desired.js";
import { parseDataverseFilter } from "../../model/filters/dataverse-filter.js";
import { parseXppRange } from "../../model/filters/xpp-range.js";
import { lookupTables } from "../../model/lookups.js";
import { entitySetOfName } from "../dataverse/tables.js";

/**
 * The metadata the sandbox serves for the tables and entities of Microsoft's template corpus
 * (test/corpus/templates) and the starter estate (maps/), derived from their YAML: every column a
 * map, key or filter names, with a type, and every lookup with the tables it points at. The sandbox
 * ships it as a generated module (corpus-catalog.ts), so that it runs from dist without the YAML.
 */

export interface CatalogTable {
  logicalName: string;
  entitySet: string;
  /** Column -> AttributeType (String, Lookup, Customer, Picklist, Boolean). */
  columns: Record<string, string>;
  /** Lookup column -> the tables it points at (several for a customer lookup). */
  lookups: Record<string, string[]>;
}

export interface CatalogEntity {
  entitySet: string;
  companySpecific: boolean;
  /** Field names: as a filter spells them when one does, else as the maps write them (capitals). */
  fields: string[];
  /** The fields mapped to integration key columns: the entity's key, which must equal the alternate key's. */
  keys: string[];
}

export interface SandboxCatalog {
  tables: CatalogTable[];
  entities: CatalogEntity[];
}

/** Stronger types win when maps disagree: a column some map looks up through is a lookup. */
const RANK: Record<string, number> = { String: 0, Boolean: 1, Picklist: 1, Lookup: 2, Customer: 3 };

class TableDraft {
  readonly columns = new Map<string, string>();
  readonly lookups = new Map<string, string[]>();
  constructor(
    readonly logicalName: string,
    public entitySet: string,
  ) {}

  column(name: string, type = "String"): void {
    const current = this.columns.get(name);
    if (current === undefined || (RANK[type] ?? 0) > (RANK[current] ?? 0)) this.columns.set(name, type);
  }

  lookup(name: string, targets: readonly string[]): void {
    const list = this.lookups.get(name) ?? [];
    for (const target of targets) if (!list.includes(target)) list.push(target);
    this.lookups.set(name, list);
    this.column(name, list.length > 1 ? "Customer" : "Lookup");
  }
}

class EntityDraft {
  readonly fields = new Map<string, string>();
  readonly keys = new Set<string>();
  constructor(
    readonly entitySet: string,
    public companySpecific: boolean,
  ) {}

  field(name: string): void {
    const lower = name.toLowerCase();
    const current = this.fields.get(lower);
    // A filter spells a field as the entity does (PartyType); maps write capitals (PARTYTYPE).
    if (current === undefined || (current === current.toUpperCase() && name !== name.toUpperCase())) this.fields.set(lower, name);
  }
}

export function deriveCatalog(desired: Pick<Desired, "maps" | "keys">): SandboxCatalog {
  const tables = new Map<string, TableDraft>();
  const entities = new Map<string, EntityDraft>();
  const entitySets = new Map(desired.maps.map((map) => [map.dataverse.table.toLowerCase(), map.dataverse.entitySet]));
  const table = (name: string): TableDraft => {
    const logical = name.toLowerCase();
    let draft = tables.get(logical);
    if (draft === undefined) {
      draft = new TableDraft(logical, entitySets.get(logical) ?? entitySetOfName(logical));
      tables.set(logical, draft);
    }
    return draft;
  };
  for (const map of desired.maps) {
    const draft = table(map.dataverse.table);
    draft.entitySet = map.dataverse.entitySet;
    for (const field of map.fields) {
      if (field.dv !== undefined) addPath(table, draft, field.dv.raw, guessTargets(field, desired.keys), typeOf(field));
    }
    for (const ref of map.filters.dataverse === undefined ? [] : parseDataverseFilter(map.filters.dataverse).columns) draft.column(ref.name.toLowerCase());
    addEntity(entities, map, desired.keys);
  }
  for (const key of desired.keys) {
    const draft = table(key.table);
    for (const column of key.columns) addPath(table, draft, column, keyTargets(column, desired.keys), "String");
  }
  return {
    tables: [...tables.values()]
      .sort((a, b) => a.logicalName.localeCompare(b.logicalName))
      .map((draft) => ({
        logicalName: draft.logicalName,
        entitySet: draft.entitySet,
        columns: Object.fromEntries([...draft.columns].sort(([a], [b]) => a.localeCompare(b))),
        lookups: Object.fromEntries([...draft.lookups].sort(([a], [b]) => a.localeCompare(b))),
      })),
    entities: [...entities.values()]
      .sort((a, b) => a.entitySet.localeCompare(b.entitySet))
      .map((draft) => ({
        entitySet: draft.entitySet,
        companySpecific: draft.companySpecific,
        fields: [...draft.fields.values()].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())),
        keys: [...draft.keys].map((key) => draft.fields.get(key.toLowerCase()) ?? key).sort(),
      })),
  };
}

const polymorphicPart = /^([A-Za-z_][A-Za-z0-9_]*)\(([A-Za-z0-9_.]+)\)$/;

/**
 * A column or lookup path: `a` is a column; `a.b` a lookup a to a table with column b; `a.b.c` a
 * lookup b on a's table; `a.Account(x).Contact(y)` a customer lookup to account and contact.
 */
function addPath(table: (name: string) => TableDraft, on: TableDraft, raw: string, firstTargets: readonly string[], leafType: string): void {
  const parts = raw.split(/\.(?![^(]*\))/);
  const [first, ...rest] = parts;
  if (first === undefined) return;
  const column = first.toLowerCase();
  if (rest.length === 0) {
    on.column(column, leafType);
    return;
  }
  const branches = rest.map((part) => polymorphicPart.exec(part));
  if (branches.every((match) => match !== null)) {
    const named = branches.flatMap((match) => (match?.[1] === undefined || match[2] === undefined ? [] : [{ table: match[1].toLowerCase(), column: match[2].toLowerCase() }]));
    on.lookup(column, named.map((branch) => branch.table));
    for (const branch of named) table(branch.table).column(branch.column);
    return;
  }
  // Nested lookups: every step but the last is a lookup whose table is guessed from its name.
  let current = on;
  let lookup = column;
  let targets = firstTargets.length > 0 ? firstTargets : [nameOfTarget(lookup)];
  for (const [index, part] of rest.entries()) {
    const step = part.toLowerCase();
    current.lookup(lookup, targets);
    const target = table(targets[0] ?? nameOfTarget(lookup));
    if (index === rest.length - 1) {
      target.column(step);
      return;
    }
    current = target;
    lookup = step;
    targets = [nameOfTarget(step)];
  }
}

/** The table a lookup points at when nothing names it: its name without a trailing `id`. */
function nameOfTarget(lookup: string): string {
  return lookup.endsWith("id") && lookup.length > 2 ? lookup.slice(0, -2) : lookup;
}

/**
 * The table a map's lookup points at: the one the map names (relatedTable, a polymorphic path), or
 * among the tables whose integration key holds the column looked up, the only one or the one the
 * lookup's name names best (msdyn_paymentterms -> msdyn_paymentterm, msdyn_salestaxgroup ->
 * msdyn_taxgroup); when no name fits, a table named after the lookup.
 */
function guessTargets(field: FieldMapping, keys: readonly IntegrationKeyModel[]): string[] {
  if (field.dv?.kind !== "lookup") return [];
  const candidates = [...new Set(lookupTables(field, keys).map((name) => name.toLowerCase()))];
  return pick(field.dv.column.toLowerCase(), candidates);
}

function keyTargets(column: string, keys: readonly IntegrationKeyModel[]): string[] {
  const [lookup, looked] = column.split(".");
  if (lookup === undefined || looked === undefined) return [];
  const candidates = [...new Set(keys.filter((key) => key.columns.includes(looked)).map((key) => key.table.toLowerCase()))];
  return pick(lookup.toLowerCase(), candidates);
}

function pick(lookup: string, candidates: readonly string[]): string[] {
  if (candidates.length <= 1) return [...candidates];
  const bare = (name: string): string => name.replace(/^[a-z]+_/, "");
  const exact = candidates.find((candidate) => candidate === lookup || `${candidate}id` === lookup);
  if (exact !== undefined) return [exact];
  const named = candidates.filter((candidate) => lookup.includes(bare(candidate))).sort((a, b) => bare(b).length - bare(a).length || a.localeCompare(b));
  return [named[0] ?? nameOfTarget(lookup)];
}

/** A column's type as its mapping shows it: a value map of numbers writes a choice, of true/false a yes/no column. */
function typeOf(field: FieldMapping): string {
  const values = field.valueMap?.map((entry) => entry.to).filter((value) => value !== null) ?? [];
  const defaultValue = field.default?.value;
  if (values.length === 0 && field.fo === undefined && defaultValue !== undefined && defaultValue !== null) values.push(defaultValue);
  if (values.length === 0) return "String";
  if (values.every((value) => typeof value === "boolean" || /^(true|false)$/i.test(String(value)))) return "Boolean";
  if (values.every((value) => typeof value === "number" || /^-?\d+$/.test(String(value)))) return "Picklist";
  return "String";
}

function addEntity(entities: Map<string, EntityDraft>, map: TableMapModel, keys: readonly IntegrationKeyModel[]): void {
  const name = map.financeAndOperations.entity;
  const companySpecific = map.financeAndOperations.scope === "company";
  let draft = entities.get(name);
  if (draft === undefined) {
    draft = new EntityDraft(name, companySpecific);
    entities.set(name, draft);
  }
  if (companySpecific) draft.companySpecific = true;
  for (const field of map.fields) if (field.fo !== undefined) draft.field(field.fo);
  const range = map.filters.financeAndOperations;
  for (const ref of range === undefined ? [] : parseXppRange(range).fields) draft.field(ref.name);
  const key = keys.find((candidate) => candidate.table.toLowerCase() === map.dataverse.table.toLowerCase());
  for (const column of key?.columns ?? []) {
    for (const field of map.fields) if (field.dv?.raw === column && field.fo !== undefined) draft.keys.add(field.fo.toLowerCase());
  }
}

/** The generated module's text: the catalog as a typed constant, so that it ships in dist. */
export function renderCatalogModule(catalog: SandboxCatalog): string {
  return [
    "// Generated from test/corpus/templates and maps by scripts/generate-sandbox-catalog.mjs (src/sandbox/seed/derive-catalog.ts).",
    "// Do not edit: change the YAML and regenerate. test/sandbox/corpus-catalog.test.ts fails when this is stale.",
    'import type { SandboxCatalog } from "./derive-catalog.js";',
    "",
    `export const CORPUS_CATALOG: SandboxCatalog = ${JSON.stringify(catalog, null, 2)};`,
    "",
  ].join("\n");
}
