import { describe, expect, it } from "vitest";
import type { LiveMap } from "../../src/model/snapshot.js";
import { editFile, lastAppliedFor, liveFromDesired, pairDesired, planEstate, planOf, steps, withLiveMap } from "./builders.js";

const customers = "maps/tablemaps/customers.yaml";

function withIgnore(rule: string, files = planEstate()): Record<string, string> {
  return editFile(files, "maps/environments.yaml", "    refreshedFrom: prod\n", `    refreshedFrom: prod\n    ignore:\n      - ${rule}\n`);
}

/** git and the last apply agree; someone then changed customers live. */
function edited(rule: string, change: (m: LiveMap) => void, files = planEstate()) {
  const applied = pairDesired(planEstate());
  const live = withLiveMap(liveFromDesired(applied), "account", change);
  return planOf(pairDesired(withIgnore(rule, files)), { live, lastApplied: lastAppliedFor(applied) });
}

const uiEdit = (m: LiveMap): void => {
  m.definition = {
    ...m.definition,
    fields: m.definition.fields.map((f) => (f.fo === "ORGANIZATIONNAME" ? { ...f, map: ">" as const } : f)),
  };
};

describe("ignore rules", () => {
  it("without a rule, a UI edit is drift and apply reverts it (the control case)", () => {
    const plan = edited('{ map: "vendors", aspects: [fields] }', uiEdit);
    expect(plan.drift.map((d) => d.kind)).toEqual(["definitionChanged"]);
    expect(steps(plan)).toEqual(["1 stopMap customers", "2 saveMapDefinition customers", "3 applySolution", "4 refreshTables customers", "5 startMap customers"]);
  });

  it("fields: the listed fields are neither drift nor changed, by glob", () => {
    const plan = edited('{ map: "cust*", aspects: [fields], fields: [ORGANIZATIONNAME] }', uiEdit);
    expect(plan.actions).toEqual([]);
    expect(plan.drift).toEqual([]);
  });

  it("fields: other changes in git still apply, and the saved definition keeps the live row of an ignored field", () => {
    const files = editFile(planEstate(), customers, "dataverse: customertypecode eq 3", "dataverse: customertypecode eq 4");
    const plan = edited('{ map: "customers", aspects: [fields], fields: [name] }', uiEdit, files);
    const save = plan.actions.find((a) => a.kind === "saveMapDefinition");
    expect(save?.kind === "saveMapDefinition" && save.definition.fields.find((f) => f.fo === "ORGANIZATIONNAME")?.map).toBe(">");
    expect(save?.kind === "saveMapDefinition" && save.changes).toMatchObject({ fieldsChanged: 0, filters: ["dataverse"] });
  });

  it("state: a map paused by hand stays paused and is not drift", () => {
    const plan = edited('{ map: "*", aspects: [state] }', (m) => (m.state = "paused"));
    expect(plan.actions).toEqual([]);
    expect(plan.drift).toEqual([]);
  });

  it("state: a map stopped for an edit is brought back to its live state, not the desired one", () => {
    const files = editFile(planEstate(), customers, "dataverse: customertypecode eq 3", "dataverse: customertypecode eq 4");
    const plan = edited('{ map: "*", aspects: [state] }', (m) => (m.state = "paused"), files);
    expect(steps(plan)).toEqual([
      "1 stopMap customers",
      "2 saveMapDefinition customers",
      "3 applySolution",
      "4 refreshTables customers",
      "5 startMap customers",
      "6 pauseMap customers",
    ]);
  });

  it("filters, transforms, alerts and version", () => {
    expect(edited('{ map: "customers", aspects: [filters] }', (m) => (m.definition = { ...m.definition, filters: {} })).actions).toEqual(
      [],
    );
    const valueMap = (m: LiveMap): void => {
      m.definition = {
        ...m.definition,
        fields: m.definition.fields.map((f) => (f.valueMap === undefined ? f : { ...f, valueMap: { No: false, Yes: true } })),
      };
    };
    expect(edited('{ map: "customers", aspects: [transforms] }', valueMap).actions).toEqual([]);
    expect(edited('{ map: "customers", aspects: [fields] }', valueMap).actions).toEqual([]);
    const alerts = (m: LiveMap): void => {
      m.definition = {
        ...m.definition,
        alerts: [{ errorType: "application", errors: 5, withinMinutes: 10, notify: ["ops@contoso.com"], action: "pause" }],
      };
    };
    expect(edited('{ map: "customers", aspects: [alerts] }', alerts).actions).toEqual([]);
    const files = editFile(planEstate(), customers, "number: 1.0.0.3", "number: 1.0.0.4");
    expect(edited('{ map: "customers", aspects: [version] }', () => undefined, files).actions).toEqual([]);
  });

  it("a rule for another map changes nothing", () => {
    const plan = edited('{ map: "customers-*", aspects: [filters] }', (m) => (m.definition = { ...m.definition, filters: {} }));
    expect(plan.actions.map((a) => a.kind)).toEqual(["stopMap", "saveMapDefinition", "applySolution", "refreshTables", "startMap"]);
  });
});
