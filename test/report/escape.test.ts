import { describe, expect, it } from "vitest";
import { buildPlan } from "../../src/plan/build-plan.js";
import type { Plan } from "../../src/plan/plan.js";
import { colours, plain } from "../../src/report/colour.js";
import { escapeControl, escapeControlKeepNewlines } from "../../src/report/escape.js";
import { renderPlanMarkdown } from "../../src/report/plan/markdown.js";
import { renderPlanText } from "../../src/report/plan/text.js";
import { renderValidationText } from "../../src/report/validation/text.js";
import type { ValidationReport } from "../../src/generated/validation-report.js";
import { scenarios } from "../plan/scenarios.js";

const hostile = "Customers\u001b]0;owned\u0007\u001b[8m hidden\u009b2J\nfake line";

function hostilePlan(): Plan {
  const scenario = scenarios().find((s) => s.name === "changed-field");
  if (scenario === undefined) throw new Error("no scenario");
  const plan = buildPlan(scenario.input);
  return {
    ...plan,
    actions: plan.actions.map((a) => ({ ...a, description: `${a.description} ${hostile}` })),
    warnings: [{ code: "not-pruned", map: hostile, message: hostile }],
    unmanaged: [{ ref: { entity: "E", table: "t" }, title: hostile, state: "running" }],
  };
}

const ownColours = new RegExp(`${String.fromCharCode(27)}\\[\\d{1,2}m`, "g");

/** Our own colour codes are SGR sequences; nothing else may reach the terminal. */
const foreignControl = (text: string): string[] =>
  [...text.replace(ownColours, "").matchAll(/[^\P{Cc}\n]/gu)].map((m) => m[0]);

describe("control characters from YAML or from an environment", () => {
  it("are shown visibly, one-line values keep no newline", () => {
    expect(escapeControl("a\u001b]0;x\u0007b\nc\u0085")).toBe("a\\u001b]0;x\\u0007b\\nc\\u0085");
    expect(escapeControlKeepNewlines("a\u001bb\nc")).toBe("a\\u001bb\nc");
    expect(escapeControl("Kundengruppen – ümlaut ✓")).toBe("Kundengruppen – ümlaut ✓");
  });

  it.each([
    ["plain", plain],
    ["colour", colours],
  ] as const)("never reach the terminal from the text plan (%s)", (_name, palette) => {
    const text = renderPlanText(hostilePlan(), palette);
    expect(foreignControl(text)).toEqual([]);
    expect(text).toContain("Customers\\u001b]0;owned\\u0007\\u001b[8m hidden\\u009b2J\\nfake line");
    expect(text.split("\n").some((line) => line.startsWith("fake line"))).toBe(false);
  });

  it("never reach a pull-request comment (markdown)", () => {
    const text = renderPlanMarkdown(hostilePlan());
    expect(foreignControl(text)).toEqual([]);
    expect(text).toContain("Customers\\\\u001b\\]0;owned\\\\u0007");
  });

  it("never reach the terminal from validate's text report", () => {
    const report: ValidationReport = {
      format_version: "1.0",
      ok: false,
      strict: false,
      files: ["maps/x.yaml"],
      summary: { files: 1, maps: 0, keys: 0, pairs: 0, errors: 1, warnings: 0 },
      diagnostics: [{ file: "maps/x\u001b[2J.yaml", line: 1, column: 1, code: "DW007", severity: "error", message: `unknown kind ${hostile}`, hint: "fix \u0007 it" }],
    };
    const text = renderValidationText(report, colours);
    expect(foreignControl(text)).toEqual([]);
    expect(text).toContain("maps/x\\u001b[2J.yaml");
  });
});
