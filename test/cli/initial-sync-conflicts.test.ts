import { describe, expect, it } from "vitest";
import { checkInitialSyncConflicts } from "../../src/cli/plan-run.js";
import type { RowPresence } from "../../src/live/gateway.js";
import { buildPlan } from "../../src/plan/build-plan.js";
import { scenarios } from "../plan/scenarios.js";

/** The new-map scenario starts legal-entities with an initial sync mastered by finance and operations. */
function planned() {
  const scenario = scenarios().find((s) => s.name === "new-map");
  if (scenario === undefined) throw new Error("scenario new-map is missing");
  const plan = buildPlan(scenario.input);
  expect(plan.warnings.map((w) => `${w.code} ${w.map ?? ""}`)).toEqual(["initial-sync-master legal-entities"]);
  return { plan, pairDesired: scenario.input.desired };
}

function gatewayAnswering(presence: RowPresence) {
  const asked: { entity: string; entitySet: string }[] = [];
  return {
    asked,
    gateway: {
      rowsOnBothSides: async (maps: readonly { entity: string; entitySet: string }[]) => {
        asked.push(...maps.map(({ entity, entitySet }) => ({ entity, entitySet })));
        return maps.map(() => presence);
      },
    },
  };
}

describe("the warning for an initial sync with finance and operations as master", () => {
  it("stays, naming the conflict rule, when both sides hold rows", async () => {
    const { plan, pairDesired } = planned();
    const { gateway, asked } = gatewayAnswering({ financeAndOperations: true, dataverse: true });
    const checked = await checkInitialSyncConflicts(plan, pairDesired, gateway);
    expect(asked).toEqual([{ entity: "LegalEntities", entitySet: "cdm_companies" }]);
    expect(checked.warnings).toHaveLength(1);
    expect(checked.warnings[0]?.message).toMatch(/both LegalEntities and cdm_company hold rows \(conflict rule: .*takes the finance and operations values, overwriting cdm_company in Dataverse\)/);
    expect(checked.summary.warnings).toBe(1);
    expect(checked.actions).toEqual(plan.actions);
  });

  it.each([
    ["finance and operations is empty", { financeAndOperations: false, dataverse: true }],
    ["Dataverse is empty", { financeAndOperations: true, dataverse: false }],
  ])("goes when %s: nothing can conflict", async (_label, presence) => {
    const { plan, pairDesired } = planned();
    const checked = await checkInitialSyncConflicts(plan, pairDesired, gatewayAnswering(presence).gateway);
    expect(checked.warnings).toEqual([]);
    expect(checked.summary.warnings).toBe(0);
  });

  it("stays, saying what could not be read, when a side cannot be read", async () => {
    const { plan, pairDesired } = planned();
    const checked = await checkInitialSyncConflicts(plan, pairDesired, gatewayAnswering({ financeAndOperations: undefined, dataverse: true }).gateway);
    expect(checked.warnings[0]?.message).toMatch(/could not read whether LegalEntities hold rows \(conflict rule:/);
  });

  it("asks nothing when no initial sync is mastered by finance and operations", async () => {
    const { plan, pairDesired } = planned();
    const quiet = { ...plan, warnings: [] };
    const { gateway, asked } = gatewayAnswering({ financeAndOperations: true, dataverse: true });
    expect(await checkInitialSyncConflicts(quiet, pairDesired, gateway)).toBe(quiet);
    expect(asked).toEqual([]);
  });
});
