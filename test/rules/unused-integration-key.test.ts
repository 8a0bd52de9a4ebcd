import { describe, expect, it } from "vitest";
import { baseEstate, estateWith, validate } from "../helpers/estate.js";
import { expectDiagnostics } from "./rule-helpers.js";

const contactKey = `kind: IntegrationKey
table: contact
columns: [msdyn_contactpersonid, msdyn_company.cdm_companycode]
alternateKey: { schemaName: msdyn_contactpersonid_company, displayName: Contact person and company }
`;

const contactsMap = `kind: TableMap
name: contacts
financeAndOperations: { entity: CDSContactsV2, label: CDS Contacts V2 }
dataverse: { table: contact, entitySet: contacts }
scope: company
version: { publisher: contoso, number: 1.0.0.0 }
filters:
  dataverse: msdyn_contactforvendor eq true and msdyn_sellable eq false and msdyn_contactpersonid ne ''
fields:
  - { fo: CONTACTPERSONID, map: "=", dv: msdyn_contactpersonid }
  - { fo: GENDER, map: "><", dv: gendercode, valueMap: { Male: 1, Female: 2, NonSpecific: 3 } }
`;

describe("DW115 an integration key belongs to a mapped table", () => {
  it("warns about a key for a table no map covers, at its table", () => {
    const [d] = expectDiagnostics(estateWith({ "maps/keys/contact.yaml": contactKey }), ["maps/keys/contact.yaml:2:8 DW115"]);
    expect(d).toMatchObject({ code: "DW115", severity: "warning", file: "maps/keys/contact.yaml", line: 2, column: 8 });
    expect(d?.message).toBe('no map uses table "contact"');
  });

  it("passes when a map covers the table", () => {
    expect(validate(estateWith({ "maps/keys/contact.yaml": contactKey, "maps/tablemaps/contacts.yaml": contactsMap }))).toEqual([]);
  });

  it("does not warn in a repository with keys but no maps yet", () => {
    const files = Object.fromEntries(Object.entries(baseEstate()).filter(([path]) => !path.includes("/tablemaps/")));
    expect(validate({ ...files, "maps/keys/contact.yaml": contactKey })).toEqual([]);
  });

  it("does not warn while the map that uses the key fails to load", () => {
    const brokenMap = contactsMap.replace("scope: company", "scope: companies");
    expectDiagnostics(estateWith({ "maps/keys/contact.yaml": contactKey, "maps/tablemaps/contacts.yaml": brokenMap }), [
      "maps/tablemaps/contacts.yaml:5:8 DW006",
    ]);
  });
});
