import { describe, expect, it } from "vitest";
import { baseEstate, estateWith, validate } from "../helpers/estate.js";
import { expectDiagnostics } from "./rule-helpers.js";

describe("DW110 every mapped table has an integration key declared here", () => {
  it("warns on a map whose Dataverse table has no key, at the table, with DIPV1003", () => {
    const files = estateWith({ "maps/keys/account.yaml": undefined });
    const [d] = expectDiagnostics(files, ["maps/tablemaps/customers.yaml:4:21 DW110"]);
    expect(d).toMatchObject({
      code: "DW110",
      severity: "warning",
      file: "maps/tablemaps/customers.yaml",
      line: 4,
      column: 21,
      platformCodes: ["DIPV1003"],
    });
    expect(d?.message).toBe(
      'table "account" has no integration key in this repository: the platform generates one from the table\'s alternate keys, and the map fails to start (DIPV1003) if there is none',
    );
    expect(d?.hint).toContain("maps/keys/account.yaml");
  });

  it("does not accept a key for another table with a similar name", () => {
    const key = (baseEstate()["maps/keys/account.yaml"] ?? "").replace("table: account", "table: accounts");
    const files = estateWith({ "maps/keys/account.yaml": undefined, "maps/keys/accounts.yaml": key });
    expectDiagnostics(files, ["maps/keys/accounts.yaml:2:8 DW115", "maps/tablemaps/customers.yaml:4:21 DW110"]);
  });

  it("passes when the key exists, whatever its file is called", () => {
    const key = baseEstate()["maps/keys/account.yaml"] ?? "";
    const files = estateWith({ "maps/keys/account.yaml": undefined, "maps/keys/crm/account.yaml": key });
    expect(validate(files)).toEqual([]);
  });

  it("does not report a missing key while the key file fails to load (only the real error is shown)", () => {
    const broken = (baseEstate()["maps/keys/account.yaml"] ?? "").replace("columns: [", "columns: [AccountNumber, ");
    const [d] = expectDiagnostics(estateWith({ "maps/keys/account.yaml": broken }), ["maps/keys/account.yaml:3:11 DW006"]);
    expect(d?.message).toContain("columns[0]");
  });
});
