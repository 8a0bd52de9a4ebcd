import type { Direction, FieldMapping, MapSymbol, TableMapModel } from "./desired.js";
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
  const row: FieldRow = { map: canonicalSymbol(field.direction, field.valueMap !== undefined || field.default !== undefined) };
  if (field.fo !== undefined) row.fo = field.fo;
  if (field.dv !== undefined) row.dv = field.dv.raw;
  if (field.valueMap !== undefined) row.valueMap = Object.fromEntries(field.valueMap.map((e) => [e.from, e.to]));
  if (field.default !== undefined) row.default = field.default.value;
  return row;
}

/** The definition dwctl saves for a desired map: what a live map version is compared with. */
export function toMapDefinition(map: TableMapModel): MapDefinition {
  const filters: MapDefinition["filters"] = {};
  if (map.filters.financeAndOperations !== undefined) filters.financeAndOperations = map.filters.financeAndOperations;
  if (map.filters.dataverse !== undefined) filters.dataverse = map.filters.dataverse;
  return {
    financeAndOperations: { ...map.financeAndOperations },
    dataverse: { ...map.dataverse },
    version: { ...map.version },
    filters,
    fields: map.fields.map(toFieldRow),
    alerts: map.alerts.map((a) => ({ ...a, notify: [...a.notify] as typeof a.notify })),
  };
}
