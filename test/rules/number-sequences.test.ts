import { describe, expect, it } from "vitest";
import { baseEstate, edit, validate } from "../helpers/estate.js";
import { expectDiagnostics } from "./rule-helpers.js";

const formats = "    financeAndOperations: { prefix: F }\n    dataverse: { prefix: C }\n";

function withFormats(fo: string, dv: string): Record<string, string> {
  return edit("maps/tablemaps/customers.yaml", formats, `    financeAndOperations: ${fo}\n    dataverse: ${dv}\n`);
}

describe("DW160 number sequences of the two apps do not overlap", () => {
  it("passes the FAQ's separate prefixes F and C (the base estate)", () => {
    expect(baseEstate()["maps/tablemaps/customers.yaml"]).toContain(formats);
    expect(validate(baseEstate())).toEqual([]);
  });

  it("reports overlapping ranges US 1-4999 and US 4000-9999, at the sequence", () => {
    const files = withFormats("{ prefix: US, from: 1, to: 4999 }", "{ prefix: US, from: 4000, to: 9999 }");
    const [d] = expectDiagnostics(files, ["maps/tablemaps/customers.yaml:21:5 DW160"]);
    expect(d).toMatchObject({ code: "DW160", severity: "error", file: "maps/tablemaps/customers.yaml", line: 21, column: 5 });
    expect(d?.message).toBe('numbers for CUSTOMERACCOUNT can collide: finance and operations uses "US" 1-4999, Dataverse uses "US" 4000-9999');
  });

  it("passes the FAQ's split range US 1-4999 and US 5000-9999", () => {
    expect(validate(withFormats("{ prefix: US, from: 1, to: 4999 }", "{ prefix: US, from: 5000, to: 9999 }"))).toEqual([]);
  });

  it("reports ranges that touch at one number (4999)", () => {
    expectDiagnostics(withFormats("{ prefix: US, from: 1, to: 4999 }", "{ prefix: US, from: 4999, to: 9999 }"), ["maps/tablemaps/customers.yaml:21:5 DW160"]);
  });

  it("reports the same prefix in different case with no ranges", () => {
    const [d] = expectDiagnostics(withFormats("{ prefix: f }", "{ prefix: F }"), ["maps/tablemaps/customers.yaml:21:5 DW160"]);
    expect(d?.message).toContain("(any number)");
  });

  it("reports a prefix that continues the other's digits (F and F1)", () => {
    expectDiagnostics(withFormats("{ prefix: F }", "{ prefix: F1 }"), ["maps/tablemaps/customers.yaml:21:5 DW160"]);
  });

  it("passes prefixes where one extends the other with a letter (F and FC)", () => {
    expect(validate(withFormats("{ prefix: F }", "{ prefix: FC }"))).toEqual([]);
  });

  it("reports a range written backwards, at that side", () => {
    const files = withFormats("{ prefix: F, from: 9999, to: 1 }", "{ prefix: C }");
    const [d] = expectDiagnostics(files, ["maps/tablemaps/customers.yaml:22:27 DW160"]);
    expect(d?.message).toBe("numberSequences[0].financeAndOperations: from 9999 is after to 1");
  });
});
