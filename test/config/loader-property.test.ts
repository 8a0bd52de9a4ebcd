import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { validateSources } from "../../src/validate/validate-sources.js";
import { baseEstate } from "../helpers/estate.js";

const yamlish = fc.stringMatching(/^[ \n\t:>\-[\]{}&*!|'"#%@`,?a-zA-Z0-9<=.]*$/, { maxLength: 400 });

function check(text: string): void {
  const files = { ...baseEstate(), "maps/tablemaps/fuzz.yaml": text };
  const result = validateSources(Object.entries(files).map(([path, t]) => ({ path, text: t })));
  for (const d of result.diagnostics) {
    expect(d.line).toBeGreaterThanOrEqual(1);
    expect(d.column).toBeGreaterThanOrEqual(1);
    expect(d.hint.length).toBeGreaterThan(0);
    expect(d.code).toMatch(/^DW[0-9]{3}$/);
  }
}

describe("the loader on arbitrary text", () => {
  it("never throws, and every diagnostic has a position, a code and a hint", () => {
    fc.assert(fc.property(fc.string({ maxLength: 300 }), (t) => check(t)), { numRuns: 300 });
    fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 300 }), (t) => check(t)), { numRuns: 300 });
    fc.assert(fc.property(yamlish, (t) => check(t)), { numRuns: 500 });
  });

  it("never throws on mutations of a valid map", () => {
    const map = baseEstate()["maps/tablemaps/customers.yaml"] ?? "";
    const mutated = fc
      .tuple(fc.nat({ max: map.length }), fc.nat({ max: 20 }), fc.string({ maxLength: 10 }))
      .map(([at, cut, insert]) => map.slice(0, at) + insert + map.slice(at + cut));
    fc.assert(fc.property(mutated, (t) => check(t)), { numRuns: 500 });
  });
});
