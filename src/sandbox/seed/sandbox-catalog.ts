import { createHash } from "node:crypto";
import type { EntityProperty, EntitySeed, TableSeed } from "../store/catalog.js";
import { ENTITY_SEEDS, TABLE_SEEDS } from "../store/catalog.js";
import { CORPUS_CATALOG } from "./corpus-catalog.js";
import type { SandboxCatalog } from "./derive-catalog.js";

/**
 * What every sandbox environment knows: the hand-written seeds of the starter estate (with the
 * column names and types its sync demonstrations use) merged with the catalog derived from
 * Microsoft's template corpus. A column's type and a lookup's targets come from here; the seeds'
 * own lookup (the first target) is what the sandbox's sync resolves through.
 */

interface Merged {
  tables: TableSeed[];
  entities: EntitySeed[];
  types: Map<string, Map<string, string>>;
  targets: Map<string, Map<string, string[]>>;
}

function merge(corpus: SandboxCatalog): Merged {
  const tables = new Map<string, TableSeed>(TABLE_SEEDS.map((seed) => [seed.logicalName, { ...seed, columns: [...seed.columns], lookups: { ...seed.lookups } }]));
  const types = new Map<string, Map<string, string>>();
  const targets = new Map<string, Map<string, string[]>>();
  for (const seed of TABLE_SEEDS) {
    targets.set(seed.logicalName, new Map(Object.entries(seed.lookups).map(([column, target]) => [column, [target]])));
  }
  for (const table of corpus.tables) {
    const seed = tables.get(table.logicalName) ?? { logicalName: table.logicalName, entitySet: table.entitySet, columns: [`${table.logicalName}id`, ...COMMON_COLUMNS], lookups: {} };
    tables.set(table.logicalName, seed);
    for (const column of Object.keys(table.columns)) if (!seed.columns.includes(column)) seed.columns.push(column);
    const typed = types.get(table.logicalName) ?? new Map<string, string>();
    types.set(table.logicalName, typed);
    for (const [column, type] of Object.entries(table.columns)) typed.set(column, type);
    const pointed = targets.get(table.logicalName) ?? new Map<string, string[]>();
    targets.set(table.logicalName, pointed);
    for (const [column, list] of Object.entries(table.lookups)) {
      const known = pointed.get(column) ?? [];
      pointed.set(column, [...known, ...list.filter((target) => !known.includes(target))]);
      const first = list[0];
      if (seed.lookups[column] === undefined && first !== undefined) seed.lookups[column] = first;
    }
  }
  // A lookup the seeds declare keeps its type even where the corpus never looked up through it.
  for (const [table, pointed] of targets) {
    const typed = types.get(table) ?? new Map<string, string>();
    types.set(table, typed);
    for (const [column, list] of pointed) if (typed.get(column) !== "Customer") typed.set(column, list.length > 1 ? "Customer" : "Lookup");
  }
  const entities = new Map<string, EntitySeed>(ENTITY_SEEDS.map((seed) => [seed.EntitySetName, { ...seed, Properties: seed.Properties.map((property) => ({ ...property })) }]));
  for (const entity of corpus.entities) {
    const seed = entities.get(entity.entitySet) ?? {
      Name: entity.entitySet,
      EntitySetName: entity.entitySet,
      companySpecific: entity.companySpecific,
      Properties: entity.companySpecific ? [{ Name: "dataAreaId", DataType: "String", IsKey: true, IsMandatory: true }] : [],
    };
    entities.set(entity.entitySet, seed);
    const keys = new Set(entity.keys.map((key) => key.toLowerCase()));
    for (const field of entity.fields) {
      if (seed.Properties.some((property) => property.Name.toLowerCase() === field.toLowerCase())) continue;
      const property: EntityProperty = { Name: field, DataType: "String", IsKey: keys.has(field.toLowerCase()), IsMandatory: keys.has(field.toLowerCase()) };
      seed.Properties.push(property);
    }
  }
  return { tables: [...tables.values()], entities: [...entities.values()], types, targets };
}

const COMMON_COLUMNS = ["createdon", "modifiedon", "versionnumber", "statecode", "statuscode", "ownerid"];

const merged = merge(CORPUS_CATALOG);

/** Every table a sandbox Dataverse is seeded with. */
export const SEED_TABLES: readonly TableSeed[] = merged.tables;
/** Every public entity a sandbox finance and operations environment is seeded with. */
export const SEED_ENTITIES: readonly EntitySeed[] = merged.entities;

/** A hash of the seeded metadata: a database seeded with another catalog gets this one's tables and entities added. */
export const CATALOG_VERSION = createHash("sha256").update(JSON.stringify([SEED_TABLES, SEED_ENTITIES])).digest("hex").slice(0, 16);

/** The AttributeType the catalog gives a column, when it knows the column. */
export function catalogColumnType(table: string, column: string): string | undefined {
  return merged.types.get(table)?.get(column);
}

/** The tables a lookup points at, when the catalog knows the lookup. */
export function catalogLookupTargets(table: string, column: string): string[] | undefined {
  return merged.targets.get(table)?.get(column);
}
