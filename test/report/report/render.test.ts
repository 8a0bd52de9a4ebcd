import { describe, expect, it } from "vitest";
import { validatorFor } from "../../../src/config/schemas.js";
import type { Report } from "../../../src/generated/report.js";
import { renderReportHtml } from "../../../src/report/report/html.js";
import { renderReportJson } from "../../../src/report/report/json.js";
import { githubCommentLimit, renderReportMarkdown } from "../../../src/report/report/markdown.js";
import { mapSections, reportFormatVersion, reportFromPlans } from "../../../src/report/report/model.js";
import { blockedReport, driftReportFixture, generatedAt, hostile, hostileReport, planNamed, planReport } from "./fixtures.js";

const reports: [string, () => Report][] = [
  ["plan", planReport],
  ["blocked", blockedReport],
  ["drift", driftReportFixture],
  ["hostile", hostileReport],
];

/** Control characters other than the newline, and bidi controls: none may reach a reader. */
function foreign(text: string): string[] {
  return [...text.matchAll(/[^\P{Cc}\n]|[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu)].map((m) => `U+${(m[0].codePointAt(0) ?? 0).toString(16)}`);
}

/** HTML tags a Markdown body may hold: GitHub keeps these and they cannot run or load anything. */
const safeTags = new Set(["details", "summary", "b", "sub", "br"]);

describe("report renderers", () => {
  it.each(reports)("%s: the model is valid, and the Markdown, HTML and JSON match their snapshots", async (name, make) => {
    const report = make();
    const validate = validatorFor("Report");
    // The hostile report carries a made-up integrity and commit on purpose: the schema refuses those.
    if (name !== "hostile") expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    const json = renderReportJson(report);
    expect(JSON.parse(json)).toEqual(report);
    await expect(renderReportMarkdown(report)).toMatchFileSnapshot(`./__snapshots__/${name}.md`);
    await expect(renderReportHtml(report)).toMatchFileSnapshot(`./__snapshots__/${name}.html`);
    await expect(json).toMatchFileSnapshot(`./__snapshots__/${name}.json`);
  });

  it("build a plan report from plans: command, version, pairs, findings from the plan, commit", () => {
    const report = planReport();
    expect(report.format_version).toBe(reportFormatVersion);
    expect(report.command).toBe("plan");
    expect(report.generatedAt).toBe(generatedAt);
    expect(report.pairs.map((p) => [p.pair, p.status, p.plan?.integrity === undefined])).toEqual([
      ["stage", "drift", false],
      ["prod", "drift", false],
    ]);
    expect(report.pairs[0]?.findings.map((f) => f.code)).toEqual(["pending-deploy"]);
    expect(report.commit).toBe(report.pairs[0]?.plan?.commit);
    expect(report.summary).toMatchObject({ pairs: 2, drifted: 2, warnings: 2 });
    const blocked = blockedReport();
    expect(blocked.pairs[0]?.findings.filter((f) => f.severity === "error").length).toBeGreaterThan(0);
    const mixed = reportFromPlans([planNamed("changed-field"), { ...planNamed("no-changes"), commit: null }], { generatedAt });
    expect(mixed.commit).toBeNull();
    expect(mixed.pairs[1]?.status).toBe("clean");
  });

  it("Markdown: only GitHub-safe tags, every text escaped, diffs folded in details with a fence longer than their backticks", () => {
    const md = renderReportMarkdown(hostileReport());
    // Outside fenced code (which GitHub shows as text), only the tags the renderer writes.
    const outside = md.replace(/^(`{3,})diff\n[\s\S]*?^\1$/gm, "");
    expect(outside).not.toContain("alert(4)");
    const tags = new Set([...outside.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9]*)/g)].map((m) => (m[1] ?? "").toLowerCase()));
    expect([...tags].filter((t) => !safeTags.has(t))).toEqual([]);
    expect(foreign(md)).toEqual([]);
    expect(outside).not.toMatch(/@(everyone|org|admin|team)/);
    expect(md).toContain("@&#8203;everyone");
    // A link needs an unescaped "](": the hostile [link](javascript:...) stays text.
    expect(outside).not.toMatch(/(?<!\\)\]\(javascript:/);
    // Every table row keeps its six cells: escaped pipes open none.
    const rows = md.split("\n").filter((l) => l.startsWith("| ⚠️"));
    expect(rows.length).toBe(1);
    for (const row of rows) expect(row.replace(/\\\|/g, "").split("|").length).toBe(8);
    // The diff has a run of four backticks, so its fence has five; the fence opens and closes once.
    expect(md).toContain("`````diff\n");
    expect(md.match(/^`````$/gm)).toHaveLength(1);
    // No line outside the fence starts a block the report did not write.
    expect(outside.split("\n").some((line) => line.startsWith("fake line"))).toBe(false);
    // details open and close in pairs.
    expect(outside.match(/<details>/g)?.length).toBe(outside.match(/<\/details>/g)?.length);
  });

  it("Markdown: a <details> block with a diff for every map saved, titled with the map", () => {
    const report = planReport();
    const md = renderReportMarkdown(report);
    for (const pair of report.pairs) {
      for (const save of pair.plan?.actions.filter((a) => a.kind === "saveMapDefinition") ?? []) {
        expect(md).toContain(`<details><summary><b>${save.title}</b>: ${save.description}</summary>\n\n\`\`\`diff\n${save.diff}`);
      }
    }
  });

  it("HTML: one file, no script, no external resource, a CSP, both colour schemes, every text escaped", () => {
    const html = renderReportHtml(hostileReport());
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">/);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`);
    expect(html).toContain("@media (prefers-color-scheme: dark)");
    const tagsWritten = [...html.matchAll(/<[a-zA-Z][^>]*>/g)].map((m) => m[0]);
    expect(tagsWritten.filter((tag) => /\son\w+=|\ssrc=|javascript:|\sstyle=/i.test(tag))).toEqual([]);
    expect(html).not.toMatch(/url\(|@import|https?:\/\//i);
    expect(foreign(html)).toEqual([]);
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(html.match(/<details[\s>]/g)?.length).toBe(html.match(/<\/details>/g)?.length);
    const tags = new Set([...html.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9]*)/g)].map((m) => (m[1] ?? "").toLowerCase()));
    const allowed = ["html", "head", "meta", "title", "style", "body", "header", "h1", "h2", "h3", "h4", "p", "dl", "dt", "dd", "code", "nav", "strong", "ul", "ol", "li", "a", "main", "section", "span", "div", "table", "thead", "tbody", "tr", "th", "td", "details", "summary", "pre", "footer"];
    expect([...tags].filter((t) => !allowed.includes(t))).toEqual([]);
    // Links only within the page.
    expect([...html.matchAll(/href="([^"]*)"/g)].every((m) => m[1]?.startsWith("#"))).toBe(true);
  });

  it("HTML: a section per pair and per map acted on, with the map's diff coloured by line", () => {
    const report = planReport();
    const html = renderReportHtml(report);
    for (const [i, pair] of report.pairs.entries()) {
      expect(html).toContain(`<section class="pair" id="pair-${i + 1}" data-pair="${pair.pair}"`);
      for (const section of mapSections(pair.plan ?? planNamed("no-changes"))) expect(html).toContain(`data-pair="${pair.pair}" data-map="${section.map}">`);
    }
    expect(html).toContain(`<span class="add">+  - { fo: PRIMARYCONTACTEMAIL, map: &quot;=&quot;, dv: emailaddress1 }</span>`);
    expect(html).toContain(`<span class="del">-  number: 1.0.0.3</span>`);
    expect(html).toContain(`<span class="hunk">@@ -8,7 +8,7 @@</span>`);
  });

  it("JSON: valid against schemas/report.schema.json, and no C1 control or line separator written raw", () => {
    const report = hostileReport();
    report.pairs[0]?.findings.push({ code: "x", severity: "info", category: "runtimeHealth", map: null, message: "\u009b2J \u2028 \u007f", hint: null });
    const json = renderReportJson(report);
    expect(foreign(json)).toEqual([]);
    expect(json).not.toMatch(/[\u2028\u2029]/);
    expect(json).toContain("\\u009b2J \\u2028 \\u007f");
    expect(JSON.parse(json)).toEqual(report);
    expect(hostile).toContain("\u001b");
  });

  it("the Markdown stays well under GitHub's limit for these reports", () => {
    for (const [, make] of reports) expect(renderReportMarkdown(make()).length).toBeLessThan(githubCommentLimit);
  });
});
