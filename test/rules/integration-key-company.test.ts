import { describe, expect, it } from "vitest";
import { edit, validate } from "../helpers/estate.js";
import { edits, expectDiagnostics } from "./rule-helpers.js";

describe("DW113 a company-specific table's key includes the company", () => {
  it("reports a company-specific table whose key has no company column, at the columns", () => {
    const files = edit("maps/keys/account.yaml", "columns: [accountnumber, msdyn_company.cdm_companycode]", "columns: [accountnumber]");
    const [d] = expectDiagnostics(files, ["maps/keys/account.yaml:3:10 DW113"]);
    expect(d).toMatchObject({ code: "DW113", severity: "error", file: "maps/keys/account.yaml", line: 3, column: 10 });
    expect(d?.message).toBe('table "account" is company-specific (map "customers") but its integration key has no company column');
    expect(d?.hint).toContain("msdyn_company.cdm_companycode");
  });

  it("passes with the company column anywhere in the key", () => {
    const files = edit(
      "maps/keys/account.yaml",
      "columns: [accountnumber, msdyn_company.cdm_companycode]",
      "columns: [msdyn_company.cdm_companycode, accountnumber]",
    );
    expect(validate(files)).toEqual([]);
  });

  it("passes for the same key when the map is global", () => {
    const files = edits(
      ["maps/keys/account.yaml", "columns: [accountnumber, msdyn_company.cdm_companycode]", "columns: [accountnumber]"],
      ["maps/tablemaps/customers.yaml", "scope: company", "scope: global"],
    );
    expect(validate(files)).toEqual([]);
  });
});
