import { describe, expect, it } from "vitest";
import { apiCheck } from "../../src/doctor/assess-access.js";
import { assessCopy, assessDataverseCompanies, assessFinOpsCompanies, assessLink, assessStaleDataverse, assessStaleFinOps, type LinkContext } from "../../src/doctor/assess-link.js";
import { assessCoreSolution, assessMapSolutions } from "../../src/doctor/assess-solutions.js";
import { assessDataverseUsers, assessFinOpsApplications, missingRoles } from "../../src/doctor/assess-users.js";
import { exitCodeOf } from "../../src/doctor/check.js";
import { renderDoctorJson, renderDoctorText } from "../../src/doctor/render.js";
import type { ApplicationUser, InstalledSolution } from "../../src/live/probe/probe.js";
import type { LastAppliedRecord } from "../../src/model/last-applied.js";
import { plain } from "../../src/report/colour.js";
import { emptyLive, lastAppliedFor, loadDesired, pairDesired, planEstate } from "../plan/builders.js";

const INTEGRATION = "2e49aa60-1bd3-43b6-8ab6-03ada3d9f08b";
const FINOPS_APP = "00000015-0000-0000-c000-000000000000";
const DATAVERSE_APP = "6f7d0213-62b1-43a8-b7f4-ff2bb8b7b452";

const user = (applicationId: string, roles: string[], disabled = false): ApplicationUser => ({
  systemUserId: `user-${applicationId}`,
  applicationId,
  fullName: `# ${applicationId}`,
  disabled,
  roles,
});
const bothRoles = ["Dual-Write App User", "Dual-Write Runtime User"];

describe("the Dataverse application users", () => {
  it("needs Dual-Write App User always, and Dual-Write Runtime User unless the user is a System Administrator", () => {
    expect(missingRoles(bothRoles)).toEqual([]);
    expect(missingRoles(["dual-write app user", "System Administrator"])).toEqual([]);
    expect(missingRoles(["Dual-Write Runtime User"])).toEqual(["Dual-Write App User"]);
    expect(missingRoles([])).toEqual(["Dual-Write App User", "Dual-Write Runtime User"]);
  });

  it("passes with both users holding both roles", () => {
    const check = assessDataverseUsers([user(FINOPS_APP, bothRoles), user(INTEGRATION, bothRoles)]);
    expect(check.status).toBe("pass");
    expect(check.fix).toBeNull();
  });

  it("fails a missing role, naming the user, the role and how to add it", () => {
    const check = assessDataverseUsers([user(FINOPS_APP, bothRoles), user(INTEGRATION, ["Dual-Write Runtime User"])]);
    expect(check.status).toBe("fail");
    expect(check.detail).toContain(`Dynamics Data Integration (${INTEGRATION}) lacks the role Dual-Write App User`);
    expect(check.fix).toContain("Edit security roles");
    expect(check.fix).toContain("Dual-Write App User");
  });

  it("fails a missing or disabled required user; the F&O app user of a cloud-hosted environment is only a warning", () => {
    expect(assessDataverseUsers([user(FINOPS_APP, bothRoles)]).status).toBe("fail");
    expect(assessDataverseUsers([user(FINOPS_APP, bothRoles), user(INTEGRATION, bothRoles, true)]).detail).toContain("is disabled");
    const optional = assessDataverseUsers([user(INTEGRATION, bothRoles)]);
    expect(optional.status).toBe("warn");
    expect(optional.detail).toContain("not in a cloud-hosted environment you manage");
  });
});

describe("the finance and operations Microsoft Entra applications", () => {
  const apps = [
    { clientId: DATAVERSE_APP, name: "Dual-write", userId: "Admin" },
    { clientId: INTEGRATION, name: "Dynamics Data Integration", userId: "Admin" },
  ];

  it("passes when both act as an enabled user, and says roles are not checked", () => {
    const check = assessFinOpsApplications(apps, [{ userId: "Admin", name: "Admin", enabled: true }]);
    expect(check.status).toBe("pass");
    expect(check.detail).toContain("roles are not checked");
  });

  it("fails a missing application and a disabled or unknown user", () => {
    expect(assessFinOpsApplications(apps.slice(1), [{ userId: "Admin", name: "Admin", enabled: true }]).detail).toContain(`(${DATAVERSE_APP}) is not listed`);
    expect(assessFinOpsApplications(apps, [{ userId: "Admin", name: "Admin", enabled: false }]).detail).toContain("which is disabled");
    expect(assessFinOpsApplications(apps, []).detail).toContain("which does not exist");
  });
});

describe("the solutions", () => {
  const solution = (uniqueName: string, version = "1.0.0.0", managed = true): InstalledSolution => ({ uniqueName, friendlyName: uniqueName, version, managed });

  it("finds the core solution without case and prints its version; its absence fails with the AppSource fix", () => {
    expect(assessCoreSolution([solution("msdyn_dualwritecore", "1.0.16.0")])).toMatchObject({ status: "pass", detail: "msdyn_dualwritecore 1.0.16.0 (managed)" });
    const missing = assessCoreSolution([solution("msdyn_DualWriteAppCoreMaps")]);
    expect(missing.status).toBe("fail");
    expect(missing.detail).toContain("msdyn_DualWriteCore");
    expect(missing.fix).toContain("AppSource");
  });

  it("lists dwctl's solutions per publisher and Microsoft's map solutions with versions", () => {
    const check = assessMapSolutions([solution("dwctl_contoso", "1.0.0.0", false), solution("msdyn_DualWriteAppCoreMaps", "1.0.24.3")], ["contoso", "fabrikam"]);
    expect(check.status).toBe("pass");
    expect(check.detail).toContain("dwctl_contoso 1.0.0.0 (unmanaged)");
    expect(check.detail).toContain("dwctl_fabrikam not created yet");
    expect(check.detail).toContain("msdyn_DualWriteAppCoreMaps 1.0.24.3 (managed)");
  });

  it("fails a Microsoft map package installed without the application core maps it depends on", () => {
    const check = assessMapSolutions([solution("msdyn_Dynamics365FinanceExtendedMaps")], []);
    expect(check.status).toBe("fail");
    expect(check.fix).toContain("Dual-write Application Core");
  });
});

describe("the link, the health-check conditions and the signs of a copy", () => {
  const files = planEstate();
  const desired = loadDesired(files);
  const stage = pairDesired(files, "stage");
  const prodUrl = desired.pairs.find((pair) => pair.name === "prod")?.dataverse.url ?? "";
  const context = (change: (ctx: LinkContext) => void = () => undefined): LinkContext => {
    const ctx: LinkContext = { pair: stage.pair, pairs: desired.pairs, snapshot: emptyLive(stage), lastApplied: undefined };
    change(ctx);
    return ctx;
  };

  it("passes a pair linked to its own Dataverse with its legal entities", () => {
    const ctx = context();
    expect(assessLink(ctx)).toMatchObject({ status: "pass" });
    expect(assessLink(ctx).detail).toContain("(this pair's Dataverse); legal entities USMF");
    for (const check of [assessDataverseCompanies(ctx.snapshot), assessFinOpsCompanies(ctx.snapshot, { ok: true, value: ["USMF"] }), assessStaleDataverse(ctx), assessStaleFinOps(ctx), assessCopy(ctx)]) {
      expect(check.status, check.id).toBe("pass");
    }
  });

  it("fails an unlinked pair and skips what needs the link", () => {
    const ctx = context((c) => (c.snapshot = { ...c.snapshot, link: undefined }));
    expect(assessLink(ctx).status).toBe("fail");
    expect(assessLink(ctx).fix).toContain("Reset link");
    expect(assessDataverseCompanies(ctx.snapshot).status).toBe("skip");
  });

  it("names the pair whose Dataverse the link points at, and points at dwctl refresh", () => {
    const ctx = context((c) => {
      const link = c.snapshot.link;
      if (link !== undefined) c.snapshot = { ...c.snapshot, link: { ...link, dataverseUrl: prodUrl } };
    });
    const link = assessLink(ctx);
    expect(link.status).toBe("fail");
    expect(link.detail).toContain("(pair prod's Dataverse)");
    expect(link.fix).toContain("dwctl refresh --env stage --confirm stage");
    expect(assessCopy(ctx).detail).toContain("the link points at pair prod's Dataverse");
  });

  it("warns when the linked legal entities differ from environments.yaml", () => {
    const ctx = context((c) => {
      const link = c.snapshot.link;
      if (link !== undefined) c.snapshot = { ...c.snapshot, link: { ...link, legalEntities: ["USMF", "DEMF"] } };
    });
    expect(assessLink(ctx)).toMatchObject({ status: "warn" });
    expect(assessLink(ctx).fix).toContain("Reset the link");
    expect(assessDataverseCompanies(ctx.snapshot)).toMatchObject({ status: "fail", title: "Linked legal entities exist in Dataverse (DWDVEV1003)", detail: "Dataverse has no Company (cdm_company) row for the linked legal entity DEMF" });
    expect(assessFinOpsCompanies(ctx.snapshot, { ok: true, value: ["usmf"] }).detail).toBe("finance and operations has no legal entity for the linked legal entity DEMF");
  });

  it("reads a raw copy: another pair's last-applied record and F&O runtime rows for another Dataverse", () => {
    const prodRecord: LastAppliedRecord = { ...lastAppliedFor(pairDesired(files, "prod")), pair: "prod" };
    const ctx = context((c) => {
      c.lastApplied = prodRecord;
      c.snapshot = {
        ...c.snapshot,
        runtime: {
          financeAndOperations: [{ projectName: "p1", externalEnvironmentUrl: prodUrl, status: "Running" }],
          dataverse: [{ id: "r1", source: "accounts", destination: "CustomersV3" }],
        },
      };
    });
    const copy = assessCopy(ctx);
    expect(copy.status).toBe("fail");
    expect(copy.detail).toContain("the Dataverse holds pair prod's last-applied record");
    expect(copy.detail).toContain("DualWriteProjectConfiguration rows for pair prod's Dataverse");
    expect(copy.fix).toContain("dwctl refresh --env stage --confirm stage");
    expect(assessStaleFinOps(ctx)).toMatchObject({ status: "fail", title: expect.stringContaining("(DWFOEV1004)") as unknown });
    expect(assessStaleFinOps(ctx).detail).toBe("1 DualWriteProjectConfiguration row(s) for https://contoso.crm.dynamics.com (pair prod's Dataverse)");
    expect(assessStaleDataverse(ctx)).toMatchObject({ status: "fail", title: expect.stringContaining("(DWDVEV1004)") as unknown, detail: "1 msdyn_dualwriteruntimeconfig row(s) in a Dataverse copied from pair prod" });
  });

  it("does not send a protected pair to dwctl refresh, which refuses it", () => {
    const prod = pairDesired(files, "prod");
    const ctx: LinkContext = { pair: prod.pair, pairs: desired.pairs, snapshot: emptyLive(prod), lastApplied: { ...lastAppliedFor(stage), pair: "stage" } };
    const copy = assessCopy(ctx);
    expect(copy.status).toBe("fail");
    expect(copy.fix).toContain("prod is protected, so dwctl refresh will not run on it");
    expect(copy.fix).not.toContain("dwctl refresh --env");
  });
});

describe("the report", () => {
  const report = {
    pair: "stage",
    checks: [
      apiCheck("dataverse", { ok: true, value: "organization 1" }),
      apiCheck("finops", { ok: false, failure: { kind: "refused", message: "Finance and operations refused the token for scope x/.default with 401 (the token audience does not match this service)", hint: "list the app" } }),
      apiCheck("dualwrite", { ok: false, failure: { kind: "unreachable", message: "GET http://x: the connection was refused (ECONNREFUSED)", hint: "check the URL" } }),
    ],
  };

  it("prints one line a check, the fix under a failure, and exits 1 on a failure", () => {
    const text = renderDoctorText(report, plain);
    expect(text).toContain("✓ api.dataverse  Dataverse Web API answers (WhoAmI) — organization 1");
    expect(text).toContain("✗ api.finops     Finance and operations OData answers (service root) — Finance and operations refused the token");
    expect(text).toContain("fix: list the app");
    expect(text).toContain("the dual-write management service did not answer: GET http://x");
    expect(text).toContain("FAILED: 1 passed, 2 failed, 0 warnings, 0 skipped");
    expect(exitCodeOf(report)).toBe(1);
    expect(exitCodeOf({ pair: "stage", checks: report.checks.slice(0, 1) })).toBe(0);
  });

  it("gives JSON a stable list of {id, title, status, detail, fix}", () => {
    const json = JSON.parse(renderDoctorJson(report)) as { pair: string; ok: boolean; checks: Record<string, unknown>[] };
    expect(json.pair).toBe("stage");
    expect(json.ok).toBe(false);
    expect(json.checks.map((check) => Object.keys(check))).toEqual(Array(3).fill(["id", "title", "status", "detail", "fix"]));
    expect(json.checks.map((check) => check["status"])).toEqual(["pass", "fail", "fail"]);
    expect(json.checks[0]?.["fix"]).toBeNull();
  });

  it("escapes control characters from an environment", () => {
    const text = renderDoctorText({ pair: "stage", checks: [apiCheck("dataverse", { ok: true, value: "org \u001b]0;pwned\u0007" })] }, plain);
    expect(text).not.toContain("\u001b");
    expect(text).toContain("\\u001b]0;pwned\\u0007");
  });
});
