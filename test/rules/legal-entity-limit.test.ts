import { describe, expect, it } from "vitest";
import { validate } from "../helpers/estate.js";
import { edits, expectDiagnostics } from "./rule-helpers.js";

function entities(count: number): string {
  return Array.from({ length: count }, (_, i) => `LE${String(i + 1).padStart(2, "0")}`).join(", ");
}

function prodWith(count: number, ...more: [string, string, string][]): Record<string, string> {
  return edits(["maps/environments.yaml", "    legalEntities: [USMF]\n    auth:", `    legalEntities: [${entities(count)}]\n    auth:`], ...more);
}

// dual-write-troubleshooting-initial-setup.md: "The current limit when you link the environments is
// approximately 40 legal entities. This error occurs if you try to enable maps, and more than 40 legal
// entities are linked between the environments."
describe("DW173 at most 40 legal entities in a pair whose maps run", () => {
  it("reports 41 legal entities where maps run, at the list, naming the pair and the maps", () => {
    const [d] = expectDiagnostics(prodWith(41), ["maps/environments.yaml:8:20 DW173"]);
    expect(d).toMatchObject({ code: "DW173", severity: "error", file: "maps/environments.yaml", line: 8, column: 20 });
    expect(d?.message).toBe('pair "prod" links 41 legal entities, and 3 map(s) run there (legal-entities, currencies, customers); enabling a map fails above 40');
  });

  it("passes exactly 40 legal entities", () => {
    expect(validate(prodWith(40))).toEqual([]);
  });

  it("reports 41 legal entities even when no map runs an initial sync: the limit is at link time", () => {
    const files = prodWith(
      41,
      ["maps/tablemaps/legal-entities.yaml", "initialSync: { enabled: true, master: financeAndOperations }", "initialSync: { enabled: false }"],
      ["maps/tablemaps/currencies.yaml", "scope: global\n", "scope: global\ninitialSync: { enabled: false }\n"],
      ["maps/tablemaps/customers.yaml", "stage: { state: paused }", "stage: { state: paused }\n  prod: { initialSync: { enabled: false } }"],
    );
    const [d] = expectDiagnostics(files, ["maps/environments.yaml:8:20 DW173"]);
    expect(d?.message).toContain("3 map(s) run there");
  });

  it("passes 41 legal entities when every map is stopped or absent in that pair", () => {
    const files = prodWith(
      41,
      ["maps/tablemaps/legal-entities.yaml", "initialSync: { enabled: true, master: financeAndOperations }", "initialSync: { enabled: true, master: financeAndOperations }\nenvironments:\n  prod: { enabled: false }"],
      ["maps/tablemaps/currencies.yaml", "scope: global\n", "scope: global\nstate: stopped\n"],
      ["maps/tablemaps/customers.yaml", "stage: { state: paused }", "stage: { state: paused }\n  prod: { state: stopped }"],
    );
    expect(validate(files)).toEqual([]);
  });

  it("counts a map that runs in that pair only through its override", () => {
    const files = prodWith(
      41,
      ["maps/tablemaps/legal-entities.yaml", "initialSync: { enabled: true, master: financeAndOperations }", "initialSync: { enabled: true, master: financeAndOperations }\nenvironments:\n  prod: { enabled: false }"],
      ["maps/tablemaps/currencies.yaml", "scope: global\n", "scope: global\nstate: stopped\nenvironments:\n  prod: { state: paused }\n"],
      ["maps/tablemaps/customers.yaml", "stage: { state: paused }", "stage: { state: paused }\n  prod: { state: stopped }"],
    );
    const [d] = expectDiagnostics(files, ["maps/environments.yaml:8:20 DW173"]);
    expect(d?.message).toContain("1 map(s) run there (currencies)");
  });
});
