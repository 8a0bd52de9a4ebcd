import { describe, expect, it } from "vitest";
import { edit, validate } from "../helpers/estate.js";
import { expectDiagnostics } from "./rule-helpers.js";

const lastRow = '  - { fo: LANGUAGEID, map: "<<", default: en-us }\n';

function plus(row: string): Record<string, string> {
  return edit("maps/tablemaps/customers.yaml", lastRow, `${lastRow}${row}\n`);
}

describe("DW124 a mapping row is not repeated", () => {
  it("reports a repeated row at the repeat, naming the first", () => {
    const [d] = expectDiagnostics(plus('  - { fo: ORGANIZATIONNAME, map: "=", dv: name }'), ["maps/tablemaps/customers.yaml:20:5 DW124"]);
    expect(d).toMatchObject({
      code: "DW124",
      severity: "error",
      file: "maps/tablemaps/customers.yaml",
      line: 20,
      column: 5,
      platformCodes: ["DIPV1023", "DIPV1026", "DIPV1029"],
    });
    expect(d?.message).toBe("mapping ORGANIZATIONNAME = name repeats fields[1]");
  });

  it("names DIPV1023 (a source twice in bidirectional mappings) only for a two-way row", () => {
    const [d] = expectDiagnostics(plus('  - { map: ">>", dv: customertypecode, default: 3 }'), ["maps/tablemaps/customers.yaml:20:5 DW124"]);
    expect(d?.platformCodes).toEqual(["DIPV1026", "DIPV1029"]);
  });

  it("treats the finance and operations field without case and the word both like =", () => {
    const [d] = expectDiagnostics(plus("  - { fo: OrganizationName, map: both, dv: name }"), ["maps/tablemaps/customers.yaml:20:5 DW124"]);
    expect(d?.message).toContain("repeats fields[1]");
  });

  it("reports a repeated lookup row (transactioncurrencyid.isocurrencycode)", () => {
    const [d] = expectDiagnostics(plus('  - { fo: SALESCURRENCYCODE, map: "=", dv: transactioncurrencyid.isocurrencycode }'), [
      "maps/tablemaps/customers.yaml:20:5 DW124",
    ]);
    expect(d?.message).toBe("mapping SALESCURRENCYCODE = transactioncurrencyid.isocurrencycode repeats fields[2]");
  });

  it("is not a repeat when the direction differs (that is DW120's warning instead)", () => {
    expectDiagnostics(plus('  - { fo: ORGANIZATIONNAME, map: ">", dv: name }'), ["maps/tablemaps/customers.yaml:20:5 DW120"]);
  });

  it("passes the same source field mapped one way to another column", () => {
    expect(validate(plus('  - { fo: ORGANIZATIONNAME, map: ">", dv: description }'))).toEqual([]);
  });
});
