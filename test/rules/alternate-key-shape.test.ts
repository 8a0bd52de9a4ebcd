import { describe, expect, it } from "vitest";
import { edit, validate } from "../helpers/estate.js";
import { expectDiagnostics } from "./rule-helpers.js";

const columns = "columns: [accountnumber, msdyn_company.cdm_companycode]";

describe("DW114 key columns can form an alternate key", () => {
  it("reports a second expanded column of the same lookup, at that column", () => {
    const files = edit("maps/keys/account.yaml", columns, "columns: [accountnumber, msdyn_company.cdm_companycode, msdyn_company.cdm_name]");
    const [d] = expectDiagnostics(files, ["maps/keys/account.yaml:3:57 DW114"]);
    expect(d).toMatchObject({ code: "DW114", severity: "error", file: "maps/keys/account.yaml", line: 3, column: 57 });
    expect(d?.message).toBe(
      'columns msdyn_company.cdm_companycode and msdyn_company.cdm_name both use attribute "msdyn_company"; an alternate key lists each attribute once',
    );
  });

  it("reports a plain column next to an expansion of the same attribute", () => {
    const files = edit("maps/keys/account.yaml", columns, "columns: [accountnumber, msdyn_company, msdyn_company.cdm_companycode]");
    const [d] = expectDiagnostics(files, ["maps/keys/account.yaml:3:41 DW114"]);
    expect(d?.message).toContain('"msdyn_company"');
  });

  it("passes with one expanded column per lookup, in any order", () => {
    expect(validate(edit("maps/keys/account.yaml", columns, "columns: [msdyn_company.cdm_companycode, accountnumber]"))).toEqual([]);
  });
});
