import { describe, expect, it } from "vitest";
import { buildPlan } from "../../../src/plan/build-plan.js";
import type { Plan } from "../../../src/plan/plan.js";
import { colours, plain } from "../../../src/report/colour.js";
import { escapeMarkdown, markdownLimit, renderPlanMarkdown } from "../../../src/report/plan/markdown.js";
import { renderPlanText } from "../../../src/report/plan/text.js";
import { storyLines, summaryLine } from "../../../src/report/plan/phrases.js";
import { scenarios } from "../../plan/scenarios.js";

const all = scenarios();

function planNamed(name: string): Plan {
  const scenario = all.find((s) => s.name === name);
  if (scenario === undefined) throw new Error(`no scenario ${name}`);
  return buildPlan(scenario.input);
}

describe("plan renderers", () => {
  it("summarise like Terraform", () => {
    expect(summaryLine(planNamed("new-map").summary)).toBe("Plan: 6 to create, 3 to update, 0 to delete; 6 lifecycle changes.");
    expect(summaryLine(planNamed("paused-map-resume").summary)).toBe("Plan: 0 to create, 0 to update, 0 to delete; 1 lifecycle change.");
    expect(summaryLine(planNamed("no-changes").summary)).toBe("No changes: apply has nothing to do.");
  });

  it("tell each map's story in run order, as the pull-request comment reads", () => {
    // An edit of a running map never re-runs its initial sync (the DW Helper redeploy, dualwrite-service.md §6.2).
    expect(storyLines(planNamed("changed-field"))).toEqual([
      "stop Customers V3 (accounts), save it as version 1.0.0.4, add 1 field mapping, switch to version 1.0.0.4, refresh tables, start it without initial sync",
      "apply solution dwctl_contoso (Apply Solution), so that the dual-write service can use the versions saved in it",
    ]);
    expect(storyLines(planNamed("changed-direction"))).toEqual([
      "stop Customers V3 (accounts), update 1 field mapping, refresh tables, start it without initial sync",
      "apply solution dwctl_contoso (Apply Solution), so that the dual-write service can use the versions saved in it",
    ]);
  });

  it("colour diff lines and markers only with a colour palette", () => {
    const plan = planNamed("changed-direction");
    expect(renderPlanText(plan, plain)).not.toContain("\u001b[");
    const coloured = renderPlanText(plan, colours);
    expect(coloured).toContain('\u001b[31m-  - { fo: ORGANIZATIONNAME, map: "=", dv: name }\u001b[39m');
    expect(coloured).toContain('\u001b[32m+  - { fo: ORGANIZATIONNAME, map: ">", dv: name }\u001b[39m');
  });

  it("escape Markdown, HTML and mentions in user text", () => {
    expect(escapeMarkdown("<script>*x*_y_ [a](b) @team `c` | ~d~")).toBe(
      "&lt;script&gt;\\*x\\*\\_y\\_ \\[a\\](b) &#64;&#8203;team \\`c\\` \\| \\~d\\~",
    );
    const plan = planNamed("changed-direction");
    const hostile = {
      ...plan,
      actions: plan.actions.map((a) => ({ ...a, description: `${a.description} <img src=x onerror=alert(1)>` })),
    } as Plan;
    const md = renderPlanMarkdown(hostile);
    expect(md).not.toContain("<img");
    expect(md).toContain("&lt;img src=x onerror=alert(1)&gt;");
  });

  it("fence a diff with more backticks than it contains", () => {
    const plan = planNamed("changed-direction");
    const tricky = {
      ...plan,
      actions: plan.actions.map((a) => (a.kind === "saveMapDefinition" ? { ...a, diff: `${a.diff}+  note: \`\`\`\`\n` } : a)),
    } as Plan;
    expect(renderPlanMarkdown(tricky)).toContain("`````diff");
  });

  it("stay under the comment limit by cutting diffs evenly, with a note", () => {
    const plan = planNamed("changed-direction");
    const huge = '+  - { fo: X, map: "=", dv: y }\n'.repeat(5_000);
    const big = {
      ...plan,
      actions: [...plan.actions, ...plan.actions].map((a) => (a.kind === "saveMapDefinition" ? { ...a, diff: a.diff + huge } : a)),
    } as Plan;
    const md = renderPlanMarkdown(big);
    expect(md.length).toBeLessThanOrEqual(markdownLimit);
    expect(md).toContain("more line(s) not shown; run dwctl plan --env stage for the full diff");
    expect(md.match(/```diff/g)).toHaveLength(2);
    expect(md.trimEnd().endsWith("</sub>")).toBe(true);
  });

  it("cut the whole comment as a last resort", () => {
    const plan = planNamed("changed-direction");
    const stop = plan.actions[0];
    if (stop === undefined) throw new Error("fixture");
    const many = {
      ...plan,
      actions: Array.from({ length: 3_000 }, (_, i) => ({ ...stop, id: `x${i}`, map: `map-${i}`, title: `Map ${i} (things)` })),
    } as Plan;
    const md = renderPlanMarkdown(many);
    expect(md.length).toBeLessThanOrEqual(markdownLimit);
    expect(md).toContain("The plan is too long for a comment");
  });
});
