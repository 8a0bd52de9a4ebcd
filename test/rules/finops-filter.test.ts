import { describe, expect, it } from "vitest";
import { edit, validate } from "../helpers/estate.js";
import { expectDiagnostics } from "./rule-helpers.js";

const line = '  financeAndOperations: ((PartyType == "Organization"))\n';

/** The customers map with its F&O filter (line 10, value from column 25) replaced. */
function withFilter(filter: string): Record<string, string> {
  return edit("maps/tablemaps/customers.yaml", line, `  financeAndOperations: ${filter}\n`);
}

describe("DW131 F&O filters are valid query-range expressions", () => {
  it("reports an unclosed parenthesis at the opening parenthesis", () => {
    const [d] = expectDiagnostics(withFilter('((PartyType == "Organization")'), ["maps/tablemaps/customers.yaml:10:25 DW131"]);
    expect(d).toMatchObject({ code: "DW131", severity: "error", file: "maps/tablemaps/customers.yaml", line: 10, column: 25, endColumn: 26 });
    expect(d?.message).toBe("finance and operations filter: unbalanced parenthesis: '(' is never closed");
  });

  it("reports a string in single quotes, at the quote", () => {
    const [d] = expectDiagnostics(withFilter("(PartyType == 'Organization')"), ["maps/tablemaps/customers.yaml:10:39 DW131"]);
    expect(d?.message).toContain("unexpected");
    expect(d?.hint).toContain("double quotes");
  });

  it("reports an OData operator in an F&O filter", () => {
    const [d] = expectDiagnostics(withFilter('(PartyType eq "Organization")'), ["maps/tablemaps/customers.yaml:10:36 DW131"]);
    expect(d?.message).toContain("'eq'");
  });

  it("reports <> and suggests !=", () => {
    const [d] = expectDiagnostics(withFilter('(PartyType <> "Person")'), ["maps/tablemaps/customers.yaml:10:36 DW131"]);
    expect(d?.message).toBe("finance and operations filter: unknown operator '<>'");
    expect(d?.hint).toBe("Use '!='.");
  });

  it("passes the documented examples", () => {
    for (const filter of [
      '((PartyType == "Organization"))',
      "(AccountType == AccountType::Customer)",
      "((numberofemployees > 1000) && (numberofemployees <= 2000))",
      '(name like "A*")',
      "(TransactionDate <= 23\\06\\2021)",
    ]) {
      expect(validate(withFilter(filter)), filter).toEqual([]);
    }
  });
});
