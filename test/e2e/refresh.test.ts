import { cp } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Plan } from "../../src/plan/plan.js";
import { root, runCli, tempTree } from "../helpers/cli.js";
import { sandboxLog } from "../helpers/sandbox-log.js";

const timings = JSON.stringify({ keyPendingMs: 10, keyBuildMs: 20, mapTransitionMs: 20 });

let dir = "";
let env: Record<string, string> = {};

async function cli(...args: string[]) {
  return runCli(args, dir, env);
}

/** The writes one environment received, from the sandbox's own log. */
async function writes(environment: string) {
  return (await sandboxLog(env.DWCTL_SANDBOX_DIR ?? "", environment)).filter((entry) => entry.method !== "GET");
}

async function status(): Promise<{ environments: { name: string; counts: Record<string, number> }[] }> {
  const result = await cli("sandbox", "status", "--format", "json");
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as { environments: { name: string; counts: Record<string, number> }[] };
}

/** Both pairs applied from maps/, then PROD copied over STAGE as asked. */
async function copiedEstate(side: "fo" | "dataverse" | "both", variant: "lcs" | "raw"): Promise<void> {
  expect((await cli("sandbox", "reset")).code).toBe(0);
  expect((await cli("apply", "--env", "stage", "--auto-approve")).code).toBe(0);
  expect((await cli("apply", "--env", "prod", "--auto-approve", "--confirm", "prod")).code).toBe(0);
  const copy = await cli("sandbox", "copy-db", "--from", "prod", "--to", "stage", "--side", side, "--variant", variant);
  expect(copy.code, copy.stderr).toBe(0);
}

async function planExit(): Promise<{ code: number; plan: Plan }> {
  const detailed = await cli("plan", "--env", "stage", "--detailed-exitcode");
  const json = await cli("plan", "--env", "stage", "--format", "json");
  return { code: detailed.code, plan: JSON.parse(json.stdout) as Plan };
}

beforeAll(async () => {
  dir = await tempTree({});
  await cp(join(root, "maps"), join(dir, "maps"), { recursive: true });
  env = { DWCTL_SANDBOX_DIR: join(dir, "sb"), DWCTL_SANDBOX_TIMINGS: timings };
});

describe("dwctl refresh after a PROD-to-STAGE database copy", () => {
  const variants = [
    { side: "both", variant: "raw", blocked: true },
    { side: "both", variant: "lcs", blocked: true },
    { side: "fo", variant: "raw", blocked: true },
    { side: "fo", variant: "lcs", blocked: false },
    { side: "dataverse", variant: "raw", blocked: true },
  ] as const;

  for (const { side, variant, blocked } of variants) {
    it(`rebuilds STAGE after a ${variant} copy of ${side === "fo" ? "the finance and operations database" : side === "dataverse" ? "the Dataverse database" : "both databases"}, writing nothing to PROD`, async () => {
      await copiedEstate(side, variant);
      const before = await planExit();
      expect(before.plan.blockers.length > 0, JSON.stringify(before.plan.blockers)).toBe(blocked);
      if (blocked) {
        expect(before.code).toBe(1);
        expect(before.plan.blockers.map((b) => b.message).join(" ")).toContain("dwctl refresh --env stage");
      }
      const prodWrites = (await writes("prod")).length;
      const refresh = await cli("refresh", "--env", "stage", "--confirm", "stage");
      expect(refresh.code, refresh.stderr).toBe(0);
      expect(refresh.stderr).toContain("Who this is:");
      expect(refresh.stdout).toContain("Refresh complete: stage is rebuilt from git.");
      expect(refresh.stdout).toMatch(/7\. verify: stage equals git/);
      // The danger case: from the copy to the end of the runbook, not one write reached PROD.
      expect((await writes("prod")).length).toBe(prodWrites);
      const after = await planExit();
      expect(after.plan.blockers).toEqual([]);
      expect(after.plan.actions).toEqual([]);
      expect(after.code).toBe(0);
      const stage = (await status()).environments.find((e) => e.name === "stage");
      expect(stage?.counts).toMatchObject({ maps: 8, runningMaps: 8, integrationKeys: 8 });
    });
  }

  it("skips the initial sync by default, and runs it with --initial-sync run", async () => {
    await copiedEstate("both", "raw");
    const skipped = (await writes("stage")).length;
    expect((await cli("refresh", "--env", "stage", "--confirm", "stage")).code).toBe(0);
    const starts = (await writes("stage")).slice(skipped).filter((w) => w.path.endsWith("/Start") && w.action === "1");
    expect(starts).toHaveLength(8);
    expect(starts.every((w) => w.initialSync === false)).toBe(true);

    await copiedEstate("both", "raw");
    const ran = (await writes("stage")).length;
    expect((await cli("refresh", "--env", "stage", "--confirm", "stage", "--initial-sync", "run")).code).toBe(0);
    const syncing = (await writes("stage")).slice(ran).filter((w) => w.path.endsWith("/Start") && w.action === "1");
    expect(syncing).toHaveLength(8);
    expect(syncing.every((w) => w.initialSync === true)).toBe(true);
  });

  it("--dry-run prints the runbook for this estate and changes nothing", async () => {
    await copiedEstate("both", "raw");
    const before = (await writes("stage")).length;
    const fingerprint = (await planExit()).plan.fingerprint;
    const dry = await cli("refresh", "--env", "stage", "--dry-run");
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stderr).toContain("State: copied");
    expect(dry.stderr).toContain("a copy of prod's Dataverse");
    for (const step of ["1. stop", "2. reset", "3. clean", "4. solutions", "5. definitions", "6. start", "7. verify"]) expect(dry.stdout).toContain(step);
    expect(dry.stdout).toContain("Dry run: nothing was changed");
    expect((await writes("stage")).length).toBe(before);
    expect((await planExit()).plan.fingerprint).toBe(fingerprint);
  });

  it("refuses a protected target, a target that is its own source, and a missing or wrong --confirm", async () => {
    await copiedEstate("both", "raw");
    const stageBefore = (await writes("stage")).length;
    const prodBefore = (await writes("prod")).length;
    const cases = [
      { args: ["--env", "prod", "--source", "stage", "--confirm", "prod"], says: "prod is protected" },
      { args: ["--env", "stage", "--source", "stage", "--confirm", "stage"], says: "stage is its own source" },
      { args: ["--env", "stage"], says: "pass --confirm stage" },
      { args: ["--env", "stage", "--confirm", "prod"], says: "pass --confirm stage" },
      { args: ["--env", "stage", "--resume", "--confirm", "stage"], says: "no unfinished refresh" },
    ];
    for (const { args, says } of cases) {
      const refused = await cli("refresh", ...args);
      expect(refused.code, `${args.join(" ")}: ${refused.stdout}`).toBe(1);
      expect(refused.stderr).toContain(says);
    }
    expect((await writes("stage")).length).toBe(stageBefore);
    expect((await writes("prod")).length).toBe(prodBefore);
  });
});

afterAll(async () => {
  await cli("sandbox", "down");
});
