import { describe, expect, it } from "vitest";
import type { Finding, Report } from "../../../src/generated/report.js";
import { plain } from "../../../src/report/colour.js";
import { renderDriftMarkdown } from "../../../src/report/drift/markdown.js";
import { renderDriftText } from "../../../src/report/drift/text.js";
import { markdownLimit } from "../../../src/report/plan/markdown.js";
import { summarise } from "../../../src/cli/drift.js";

function finding(i: number, extra: Partial<Finding> = {}): Finding {
  return { code: "definition-changed", severity: "warning", category: "changedOutsideGit", map: `map-${i}`, message: `map ${i} was edited in the UI`, hint: "Run dwctl plan.", ...extra };
}

function report(findings: Finding[], pairs = 1): Report {
  const pairReports = Array.from({ length: pairs }, (_, n) => ({ pair: `pair${n}`, status: "drift" as const, fingerprint: null, lastApplied: null, findings }));
  return { format_version: "1.1", command: "drift", generatedAt: "2026-11-29T00:00:00.000Z", commit: null, summary: summarise(pairReports), pairs: pairReports };
}

describe("drift renderers", () => {
  it("escape every cell: no HTML, no mention, no table break, no terminal escape", () => {
    const hostile = finding(1, { map: "evil|map", message: "<img src=x onerror=alert(1)> @everyone | \u001b]0;owned\u0007 `code`" });
    const md = renderDriftMarkdown(report([hostile]));
    expect(md).not.toContain("<img");
    expect(md).not.toContain("@everyone");
    expect(md).toContain("&lt;img");
    // One row, six cells: escaped pipes do not open new cells.
    const row = md.split("\n").find((l) => l.includes("definition-changed")) ?? "";
    expect(row.replace(/\\\|/g, "").split("|").length).toBe(8);
    const text = renderDriftText(report([hostile]), plain);
    expect(text.includes("\u001b") || text.includes("\u0007")).toBe(false);
  });

  it("stay under GitHub's comment limit, and say what was cut", () => {
    const many = Array.from({ length: 2_000 }, (_, i) => finding(i, { message: `map ${i} `.repeat(20) }));
    const md = renderDriftMarkdown(report(many, 3));
    expect(md.length).toBeLessThanOrEqual(markdownLimit);
    expect(md).toMatch(/Not shown, to stay under GitHub's limit: \d+ pair\(s\) and \d+ finding\(s\)/);
    const small = renderDriftMarkdown(report([finding(1)]));
    expect(small).not.toContain("Not shown");
  });

  it("summarise pairs by status and findings by severity", () => {
    const r = report([finding(1), finding(2, { severity: "error" }), finding(3, { severity: "info" })], 2);
    expect(r.summary).toEqual({ pairs: 2, clean: 0, drifted: 2, failed: 0, errors: 2, warnings: 2, infos: 2 });
    expect(renderDriftText(r, plain)).toContain("2 pair(s): 0 clean, 2 with drift, 0 not read; 2 error(s), 2 warning(s), 2 note(s).");
  });
});
