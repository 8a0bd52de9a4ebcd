import { describe, expectTypeOf, it } from "vitest";
import type { MapDefinition } from "../../src/model/snapshot.js";
import type { EnvironmentGateway } from "../../src/live/gateway.js";
import type { ActionOf, PlanMapDefinition } from "../../src/plan/plan.js";

describe("plan types", () => {
  it("the definition in a plan is what the gateway saves, both ways", () => {
    expectTypeOf<PlanMapDefinition>().toExtend<MapDefinition>();
    expectTypeOf<MapDefinition>().toExtend<PlanMapDefinition>();
    expectTypeOf<ActionOf<"saveMapDefinition">["definition"]>().toExtend<Parameters<EnvironmentGateway["saveMapDefinition"]>[0]>();
    expectTypeOf<ActionOf<"startMap">["initialSync"]>().toExtend<{ master: "financeAndOperations" | "dataverse" } | null>();
  });
});
