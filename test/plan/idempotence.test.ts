import { describe, expect, it } from "vitest";
import { buildPlan } from "../../src/plan/build-plan.js";
import { scenarios } from "./scenarios.js";
import { simulate } from "./simulate.js";

describe("idempotence: applying a plan, then planning again, gives zero actions", () => {
  it.each(scenarios().map((s) => [s.name, s] as const))("%s", (_name, scenario) => {
    const first = buildPlan(scenario.input);
    const after = simulate(scenario.input.snapshot, first);
    const second = buildPlan({ ...scenario.input, snapshot: after });
    expect(second.actions.map((a) => a.description)).toEqual([]);
    expect(second.summary.actions).toBe(0);
  });

  it("the simulator refuses what the platform refuses: saving a running map", () => {
    const scenario = scenarios().find((s) => s.name === "changed-direction");
    if (scenario === undefined) throw new Error("scenario missing");
    const plan = buildPlan(scenario.input);
    const withoutStop = { ...plan, actions: plan.actions.filter((a) => a.kind !== "stopMap") };
    expect(() => simulate(scenario.input.snapshot, withoutStop)).toThrow(/save: customers is running/);
  });
});
