import { describe, expect, it } from "vitest";
import { edit, validate } from "../helpers/estate.js";
import { expectDiagnostics } from "./rule-helpers.js";
import { lineKeyColumns, lineKeyPath, salesOrderEdit, salesOrderEstate } from "./template-fixtures.js";

const columns = "columns: [accountnumber, msdyn_company.cdm_companycode]";

describe("DW114 key columns can form an alternate key", () => {
  // Microsoft's key of salesorderdetail (Dual-write-automations App.config, "salesorderdetails - CDS sales
  // order lines"): sequencenumber,salesorderid.msdyn_salesordernumber,salesorderid.msdyn_company.cdm_companycode.
  it("passes several expanded columns through one lookup (salesorderdetail's key)", () => {
    expect(validate(salesOrderEstate()).filter((d) => d.code === "DW114")).toEqual([]);
  });

  it("reports the bare lookup next to its expansions, at the bare column", () => {
    const files = salesOrderEdit(lineKeyPath, lineKeyColumns, lineKeyColumns.replace("[sequencenumber, ", "[sequencenumber, salesorderid, "));
    const found = validate(files).filter((d) => d.code === "DW114");
    expect(found.map((d) => `${d.file}:${d.line}:${d.column}`)).toEqual([`${lineKeyPath}:3:27`]);
    expect(found[0]?.message).toBe(
      'column "salesorderid" is the lookup that "salesorderid.msdyn_salesordernumber" and "salesorderid.msdyn_company.cdm_companycode" expand; a key names a lookup by its expanded columns only',
    );
  });

  it("reports a plain column next to an expansion of the same attribute", () => {
    const files = edit("maps/keys/account.yaml", columns, "columns: [accountnumber, msdyn_company, msdyn_company.cdm_companycode]");
    const [d] = expectDiagnostics(files, ["maps/keys/account.yaml:3:26 DW114"]);
    expect(d).toMatchObject({ code: "DW114", severity: "error", file: "maps/keys/account.yaml", line: 3, column: 26 });
    expect(d?.message).toContain('"msdyn_company"');
  });

  it("passes with one expanded column per lookup, in any order", () => {
    expect(validate(edit("maps/keys/account.yaml", columns, "columns: [msdyn_company.cdm_companycode, accountnumber]"))).toEqual([]);
  });
});
