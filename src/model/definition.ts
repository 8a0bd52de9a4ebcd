import type { Direction, FieldMapping, MapSymbol, MapVersion, TableMapModel } from "./desired.js";
import type { FieldRow, MapDefinition } from "./snapshot.js";

/**
 * The symbol the platform stores: a direction plus whether transforms are present. Deriving it
 * (rather than keeping what was written) means a live map read back compares equal.
 */
export function canonicalSymbol(direction: Direction, transformed: boolean): MapSymbol {
  if (direction === "both") return transformed ? "><" : "=";
  if (direction === "toDataverse") return transformed ? ">>" : ">";
  return transformed ? "<<" : "<";
}

export function toFieldRow(field: FieldMapping): FieldRow {
  // Most rows in one literal, in the same key order: a row built property by property needs a second
  // allocation for them, and a plan of 5,000 maps of 40 fields holds 200,000 rows (README, Benchmarks, Memory).
  if (field.fo !== undefined && field.dv !== undefined && field.valueMap === undefined && field.default === undefined) {
    return { map: canonicalSymbol(field.direction, false), fo: field.fo, dv: field.dv.raw };
  }
  const row: FieldRow = { map: canonicalSymbol(field.direction, field.valueMap !== undefined || field.default !== undefined) };
  if (field.fo !== undefined) row.fo = field.fo;
  if (field.dv !== undefined) row.dv = field.dv.raw;
  if (field.valueMap !== undefined) row.valueMap = Object.fromEntries(field.valueMap.map((e) => [e.from, e.to]));
  if (field.default !== undefined) row.default = field.default.value;
  return row;
}

/**
 * The version a followed map's definition carries before the plan resolves it against the live
 * templates: no publisher, no number. It is never saved (a followed map is never saved).
 */
export const UNRESOLVED_VERSION: Readonly<MapVersion> = Object.freeze({ publisher: "", number: "" });

/** The version git pins, or UNRESOLVED_VERSION for a followed map. */
export function pinnedVersion(map: Pick<TableMapModel, "version">): MapVersion {
  return map.version.kind === "pin" ? { publisher: map.version.publisher, number: map.version.number } : { ...UNRESOLVED_VERSION };
}

/**
 * The definition dwctl saves for a desired map: what a live map version is compared with. Its
 * version is the pinned one unless `version` is given (a followed map's resolved version).
 */
export function toMapDefinition(map: TableMapModel, version: MapVersion = pinnedVersion(map)): MapDefinition {
  const filters: MapDefinition["filters"] = {};
  if (map.filters.financeAndOperations !== undefined) filters.financeAndOperations = map.filters.financeAndOperations;
  if (map.filters.dataverse !== undefined) filters.dataverse = map.filters.dataverse;
  return {
    financeAndOperations: { ...map.financeAndOperations },
    dataverse: { ...map.dataverse },
    version: { publisher: version.publisher, number: version.number },
    filters,
    fields: map.fields.map(toFieldRow),
    alerts: map.alerts.map((a) => ({ ...a, notify: [...a.notify] as typeof a.notify })),
  };
}
