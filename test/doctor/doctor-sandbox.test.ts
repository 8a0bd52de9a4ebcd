import { cp, rm } from "node:fs/promises";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DoctorCheck } from "../../src/doctor/check.js";
import { removeRole, removeSolution } from "../../src/sandbox/store/access.js";
import { root, runCli, tempTree } from "../helpers/cli.js";
import { sandboxLog } from "../helpers/sandbox-log.js";

const timings = JSON.stringify({ keyPendingMs: 10, keyBuildMs: 20, mapTransitionMs: 20 });
const INTEGRATION_APP = "2e49aa60-1bd3-43b6-8ab6-03ada3d9f08b";

let dir = "";
let env: Record<string, string> = {};

async function cli(...args: string[]) {
  return runCli(args, dir, env);
}

/** What doctor says about a pair, as JSON. */
async function doctorJson(pair: string): Promise<{ code: number; checks: DoctorCheck[] }> {
  const result = await cli("doctor", "--env", pair, "--format", "json");
  return { code: result.code, checks: (JSON.parse(result.stdout) as { checks: DoctorCheck[] }).checks };
}

const statusOf = (checks: readonly DoctorCheck[], id: string): string | undefined => checks.find((check) => check.id === id)?.status;

/** Every write each environment received, from the sandbox's own log. */
async function writes(): Promise<Record<string, number>> {
  const dataDir = env.DWCTL_SANDBOX_DIR ?? "";
  const count = async (environment: string): Promise<number> => (await sandboxLog(dataDir, environment)).filter((entry) => entry.method !== "GET").length;
  return { prod: await count("prod"), stage: await count("stage") };
}

/** Changes STAGE's database directly while no sandbox runs (each command starts and stops its own). */
function breakStage(side: "dataverse" | "finops", change: (db: Database.Database) => unknown): void {
  const db = new Database(join(env.DWCTL_SANDBOX_DIR ?? "", `stage-${side}.db`));
  try {
    db.transaction(() => change(db))();
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  dir = await tempTree({});
  await cp(join(root, "maps"), join(dir, "maps"), { recursive: true });
  env = { DWCTL_SANDBOX_DIR: join(dir, "sb"), DWCTL_SANDBOX_TIMINGS: timings };
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("dwctl doctor on the embedded sandbox", () => {
  it("passes every check of a freshly reset estate, on both pairs, and writes nothing", async () => {
    expect((await cli("sandbox", "reset")).code).toBe(0);
    const before = await writes();
    const text = await cli("doctor", "--env", "stage");
    expect(text.code, text.stdout + text.stderr).toBe(0);
    expect(text.stdout).toContain("dwctl doctor: pair stage");
    expect(text.stdout).not.toContain("✗");
    expect(text.stdout).toContain("OK: 13 passed, 0 failed, 0 warnings, 0 skipped");
    expect(text.stdout).toMatch(/✓ solutions\.core +The dual-write core solution is installed in Dataverse — msdyn_DualWriteCore 1\.0\.16\.0 \(managed\)/);
    expect(text.stdout).toContain("points at http://127.0.0.1/stage/dataverse (this pair's Dataverse); legal entities DEMF, USMF, USRT");
    for (const pair of ["stage", "prod"]) {
      const { code, checks } = await doctorJson(pair);
      expect(code).toBe(0);
      expect(checks.map((check) => check.id)).toEqual([
        "api.dataverse",
        "api.finops",
        "api.dualwrite",
        "users.dataverse",
        "users.finops",
        "solutions.core",
        "solutions.maps",
        "link",
        "health.companies.dataverse",
        "health.companies.finops",
        "health.stale.dataverse",
        "health.stale.finops",
        "copy",
      ]);
      expect(checks.filter((check) => check.status !== "pass")).toEqual([]);
    }
    expect(await writes()).toEqual(before);
  }, 120_000);

  it("fails the role check of an application user without Dual-Write App User, with its fix, and exits 1", async () => {
    expect((await cli("sandbox", "reset")).code).toBe(0);
    breakStage("dataverse", (db) => expect(removeRole(db, INTEGRATION_APP, "Dual-Write App User")).toBe(1));
    const result = await cli("doctor", "--env", "stage");
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/✗ users\.dataverse .* — Dynamics Data Integration \(2e49aa60-1bd3-43b6-8ab6-03ada3d9f08b\) lacks the role Dual-Write App User \(it holds Dual-Write Runtime User\)/);
    expect(result.stdout).toContain("fix: give the application user of 2e49aa60-1bd3-43b6-8ab6-03ada3d9f08b the security role Dual-Write App User (Application users > the user > Edit security roles)");
    expect(result.stdout).toContain("FAILED: 12 passed, 1 failed");
    // PROD, a database of its own, is unaffected.
    expect((await cli("doctor", "--env", "prod")).code).toBe(0);
  }, 120_000);

  it("fails the core solution check when Dual Write Core is not installed, and exits 1", async () => {
    expect((await cli("sandbox", "reset")).code).toBe(0);
    breakStage("dataverse", (db) => expect(removeSolution(db, "msdyn_DualWriteCore")).toBe(true));
    const { code, checks } = await doctorJson("stage");
    expect(code).toBe(1);
    const core = checks.find((check) => check.id === "solutions.core");
    expect(core?.status).toBe("fail");
    expect(core?.detail).toContain("Dataverse has no solution msdyn_DualWriteCore (Dual Write Core)");
    expect(core?.fix).toContain("install Dual Write Core from AppSource");
    expect(checks.filter((check) => check.status === "fail").map((check) => check.id)).toEqual(["solutions.core"]);
  }, 120_000);

  it("finds the signs of a raw database copy, points at dwctl refresh, and passes again after it; doctor writes nothing", async () => {
    expect((await cli("sandbox", "reset")).code).toBe(0);
    expect((await cli("apply", "--env", "stage", "--auto-approve")).code).toBe(0);
    expect((await cli("apply", "--env", "prod", "--auto-approve", "--confirm", "prod")).code).toBe(0);
    const applied = await doctorJson("stage");
    expect(applied.checks.filter((check) => check.status !== "pass")).toEqual([]);
    expect(applied.checks.find((check) => check.id === "solutions.maps")?.detail).toContain("dwctl_contoso 1.0.0.0 (unmanaged)");

    const copy = await cli("sandbox", "copy-db", "--from", "prod", "--to", "stage", "--variant", "raw");
    expect(copy.code, copy.stderr).toBe(0);
    const before = await writes();
    // The log holds the applies' writes, so an unchanged count means doctor added none.
    expect(before.stage).toBeGreaterThan(0);
    const result = await cli("doctor", "--env", "stage");
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/✗ copy +No signs of a database copied from another environment — the Dataverse holds pair prod's last-applied record/);
    expect(result.stdout).toContain("DualWriteProjectConfiguration rows for pair prod's Dataverse (a raw copy of another finance and operations database)");
    expect(result.stdout).toContain("fix: run dwctl refresh --env stage --confirm stage");
    expect(result.stdout).toMatch(/✗ health\.stale\.finops .*\(DWFOEV1004\) — \d+ DualWriteProjectConfiguration row\(s\) for http:\/\/127\.0\.0\.1\/prod\/dataverse \(pair prod's Dataverse\)/);
    expect(result.stdout).toMatch(/✗ health\.stale\.dataverse .*\(DWDVEV1004\) — \d+ msdyn_dualwriteruntimeconfig row\(s\) in a Dataverse copied from pair prod/);
    // The link lives in the dual-write service, which no database copy touches.
    expect(result.stdout).toMatch(/✓ link .*\(this pair's Dataverse\)/);
    expect(await writes()).toEqual(before);

    const refresh = await cli("refresh", "--env", "stage", "--confirm", "stage");
    expect(refresh.code, refresh.stdout + refresh.stderr).toBe(0);
    const after = await doctorJson("stage");
    expect(after.checks.filter((check) => check.status !== "pass")).toEqual([]);
    expect(statusOf(after.checks, "copy")).toBe("pass");
  }, 240_000);
});
