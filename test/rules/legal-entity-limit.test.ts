import { describe, expect, it } from "vitest";
import { validate } from "../helpers/estate.js";
import { edits, expectDiagnostics } from "./rule-helpers.js";

function entities(count: number): string {
  return Array.from({ length: count }, (_, i) => `LE${String(i + 1).padStart(2, "0")}`).join(", ");
}

function prodWith(count: number, ...more: [string, string, string][]): Record<string, string> {
  return edits(["maps/environments.yaml", "    legalEntities: [USMF]\n    auth:", `    legalEntities: [${entities(count)}]\n    auth:`], ...more);
}

describe("DW173 at most 40 legal entities where initial sync runs", () => {
  it("reports 41 legal entities with initial sync, at the list, naming the pair and the maps", () => {
    const [d] = expectDiagnostics(prodWith(41), ["maps/environments.yaml:8:20 DW173"]);
    expect(d).toMatchObject({ code: "DW173", severity: "error", file: "maps/environments.yaml", line: 8, column: 20 });
    expect(d?.message).toBe(
      'pair "prod" links 41 legal entities, and 3 map(s) run an initial sync there (legal-entities, currencies, customers); the limit is 40',
    );
  });

  it("passes exactly 40 legal entities", () => {
    expect(validate(prodWith(40))).toEqual([]);
  });

  it("passes 41 legal entities when no map runs an initial sync in that pair", () => {
    const files = prodWith(
      41,
      ["maps/tablemaps/legal-entities.yaml", "initialSync: { enabled: true, master: financeAndOperations }", "initialSync: { enabled: false }"],
      ["maps/tablemaps/currencies.yaml", "scope: global\n", "scope: global\ninitialSync: { enabled: false }\n"],
      ["maps/tablemaps/customers.yaml", "stage: { state: paused }", "stage: { state: paused }\n  prod: { initialSync: { enabled: false } }"],
    );
    expect(validate(files)).toEqual([]);
  });

  it("still reports when one map keeps initial sync (currencies defaults to enabled)", () => {
    const files = prodWith(
      41,
      ["maps/tablemaps/legal-entities.yaml", "initialSync: { enabled: true, master: financeAndOperations }", "initialSync: { enabled: false }"],
      ["maps/tablemaps/customers.yaml", "stage: { state: paused }", "stage: { state: paused }\n  prod: { enabled: false }"],
    );
    const [d] = expectDiagnostics(files, ["maps/environments.yaml:8:20 DW173"]);
    expect(d?.message).toContain("1 map(s) run an initial sync there (currencies)");
  });
});
