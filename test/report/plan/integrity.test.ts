import { describe, expect, it } from "vitest";
import { buildPlan } from "../../../src/plan/build-plan.js";
import { integrityOf, sealPlan } from "../../../src/plan/seal-plan.js";
import { plain } from "../../../src/report/colour.js";
import { renderPlanMarkdown } from "../../../src/report/plan/markdown.js";
import { renderPlanText } from "../../../src/report/plan/text.js";
import { scenarios } from "../../plan/scenarios.js";

const scenario = scenarios().find((s) => s.name === "new-map");
if (scenario === undefined) throw new Error("no new-map scenario");
const plan = buildPlan(scenario.input);

describe("the plan's integrity hash", () => {
  it("covers every property but itself, so any edit changes it", () => {
    const sealed = sealPlan(plan);
    expect(sealed.integrity).toMatch(/^[0-9a-f]{64}$/);
    expect(integrityOf(sealed)).toBe(sealed.integrity);
    expect(sealPlan(sealed).integrity).toBe(sealed.integrity);
    expect(integrityOf({ ...sealed, createdAt: "2030-01-01T00:00:00.000Z" })).not.toBe(sealed.integrity);
    expect(integrityOf({ ...sealed, warnings: [] , confirmationsRequired: [{ reason: "maxStops", message: "x" }] })).not.toBe(sealed.integrity);
    expect(integrityOf({ ...sealed, actions: sealed.actions.slice(1) })).not.toBe(sealed.integrity);
  });

  it("is printed in the text header and the Markdown report, for a reviewer to quote", () => {
    const sealed = sealPlan(plan);
    const hash = sealed.integrity ?? "";
    expect(renderPlanText(sealed, plain).split("\n")[0]).toContain(`integrity ${hash.slice(0, 12)}`);
    expect(renderPlanMarkdown(sealed)).toContain(`Plan integrity: \`${hash}\``);
    expect(renderPlanText(plan, plain)).not.toContain("integrity");
    // Only a hash dwctl could have written is printed in Markdown.
    expect(renderPlanMarkdown({ ...sealed, integrity: "<img src=x>" })).not.toContain("<img");
  });
});
