import { describe, expect, it } from "vitest";
import { edit, validate } from "../helpers/estate.js";
import { expectDiagnostics } from "./rule-helpers.js";

const row = '  - { fo: CREDITLIMITISMANDATORY, map: "><", dv: msdyn_creditlimitismandatory, valueMap: { "No": 0, "Yes": 1 } }\n';

function withRow(text: string): Record<string, string> {
  return edit("maps/tablemaps/customers.yaml", row, text);
}

describe("DW122 a two-way value map can be read backwards", () => {
  it("warns when two elements map to the same choice value, at the second value", () => {
    const files = withRow('  - { fo: CREDITLIMITISMANDATORY, map: "><", dv: msdyn_creditlimitismandatory, valueMap: { "No": 0, "Yes": 1, "Maybe": 1 } }\n');
    const [d] = expectDiagnostics(files, ["maps/tablemaps/customers.yaml:17:120 DW122"]);
    expect(d).toMatchObject({ code: "DW122", severity: "warning", file: "maps/tablemaps/customers.yaml", line: 17, column: 120 });
    expect(d?.message).toBe('"Yes" and "Maybe" both map to "1": Dataverse to finance and operations cannot tell them apart');
  });

  it("treats 1 and \"1\" as the same choice value", () => {
    const files = withRow('  - { fo: CREDITLIMITISMANDATORY, map: "><", dv: msdyn_creditlimitismandatory, valueMap: { "No": "1", "Yes": 1 } }\n');
    const [d] = expectDiagnostics(files, ["maps/tablemaps/customers.yaml:17:110 DW122"]);
    expect(d?.message).toContain('"No" and "Yes"');
  });

  it("warns about two elements that both map to null", () => {
    const files = withRow('  - { fo: CREDITLIMITISMANDATORY, map: "><", dv: msdyn_creditlimitismandatory, valueMap: { "No": null, "Yes": null } }\n');
    const [d] = expectDiagnostics(files, ["maps/tablemaps/customers.yaml:17:111 DW122"]);
    expect(d?.message).toContain("both map to null");
  });

  it("passes with distinct values", () => {
    const files = withRow('  - { fo: CREDITLIMITISMANDATORY, map: "><", dv: msdyn_creditlimitismandatory, valueMap: { "No": 0, "Yes": 1, "Maybe": 2 } }\n');
    expect(validate(files)).toEqual([]);
  });

  it("passes with repeated values on a one-way map (>>), which never reads backwards", () => {
    const files = withRow('  - { fo: CREDITLIMITISMANDATORY, map: ">>", dv: msdyn_creditlimitismandatory, valueMap: { "No": 0, "Yes": 1, "Maybe": 1 } }\n');
    expect(validate(files)).toEqual([]);
  });
});
