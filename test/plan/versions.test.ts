import { describe, expect, it } from "vitest";
import { buildPlan } from "../../src/plan/build-plan.js";
import { createdAt, editFile, liveFromDesired, pairDesired, planEstate, planOf, steps, withLiveMap } from "./builders.js";
import { simulate } from "./simulate.js";

const customers = "maps/tablemaps/customers.yaml";
const deployed = () => liveFromDesired(pairDesired(planEstate()));
const changed = (files = planEstate()) =>
  editFile(files, customers, '{ fo: ORGANIZATIONNAME, map: "=", dv: name }', '{ fo: ORGANIZATIONNAME, map: ">", dv: name }');

function saves(plan: ReturnType<typeof planOf>): { change: string; version: string }[] {
  return plan.actions.flatMap((a) => (a.kind === "saveMapDefinition" ? [{ change: a.change, version: a.definition.version.number }] : []));
}

describe("map versions", () => {
  it("same version, same content: nothing to do", () => {
    const pd = pairDesired(planEstate());
    expect(planOf(pd, { live: deployed() }).actions).toEqual([]);
  });

  it("same version, different content: the active version is updated in place, no activation", () => {
    const plan = planOf(pairDesired(changed()), { live: deployed() });
    expect(saves(plan)).toEqual([{ change: "update", version: "1.0.0.3" }]);
    expect(steps(plan)).toEqual(["1 stopMap customers", "2 saveMapDefinition customers", "3 applySolution", "4 refreshTables customers", "5 startMap customers"]);
  });

  it("a version number that does not exist live: saved as a new version, then activated", () => {
    const pd = pairDesired(editFile(changed(), customers, "number: 1.0.0.3", "number: 1.0.0.4"));
    const plan = planOf(pd, { live: deployed() });
    expect(saves(plan)).toEqual([{ change: "create", version: "1.0.0.4" }]);
    expect(steps(plan)).toEqual([
      "1 stopMap customers",
      "2 saveMapDefinition customers",
      "3 applySolution",
      "4 activateMapVersion customers",
      "5 refreshTables customers",
      "6 startMap customers",
    ]);
  });

  it("a parked version (for a rollback): overwritten with git's definition, then activated", () => {
    const pd = pairDesired(editFile(planEstate(), customers, "number: 1.0.0.3", "number: 1.0.0.2"));
    const live = withLiveMap(deployed(), "account", (m) => {
      m.versions.push({ id: "parked", publisher: "contoso", number: "1.0.0.2" });
    });
    const plan = planOf(pd, { live });
    expect(saves(plan)).toEqual([{ change: "update", version: "1.0.0.2" }]);
    expect(plan.actions.find((a) => a.kind === "activateMapVersion")?.description).toBe(
      "make version 1.0.0.2 (contoso) of Customers V3 (accounts) active",
    );
    const after = simulate(live, plan);
    expect(after.maps.find((m) => m.ref.table === "account")?.definition.version.number).toBe("1.0.0.2");
    expect(buildPlan({ desired: pd, snapshot: after, lastApplied: undefined, options: { prune: false }, createdAt }).actions).toEqual([]);
  });

  it("a different publisher with the same number is another version", () => {
    const pd = pairDesired(
      editFile(planEstate(), customers, "publisher: contoso, number: 1.0.0.3", "publisher: fabrikam, number: 1.0.0.3"),
    );
    expect(saves(planOf(pd, { live: deployed() }))).toEqual([{ change: "create", version: "1.0.0.3" }]);
  });

  it("a new map is saved as created and activated", () => {
    const pd = pairDesired(planEstate());
    const live = deployed();
    live.maps = live.maps.filter((m) => m.ref.table !== "account");
    const plan = planOf(pd, { live });
    expect(saves(plan)).toEqual([{ change: "create", version: "1.0.0.3" }]);
    expect(plan.summary).toMatchObject({ create: 1, update: 0, delete: 0, lifecycle: 2 });
  });
});
