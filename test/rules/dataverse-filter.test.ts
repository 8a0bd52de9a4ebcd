import { describe, expect, it } from "vitest";
import { edit, validate } from "../helpers/estate.js";
import { expectDiagnostics } from "./rule-helpers.js";

/** The customers map with its Dataverse filter (line 11, value from column 14) replaced. */
function withFilter(filter: string): Record<string, string> {
  return edit("maps/tablemaps/customers.yaml", "  dataverse: customertypecode eq 3\n", `  dataverse: ${filter}\n`);
}

describe("DW130 Dataverse filters use the supported OData subset", () => {
  it("reports contains() at the function name, with DIPV1012", () => {
    const [d] = expectDiagnostics(withFilter("customertypecode eq 3 and contains(name, 'Contoso')"), ["maps/tablemaps/customers.yaml:11:40 DW130"]);
    expect(d).toMatchObject({
      code: "DW130",
      severity: "error",
      file: "maps/tablemaps/customers.yaml",
      line: 11,
      column: 40,
      endLine: 11,
      endColumn: 48,
      platformCodes: ["DIPV1012"],
    });
    expect(d?.message).toBe("Dataverse filter: function contains() is not supported in a dual-write Dataverse filter");
  });

  it("reports startswith() (shown in a 2023 revision of the docs, later removed)", () => {
    const [d] = expectDiagnostics(withFilter("startswith(name, 'Contoso')"), ["maps/tablemaps/customers.yaml:11:14 DW130"]);
    expect(d?.message).toContain("function startswith() is not supported");
  });

  it("reports not contains() too", () => {
    const [d] = expectDiagnostics(withFilter("not contains(name, 'test')"), ["maps/tablemaps/customers.yaml:11:18 DW130"]);
    expect(d?.message).toContain("contains()");
  });

  it("reports a nested lookup primarycontactid/fullname, naming the path", () => {
    const [d] = expectDiagnostics(withFilter("primarycontactid/fullname eq 'Ann Smith'"), ["maps/tablemaps/customers.yaml:11:14 DW130"]);
    expect(d).toMatchObject({ endColumn: 39 });
    expect(d?.message).toBe(
      "Dataverse filter: 'primarycontactid/fullname' navigates to a related table (nested lookup), which a dual-write Dataverse filter cannot use",
    );
  });

  it("reports an F&O-style == in a Dataverse filter, at the operator", () => {
    const [d] = expectDiagnostics(withFilter("customertypecode == 3"), ["maps/tablemaps/customers.yaml:11:31 DW130"]);
    expect(d?.hint).toContain("'eq'");
  });

  it("reports an unclosed parenthesis", () => {
    const [d] = expectDiagnostics(withFilter("(customertypecode eq 3 or customertypecode eq 11"), ["maps/tablemaps/customers.yaml:11:14 DW130"]);
    expect(d?.message).toContain("never closed");
  });

  it("passes comparisons combined with and, or, not and parentheses", () => {
    expect(validate(withFilter("(customertypecode eq 3 or customertypecode eq 11) and not (statecode eq 1)"))).toEqual([]);
  });

  it("passes the CDS Contacts V2 filter with an empty-string literal", () => {
    expect(validate(withFilter("msdyn_contactforvendor eq true and msdyn_sellable eq false and msdyn_contactpersonid ne ''"))).toEqual([]);
  });

  it("passes a date comparison (TransactionDate le '2021-06-23' written the Dataverse way)", () => {
    expect(validate(withFilter("createdon le 2021-06-23"))).toEqual([]);
  });
});
