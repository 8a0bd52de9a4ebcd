import { describe, expect, it } from "vitest";
import { baseEstate, validate } from "../helpers/estate.js";

describe("the base estate used by rule tests", () => {
  it("validates with no diagnostics", () => {
    expect(validate(baseEstate())).toEqual([]);
  });
});
