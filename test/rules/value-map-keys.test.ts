import { describe, expect, it } from "vitest";
import { baseEstate, edit, validate } from "../helpers/estate.js";
import { expectDiagnostics } from "./rule-helpers.js";

const valueMap = '{ "No": 0, "Yes": 1 }';

function withValueMap(text: string): Record<string, string> {
  return edit("maps/tablemaps/customers.yaml", valueMap, text);
}

describe("DW121 value map keys are unique enum elements", () => {
  it("reports a key that repeats another in a different case, at the key", () => {
    const [d] = expectDiagnostics(withValueMap('{ "No": 0, "Yes": 1, "yes": 2 }'), ["maps/tablemaps/customers.yaml:17:111 DW121"]);
    expect(d).toMatchObject({ code: "DW121", severity: "error", file: "maps/tablemaps/customers.yaml", line: 17, column: 111 });
    expect(d?.message).toBe('value map key "yes" repeats "Yes" (enum element names are case-insensitive)');
  });

  it("reports NO and no as the same element, next to a blank key", () => {
    const [d] = expectDiagnostics(withValueMap('{ "": 0, "NO": 1, "no": 2 }'), ["maps/tablemaps/customers.yaml:17:108 DW121"]);
    expect(d?.message).toBe('value map key "no" repeats "NO" (enum element names are case-insensitive)');
  });

  it("passes with a blank key, which maps a blank finance and operations value", () => {
    expect(validate(withValueMap('{ "": null, "No": 0, "Yes": 1 }'))).toEqual([]);
  });

  it('passes with the value map { "No": 0, "Yes": 1 }', () => {
    expect(baseEstate()["maps/tablemaps/customers.yaml"]).toContain(valueMap);
    expect(validate(baseEstate())).toEqual([]);
  });

  it("passes with keys that differ in more than case", () => {
    expect(validate(withValueMap('{ "No": 0, "Yes": 1, "Yes2": 2 }'))).toEqual([]);
  });
});
