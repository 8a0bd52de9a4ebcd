import { describe, expect, it } from "vitest";
import { userFacing } from "../../src/cli/failures.js";
import type { DoctorCheck } from "../../src/doctor/check.js";
import { runDoctor } from "../../src/doctor/run-doctor.js";
import { HttpError } from "../../src/live/http/index.js";
import type { EnvironmentProbe } from "../../src/live/probe/probe.js";
import { emptyLive, loadDesired, pairDesired, planEstate } from "../plan/builders.js";

const files = planEstate();
const desired = loadDesired(files);
const stage = pairDesired(files, "stage");
const bothRoles = ["Dual-Write App User", "Dual-Write Runtime User"];

/** A healthy pair, read without HTTP; tests replace what they break. */
function probe(changes: Partial<EnvironmentProbe> = {}): EnvironmentProbe {
  return {
    pair: "stage",
    whoAmI: async () => ({ organizationId: "org", userId: "me" }),
    finOpsServiceRoot: async () => 3,
    dualWriteConnection: async () => ({ cid: "cid", connectionSet: "stage-dw-connectionset" }),
    applicationUsers: async (ids) => ids.map((id) => ({ systemUserId: `u-${id}`, applicationId: id, fullName: id, disabled: false, roles: bothRoles })),
    solutions: async () => [{ uniqueName: "msdyn_DualWriteCore", friendlyName: "Dual Write Core", version: "1.0.16.0", managed: true }],
    entraApplications: async () => [
      { clientId: "6f7d0213-62b1-43a8-b7f4-ff2bb8b7b452", name: "Dual-write", userId: "Admin" },
      { clientId: "2e49aa60-1bd3-43b6-8ab6-03ada3d9f08b", name: "Dynamics Data Integration", userId: "Admin" },
    ],
    finOpsUsers: async () => [{ userId: "Admin", name: "Admin", enabled: true }],
    finOpsLegalEntities: async () => ["USMF"],
    snapshot: async () => emptyLive(stage),
    ...changes,
  };
}

async function doctor(changes: Partial<EnvironmentProbe> = {}): Promise<Map<string, DoctorCheck>> {
  const report = await runDoctor({ pair: stage.pair, pairs: desired.pairs, publishers: ["contoso"], explain: userFacing, open: async () => ({ probe: probe(changes), close: async () => undefined }) });
  return new Map(report.checks.map((check) => [check.id, check]));
}

const notFound = new HttpError("404 Not Found: GET data/SysAADClients", { method: "GET", url: "https://x/data/SysAADClients", requestId: undefined, attempts: 1, status: 404, bodyExcerpt: "", errorCode: undefined });

describe("runDoctor", () => {
  it("passes a healthy pair, and closes what it opened", async () => {
    let closed = false;
    const report = await runDoctor({ pair: stage.pair, pairs: desired.pairs, publishers: ["contoso"], explain: userFacing, open: async () => ({ probe: probe(), close: async () => void (closed = true) }) });
    expect(report.checks.filter((check) => check.status !== "pass")).toEqual([]);
    expect(closed).toBe(true);
  });

  it("cannot check the Entra applications when the inferred F&O entity is not exposed: a warning, not a failure", async () => {
    const check = (await doctor({ entraApplications: async () => Promise.reject(notFound) })).get("users.finops");
    expect(check?.status).toBe("warn");
    expect(check?.detail).toContain("cannot check: finance and operations has no public entity SysAADClients");
    expect(check?.fix).toContain("Microsoft Entra applications by hand");
  });

  it("fails the checks built on the snapshot with the snapshot's own error, and keeps the others", async () => {
    const checks = await doctor({ snapshot: async () => Promise.reject(Object.assign(new Error("the map X has no detail.template"), { hint: "report the service's answer" })) });
    expect(checks.get("link")).toMatchObject({ status: "fail", fix: "report the service's answer" });
    expect(checks.get("link")?.detail).toContain("the pair's snapshot (link, runtime configuration, companies, last-applied record) could not be read: the map X has no detail.template");
    expect(checks.get("copy")?.status).toBe("fail");
    expect(checks.get("users.dataverse")?.status).toBe("pass");
  });

  it("fails a read that fails for a reason it does not know as a bug to report, not as a crash", async () => {
    const check = (await doctor({ solutions: async () => Promise.reject(new TypeError("x is not a function")) })).get("solutions.core");
    expect(check?.status).toBe("fail");
    expect(check?.detail).toContain("TypeError: x is not a function");
    expect(check?.fix).toContain("bug in dwctl");
  });

  it("skips what needs the dual-write service when only it fails, and still checks Dataverse and F&O", async () => {
    const checks = await doctor({ dualWriteConnection: async () => Promise.reject(Object.assign(new Error("the dual-write management service refused the token"), { hint: "use a delegated token" })) });
    expect(checks.get("api.dualwrite")).toMatchObject({ status: "fail", fix: "use a delegated token" });
    expect(checks.get("users.finops")?.status).toBe("pass");
    expect(checks.get("link")?.detail).toBe("cannot check: the dual-write management service (api.dualwrite) could not be read");
  });
});
