import { describe, expect, it } from "vitest";
import { edit, validate } from "../helpers/estate.js";
import { edits, expectDiagnostics } from "./rule-helpers.js";

describe("DW150 dependsOn names existing maps", () => {
  it("reports an unknown map name at that entry", () => {
    const files = edit("maps/tablemaps/customers.yaml", "dependsOn: [currencies]", "dependsOn: [currencies, customer-groups]");
    const [d] = expectDiagnostics(files, ["maps/tablemaps/customers.yaml:12:25 DW150"]);
    expect(d).toMatchObject({ code: "DW150", severity: "error", file: "maps/tablemaps/customers.yaml", line: 12, column: 25, endColumn: 40 });
    expect(d?.message).toBe('dependsOn "customer-groups": no map has that name');
  });

  it("does not match a map by its file name or entity, only by its name", () => {
    const files = edit("maps/tablemaps/customers.yaml", "dependsOn: [currencies]", "dependsOn: [transactioncurrencies]");
    expectDiagnostics(files, ["maps/tablemaps/customers.yaml:12:13 DW150"]);
  });

  it("passes when every entry names a map", () => {
    const files = edit("maps/tablemaps/customers.yaml", "dependsOn: [currencies]", "dependsOn: [currencies, legal-entities]");
    expect(validate(files)).toEqual([]);
  });

  it("does not report while the named map fails to load", () => {
    const files = edits(
      ["maps/tablemaps/customers.yaml", "dependsOn: [currencies]", "dependsOn: [currencies, legal-entities]"],
      ["maps/tablemaps/legal-entities.yaml", "scope: global", "scope: globals"],
    );
    expectDiagnostics(files, ["maps/tablemaps/legal-entities.yaml:5:8 DW006"]);
  });
});
