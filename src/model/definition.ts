import type { FieldMapping, TableMapModel } from "./desired.js";
import type { FieldRow, MapDefinition } from "./snapshot.js";

export function toFieldRow(field: FieldMapping): FieldRow {
  const row: FieldRow = { map: field.symbol };
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
    alerts: map.alerts.map((a) => ({ ...a })),
  };
}
