import { describe, expect, it } from "vitest";
import type { MapDefinition } from "../../src/model/snapshot.js";
import { countChanges } from "../../src/plan/count-changes.js";
import { definitionYaml } from "../../src/plan/diff-definitions.js";
import { definitionHash, normaliseFinOpsFilter, sameDefinition } from "../../src/plan/normalise-definition.js";

const base: MapDefinition = {
  financeAndOperations: { entity: "CustomersV3", label: "Customers V3", scope: "company" },
  dataverse: { table: "account", entitySet: "accounts", scope: "company" },
  version: { publisher: "contoso", number: "1.0.0.3" },
  filters: { financeAndOperations: '((PartyType == "Organization"))', dataverse: "customertypecode eq 3" },
  fields: [
    { fo: "CUSTOMERACCOUNT", map: "=", dv: "accountnumber" },
    { fo: "CREDITLIMITISMANDATORY", map: "><", dv: "msdyn_creditlimitismandatory", valueMap: { No: 0, Yes: 1 } },
    { map: ">>", dv: "customertypecode", default: 3 },
  ],
  alerts: [{ errorType: "application", errors: 10, withinMinutes: 15, notify: ["b@contoso.com", "a@contoso.com"], action: "none" }],
};

const variant = (change: (d: MapDefinition) => void): MapDefinition => {
  const d = structuredClone(base);
  change(d);
  return d;
};

describe("definition comparison", () => {
  it("ignores field order, value-map key order, filter whitespace and recipient order", () => {
    const same = variant((d) => {
      d.fields.reverse();
      d.fields[1] = { fo: "CREDITLIMITISMANDATORY", map: "><", dv: "msdyn_creditlimitismandatory", valueMap: { Yes: 1, No: 0 } };
      d.filters = { financeAndOperations: '( ( PartyType   ==  "Organization" ) )', dataverse: "customertypecode  eq\n 3" };
      d.alerts[0] = { errorType: "application", errors: 10, withinMinutes: 15, notify: ["a@contoso.com", "b@contoso.com"], action: "none" };
    });
    expect(sameDefinition(base, same)).toBe(true);
    expect(definitionHash(base)).toBe(definitionHash(same));
  });

  it("counts a duplicated row: fields are a multiset", () => {
    const doubled = variant((d) => d.fields.push({ fo: "CUSTOMERACCOUNT", map: "=", dv: "accountnumber" }));
    expect(sameDefinition(base, doubled)).toBe(false);
    expect(countChanges(base, doubled)).toMatchObject({ fieldsAdded: 1, fieldsRemoved: 0, fieldsChanged: 0 });
  });

  it("sees direction, value-map and default changes as changed rows of the same fields", () => {
    const next = variant((d) => {
      d.fields[0] = { fo: "CUSTOMERACCOUNT", map: ">", dv: "accountnumber" };
      d.fields[2] = { map: ">>", dv: "customertypecode", default: 1 };
    });
    expect(countChanges(base, next)).toMatchObject({
      fieldsAdded: 0,
      fieldsRemoved: 0,
      fieldsChanged: 2,
      filters: [],
      alerts: false,
      version: null,
    });
  });

  it("keeps an unparenthesised finance and operations filter apart from the parenthesised one", () => {
    expect(normaliseFinOpsFilter('PartyType == "Organization"')).not.toBe(normaliseFinOpsFilter('(PartyType == "Organization")'));
    expect(normaliseFinOpsFilter("not a ((valid")).toBe("not a ((valid");
  });

  it("compares an unparsable filter by its text with whitespace collapsed", () => {
    const a = variant((d) => (d.filters.dataverse = "contains(name,  'x')"));
    const b = variant((d) => (d.filters.dataverse = "contains(name, 'x')"));
    expect(sameDefinition(a, b)).toBe(true);
  });

  it("renders the YAML a reviewer reads: one row a line, symbols quoted, empty parts left out", () => {
    const yaml = definitionYaml({ ...base, alerts: [], filters: {} });
    expect(yaml).toContain('  - { fo: CUSTOMERACCOUNT, map: "=", dv: accountnumber }');
    expect(yaml).not.toContain("filters");
    expect(yaml).not.toContain("alerts");
  });
});
