import { describe, expect, it } from "vitest";
import { edit, validate } from "../helpers/estate.js";
import { expectDiagnostics } from "./rule-helpers.js";

const foLine = '  financeAndOperations: ((PartyType == "Organization"))\n';
const dvLine = "  dataverse: customertypecode eq 3\n";

describe("DW133 filters do not select legal entities", () => {
  it("reports msdyn_company eq 'USMF' in a Dataverse filter, at the column", () => {
    const files = edit("maps/tablemaps/customers.yaml", dvLine, "  dataverse: customertypecode eq 3 and msdyn_company eq 'USMF'\n");
    const [d] = expectDiagnostics(files, ["maps/tablemaps/customers.yaml:11:40 DW133"]);
    expect(d).toMatchObject({ code: "DW133", severity: "error", file: "maps/tablemaps/customers.yaml", line: 11, column: 40, endColumn: 53 });
    expect(d?.message).toBe('Dataverse filter selects by company column "msdyn_company"');
    expect(d?.hint).toContain("legalEntities");
  });

  it('reports (DataAreaId == "usmf") in an F&O filter, at the field', () => {
    const files = edit("maps/tablemaps/customers.yaml", foLine, '  financeAndOperations: (DataAreaId == "usmf")\n');
    const [d] = expectDiagnostics(files, ["maps/tablemaps/customers.yaml:10:26 DW133"]);
    expect(d).toMatchObject({ code: "DW133", severity: "error", line: 10, column: 26, endColumn: 36 });
    expect(d?.message).toBe('finance and operations filter selects by company field "DataAreaId"');
  });

  it("reports the lookup value column _msdyn_company_value", () => {
    const files = edit("maps/tablemaps/customers.yaml", dvLine, "  dataverse: _msdyn_company_value ne null\n");
    const [d] = expectDiagnostics(files, ["maps/tablemaps/customers.yaml:11:14 DW133"]);
    expect(d?.message).toContain("_msdyn_company_value");
  });

  it("passes filters on the table's own business columns", () => {
    const files = edit("maps/tablemaps/customers.yaml", dvLine, "  dataverse: customertypecode eq 3 and statecode eq 0\n");
    expect(validate(files)).toEqual([]);
    const fo = edit("maps/tablemaps/customers.yaml", foLine, '  financeAndOperations: ((PartyType == "Organization") && (CustomerGroupId == "10"))\n');
    expect(validate(fo)).toEqual([]);
  });
});
