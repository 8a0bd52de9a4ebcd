import { describe, expect, it } from "vitest";
import { edit, validate } from "../helpers/estate.js";
import { expectDiagnostics } from "./rule-helpers.js";

const line = '  financeAndOperations: ((PartyType == "Organization"))\n';

function withFilter(filter: string): Record<string, string> {
  return edit("maps/tablemaps/customers.yaml", line, `  financeAndOperations: ${filter}\n`);
}

describe("DW134 F&O filters are wrapped in parentheses", () => {
  it("warns about a filter without enclosing parentheses, spanning the filter", () => {
    const [d] = expectDiagnostics(withFilter('PartyType == "Organization"'), ["maps/tablemaps/customers.yaml:10:25 DW134"]);
    expect(d).toMatchObject({ code: "DW134", severity: "warning", file: "maps/tablemaps/customers.yaml", line: 10, column: 25, endColumn: 52 });
    expect(d?.message).toContain("not enclosed in parentheses");
  });

  it("warns when two parenthesised conditions are joined but not enclosed together", () => {
    expectDiagnostics(withFilter("(numberofemployees > 1000) && (numberofemployees <= 2000)"), ["maps/tablemaps/customers.yaml:10:25 DW134"]);
  });

  it("passes the same conditions enclosed in one pair of parentheses", () => {
    expect(validate(withFilter("((numberofemployees > 1000) && (numberofemployees <= 2000))"))).toEqual([]);
    expect(validate(withFilter('(PartyType == "Organization")'))).toEqual([]);
  });
});
