import { describe, expect, it } from "vitest";
import { baseEstate, edit, estateWith, validate } from "../helpers/estate.js";
import { expectDiagnostics } from "./rule-helpers.js";
import { linePath, lineRows, salesOrderEdit, salesOrderEstate } from "./template-fixtures.js";

const accountRow = '  - { fo: CUSTOMERACCOUNT, map: "=", dv: accountnumber }\n';

/** A global map of exchange rate types; its key is declared per test. */
const rateTypes = `kind: TableMap
name: exchange-rate-types
financeAndOperations: { entity: ExchangeRateTypes }
dataverse: { table: msdyn_exchangeratetype, entitySet: msdyn_exchangeratetypes }
scope: global
version: { publisher: contoso, number: 1.0.0.0 }
fields:
  - { fo: NAME, map: "=", dv: msdyn_name }
`;

function rateTypeKey(columns: string): string {
  return `kind: IntegrationKey
table: msdyn_exchangeratetype
columns: ${columns}
alternateKey: { schemaName: msdyn_exchangeratetype_key, displayName: Exchange rate type }
`;
}

describe("DW111 every integration key column is mapped", () => {
  it("reports an unmapped key column at the fields key, naming the column and the key file", () => {
    const files = edit("maps/tablemaps/customers.yaml", accountRow, "");
    const [d] = expectDiagnostics(files, ["maps/tablemaps/customers.yaml:13:1 DW111"]);
    expect(d).toMatchObject({
      code: "DW111",
      severity: "error",
      file: "maps/tablemaps/customers.yaml",
      line: 13,
      column: 1,
      platformCodes: ["DIPV1014"],
    });
    expect(d?.message).toBe('integration key column "accountnumber" (maps/keys/account.yaml) is not mapped');
  });

  it("does not count a default-only row (no fo) as mapping the key column", () => {
    const files = edit("maps/tablemaps/customers.yaml", accountRow, '  - { map: ">>", dv: accountnumber, default: "C0001" }\n');
    const [d] = expectDiagnostics(files, ["maps/tablemaps/customers.yaml:13:1 DW111"]);
    expect(d?.message).toContain('"accountnumber"');
  });

  it("reports an unmapped lookup key column in a global map with the lookup platform codes", () => {
    const files = estateWith({
      "maps/tablemaps/exchange-rate-types.yaml": rateTypes,
      "maps/keys/msdyn_exchangeratetype.yaml": rateTypeKey("[msdyn_name, msdyn_company.cdm_companycode]"),
    });
    const [d] = expectDiagnostics(files, ["maps/tablemaps/exchange-rate-types.yaml:7:1 DW111"]);
    expect(d).toMatchObject({ platformCodes: ["DIPV1015"] });
    expect(d?.message).toContain('"msdyn_company.cdm_companycode"');
    expect(d?.hint).toContain("msdyn_company.cdm_companycode");
  });

  it("passes when every key column is mapped", () => {
    const files = estateWith({
      "maps/tablemaps/exchange-rate-types.yaml": rateTypes,
      "maps/keys/msdyn_exchangeratetype.yaml": rateTypeKey("[msdyn_name]"),
    });
    expect(validate(files)).toEqual([]);
  });

  it("passes when only the company column of a company-specific map is unmapped (the platform maps it)", () => {
    // customers (company scope) maps accountnumber but not msdyn_company.cdm_companycode.
    expect(validate(baseEstate())).toEqual([]);
  });

  // CDS sales order lines (SalesOrderLineCDSEntity-salesorderdetails.md) maps no company at all; its key
  // (Dual-write-automations App.config) holds the order's company: salesorderid.msdyn_company.cdm_companycode.
  it("passes the company reached through a lookup, unmapped, in a company-specific map (CDS sales order lines)", () => {
    expect(validate(salesOrderEstate()).filter((d) => d.code === "DW111")).toEqual([]);
  });

  it("reports the order's own number when its row is gone (SALESORDERNUMBER >< salesorderid.msdyn_salesordernumber), with DIPV1015", () => {
    const files = salesOrderEdit(linePath, lineRows.order, "");
    const found = validate(files).filter((d) => d.code === "DW111");
    expect(found.map((d) => `${d.file}:${d.line}:${d.column}`)).toEqual([`${linePath}:7:1`]);
    expect(found[0]?.message).toBe('integration key column "salesorderid.msdyn_salesordernumber" (maps/keys/salesorderdetail.yaml) is not mapped');
    expect(found[0]?.platformCodes).toEqual(["DIPV1015"]);
  });
});
