import type { Plan } from "../../plan/plan.js";

/** The plan as schemas/plan.schema.json describes it; what apply reads back. */
export function renderPlanJson(plan: Plan): string {
  return JSON.stringify(plan, null, 2) + "\n";
}
