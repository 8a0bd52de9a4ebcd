import { failedPairReport, planFindings } from "../../../src/drift/findings.js";
import { buildPlan } from "../../../src/plan/build-plan.js";
import type { Plan } from "../../../src/plan/plan.js";
import { sealPlan } from "../../../src/plan/seal-plan.js";
import { driftReport, pairReportFromPlan, reportFromPlans, type Finding, type Report } from "../../../src/report/report/model.js";
import { scenarios } from "../../plan/scenarios.js";

export const generatedAt = "2025-03-14T10:00:00.000Z";

const all = scenarios();

/** A scenario's plan, sealed as dwctl plan prints it. */
export function planNamed(name: string): Plan {
  const scenario = all.find((s) => s.name === name);
  if (scenario === undefined) throw new Error(`no scenario ${name}`);
  return sealPlan(buildPlan(scenario.input));
}

/** dwctl plan: stage with an edited map (a diff), prod with a change that needs --confirm prod. */
export function planReport(): Report {
  return reportFromPlans([planNamed("changed-field"), planNamed("protected-environment")], { generatedAt });
}

/** dwctl plan on stage after a database copy: blocked, with drift. */
export function blockedReport(): Report {
  return reportFromPlans([planNamed("stale-link")], { generatedAt });
}

/** dwctl drift --all: stage edited in the UI and paused (with its plan and runtime findings), prod not read. */
export function driftReportFixture(): Report {
  const plan = planNamed("ui-edit");
  const runtime: Finding[] = [
    { code: "records-queued", severity: "warning", category: "runtimeHealth", map: "customers", message: "Customers V3 (accounts) is paused: changes made meanwhile wait in its queue", hint: "Resume the map before the queue reaches its limits." },
    { code: "request-waiting", severity: "info", category: "runtimeHealth", map: "currencies", message: "Currencies (transactioncurrencies): the service's latest start request 42 has not finished", hint: null },
  ];
  const stage = pairReportFromPlan({
    plan,
    findings: [...planFindings(plan), ...runtime],
    lastApplied: { commit: plan.commit, appliedAt: "2025-03-13T17:00:00Z", actor: "github-actions[bot]", planHash: "a".repeat(64) },
  });
  const prod = failedPairReport("prod", "GET https://contoso.crm.dynamics.com/api/data/v9.2/msdyn_dualwriteruntimeconfigs: the connection was refused (ECONNREFUSED)", "Check the URL and port in maps/environments.yaml, and that the service is up.");
  return driftReport([stage, prod], { generatedAt, commit: plan.commit });
}

/** Text from YAML and from the live side that tries everything: HTML, mentions, Markdown, terminal escapes, bidi. */
export const hostile = "<img src=x onerror=alert(1)><script>alert(2)</script> @everyone @org/team | pipe `tick` ```fence``` </details> **bold** [link](javascript:alert(3)) \u001b]0;owned\u0007\u001b[8m hidden \u202eevil\u202c\r\nfake line";

/** A plan whose every string a reviewer reads carries the hostile text. */
export function hostileReport(): Report {
  const plan = planNamed("changed-field");
  const evil: Plan = {
    ...plan,
    pair: "stage<i>@team|x`y",
    integrity: `${"0".repeat(60)}<b>`,
    commit: "`rm -rf /`",
    actions: plan.actions.map((a) => {
      const base = { ...a, description: `${a.description} ${hostile}` };
      if (!("map" in base)) return base;
      const withTitle = { ...base, title: `Customers ${hostile}` };
      return withTitle.kind === "saveMapDefinition"
        ? { ...withTitle, diff: `${withTitle.diff}+  - { fo: X, map: "=", dv: "${hostile}" }\n+  note: \`\`\`\`\n-  <script>alert(4)</script>\n` }
        : withTitle;
    }) as Plan["actions"],
    warnings: [{ code: "x", map: `map|${hostile}`, message: hostile }],
    blockers: [{ kind: "unknownColumn", message: `table account has no column ${hostile}`, path: [] }],
    confirmationsRequired: [{ reason: "protectedPair", message: hostile }],
    unmanaged: [{ ref: { entity: "X", table: "y" }, title: hostile, state: "running" }],
  };
  return reportFromPlans(
    [
      {
        plan: evil,
        findings: [{ code: "definition-changed", severity: "warning", category: "changedOutsideGit", map: `evil|${hostile}`, message: hostile, hint: hostile }],
        lastApplied: { commit: "not hex <i>", appliedAt: hostile, actor: `<b>@admin</b> ${hostile}`, planHash: "x" },
      },
    ],
    { generatedAt },
  );
}
