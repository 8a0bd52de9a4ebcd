import { describe, expect, it } from "vitest";
import { edit, validate } from "../helpers/estate.js";
import { expectDiagnostics } from "./rule-helpers.js";

const lastRow = '  - { fo: LANGUAGEID, map: "<<", default: en-us }\n';

/** The customers map with its last field row replaced. */
function withRow(text: string): Record<string, string> {
  return edit("maps/tablemaps/customers.yaml", lastRow, `${text}\n`);
}

describe("DW123 transforms fit their map type", () => {
  it('reports a value map on a plain "=" row, at the valueMap key', () => {
    const [d] = expectDiagnostics(withRow('  - { fo: ONHOLDSTATUS, map: "=", dv: msdyn_onholdstatus, valueMap: { "No": 0, "All": 1 } }'), [
      "maps/tablemaps/customers.yaml:19:59 DW123",
    ]);
    expect(d).toMatchObject({ code: "DW123", severity: "error", file: "maps/tablemaps/customers.yaml", line: 19, column: 59 });
    expect(d?.message).toBe('fields[5]: a value map needs a transform map type, not "="');
    expect(d?.hint).toContain('"><"');
  });

  // Microsoft's pages write "><" on key columns and plain values with no transform shown:
  // InventOperationalSiteEntity-msdyn-operationalsite.md (Sites), "SITEID | >< | msdyn_siteid".
  it('warns, and does not fail, on "><" with no value map, at the map key (Sites: SITEID >< msdyn_siteid)', () => {
    const [d] = expectDiagnostics(withRow('  - { fo: SITEID, map: "><", dv: msdyn_siteid }'), ["maps/tablemaps/customers.yaml:19:19 DW123"]);
    expect(d).toMatchObject({ severity: "warning" });
    expect(d?.message).toBe('fields[5]: "><" has no value map or default: it syncs like "=", and dwctl saves it as "="');
    expect(d?.hint).toContain('Write "="');
  });

  // SalesOrderLineCDSEntity-salesorderdetails.md (CDS sales order lines),
  // "CURRENCYCODE | >> | transactioncurrencyid.isocurrencycode": a lookup, where no value map can exist.
  it('warns on ">>" through a lookup with no transform (CDS sales order lines: CURRENCYCODE >> transactioncurrencyid.isocurrencycode)', () => {
    const files = edit(
      "maps/tablemaps/customers.yaml",
      '{ fo: SALESCURRENCYCODE, map: "=", dv: transactioncurrencyid.isocurrencycode }',
      '{ fo: CURRENCYCODE, map: ">>", dv: transactioncurrencyid.isocurrencycode }',
    );
    const [d] = expectDiagnostics(files, ["maps/tablemaps/customers.yaml:16:25 DW123"]);
    expect(d).toMatchObject({ severity: "warning" });
    expect(d?.message).toBe('fields[2]: ">>" has no value map or default: it syncs like ">", and dwctl saves it as ">"');
  });

  // EcoResReleasedDistinctProductCDSEntity-products.md (CDS released distinct products),
  // "SALESUNITDECIMALPRECISION | >> | quantitydecimal | 0": the default is written when the source has none.
  it('accepts ">>" with a source column and a default (CDS released distinct products: SALESUNITDECIMALPRECISION >> quantitydecimal, 0)', () => {
    expect(validate(withRow('  - { fo: SALESUNITDECIMALPRECISION, map: ">>", dv: quantitydecimal, default: 0 }'))).toEqual([]);
  });

  // SalesOrderLineCDSEntity-salesorderdetails.md, "none | >> | ispriceoverridden | true", without its default.
  it('reports ">>" with neither a source column nor a default (CDS sales order lines: ispriceoverridden without its default true)', () => {
    const [d] = expectDiagnostics(withRow('  - { map: ">>", dv: ispriceoverridden }'), ["maps/tablemaps/customers.yaml:19:7 DW123"]);
    expect(d).toMatchObject({ severity: "error" });
    expect(d?.message).toBe('fields[5]: ">>" with no source column needs a default');
  });

  it('reports ">>" with neither a source column nor a default', () => {
    const [d] = expectDiagnostics(withRow('  - { map: ">>", dv: address1_addresstypecode }'), ["maps/tablemaps/customers.yaml:19:7 DW123"]);
    expect(d?.message).toBe('fields[5]: ">>" with no source column needs a default');
  });

  it('reports a default on a plain ">" row, at the default key', () => {
    const [d] = expectDiagnostics(withRow('  - { fo: LANGUAGEID, map: ">", dv: msdyn_languageid, default: en-us }'), ["maps/tablemaps/customers.yaml:19:55 DW123"]);
    expect(d?.message).toBe('fields[5]: a default needs a one-way transform map type, not ">"');
  });

  it('warns on "<<" with a source column and no value map or default, at the map key', () => {
    const [d] = expectDiagnostics(withRow('  - { fo: PARTYTYPE, map: "<<", dv: msdyn_partytype }'), ["maps/tablemaps/customers.yaml:19:22 DW123"]);
    expect(d).toMatchObject({ severity: "warning" });
    expect(d?.message).toBe('fields[5]: "<<" has no value map or default: it syncs like "<", and dwctl saves it as "<"');
  });

  it("still reports a default on a two-way row", () => {
    const [d] = expectDiagnostics(withRow('  - { fo: SITEID, map: "><", dv: msdyn_siteid, default: S1 }'), ["maps/tablemaps/customers.yaml:19:48 DW123"]);
    expect(d).toMatchObject({ severity: "error" });
    expect(d?.message).toBe('fields[5]: a default cannot be used with "><"');
  });

  it('reports a plain "=" row with no Dataverse column', () => {
    const [d] = expectDiagnostics(withRow('  - { fo: PARTYNUMBER, map: "=" }'), ["maps/tablemaps/customers.yaml:19:24 DW123"]);
    expect(d?.message).toBe('fields[5]: "=" needs a Dataverse column (dv)');
  });

  it("accepts the map type words like the symbols", () => {
    const [d] = expectDiagnostics(withRow("  - { fo: ONHOLDSTATUS, map: both-transform, dv: msdyn_onholdstatus }"), ["maps/tablemaps/customers.yaml:19:25 DW123"]);
    expect(d?.message).toBe('fields[5]: "><" has no value map or default: it syncs like "=", and dwctl saves it as "="');
  });

  it('passes for ">>" with a default and "<<" with a default (the Customers V3 defaults)', () => {
    const files = withRow('  - { map: ">>", dv: address1_addresstypecode, default: 2 }\n  - { fo: PARTYTYPE, map: "<<", default: Organization }');
    expect(validate(files)).toEqual([]);
  });

  it('passes for "><" with a value map and "<<" with a source and a value map', () => {
    const files = withRow(
      '  - { fo: ONHOLDSTATUS, map: "><", dv: msdyn_onholdstatus, valueMap: { "No": 0, "All": 1 } }\n  - { fo: GENDER, map: "<<", dv: gendercode, valueMap: { "Male": 1, "Female": 2 } }',
    );
    expect(validate(files)).toEqual([]);
  });
});
