import { describe, expect, it } from "vitest";
import { edit, validate } from "../helpers/estate.js";
import { expectDiagnostics } from "./rule-helpers.js";

describe("DW140 company-specific maps to company-specific, global to global", () => {
  it("reports a global Dataverse side in a company map, at the Dataverse scope, with DIPV1002", () => {
    const files = edit(
      "maps/tablemaps/customers.yaml",
      "dataverse: { table: account, entitySet: accounts }",
      "dataverse: { table: account, entitySet: accounts, scope: global }",
    );
    const [d] = expectDiagnostics(files, ["maps/tablemaps/customers.yaml:4:58 DW140"]);
    expect(d).toMatchObject({
      code: "DW140",
      severity: "error",
      file: "maps/tablemaps/customers.yaml",
      line: 4,
      column: 58,
      platformCodes: ["DIPV1002"],
    });
    expect(d?.message).toBe("finance and operations side is company but Dataverse side is global");
  });

  it("reports a global F&O side in a company map, at the F&O scope", () => {
    const files = edit(
      "maps/tablemaps/customers.yaml",
      "financeAndOperations: { entity: CustomersV3, label: Customers V3 }",
      "financeAndOperations: { entity: CustomersV3, label: Customers V3, scope: global }",
    );
    const [d] = expectDiagnostics(files, ["maps/tablemaps/customers.yaml:3:74 DW140"]);
    expect(d?.message).toBe("finance and operations side is global but Dataverse side is company");
  });

  it("passes when a side repeats the map's scope", () => {
    const files = edit(
      "maps/tablemaps/customers.yaml",
      "dataverse: { table: account, entitySet: accounts }",
      "dataverse: { table: account, entitySet: accounts, scope: company }",
    );
    expect(validate(files)).toEqual([]);
  });
});
