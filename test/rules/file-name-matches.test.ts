import { describe, expect, it } from "vitest";
import { baseEstate, edit, estateWith, validate } from "../helpers/estate.js";
import { expectDiagnostics } from "./rule-helpers.js";

const accountKey = baseEstate()["maps/keys/account.yaml"] ?? "";

describe("DW102 file name matches what the file declares", () => {
  it("reports a map whose name differs from its file name, at the name", () => {
    const files = edit("maps/tablemaps/customers.yaml", "name: customers", "name: customer-accounts");
    const [d] = expectDiagnostics(files, ["maps/tablemaps/customers.yaml:2:7 DW102"]);
    expect(d).toMatchObject({ code: "DW102", severity: "error", file: "maps/tablemaps/customers.yaml", line: 2, column: 7 });
    expect(d?.message).toBe('file name "customers.yaml" does not match map name "customer-accounts"');
    expect(d?.hint).toContain("customer-accounts.yaml");
  });

  it("reports an integration key whose file is not named after its table, at the table", () => {
    const files = estateWith({ "maps/keys/account.yaml": undefined, "maps/keys/accounts.yaml": accountKey });
    const [d] = expectDiagnostics(files, ["maps/keys/accounts.yaml:2:8 DW102"]);
    expect(d).toMatchObject({ code: "DW102", severity: "error", line: 2, column: 8 });
    expect(d?.message).toBe('file name "accounts.yaml" does not match table "account"');
  });

  it("passes when only the folder differs, with a .yml extension, or with Windows separators", () => {
    const files = estateWith({
      "maps/keys/account.yaml": undefined,
      "maps\\keys\\crm\\account.yml": accountKey,
    });
    expect(validate(files)).toEqual([]);
  });

  it("is case-sensitive: Customers.yaml does not declare customers", () => {
    const text = baseEstate()["maps/tablemaps/customers.yaml"] ?? "";
    const files = estateWith({ "maps/tablemaps/customers.yaml": undefined, "maps/tablemaps/Customers.yaml": text });
    expectDiagnostics(files, ["maps/tablemaps/Customers.yaml:2:7 DW102"]);
  });
});
