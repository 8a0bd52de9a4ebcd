import { describe, expect, it } from "vitest";
import { buildPlan } from "../../src/plan/build-plan.js";
import { plain } from "../../src/report/colour.js";
import { renderPlanJson } from "../../src/report/plan/json.js";
import { renderPlanMarkdown } from "../../src/report/plan/markdown.js";
import { renderPlanText } from "../../src/report/plan/text.js";
import { clientId, tenantId } from "./builders.js";
import { scenarios } from "./scenarios.js";
import { validatePlan } from "./validate-plan.js";

describe("golden plans", () => {
  it.each(scenarios().map((s) => [s.name, s] as const))("%s", async (name, scenario) => {
    const plan = buildPlan(scenario.input);
    const json = renderPlanJson(plan);
    expect(validatePlan(JSON.parse(json))).toEqual([]);
    for (const text of [json, renderPlanText(plan, plain), renderPlanMarkdown(plan)]) {
      expect(text).not.toContain(tenantId);
      expect(text).not.toContain(clientId);
    }
    await expect(renderPlanText(plan, plain)).toMatchFileSnapshot(`./__golden__/${name}.txt`);
    await expect(renderPlanMarkdown(plan)).toMatchFileSnapshot(`./__golden__/${name}.md`);
    await expect(json).toMatchFileSnapshot(`./__golden__/${name}.json`);
  });
});
