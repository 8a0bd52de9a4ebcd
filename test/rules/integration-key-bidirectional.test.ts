import { describe, expect, it } from "vitest";
import { edit, validate } from "../helpers/estate.js";
import { expectDiagnostics } from "./rule-helpers.js";
import { headerPath, headerRows, salesOrderEdit, salesOrderEstate } from "./template-fixtures.js";

const lastRow = '  - { fo: LANGUAGEID, map: "<<", default: en-us }\n';

function withCompanyRow(symbol: string): Record<string, string> {
  return edit("maps/tablemaps/customers.yaml", lastRow, `${lastRow}  - { fo: COMPANY, map: "${symbol}", dv: msdyn_company.cdm_companycode }\n`);
}

describe("DW112 if any field of a map syncs both ways, every integration key field does", () => {
  it("reports a one-way key field next to a two-way one, at its map, with DIPV1004", () => {
    const [d] = expectDiagnostics(withCompanyRow(">"), ["maps/tablemaps/customers.yaml:20:25 DW112"]);
    expect(d).toMatchObject({
      code: "DW112",
      severity: "error",
      file: "maps/tablemaps/customers.yaml",
      line: 20,
      column: 25,
      platformCodes: ["DIPV1004"],
    });
    expect(d?.message).toBe(
      "key field COMPANY -> msdyn_company.cdm_companycode syncs one way (>) while CUSTOMERACCOUNT = accountnumber (fields[0]) syncs both ways; in a two-way map every key field must",
    );
  });

  it("reports a key field mapped Dataverse to finance and operations only", () => {
    const [d] = expectDiagnostics(withCompanyRow("<"), ["maps/tablemaps/customers.yaml:20:25 DW112"]);
    expect(d?.message).toContain("(<)");
  });

  it("passes when both key fields sync both ways", () => {
    expect(validate(withCompanyRow("="))).toEqual([]);
  });

  it("reports a one-way key field when only other fields sync both ways", () => {
    const files = edit(
      "maps/tablemaps/customers.yaml",
      '{ fo: CUSTOMERACCOUNT, map: "=", dv: accountnumber }',
      '{ fo: CUSTOMERACCOUNT, map: ">", dv: accountnumber }',
    );
    const [d] = expectDiagnostics(files, ["maps/tablemaps/customers.yaml:14:33 DW112"]);
    expect(d?.message).toContain("while ORGANIZATIONNAME = name (fields[1]) syncs both ways");
  });

  it("passes a map where every field mapping is one-way", () => {
    const files = edit("maps/tablemaps/currencies.yaml", 'map: "=", dv: isocurrencycode }\n  - { fo: NAME, map: "="', 'map: ">", dv: isocurrencycode }\n  - { fo: NAME, map: ">"');
    expect(validate(files)).toEqual([]);
  });

  // CDS sales order headers (SalesOrderHeaderCDSEntity-salesorder.md) and lines
  // (SalesOrderLineCDSEntity-salesorderdetails.md) map their key fields "><" in two-way maps.
  it("passes Microsoft's sales order maps, whose key fields sync both ways", () => {
    expect(validate(salesOrderEstate()).filter((d) => d.code === "DW112")).toEqual([]);
  });

  it('reports the header\'s order number made one-way while CURRENCYCODE >< transactioncurrencyid.isocurrencycode stays two-way', () => {
    const files = salesOrderEdit(headerPath, headerRows.number, headerRows.number.replace('"><"', '">>"'));
    const found = validate(files).filter((d) => d.code === "DW112");
    expect(found.map((d) => `${d.file}:${d.line}:${d.column}`)).toEqual([`${headerPath}:8:34`]);
    expect(found[0]?.message).toBe(
      "key field SALESORDERNUMBER -> msdyn_salesordernumber syncs one way (>>) while CURRENCYCODE >< transactioncurrencyid.isocurrencycode (fields[1]) syncs both ways; in a two-way map every key field must",
    );
  });
});
