import type { Plan } from "../../plan/plan.js";

/** The plan as schemas/plan.schema.json describes it; what apply reads back. */
export function renderPlanJson(plan: Plan): string {
  return JSON.stringify(plan, null, 2) + "\n";
}

/** JSON.stringify(value, null, 2) placed at `depth` levels of two-space indentation ("null" where it gives nothing). */
function indented(value: unknown, depth: number): string {
  const text: string | undefined = JSON.stringify(value, null, 2);
  // A JSON text holds no raw newline inside a string, so every newline starts a line to indent.
  return (text ?? "null").replaceAll("\n", `\n${"  ".repeat(depth)}`);
}

/** What JSON.stringify leaves out of an object. */
const omitted = (value: unknown): boolean => value === undefined || typeof value === "function" || typeof value === "symbol";

/**
 * renderPlanJson in pieces, the same text: each field of the plan, and each item of a list field (an
 * action with its definition and diff), is its own piece. A 5,000-map plan is tens of MB of JSON;
 * written piece by piece it is never held as one string (README, Benchmarks, Memory).
 */
export function* planJsonPieces(plan: Plan): Generator<string> {
  const fields = Object.entries(plan).filter(([, value]) => !omitted(value));
  if (fields.length === 0) {
    yield "{}\n";
    return;
  }
  for (const [index, [key, value]] of fields.entries()) {
    const start = `${index === 0 ? "{\n" : ",\n"}  ${JSON.stringify(key)}: `;
    if (!Array.isArray(value) || value.length === 0) {
      yield start + indented(value, 1);
      continue;
    }
    for (const [at, item] of (value as unknown[]).entries()) yield `${at === 0 ? `${start}[\n` : ",\n"}    ${indented(omitted(item) ? null : item, 2)}`;
    yield "\n  ]";
  }
  yield "\n}\n";
}
