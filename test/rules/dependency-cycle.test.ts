import { describe, expect, it } from "vitest";
import { estateWith, validate } from "../helpers/estate.js";
import { expectDiagnostics } from "./rule-helpers.js";

/** A small valid global map named `name` (entity Currencies<Name>) that depends on `deps`. */
function mapNamed(name: string, deps: readonly string[]): string {
  return `kind: TableMap
name: ${name}
financeAndOperations: { entity: Currencies${name.toUpperCase()} }
dataverse: { table: transactioncurrency, entitySet: transactioncurrencies }
scope: global
version: { publisher: contoso, number: 1.0.0.0 }
dependsOn: [${deps.join(", ")}]
fields:
  - { fo: CURRENCYCODE, map: "=", dv: isocurrencycode }
`;
}

describe("DW151 dependsOn has no cycles", () => {
  it("reports a -> b -> c -> a once, with its path, at the first map's entry", () => {
    const files = estateWith({
      "maps/tablemaps/a.yaml": mapNamed("a", ["currencies", "b"]),
      "maps/tablemaps/b.yaml": mapNamed("b", ["c"]),
      "maps/tablemaps/c.yaml": mapNamed("c", ["a"]),
    });
    const [d] = expectDiagnostics(files, ["maps/tablemaps/a.yaml:7:25 DW151"]);
    expect(d).toMatchObject({ code: "DW151", severity: "error", file: "maps/tablemaps/a.yaml", line: 7, column: 25 });
    expect(d?.message).toBe("dependency cycle: a -> b -> c -> a");
  });

  it("reports a map that depends on itself", () => {
    const [d] = expectDiagnostics(estateWith({ "maps/tablemaps/a.yaml": mapNamed("a", ["a"]) }), ["maps/tablemaps/a.yaml:7:13 DW151"]);
    expect(d?.message).toBe("dependency cycle: a -> a");
  });

  it("passes a chain a -> b -> c without the closing edge", () => {
    const files = estateWith({
      "maps/tablemaps/a.yaml": mapNamed("a", ["b"]),
      "maps/tablemaps/b.yaml": mapNamed("b", ["c"]),
      "maps/tablemaps/c.yaml": mapNamed("c", ["currencies"]),
    });
    expect(validate(files)).toEqual([]);
  });

  it("passes a diamond (a -> b, a -> c, b -> c), which is not a cycle", () => {
    const files = estateWith({
      "maps/tablemaps/a.yaml": mapNamed("a", ["b", "c"]),
      "maps/tablemaps/b.yaml": mapNamed("b", ["c"]),
      "maps/tablemaps/c.yaml": mapNamed("c", []),
    });
    expect(validate(files)).toEqual([]);
  });
});
