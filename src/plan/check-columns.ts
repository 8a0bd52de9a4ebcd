import type { YamlPath } from "../config/diagnostic.js";
import type { ColumnMetadata, ColumnMetadataRequest, LiveColumn, LiveEntity, LiveTable } from "../model/column-metadata.js";
import type { IntegrationKeyModel, TableMapModel } from "../model/desired.js";
import { parseDataverseFilter } from "../model/filters/dataverse-filter.js";
import { parseXppRange } from "../model/filters/xpp-range.js";
import { lookupTables } from "../model/lookups.js";
import type { PairDesired } from "../model/pair-view.js";
import type { Plan } from "./plan.js";

/**
 * Column names checked against live metadata before anything is written: every Dataverse column,
 * lookup path, integration key column and filter column, and every finance and operations field
 * and filter field, of the maps and keys a plan writes. Pure: the metadata is read at the edge.
 *
 * Types are checked only where the documentation draws a clear line:
 * - a path `a.b` looks up through `a`, so `a` must be a lookup (AttributeType Lookup, Customer or
 *   Owner: the attributes of LookupAttributeMetadata);
 * - an alternate key takes only Decimal, Integer (whole number), String (single line of text),
 *   DateTime, Lookup and Picklist (choice) columns (Power Apps docs, define-alternate-keys-entity.md,
 *   "Valid columns in key table definitions"); Customer and Owner columns are lookups too.
 */

/** What a plan writes, and so what is checked: maps it saves, and integration keys it creates or sets. */
export interface ColumnScope {
  maps: readonly TableMapModel[];
  keys: readonly IntegrationKeyModel[];
  /** Every key of the pair: a lookup's target table is guessed from them before it is read. */
  allKeys: readonly IntegrationKeyModel[];
}

export interface ColumnProblem {
  kind: "unknownColumn" | "incompatibleColumn";
  /** The map's name, or the integration key's table. */
  owner: string;
  file: string;
  path: YamlPath;
  /** A span inside the scalar at `path`: the segment of a lookup path or the column of a filter. */
  span?: { start: number; end: number };
  message: string;
  hint: string;
}

export const LOOKUP_TYPES: ReadonlySet<string> = new Set(["lookup", "customer", "owner"]);
export const KEY_TYPES: ReadonlySet<string> = new Set(["decimal", "integer", "string", "datetime", "lookup", "customer", "owner", "picklist"]);

export function isLookupColumn(column: LiveColumn): boolean {
  return LOOKUP_TYPES.has(column.type.toLowerCase());
}

export function columnScope(plan: Pick<Plan, "actions">, pairDesired: PairDesired): ColumnScope {
  const saved = new Set<string>();
  const keyTables = new Set<string>();
  for (const action of plan.actions) {
    if (action.kind === "saveMapDefinition") saved.add(action.map);
    if (action.kind === "createAlternateKey" || action.kind === "setIntegrationKey") keyTables.add(action.table);
  }
  return {
    maps: pairDesired.maps.map((entry) => entry.map).filter((map) => saved.has(map.name)),
    keys: pairDesired.keys.filter((key) => keyTables.has(key.table)),
    allKeys: pairDesired.keys,
  };
}

/** One step of a Dataverse path: the column, and where it sits in the path text. */
interface Step {
  column: string;
  start: number;
  end: number;
}

/** A path as lookups walk it: `a.b.c` is a lookup a, a lookup b on a's target, and c on b's target. */
interface WalkedPath {
  steps: Step[];
  /** Polymorphic `a.Account(x).Contact(y)`: the tables named and the column on each. */
  branches: { table: string; column: Step; tableSpan: { start: number; end: number } }[];
}

const polymorphicPart = /^([A-Za-z_][A-Za-z0-9_]*)\(([A-Za-z0-9_.]+)\)$/;

export function walkPath(raw: string): WalkedPath {
  const parts = raw.split(/\.(?![^(]*\))/);
  const steps: Step[] = [];
  const branches: WalkedPath["branches"] = [];
  let at = 0;
  for (const [index, part] of parts.entries()) {
    const match = index === 0 ? null : polymorphicPart.exec(part);
    if (match !== null && match[1] !== undefined && match[2] !== undefined) {
      const open = at + match[1].length + 1;
      branches.push({
        table: match[1].toLowerCase(),
        tableSpan: { start: at, end: at + match[1].length },
        column: { column: match[2].toLowerCase(), start: open, end: open + match[2].length },
      });
    } else {
      steps.push({ column: part.toLowerCase(), start: at, end: at + part.length });
    }
    at += part.length + 1;
  }
  return { steps, branches };
}

/** The Dataverse paths one map or key names: mapped columns and key columns, with where each is written. */
interface NamedPath {
  raw: string;
  path: YamlPath;
  key: boolean;
  /** Tables the desired state says the first lookup points at (relatedTable, or inferred from keys). */
  guesses: string[];
}

function mapPaths(map: TableMapModel, allKeys: readonly IntegrationKeyModel[]): NamedPath[] {
  return map.fields.flatMap((field, index): NamedPath[] =>
    field.dv === undefined ? [] : [{ raw: field.dv.raw, path: ["fields", index, "dv"], key: false, guesses: lookupTables(field, allKeys) }],
  );
}

function keyPaths(key: IntegrationKeyModel, allKeys: readonly IntegrationKeyModel[]): NamedPath[] {
  return key.columns.map((raw, index) => {
    const last = raw.split(".").at(-1) ?? raw;
    const guesses = raw.includes(".") ? allKeys.filter((other) => other.columns.includes(last)).map((other) => other.table) : [];
    return { raw, path: ["columns", index], key: true, guesses };
  });
}

/**
 * What to read next: the tables and entities of the scope, the tables its lookups are guessed to
 * point at (so that one round usually suffices), and the live targets of lookups read so far.
 */
export function metadataToRead(scope: ColumnScope, known: ColumnMetadata): ColumnMetadataRequest {
  const tables = new Set<string>();
  const entities = new Set<string>();
  const want = (table: string): void => {
    if (!known.tables.has(table.toLowerCase())) tables.add(table.toLowerCase());
  };
  const follow = (table: string, paths: readonly NamedPath[]): void => {
    want(table);
    for (const named of paths) {
      const walked = walkPath(named.raw);
      if (walked.steps.length + walked.branches.length < 2) continue;
      for (const guess of named.guesses) want(guess);
      for (const branch of walked.branches) want(branch.table);
      // Live targets, step by step, as far as the tables read so far go.
      let current = [table.toLowerCase()];
      for (const step of walked.steps.slice(0, walked.branches.length > 0 ? 1 : -1)) {
        const next: string[] = [];
        for (const name of current) {
          const column = known.tables.get(name)?.columns.find((c) => c.name === step.column);
          if (column !== undefined && isLookupColumn(column)) next.push(...column.targets);
        }
        for (const target of next) want(target);
        current = next;
      }
    }
  };
  for (const map of scope.maps) {
    follow(map.dataverse.table, mapPaths(map, scope.allKeys));
    if (!known.entities.has(map.financeAndOperations.entity)) entities.add(map.financeAndOperations.entity);
  }
  for (const key of scope.keys) follow(key.table, keyPaths(key, scope.allKeys));
  return { tables: [...tables].sort(), entities: [...entities].sort() };
}

function columnOf(table: LiveTable, name: string): LiveColumn | undefined {
  return table.columns.find((column) => column.name === name.toLowerCase());
}

function fieldOf(entity: LiveEntity, name: string): boolean {
  const wanted = name.toLowerCase();
  return entity.fields.some((field) => field.name.toLowerCase() === wanted);
}

const LOOKUP_HINT = "A lookup path starts with a lookup column of the table (AttributeType Lookup, Customer or Owner), followed by a column of the table it points at.";
const COLUMN_HINT = "Use the column's logical name as Dataverse lists it (EntityDefinitions/Attributes). dwctl creates no columns: add the column in Dataverse first, or fix the name.";
const FIELD_HINT =
  "Use a field of the public entity (metadata/PublicEntities, compared without case; dual-write writes them in capitals). dwctl creates no fields: fix the name, or add the field to the entity in finance and operations first.";

/** Checks one path from its table; each problem points at the segment it is about. */
function checkPath(table: LiveTable, named: NamedPath, metadata: ColumnMetadata, report: (message: string, hint: string, span: Step | { start: number; end: number }, kind?: ColumnProblem["kind"]) => void): void {
  const walked = walkPath(named.raw);
  const [first, ...rest] = walked.steps;
  if (first === undefined) return;
  const column = columnOf(table, first.column);
  if (column === undefined) {
    report(`table ${table.logicalName} has no column ${first.column}`, COLUMN_HINT, first);
    return;
  }
  if (named.key && !KEY_TYPES.has(column.type.toLowerCase())) {
    report(
      `key column ${table.logicalName}.${column.name} is a ${column.type} column, which an alternate key cannot hold`,
      "An alternate key takes only Decimal, Whole number (Integer), Single line of text (String), Date time, Lookup and Choice (Picklist) columns (Power Apps: Work with alternate keys). Key on another column.",
      first,
      "incompatibleColumn",
    );
  }
  if (rest.length === 0 && walked.branches.length === 0) return;
  if (!isLookupColumn(column)) {
    report(`${table.logicalName}.${column.name} is a ${column.type} column, not a lookup, so ${named.raw} cannot look up through it`, LOOKUP_HINT, first, "incompatibleColumn");
    return;
  }
  if (walked.branches.length > 0) {
    for (const branch of walked.branches) {
      if (!column.targets.includes(branch.table)) {
        report(`lookup ${table.logicalName}.${column.name} does not point at table ${branch.table} (it points at ${column.targets.join(", ") || "no table"})`, LOOKUP_HINT, branch.tableSpan);
        continue;
      }
      const target = metadata.tables.get(branch.table);
      if (target !== undefined && columnOf(target, branch.column.column) === undefined) {
        report(`table ${branch.table} has no column ${branch.column.column}`, COLUMN_HINT, branch.column);
      }
    }
    return;
  }
  // a.b...: each further step is a column of some table the previous lookup points at.
  let current: LiveColumn = column;
  let from = `${table.logicalName}.${column.name}`;
  for (const [index, step] of rest.entries()) {
    const targets = current.targets.flatMap((name) => {
      const target = metadata.tables.get(name);
      return target === undefined ? [] : [target];
    });
    if (targets.length < current.targets.length) return; // a target not read: nothing to say about it
    const found = targets.flatMap((target) => {
      const next = columnOf(target, step.column);
      return next === undefined ? [] : [{ target, next }];
    });
    const hit = found[0];
    if (hit === undefined) {
      const where = current.targets.length === 0 ? `lookup ${from} points at no table` : `${current.targets.join(" or ")} (the table${current.targets.length === 1 ? "" : "s"} lookup ${from} points at) has no column ${step.column}`;
      report(where, COLUMN_HINT, step);
      return;
    }
    if (index === rest.length - 1) return;
    const lookup = found.find((candidate) => isLookupColumn(candidate.next));
    if (lookup === undefined) {
      report(`${hit.target.logicalName}.${hit.next.name} is a ${hit.next.type} column, not a lookup, so ${named.raw} cannot look up through it`, LOOKUP_HINT, step, "incompatibleColumn");
      return;
    }
    current = lookup.next;
    from = `${lookup.target.logicalName}.${lookup.next.name}`;
  }
}

/** Every problem of the scope against the metadata read. */
export function findColumnProblems(scope: ColumnScope, metadata: ColumnMetadata): ColumnProblem[] {
  const problems: ColumnProblem[] = [];
  for (const map of scope.maps) {
    const at = (path: YamlPath) => (message: string, hint: string, span?: { start: number; end: number }, kind: ColumnProblem["kind"] = "unknownColumn"): void => {
      problems.push({ kind, owner: map.name, file: map.file, path, ...(span === undefined ? {} : { span: { start: span.start, end: span.end } }), message, hint });
    };
    const table = metadata.tables.get(map.dataverse.table.toLowerCase());
    if (table === undefined) {
      if (metadata.tables.has(map.dataverse.table.toLowerCase())) {
        at(["dataverse", "table"])(`Dataverse has no table ${map.dataverse.table}`, "Use the table's logical name (EntityDefinitions LogicalName). dwctl creates no tables: create it in Dataverse first, or fix the name.");
      }
    } else {
      for (const named of mapPaths(map, scope.allKeys)) checkPath(table, named, metadata, (message, hint, span, kind) => at(named.path)(message, hint, span, kind));
      const filter = map.filters.dataverse;
      if (filter !== undefined) {
        for (const ref of parseDataverseFilter(filter).columns) {
          if (columnOf(table, ref.name) === undefined) at(["filters", "dataverse"])(`Dataverse filter: table ${table.logicalName} has no column ${ref.name}`, COLUMN_HINT, ref);
        }
      }
    }
    const entityName = map.financeAndOperations.entity;
    const entity = metadata.entities.get(entityName);
    if (entity === undefined) {
      if (metadata.entities.has(entityName)) {
        at(["financeAndOperations", "entity"])(
          `finance and operations lists no public entity whose collection name is ${entityName}`,
          "Use the entity's public collection name, with its exact case (the name of data/<collection>). An entity that is not public cannot be checked, so dwctl refuses it rather than guess.",
        );
      }
      continue;
    }
    for (const [index, field] of map.fields.entries()) {
      if (field.fo !== undefined && !fieldOf(entity, field.fo)) at(["fields", index, "fo"])(`${entityName} has no field ${field.fo}`, FIELD_HINT);
    }
    const range = map.filters.financeAndOperations;
    if (range !== undefined) {
      for (const ref of parseXppRange(range).fields) {
        if (!fieldOf(entity, ref.name)) at(["filters", "financeAndOperations"])(`finance and operations filter: ${entityName} has no field ${ref.name}`, FIELD_HINT, ref);
      }
    }
  }
  for (const key of scope.keys) {
    const at = (path: YamlPath) => (message: string, hint: string, span?: { start: number; end: number }, kind: ColumnProblem["kind"] = "unknownColumn"): void => {
      problems.push({ kind, owner: key.table, file: key.file, path, ...(span === undefined ? {} : { span: { start: span.start, end: span.end } }), message, hint });
    };
    const table = metadata.tables.get(key.table.toLowerCase());
    if (table === undefined) {
      if (metadata.tables.has(key.table.toLowerCase())) at(["table"])(`Dataverse has no table ${key.table}`, "Use the table's logical name. dwctl creates no tables: create it in Dataverse first, or fix the name.");
      continue;
    }
    for (const named of keyPaths(key, scope.allKeys)) checkPath(table, named, metadata, (message, hint, span, kind) => at(named.path)(message, hint, span, kind));
  }
  return problems;
}
