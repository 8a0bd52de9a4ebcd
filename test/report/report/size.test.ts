import { describe, expect, it } from "vitest";
import { failedPairReport } from "../../../src/drift/findings.js";
import type { Plan, SaveMapDefinitionAction } from "../../../src/plan/plan.js";
import { markdownLimit } from "../../../src/report/plan/markdown.js";
import { githubCommentLimit, renderReportMarkdown, splitMarkdown } from "../../../src/report/report/markdown.js";
import { driftReport, reportFromPlans, type Finding, type Report } from "../../../src/report/report/model.js";
import { generatedAt, planNamed } from "./fixtures.js";

/** A plan whose one saved map is copied `maps` times, each with a diff of `lines` added lines. */
function bigPlan(maps: number, lines: number): Plan {
  const plan = planNamed("changed-field");
  const save = plan.actions.find((a): a is SaveMapDefinitionAction => a.kind === "saveMapDefinition");
  if (save === undefined) throw new Error("fixture");
  const saves = Array.from({ length: maps }, (_, i) => ({
    ...save,
    id: `wave2/save/map-${i}`,
    map: `map-${i}`,
    title: `Map ${i} (things)`,
    description: `save Map ${i} (things) as new version 1.0.0.4 (contoso)`,
    diff: `--- live/map-${i}\n+++ desired/map-${i}\n@@ -1,0 +1,${lines} @@\n${Array.from({ length: lines }, (_, l) => `+  - { fo: FIELD${l}, map: "=", dv: column${l}_of_map_${i} }`).join("\n")}\n`,
  }));
  return { ...plan, actions: [...plan.actions.filter((a) => a.kind !== "saveMapDefinition"), ...saves] };
}

function finding(i: number): Finding {
  return { code: "definition-changed", severity: "warning", category: "changedOutsideGit", map: `map-${i}`, message: `map ${i} was edited in the UI `.repeat(4), hint: "Run dwctl plan." };
}

/** Fences and details blocks each open and close within the text. */
function balanced(text: string): boolean {
  let fence: string | undefined;
  let depth = 0;
  for (const line of text.split("\n")) {
    const marker = /^(`{3,})/.exec(line)?.[1];
    if (fence !== undefined) {
      if (marker !== undefined && line.trim() === marker && marker.length >= fence.length) fence = undefined;
    } else if (marker !== undefined) {
      fence = marker;
    } else {
      depth += (line.match(/<details>/g)?.length ?? 0) - (line.match(/<\/details>/g)?.length ?? 0);
      if (depth < 0) return false;
    }
  }
  return fence === undefined && depth === 0;
}

describe("the Markdown report's size", () => {
  it("a huge plan stays under GitHub's limit, balanced, and says what was cut and where the full report is", () => {
    const plan = bigPlan(150, 400);
    const report: Report = reportFromPlans([{ plan, findings: Array.from({ length: 3_000 }, (_, i) => finding(i)) }], { generatedAt });
    const full = renderReportMarkdown(report, { limit: Number.POSITIVE_INFINITY });
    expect(full.length).toBeGreaterThan(2_000_000);
    const md = renderReportMarkdown(report);
    expect(md.length).toBeLessThanOrEqual(markdownLimit);
    expect(md.length).toBeLessThanOrEqual(githubCommentLimit);
    expect(balanced(md)).toBe(true);
    expect(md).toMatch(/\*\*Cut to stay under GitHub's 65,536-character limit:\*\* .*left out: \d+ finding\(s\), \d+ step\(s\), 1 action list\(s\), \d+ map diff\(s\)/);
    expect(md).toContain("The full report: dwctl plan --env stage --report report.html (one self-contained HTML file).");
    // What is never cut: the heading, the summary, the pair and its plan's summary line, the footer.
    expect(md).toContain("## dwctl plan\n");
    expect(md).toContain("### stage: ");
    expect(md).toContain("**Plan: ");
    expect(md.trimEnd().endsWith("report format 1.1</sub>")).toBe(true);
    // The counts add up: findings shown plus findings left out make all of them.
    const shown = md.split("\n").filter((l) => l.startsWith("| ⚠️")).length;
    const left = Number(/left out: (\d+) finding\(s\)/.exec(md)?.[1]);
    expect(shown + left).toBe(3_000);

    const linked = renderReportMarkdown(report, { fullReport: { label: "the HTML report (workflow artifact)", url: "https://github.com/contoso/estate/actions/runs/42#artifacts" } });
    expect(linked).toContain("The full report: [the HTML report (workflow artifact)](https://github.com/contoso/estate/actions/runs/42#artifacts).");
    const unsafe = renderReportMarkdown(report, { fullReport: { label: "click", url: "javascript:alert(1)" } });
    expect(unsafe).not.toContain("javascript:");
    expect(unsafe).toContain("The full report: click.");
  });

  it("shortens long diffs evenly before leaving anything out, each saying how many lines it lost", () => {
    const report = reportFromPlans([bigPlan(10, 2_000)], { generatedAt });
    const md = renderReportMarkdown(report);
    expect(md.length).toBeLessThanOrEqual(markdownLimit);
    expect(balanced(md)).toBe(true);
    expect(md.match(/<details><summary><b>Map \d+ \(things\)<\/b>/g)).toHaveLength(10);
    const cuts = [...md.matchAll(/… (\d+) more line\(s\) of this diff not shown/g)].map((m) => Number(m[1]));
    expect(cuts).toHaveLength(10);
    expect(Math.max(...cuts) - Math.min(...cuts)).toBeLessThanOrEqual(5);
    expect(md).toMatch(/Cut to stay under GitHub's 65,536-character limit:\*\* 10 map diff\(s\) shortened \(\d+ line\(s\) not shown\)\. The full report/);
    expect(md).not.toContain("left out");
  });

  it("leaves out whole pair sections last, and keeps the first", () => {
    const pairs = Array.from({ length: 3_000 }, (_, n) => failedPairReport(`pair${n}`, `pair ${n} could not be read `.repeat(5), "Check it."));
    const md = renderReportMarkdown(driftReport(pairs, { generatedAt, commit: null }));
    expect(md.length).toBeLessThanOrEqual(markdownLimit);
    expect(md).toContain("### pair0: could not be read");
    expect(md).toMatch(/left out: \d+ pair section\(s\)/);
    expect(md).toContain("The full report: dwctl drift --all --report report.html (one self-contained HTML file), or --format json.");
  });

  it("a small report is not cut; a limit too small for the report's frame is refused", () => {
    const report = reportFromPlans([planNamed("changed-field")], { generatedAt });
    expect(renderReportMarkdown(report)).not.toContain("Cut to stay under");
    expect(() => renderReportMarkdown(report, { limit: 1_000 })).toThrow(RangeError);
  });
});

describe("splitMarkdown", () => {
  it("splits a long report into comment bodies at section boundaries that together are the report", () => {
    const plans = Array.from({ length: 6 }, (_, i) => ({ ...bigPlan(20, 60), pair: `pair${i}` }));
    const full = renderReportMarkdown(reportFromPlans(plans, { generatedAt }), { limit: Number.POSITIVE_INFINITY });
    expect(full.length).toBeGreaterThan(5 * markdownLimit);
    const parts = splitMarkdown(full, markdownLimit);
    expect(parts.length).toBeGreaterThan(5);
    for (const part of parts) {
      expect(part.length).toBeLessThanOrEqual(markdownLimit);
      expect(balanced(part)).toBe(true);
    }
    expect(parts.join("")).toBe(full);
    // Each part after the first starts a section, a details block or a paragraph.
    for (const part of parts.slice(1)) expect(part).toMatch(/^(### |<details>|\*\*|\d+\. |\| )/);
    expect(parts.filter((p) => p.startsWith("### pair")).length).toBeGreaterThan(0);
  });

  it("splits inside a block longer than the limit, closing and reopening it, and loses no line", () => {
    const full = renderReportMarkdown(reportFromPlans([bigPlan(1, 6_000)], { generatedAt }), { limit: Number.POSITIVE_INFINITY });
    const limit = 20_000;
    const parts = splitMarkdown(full, limit);
    expect(parts.length).toBeGreaterThan(full.length / limit);
    for (const part of parts) {
      expect(part.length).toBeLessThanOrEqual(limit);
      expect(balanced(part)).toBe(true);
    }
    // Every line of the report is in the parts, in order.
    const joined = parts.join("").split("\n");
    let at = 0;
    for (const line of full.split("\n")) {
      at = joined.indexOf(line, at);
      expect(at, line).toBeGreaterThanOrEqual(0);
      at += 1;
    }
    expect(parts.filter((p) => /^<details><summary>\(continued\)<\/summary>\n\n```diff\n/.test(p)).length).toBeGreaterThan(1);
  });

  it("cuts a single line longer than the limit, and leaves short text alone", () => {
    const line = "x".repeat(1_000);
    const parts = splitMarkdown(line, 300);
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(300);
    expect(parts.join("").replace(/\n/g, "")).toBe(line);
    expect(splitMarkdown("short\n", 300)).toEqual(["short\n"]);
    expect(() => splitMarkdown("x", 10)).toThrow(RangeError);
  });
});
