import { baseEstate } from "../helpers/estate.js";

/*
 * Microsoft's CDS sales order templates, cut to the rows the key rules look at. Rows are copied as
 * Microsoft's pages print them:
 * - headers: includes/SalesOrderHeaderCDSEntity-salesorder.md ("SALESORDERNUMBER | >< | msdyn_salesordernumber",
 *   "CURRENCYCODE | >< | transactioncurrencyid.isocurrencycode", "SALESORDERNAME | >> | name");
 * - lines: includes/SalesOrderLineCDSEntity-salesorderdetails.md ("LINECREATIONSEQUENCENUMBER | >< | sequencenumber",
 *   "ORDEREDSALESQUANTITY | >< | quantity", "SALESORDERNUMBER | >< | salesorderid.msdyn_salesordernumber",
 *   "LINEAMOUNT | >> | extendedamount");
 * (folder articles/fin-ops-core/dev-itpro/data-entities/dual-write/ of MicrosoftDocs/dynamics-365-unified-operations-public).
 * The integration keys are the ones Microsoft's DW Helper deploys with these maps (microsoft/Dual-write-automations,
 * DualWriteHelper/App.config): salesorders "msdyn_salesordernumber,msdyn_company.cdm_companycode", salesorderdetails
 * "sequencenumber,salesorderid.msdyn_salesordernumber,salesorderid.msdyn_company.cdm_companycode".
 */

export const headerPath = "maps/tablemaps/cds-sales-order-headers-salesorders.yaml";
export const linePath = "maps/tablemaps/cds-sales-order-lines-salesorderdetails.yaml";
export const lineKeyPath = "maps/keys/salesorderdetail.yaml";

export const headerRows = {
  number: '  - { fo: SALESORDERNUMBER, map: "><", dv: msdyn_salesordernumber }\n',
  currency: '  - { fo: CURRENCYCODE, map: "><", dv: transactioncurrencyid.isocurrencycode }\n',
  name: '  - { fo: SALESORDERNAME, map: ">>", dv: name }\n',
};

export const lineRows = {
  sequence: '  - { fo: LINECREATIONSEQUENCENUMBER, map: "><", dv: sequencenumber }\n',
  quantity: '  - { fo: ORDEREDSALESQUANTITY, map: "><", dv: quantity }\n',
  order: '  - { fo: SALESORDERNUMBER, map: "><", dv: salesorderid.msdyn_salesordernumber }\n',
  amount: '  - { fo: LINEAMOUNT, map: ">>", dv: extendedamount }\n',
};

export const lineKeyColumns = "columns: [sequencenumber, salesorderid.msdyn_salesordernumber, salesorderid.msdyn_company.cdm_companycode]";

/** The base estate with the two sales order maps and their keys. */
export function salesOrderEstate(): Record<string, string> {
  return {
    ...baseEstate(),
    [headerPath]: `kind: TableMap
name: cds-sales-order-headers-salesorders
financeAndOperations: { entity: SalesOrderHeaderCDSEntity, label: CDS sales order headers }
dataverse: { table: salesorder, entitySet: salesorders }
scope: company
version: { publisher: dynamics365, number: 1.0.0.0 }
fields:
${headerRows.number}${headerRows.currency}${headerRows.name}`,
    "maps/keys/salesorder.yaml": `kind: IntegrationKey
table: salesorder
columns: [msdyn_salesordernumber, msdyn_company.cdm_companycode]
alternateKey: { schemaName: msdyn_salesordernumber_company, displayName: Sales order number and company }
`,
    [linePath]: `kind: TableMap
name: cds-sales-order-lines-salesorderdetails
financeAndOperations: { entity: SalesOrderLineCDSEntity, label: CDS sales order lines }
dataverse: { table: salesorderdetail, entitySet: salesorderdetails }
scope: company
version: { publisher: dynamics365, number: 1.0.0.0 }
fields:
${lineRows.sequence}${lineRows.quantity}${lineRows.order}${lineRows.amount}`,
    [lineKeyPath]: `kind: IntegrationKey
table: salesorderdetail
${lineKeyColumns}
alternateKey: { schemaName: msdyn_salesorderdetail_key, displayName: Sales order line }
`,
  };
}

/** The sales order estate with one text replacement in one file (the text must be there). */
export function salesOrderEdit(path: string, from: string, to: string): Record<string, string> {
  const files = salesOrderEstate();
  const text = files[path];
  if (text === undefined || !text.includes(from)) throw new Error(`fixture ${path} does not contain ${from}`);
  files[path] = text.replace(from, to);
  return files;
}
