import { describe, expect, it } from "vitest";
import { phases } from "../../src/apply/apply-plan.js";
import { buildPlan } from "../../src/plan/build-plan.js";
import { scenarios } from "../plan/scenarios.js";

describe("running a wave in phases by kind", () => {
  it.each(scenarios().map((s) => [s.name, s] as const))("keeps each map's steps in plan order: %s", (_name, scenario) => {
    const plan = buildPlan(scenario.input);
    for (const wave of plan.waves) {
      const actions = plan.actions.filter((a) => a.wave === wave.index);
      const phased = phases(actions).flat();
      expect(phased).toHaveLength(actions.length);
      const lane = (a: (typeof actions)[number]): string => ("ref" in a ? `${a.ref.entity}|${a.ref.table}` : "table" in a ? a.table : a.kind);
      for (const key of new Set(actions.map(lane))) {
        expect(phased.filter((a) => lane(a) === key).map((a) => a.id)).toEqual(actions.filter((a) => lane(a) === key).map((a) => a.id));
      }
    }
  });

  it("puts every save of a wave before every activation", () => {
    const scenario = scenarios().find((s) => s.name === "new-map");
    if (scenario === undefined) throw new Error("scenario new-map is missing");
    const plan = buildPlan(scenario.input);
    const wave = plan.actions.filter((a) => a.kind === "saveMapDefinition" || a.kind === "activateMapVersion");
    const kinds = phases(wave).map((p) => p[0]?.kind);
    expect(kinds).toEqual(["saveMapDefinition", "activateMapVersion"]);
  });
});
