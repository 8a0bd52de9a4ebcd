import type { Desired, FieldMapping, IntegrationKeyModel, TableMapModel } from "../model/desired.js";
import { isCompanyColumn } from "../model/lookups.js";

/** The field mappings that carry one key column of the map's table. */
export function mappingsOfColumn(map: TableMapModel, column: string): FieldMapping[] {
  return map.fields.filter((f) => f.dv !== undefined && f.dv.raw === column && f.fo !== undefined);
}

/**
 * Whether a key column is a company stripe: the table's own company lookup (msdyn_company.cdm_companycode)
 * or the company reached through the lookups of a parent row, as in Microsoft's line templates
 * (salesorderid.msdyn_company.cdm_companycode on salesorderdetail).
 */
export function isCompanyKeyColumn(column: string): boolean {
  const parts = column.split(".");
  return parts.some((_, i) => isCompanyColumn(parts.slice(i).join(".")));
}

/**
 * For company-specific maps the platform maps the company itself: Microsoft's customisation
 * guidance says the company field should not be in the mapping of a legal-entity-specific
 * table, because it is already part of the key (custom-best-practices.md). So an unmapped company
 * column in the key, direct or through a parent's lookup, is not an error.
 */
export function isImplicitCompanyColumn(map: TableMapModel, column: string): boolean {
  return map.scope === "company" && isCompanyKeyColumn(column);
}

export function keyOf(desired: Desired, map: TableMapModel): IntegrationKeyModel | undefined {
  return desired.keys.find((k) => k.table === map.dataverse.table);
}
