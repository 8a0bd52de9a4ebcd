import type { Desired, FieldMapping, IntegrationKeyModel, TableMapModel } from "../model/desired.js";
import { isCompanyColumn } from "../model/lookups.js";

/** The field mappings that carry one key column of the map's table. */
export function mappingsOfColumn(map: TableMapModel, column: string): FieldMapping[] {
  return map.fields.filter((f) => f.dv !== undefined && f.dv.raw === column && f.fo !== undefined);
}

/**
 * For company-specific maps the platform generates the company mapping itself, so an unmapped
 * company column in the key is not an error.
 */
export function isImplicitCompanyColumn(map: TableMapModel, column: string): boolean {
  return map.scope === "company" && isCompanyColumn(column);
}

export function keyOf(desired: Desired, map: TableMapModel): IntegrationKeyModel | undefined {
  return desired.keys.find((k) => k.table === map.dataverse.table);
}
