import { describe, expect, it } from "vitest";
import { edit, validate } from "../helpers/estate.js";
import { expectDiagnostics } from "./rule-helpers.js";

const lastRow = '  - { fo: LANGUAGEID, map: "<<", default: en-us }\n';

function plus(row: string): Record<string, string> {
  return edit("maps/tablemaps/customers.yaml", lastRow, `${lastRow}${row}\n`);
}

describe("DW120 a destination is written by one mapping", () => {
  it("warns about a second row that writes the same Dataverse column, at the row", () => {
    const [d] = expectDiagnostics(plus('  - { fo: NAMEALIAS, map: ">", dv: name }'), ["maps/tablemaps/customers.yaml:20:5 DW120"]);
    expect(d).toMatchObject({ code: "DW120", severity: "warning", file: "maps/tablemaps/customers.yaml", line: 20, column: 5 });
    expect(d?.message).toBe("Dataverse column name is written by NAMEALIAS > name and by fields[1]");
  });

  it("warns about a second row that writes the same finance and operations field, ignoring case", () => {
    const [d] = expectDiagnostics(plus('  - { fo: organizationname, map: "<", dv: description }'), ["maps/tablemaps/customers.yaml:20:5 DW120"]);
    expect(d?.message).toBe("finance and operations field ORGANIZATIONNAME is written by organizationname < description and by fields[1]");
  });

  it("passes when the second row only reads the column", () => {
    expect(validate(plus('  - { fo: NAMEALIAS, map: "<", dv: name }'))).toEqual([]);
  });

  it("reports an exact repeat as DW124 only, not also as DW120", () => {
    expectDiagnostics(plus('  - { fo: ORGANIZATIONNAME, map: "=", dv: name }'), ["maps/tablemaps/customers.yaml:20:5 DW124"]);
  });
});
