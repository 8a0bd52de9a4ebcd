import { createHash } from "node:crypto";
import { canonicalSymbol } from "../model/definition.js";
import { isObject, property, text } from "./dataverse/odata.js";
import type { AlertRule, MapSymbol, Scope } from "../model/desired.js";
import type { FieldRow, MapDefinition } from "../model/snapshot.js";

/**
 * The wire shape of a saved map version (docs/live-api.md, "msdyn_mapping and msdyn_properties").
 * One leg, oriented finance and operations (AX) -> Dataverse (CRM): `sourceField` is always the
 * F&O field and `destinationField` the Dataverse column, whatever the sync direction, as the
 * dual-write UI shows them (left and right); a side without a field is null.
 */
export interface MapRowFields {
  msdyn_name: string;
  msdyn_mapping: string;
  msdyn_properties: string;
  msdyn_version: string;
}

type Value = string | number | boolean | null;

interface WireTransform {
  transformType: string;
  valueMap?: Record<string, Value>;
  defaultValue?: Value;
}

interface WireFieldMapping {
  syncDirection: 1 | 2 | 3;
  sourceField: string | null;
  destinationField: string | null;
  valueTransforms: WireTransform[];
  isSystemGenerated: boolean;
}

interface WireLeg {
  id: string;
  sourceSchema: string;
  sourceEnvironmentType: "AX";
  destinationSchema: string;
  destinationEnvironmentType: "CRM";
  sourceFilter: string;
  reversedSourceFilter: string;
  fieldMappings: WireFieldMapping[];
}

interface WireMapping {
  name: string;
  leftEnvironmentType: "AX";
  rightEnvironmentType: "CRM";
  legs: WireLeg[];
}

interface WireProperties {
  publisher: string;
  label: string;
  entitySet: string;
  financeAndOperationsScope: Scope;
  dataverseScope: Scope;
  alerts: AlertRule[];
}

/** A saved map row that could not be read. */
export class MapRowFormatError extends Error {
  override name = "MapRowFormatError";
}

/** `"<entity set> - <label>"`, the name the dual-write UI and Microsoft's tooling use. */
export function mapRowName(definition: Pick<MapDefinition, "financeAndOperations" | "dataverse">): string {
  return `${definition.dataverse.entitySet} - ${definition.financeAndOperations.label}`;
}

export function toMapRow(definition: MapDefinition): MapRowFields {
  const name = mapRowName(definition);
  const mapping: WireMapping = {
    name,
    leftEnvironmentType: "AX",
    rightEnvironmentType: "CRM",
    legs: [
      {
        id: stableGuid(`${definition.financeAndOperations.entity}|${definition.dataverse.table}`),
        sourceSchema: definition.financeAndOperations.entity,
        sourceEnvironmentType: "AX",
        destinationSchema: definition.dataverse.entitySet,
        destinationEnvironmentType: "CRM",
        sourceFilter: definition.filters.financeAndOperations ?? "",
        reversedSourceFilter: definition.filters.dataverse ?? "",
        fieldMappings: definition.fields.map(toWireField),
      },
    ],
  };
  const properties: WireProperties = {
    publisher: definition.version.publisher,
    label: definition.financeAndOperations.label,
    entitySet: definition.dataverse.entitySet,
    financeAndOperationsScope: definition.financeAndOperations.scope,
    dataverseScope: definition.dataverse.scope,
    alerts: definition.alerts,
  };
  return {
    msdyn_name: name,
    msdyn_mapping: JSON.stringify(mapping),
    msdyn_properties: JSON.stringify(properties),
    msdyn_version: definition.version.number,
  };
}

function toWireField(row: FieldRow): WireFieldMapping {
  const transforms: WireTransform[] = [];
  if (row.valueMap !== undefined) transforms.push({ transformType: "ValueMap", valueMap: row.valueMap });
  if ("default" in row) transforms.push({ transformType: "Default", defaultValue: row.default ?? null });
  return {
    syncDirection: directionCode(row.map),
    sourceField: row.fo ?? null,
    destinationField: row.dv ?? null,
    valueTransforms: transforms,
    isSystemGenerated: false,
  };
}

function directionCode(symbol: MapSymbol): 1 | 2 | 3 {
  if (symbol === "=" || symbol === "><") return 3;
  return symbol === ">" || symbol === ">>" ? 1 : 2;
}

/** The symbol the wire implies: the direction, and whether any transform is present. */
/** The parts of a saved row that identify its map, without building the whole definition. */
export interface MapRowIdentity {
  entity: string;
  /** `destinationSchema`: the entity set as dwctl writes it (a logical name in some rows). */
  destination: string;
  entitySet: string | undefined;
  publisher: string | undefined;
  number: string;
}

export interface MapRowInput {
  msdyn_name?: unknown;
  msdyn_mapping?: unknown;
  msdyn_properties?: unknown;
  msdyn_version?: unknown;
}

export function mapRowIdentity(row: MapRowInput): MapRowIdentity {
  const leg = firstLeg(row);
  const properties = readProperties(row);
  return {
    entity: leg.sourceSchema,
    destination: leg.destinationSchema,
    entitySet: properties.entitySet,
    publisher: properties.publisher,
    number: text(row.msdyn_version),
  };
}

/**
 * Reads a saved row back into a definition. `tableOf` turns the leg's destination (an entity
 * set, or a logical name) into the table's logical name; it comes from the table metadata.
 */
export function fromMapRow(row: MapRowInput, tableOf: (name: string) => string | undefined = () => undefined): MapDefinition {
  const leg = firstLeg(row);
  const properties = readProperties(row);
  const entitySet = properties.entitySet ?? leg.destinationSchema;
  const table = tableOf(leg.destinationSchema) ?? tableOf(entitySet) ?? leg.destinationSchema;
  const filters: MapDefinition["filters"] = {};
  if (leg.sourceFilter !== "") filters.financeAndOperations = leg.sourceFilter;
  if (leg.reversedSourceFilter !== "") filters.dataverse = leg.reversedSourceFilter;
  return {
    financeAndOperations: {
      entity: leg.sourceSchema,
      label: properties.label ?? labelFromName(text(row.msdyn_name), leg.sourceSchema),
      scope: properties.financeAndOperationsScope ?? "company",
    },
    dataverse: { table, entitySet, scope: properties.dataverseScope ?? properties.financeAndOperationsScope ?? "company" },
    version: { publisher: properties.publisher ?? "", number: text(row.msdyn_version) },
    filters,
    fields: leg.fieldMappings.map(fromWireField),
    alerts: properties.alerts ?? [],
  };
}

function fromWireField(field: ParsedField): FieldRow {
  const row: FieldRow = { map: canonicalSymbol(field.direction, field.valueMap !== undefined || field.hasDefault) };
  if (field.fo !== null) row.fo = field.fo;
  if (field.dv !== null) row.dv = field.dv;
  if (field.valueMap !== undefined) row.valueMap = field.valueMap;
  if (field.hasDefault) row.default = field.defaultValue;
  return row;
}

function labelFromName(name: string, fallback: string): string {
  const separator = name.indexOf(" - ");
  return separator >= 0 ? name.slice(separator + 3) : fallback;
}

interface ParsedLeg {
  sourceSchema: string;
  destinationSchema: string;
  sourceFilter: string;
  reversedSourceFilter: string;
  fieldMappings: ParsedField[];
}

interface ParsedField {
  direction: "toDataverse" | "toFinOps" | "both";
  fo: string | null;
  dv: string | null;
  valueMap: Record<string, Value> | undefined;
  hasDefault: boolean;
  defaultValue: Value;
}

interface ParsedProperties {
  publisher: string | undefined;
  label: string | undefined;
  entitySet: string | undefined;
  financeAndOperationsScope: Scope | undefined;
  dataverseScope: Scope | undefined;
  alerts: AlertRule[] | undefined;
}

function firstLeg(row: MapRowInput): ParsedLeg {
  const name = text(row.msdyn_name) || "(unnamed map)";
  const mapping = decodeJson(row.msdyn_mapping, `msdyn_mapping of ${name}`);
  const legs = property(mapping, "legs");
  const leg: unknown = Array.isArray(legs) ? legs[0] : undefined;
  if (!isObject(leg)) throw new MapRowFormatError(`msdyn_mapping of ${name} has no legs`);
  const sourceSchema = property(leg, "sourceSchema");
  const destinationSchema = property(leg, "destinationSchema");
  if (typeof sourceSchema !== "string" || typeof destinationSchema !== "string") {
    throw new MapRowFormatError(`msdyn_mapping of ${name} has no sourceSchema or destinationSchema`);
  }
  const fields = property(leg, "fieldMappings");
  return {
    sourceSchema,
    destinationSchema,
    sourceFilter: text(property(leg, "sourceFilter")),
    reversedSourceFilter: text(property(leg, "reversedSourceFilter")),
    fieldMappings: (Array.isArray(fields) ? fields : []).map((field: unknown, index) => parseField(field, `${name} field ${index + 1}`)),
  };
}

function parseField(field: unknown, where: string): ParsedField {
  if (!isObject(field)) throw new MapRowFormatError(`${where} is not an object`);
  const code = Number(property(field, "syncDirection"));
  const direction = code === 1 ? "toDataverse" : code === 2 ? "toFinOps" : code === 3 ? "both" : undefined;
  if (direction === undefined) throw new MapRowFormatError(`${where} has syncDirection ${String(code)}; expected 1, 2 or 3`);
  const parsed: ParsedField = {
    direction,
    fo: optionalText(property(field, "sourceField")),
    dv: optionalText(property(field, "destinationField")),
    valueMap: undefined,
    hasDefault: false,
    defaultValue: null,
  };
  const transforms = property(field, "valueTransforms");
  for (const transform of Array.isArray(transforms) ? transforms : []) {
    const type = String(property(transform, "transformType")).toLowerCase();
    if (type === "valuemap") {
      const valueMap = property(transform, "valueMap");
      parsed.valueMap = { ...(parsed.valueMap ?? {}), ...(isObject(valueMap) ? valueEntries(valueMap) : {}) };
    } else if (type === "default") {
      parsed.hasDefault = true;
      parsed.defaultValue = toValue(property(transform, "defaultValue"));
    }
  }
  return parsed;
}

function readProperties(row: MapRowInput): ParsedProperties {
  const raw = row.msdyn_properties;
  const properties = raw === undefined || raw === null || raw === "" ? {} : decodeJson(raw, `msdyn_properties of ${text(row.msdyn_name)}`);
  const scope = (value: unknown): Scope | undefined => (value === "company" || value === "global" ? value : undefined);
  const alerts = property(properties, "alerts");
  return {
    publisher: optionalText(property(properties, "publisher")) ?? undefined,
    label: optionalText(property(properties, "label")) ?? undefined,
    entitySet: optionalText(property(properties, "entitySet")) ?? undefined,
    financeAndOperationsScope: scope(property(properties, "financeAndOperationsScope")),
    dataverseScope: scope(property(properties, "dataverseScope")),
    alerts: Array.isArray(alerts) ? alerts.filter(isObject).map(toAlert) : undefined,
  };
}

function toAlert(raw: object): AlertRule {
  const notify = property(raw, "notify");
  const errorType = property(raw, "errorType");
  const action = property(raw, "action");
  return {
    errorType: errorType === "connection" ? "connection" : "application",
    errors: Number(property(raw, "errors")),
    withinMinutes: Number(property(raw, "withinMinutes")),
    notify: (Array.isArray(notify) ? notify.map(String) : []) as AlertRule["notify"],
    action: action === "pause" || action === "stop" ? action : "none",
  };
}

/** Parses a JSON column, also when it was stored double-encoded (a JSON string inside a JSON string). */
export function decodeJson(raw: unknown, what: string): unknown {
  let value = raw;
  for (let depth = 0; typeof value === "string" && depth < 3; depth++) {
    try {
      value = JSON.parse(value) as unknown;
    } catch {
      throw new MapRowFormatError(`${what} is not valid JSON`);
    }
  }
  if (!isObject(value)) throw new MapRowFormatError(`${what} is not a JSON object`);
  return value;
}

function valueEntries(source: object): Record<string, Value> {
  const result: Record<string, Value> = {};
  for (const [key, value] of Object.entries(source)) result[key] = toValue(value);
  return result;
}

function toValue(value: unknown): Value {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  return JSON.stringify(value);
}

function optionalText(value: unknown): string | null {
  return typeof value === "string" && value !== "" ? value : null;
}

/** A GUID derived from a name, so that saving the same map twice writes the same leg id. */
function stableGuid(name: string): string {
  const hex = createHash("sha256").update(name).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
