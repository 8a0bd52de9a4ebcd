import { describe, expect, it } from "vitest";
import { baseEstate, estateWith, validate } from "../helpers/estate.js";
import { expectDiagnostics } from "./rule-helpers.js";

/** A second map of Currencies V2 to transactioncurrency, valid on its own. */
function currenciesV2(name: string): string {
  return `kind: TableMap
name: ${name}
financeAndOperations: { entity: CurrenciesV2 }
dataverse: { table: transactioncurrency, entitySet: transactioncurrencies }
scope: global
version: { publisher: contoso, number: 1.0.0.0 }
fields:
  - { fo: CURRENCYCODE, map: "=", dv: isocurrencycode }
`;
}

describe("DW101 unique map names", () => {
  it("reports the second map that reuses a name, at its name", () => {
    const files = estateWith({ "maps/more/currencies.yaml": currenciesV2("currencies") });
    const [d] = expectDiagnostics(files, ["maps/more/currencies.yaml:2:7 DW101"]);
    expect(d).toMatchObject({ code: "DW101", severity: "error", file: "maps/more/currencies.yaml", line: 2, column: 7, endLine: 2, endColumn: 17 });
    expect(d?.message).toBe('map name "currencies" is already used by maps/tablemaps/currencies.yaml');
  });

  it("reports every later duplicate, not the first", () => {
    const files = estateWith({
      "maps/a/customers.yaml": currenciesV2("customers").replace("CurrenciesV2", "CurrenciesA"),
      "maps/b/customers.yaml": currenciesV2("customers").replace("CurrenciesV2", "CurrenciesB"),
    });
    const ds = expectDiagnostics(files, ["maps/a/customers.yaml:2:7 DW101", "maps/b/customers.yaml:2:7 DW101"]);
    for (const d of ds) expect(d.message).toContain("maps/tablemaps/customers.yaml");
  });

  it("passes when the second map has its own name", () => {
    const files = estateWith({ "maps/more/currencies-v2.yaml": currenciesV2("currencies-v2") });
    expect(validate(files)).toEqual([]);
  });

  it("passes on the base estate, whose three names differ", () => {
    expect(validate(baseEstate())).toEqual([]);
  });
});
