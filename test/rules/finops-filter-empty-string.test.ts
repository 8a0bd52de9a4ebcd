import { describe, expect, it } from "vitest";
import { edit, validate } from "../helpers/estate.js";
import { expectDiagnostics } from "./rule-helpers.js";

const line = '  financeAndOperations: ((PartyType == "Organization"))\n';

function withFilter(filter: string): Record<string, string> {
  return edit("maps/tablemaps/customers.yaml", line, `  financeAndOperations: ${filter}\n`);
}

describe('DW132 F&O filters do not compare with ""', () => {
  it('warns about (ParentProject == "") at the comparison, naming the field', () => {
    const [d] = expectDiagnostics(withFilter('(ParentProject == "")'), ["maps/tablemaps/customers.yaml:10:26 DW132"]);
    expect(d).toMatchObject({ code: "DW132", severity: "warning", file: "maps/tablemaps/customers.yaml", line: 10, column: 26, endColumn: 45 });
    expect(d?.message).toContain("field ParentProject");
    expect(d?.message).toContain("null");
  });

  it('warns about "" on the left and inside a larger expression', () => {
    const [d] = expectDiagnostics(withFilter('((PartyType == "Organization") && ("" != ParentProject))'), ["maps/tablemaps/customers.yaml:10:60 DW132"]);
    expect(d?.message).toContain("ParentProject");
  });

  it('warns about like ""', () => {
    expectDiagnostics(withFilter('(ParentProject like "")'), ["maps/tablemaps/customers.yaml:10:26 DW132"]);
  });

  it("passes a comparison with a non-empty string", () => {
    expect(validate(withFilter('(ParentProject == "P-000001")'))).toEqual([]);
  });

  it('passes a string that only contains quotes around a space (" ")', () => {
    expect(validate(withFilter('(ParentProject != " ")'))).toEqual([]);
  });
});
