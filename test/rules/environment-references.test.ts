import { describe, expect, it } from "vitest";
import { baseEstate, edit, validate } from "../helpers/estate.js";
import { edits, expectDiagnostics } from "./rule-helpers.js";

describe("DW174 pair references name existing pairs", () => {
  it("reports refreshedFrom naming no pair, at the reference", () => {
    const files = edit("maps/environments.yaml", "refreshedFrom: prod", "refreshedFrom: production");
    const [d] = expectDiagnostics(files, ["maps/environments.yaml:12:20 DW174"]);
    expect(d).toMatchObject({ code: "DW174", severity: "error", file: "maps/environments.yaml", line: 12, column: 20 });
    expect(d?.message).toBe('refreshedFrom "production": no pair has that name');
    expect(d?.hint).toBe("Use one of: prod, stage.");
  });

  it("reports a pair refreshed from itself", () => {
    const [d] = expectDiagnostics(edit("maps/environments.yaml", "refreshedFrom: prod", "refreshedFrom: stage"), ["maps/environments.yaml:12:20 DW174"]);
    expect(d?.message).toBe('pair "stage" is refreshed from itself');
  });

  it("reports a protected pair declared as a refresh target", () => {
    const files = edit("maps/environments.yaml", "refreshedFrom: prod", "refreshedFrom: prod\n    protected: true");
    const [d] = expectDiagnostics(files, ["maps/environments.yaml:12:20 DW174"]);
    expect(d?.message).toBe('protected pair "stage" is declared as a refresh target');
  });

  it("reports a map override for an unknown pair, at the override's key", () => {
    const files = edit("maps/tablemaps/customers.yaml", "stage: { state: paused }", "staging: { state: paused }");
    const [d] = expectDiagnostics(files, ["maps/tablemaps/customers.yaml:25:3 DW174"]);
    expect(d?.message).toBe("environments.staging: no pair has that name");
  });

  it("does not check map overrides when no pairs are declared", () => {
    const files = edits(["maps/tablemaps/customers.yaml", "stage: { state: paused }", "staging: { state: paused }"]);
    delete files["maps/environments.yaml"];
    expect(validate(files)).toEqual([]);
  });

  it("passes stage refreshed from prod with an override for stage (the base estate)", () => {
    expect(validate(baseEstate())).toEqual([]);
  });

  it("does not check map overrides while a file fails to load", () => {
    const files = edits(
      ["maps/tablemaps/customers.yaml", "stage: { state: paused }", "staging: { state: paused }"],
      ["maps/keys/account.yaml", "kind: IntegrationKey", "kind: IntegrationKey\ncolumn: accountnumber"],
    );
    expectDiagnostics(files, ["maps/keys/account.yaml:2:1 DW006"]);
  });
});
