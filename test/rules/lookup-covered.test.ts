import { describe, expect, it } from "vitest";
import { edit, validate } from "../helpers/estate.js";
import { expectDiagnostics } from "./rule-helpers.js";

const lastRow = '  - { fo: LANGUAGEID, map: "<<", default: en-us }\n';

function plus(row: string, extra: Record<string, string> = {}): Record<string, string> {
  const files = edit("maps/tablemaps/customers.yaml", lastRow, `${lastRow}${row}\n`);
  return { ...files, ...extra };
}

const customerGroupKey = `kind: IntegrationKey
table: msdyn_customergroup
columns: [msdyn_groupid, msdyn_company.cdm_companycode]
alternateKey: { schemaName: msdyn_groupid_company, displayName: Customer group and company }
`;

const contactKey = `kind: IntegrationKey
table: contact
columns: [msdyn_contactpersonid, msdyn_company.cdm_companycode]
alternateKey: { schemaName: msdyn_contactpersonid_company, displayName: Contact person and company }
`;

describe("DW152 a lookup points at a table that a map covers", () => {
  it("warns when no integration key has the lookup's column, at the dv value", () => {
    const [d] = expectDiagnostics(plus('  - { fo: CUSTOMERGROUPID, map: "=", dv: msdyn_customergroupid.msdyn_groupid }'), [
      "maps/tablemaps/customers.yaml:20:42 DW152",
    ]);
    expect(d).toMatchObject({ code: "DW152", severity: "warning", file: "maps/tablemaps/customers.yaml", line: 20, column: 42 });
    expect(d?.message).toBe(
      'lookup msdyn_customergroupid.msdyn_groupid: no integration key in this repository has column "msdyn_groupid", so no map covers the related table',
    );
  });

  it("warns when the key exists but no map covers its table", () => {
    const files = plus('  - { fo: CUSTOMERGROUPID, map: "=", dv: msdyn_customergroupid.msdyn_groupid }', {
      "maps/keys/msdyn_customergroup.yaml": customerGroupKey,
    });
    const ds = expectDiagnostics(files, ["maps/keys/msdyn_customergroup.yaml:2:8 DW115", "maps/tablemaps/customers.yaml:20:42 DW152"]);
    expect(ds[1]?.message).toBe("lookup msdyn_customergroupid.msdyn_groupid points at msdyn_customergroup, which no map covers");
  });

  it("warns about a relatedTable that no map covers", () => {
    const [d] = expectDiagnostics(
      plus('  - { fo: CUSTOMERGROUPID, map: "=", dv: msdyn_customergroupid.msdyn_groupid, relatedTable: msdyn_customergroup }'),
      ["maps/tablemaps/customers.yaml:20:42 DW152"],
    );
    expect(d?.message).toContain("points at msdyn_customergroup");
  });

  it("passes a lookup resolved through the currency key and covered by currencies (like transactioncurrencyid.isocurrencycode)", () => {
    expect(validate(plus('  - { fo: CURRENCY, map: ">", dv: msdyn_billingcurrency.isocurrencycode }'))).toEqual([]);
  });

  it("passes the polymorphic customerid.Account(accountnumber).Contact(msdyn_contactpersonid) when one target is covered", () => {
    const files = plus('  - { fo: INVOICEACCOUNT, map: ">", dv: customerid.Account(accountnumber).Contact(msdyn_contactpersonid) }', {
      "maps/keys/contact.yaml": contactKey,
    });
    expectDiagnostics(files, ["maps/keys/contact.yaml:2:8 DW115"]);
  });

  it("warns about a polymorphic lookup when none of its targets is covered", () => {
    const [d] = expectDiagnostics(plus('  - { fo: INVOICEACCOUNT, map: ">", dv: customerid.Lead(leadid).Contact(msdyn_contactpersonid) }'), [
      "maps/tablemaps/customers.yaml:20:41 DW152",
    ]);
    expect(d?.message).toBe("lookup customerid.Lead(leadid).Contact(msdyn_contactpersonid) points at lead, contact, which no map covers");
  });

  it("does not warn while a file fails to load (the related key may be in it)", () => {
    const files = plus('  - { fo: CUSTOMERGROUPID, map: "=", dv: msdyn_customergroupid.msdyn_groupid }', {
      "maps/keys/msdyn_customergroup.yaml": customerGroupKey.replace("displayName: Customer group and company", "displayName: ''"),
    });
    expectDiagnostics(files, ["maps/keys/msdyn_customergroup.yaml:4:65 DW006"]);
  });
});
