import { describe, expect, it } from "vitest";
import { baseEstate, estateWith, validate } from "../helpers/estate.js";
import { expectDiagnostics } from "./rule-helpers.js";

const otherAccountKey = `kind: IntegrationKey
table: account
columns: [accountnumber, msdyn_company.cdm_companycode]
alternateKey: { schemaName: contoso_accountnumber_company, displayName: Account number and company (copy) }
`;

describe("DW103 one integration key per table", () => {
  it("reports a second key for the same table, at its table, naming the first file", () => {
    const files = estateWith({ "maps/keys/crm/account.yaml": otherAccountKey });
    const [d] = expectDiagnostics(files, ["maps/keys/crm/account.yaml:2:8 DW103"]);
    expect(d).toMatchObject({ code: "DW103", severity: "error", file: "maps/keys/crm/account.yaml", line: 2, column: 8, endColumn: 15 });
    expect(d?.message).toBe('table "account" already has an integration key in maps/keys/account.yaml');
  });

  it("passes when the one key for the table moves to another folder", () => {
    const files = estateWith({ "maps/keys/account.yaml": undefined, "maps/keys/crm/account.yaml": otherAccountKey });
    expect(validate(files)).toEqual([]);
  });

  it("passes with one key per table in the base estate", () => {
    expect(validate(baseEstate())).toEqual([]);
  });
});
