import { describe, expect, it } from "vitest";
import { estateWith, validate } from "../helpers/estate.js";
import { expectDiagnostics } from "./rule-helpers.js";

function accountsMap(name: string, entity: string, table: string, entitySet: string, key: string): string {
  return `kind: TableMap
name: ${name}
financeAndOperations: { entity: ${entity} }
dataverse: { table: ${table}, entitySet: ${entitySet} }
scope: company
version: { publisher: contoso, number: 1.0.0.0 }
fields:
  - { fo: ${key.toUpperCase().replace(/^MSDYN_/, "")}, map: "=", dv: ${key} }
`;
}

const contactKey = `kind: IntegrationKey
table: contact
columns: [msdyn_contactpersonid, msdyn_company.cdm_companycode]
alternateKey: { schemaName: msdyn_contactpersonid_company, displayName: Contact person and company }
`;

describe("DW105 one map per entity and table pair", () => {
  it("reports a second map of Customers V3 to account at its Dataverse table, naming the first map", () => {
    const files = estateWith({ "maps/tablemaps/customers-copy.yaml": accountsMap("customers-copy", "CustomersV3", "account", "accounts", "accountnumber") });
    const [d] = expectDiagnostics(files, ["maps/tablemaps/customers-copy.yaml:4:21 DW105"]);
    expect(d).toMatchObject({ code: "DW105", severity: "error", file: "maps/tablemaps/customers-copy.yaml", line: 4, column: 21 });
    expect(d?.message).toBe('CustomersV3 <-> account is already mapped by "customers"');
  });

  it("compares entity names without case", () => {
    const files = estateWith({ "maps/tablemaps/customers-copy.yaml": accountsMap("customers-copy", "customersv3", "account", "accounts", "accountnumber") });
    expectDiagnostics(files, ["maps/tablemaps/customers-copy.yaml:4:21 DW105"]);
  });

  it("passes for the same entity paired with another table (Customers V3 - Contacts)", () => {
    const files = estateWith({
      "maps/tablemaps/customers-contacts.yaml": accountsMap("customers-contacts", "CustomersV3", "contact", "contacts", "msdyn_contactpersonid"),
      "maps/keys/contact.yaml": contactKey,
    });
    expect(validate(files)).toEqual([]);
  });

  it("passes for another entity paired with the same table", () => {
    const files = estateWith({ "maps/tablemaps/customers-v2.yaml": accountsMap("customers-v2", "CustomersV2", "account", "accounts", "accountnumber") });
    expect(validate(files)).toEqual([]);
  });
});
