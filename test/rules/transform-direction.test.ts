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

  it('reports "><" without a value map, at the map key', () => {
    const [d] = expectDiagnostics(withRow('  - { fo: ONHOLDSTATUS, map: "><", dv: msdyn_onholdstatus }'), ["maps/tablemaps/customers.yaml:19:25 DW123"]);
    expect(d?.message).toBe('fields[5]: "><" needs a value map');
  });

  it('reports ">>" with neither a source column nor a default', () => {
    const [d] = expectDiagnostics(withRow('  - { map: ">>", dv: address1_addresstypecode }'), ["maps/tablemaps/customers.yaml:19:7 DW123"]);
    expect(d?.message).toBe('fields[5]: ">>" with no source column needs a default');
  });

  it('reports a default on a plain ">" row, at the default key', () => {
    const [d] = expectDiagnostics(withRow('  - { fo: LANGUAGEID, map: ">", dv: msdyn_languageid, default: en-us }'), ["maps/tablemaps/customers.yaml:19:55 DW123"]);
    expect(d?.message).toBe('fields[5]: a default needs a one-way transform map type, not ">"');
  });

  it('reports "<<" with a source column and no value map, at the source key', () => {
    const [d] = expectDiagnostics(withRow('  - { fo: PARTYTYPE, map: "<<", dv: msdyn_partytype }'), ["maps/tablemaps/customers.yaml:19:33 DW123"]);
    expect(d?.message).toBe('fields[5]: "<<" with a source column (dv) needs a value map');
  });

  it('reports a plain "=" row with no Dataverse column', () => {
    const [d] = expectDiagnostics(withRow('  - { fo: PARTYNUMBER, map: "=" }'), ["maps/tablemaps/customers.yaml:19:24 DW123"]);
    expect(d?.message).toBe('fields[5]: "=" needs a Dataverse column (dv)');
  });

  it("accepts the map type words like the symbols", () => {
    const [d] = expectDiagnostics(withRow("  - { fo: ONHOLDSTATUS, map: both-transform, dv: msdyn_onholdstatus }"), ["maps/tablemaps/customers.yaml:19:25 DW123"]);
    expect(d?.message).toBe('fields[5]: "><" needs a value map');
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
