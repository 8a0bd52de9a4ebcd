import { describe, expect, it } from "vitest";
import { edit, validate } from "../helpers/estate.js";
import { expectDiagnostics } from "./rule-helpers.js";

const lastRow = '  - { fo: LANGUAGEID, map: "<<", default: en-us }\n';

function withCompanyRow(symbol: string): Record<string, string> {
  return edit("maps/tablemaps/customers.yaml", lastRow, `${lastRow}  - { fo: COMPANY, map: "${symbol}", dv: msdyn_company.cdm_companycode }\n`);
}

describe("DW112 integration key fields all sync both ways, or none does", () => {
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
      "key field COMPANY -> msdyn_company.cdm_companycode syncs one way (>) while key field accountnumber syncs both ways",
    );
  });

  it("reports a key field mapped Dataverse to finance and operations only", () => {
    const [d] = expectDiagnostics(withCompanyRow("<"), ["maps/tablemaps/customers.yaml:20:25 DW112"]);
    expect(d?.message).toContain("(<)");
  });

  it("passes when both key fields sync both ways", () => {
    expect(validate(withCompanyRow("="))).toEqual([]);
  });

  it("passes when no key field syncs both ways", () => {
    const files = edit(
      "maps/tablemaps/customers.yaml",
      '{ fo: CUSTOMERACCOUNT, map: "=", dv: accountnumber }',
      '{ fo: CUSTOMERACCOUNT, map: ">", dv: accountnumber }',
    );
    expect(validate(files)).toEqual([]);
  });
});
