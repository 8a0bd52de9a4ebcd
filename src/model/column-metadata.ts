/**
 * The column metadata of the tables and entities a plan writes maps for, as the two apps report it:
 * Dataverse attribute metadata (EntityDefinitions/Attributes and the many-to-one relationships that
 * give a lookup its target tables) and the finance and operations public entity fields. Pure data.
 */

/** A Dataverse column (AttributeMetadata): its AttributeType, and for a lookup the tables it points at. */
export interface LiveColumn {
  /** Logical name, as Dataverse lists it (lower case). */
  name: string;
  /** AttributeType: String, Lookup, Customer, Owner, Picklist, Boolean, Integer, ... */
  type: string;
  /** For a lookup: the referenced tables of its many-to-one relationships (several for a customer lookup). */
  targets: string[];
}

export interface LiveTable {
  logicalName: string;
  entitySet: string;
  columns: LiveColumn[];
}

/** A finance and operations public entity: its collection name and its fields. */
export interface LiveEntity {
  /** The public entity name (PublicEntities Name). */
  name: string;
  /** The public collection name, the one `data/<collection>` and a map's entity use. */
  entitySet: string;
  fields: { name: string; dataType: string; isKey: boolean }[];
}

export interface ColumnMetadataRequest {
  /** Dataverse tables, by logical name. */
  tables: readonly string[];
  /** Finance and operations public entities, by collection name. */
  entities: readonly string[];
}

/**
 * The answer, keyed by the names asked for (tables lower-cased). A name asked for and absent from
 * the map was not read; `undefined` under a name means the app has no such table or entity.
 */
export interface ColumnMetadata {
  tables: Map<string, LiveTable | undefined>;
  entities: Map<string, LiveEntity | undefined>;
}

export function emptyColumnMetadata(): ColumnMetadata {
  return { tables: new Map(), entities: new Map() };
}

/** Adds what `more` read to `into` (the later read wins for a name read twice). */
export function mergeColumnMetadata(into: ColumnMetadata, more: ColumnMetadata): ColumnMetadata {
  return { tables: new Map([...into.tables, ...more.tables]), entities: new Map([...into.entities, ...more.entities]) };
}
