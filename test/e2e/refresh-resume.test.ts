import { spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { cp } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { plannerFor } from "../../src/cli/refresh.js";
import { validateSources } from "../../src/validate/validate-sources.js";
import { readInputFiles } from "../../src/config/read-files.js";
import type { EnvironmentGateway } from "../../src/live/gateway.js";
import { gatewayForPair } from "../../src/live/http-gateway.js";
import { desiredForPair } from "../../src/model/pair-view.js";
import { parseRefreshRecord } from "../../src/refresh/refresh-record.js";
import { runRefresh } from "../../src/refresh/run-refresh.js";
import { connectSandbox } from "../../src/sandbox/connect.js";
import { root, runCli, tempTree } from "../helpers/cli.js";

const timings = JSON.stringify({ keyPendingMs: 10, keyBuildMs: 20, mapTransitionMs: 20 });

let dir = "";
let env: Record<string, string> = {};

async function cli(...args: string[]) {
  return runCli(args, dir, env);
}

async function copiedEstate(): Promise<void> {
  expect((await cli("sandbox", "reset")).code).toBe(0);
  expect((await cli("apply", "--env", "stage", "--auto-approve")).code).toBe(0);
  expect((await cli("apply", "--env", "prod", "--auto-approve", "--confirm", "prod")).code).toBe(0);
  expect((await cli("sandbox", "copy-db", "--from", "prod", "--to", "stage", "--side", "both", "--variant", "raw")).code).toBe(0);
}

async function expectRebuilt(): Promise<void> {
  const plan = await cli("plan", "--env", "stage", "--detailed-exitcode");
  expect(plan.code, plan.stdout).toBe(0);
  expect(plan.stdout).toContain("No changes");
}

beforeAll(async () => {
  dir = await tempTree({});
  await cp(join(root, "maps"), join(dir, "maps"), { recursive: true });
  env = { DWCTL_SANDBOX_DIR: join(dir, "sb"), DWCTL_SANDBOX_TIMINGS: timings };
});

describe("a refresh that stops part-way", () => {
  it("leaves a clear record when a step fails, refuses to start over, and finishes with --resume once the fault is gone", async () => {
    await copiedEstate();
    const result = validateSources(await readInputFiles(["maps"], dir));
    const pair = result.desired.pairs.find((p) => p.name === "stage");
    const source = result.desired.pairs.find((p) => p.name === "prod");
    if (pair === undefined || source === undefined) throw new Error("maps/environments.yaml changed: fix the test");
    const connection = await connectSandbox({ dataDir: env.DWCTL_SANDBOX_DIR ?? "", timings: JSON.parse(timings) as Record<string, number> });
    try {
      const real = gatewayForPair(pair, {}, { sandbox: { url: connection.url, secret: connection.secret }, poll: { initialIntervalMs: 25, maxIntervalMs: 200 } });
      // The service answers Apply Solution with 503 until the retries give up: a 5xx storm at step 4.
      const faulty: EnvironmentGateway = new Proxy(real, {
        get(target, property) {
          if (property === "applySolution") {
            return async (): Promise<void> => {
              throw new Error("POST SolutionAware/RestoreTemplates: 503 Service Unavailable (after 6 attempts)");
            };
          }
          const value: unknown = Reflect.get(target, property, target);
          return typeof value === "function" ? value.bind(target) : value;
        },
      });
      const pairDesired = desiredForPair(result.desired, pair);
      const context = { gateway: faulty, pair, source, desired: pairDesired, planner: plannerFor(pairDesired, null), solutions: ["dwctl_contoso"] };
      const options = {
        runsDir: join(dir, ".dwctl", "runs"),
        runId: "run-faulty",
        actor: "test",
        command: "refresh --env stage",
        initialSync: "skip" as const,
        lockTtlMs: 60_000,
        parallelism: 8,
        resume: false,
        log: () => undefined,
      };
      await expect(runRefresh(context, options)).rejects.toThrow(/503 Service Unavailable/);
      const record = parseRefreshRecord((await real.readRecord("refresh"))?.value);
      expect(record?.runId).toBe("run-faulty");
      expect(Object.entries(record?.steps ?? {}).map(([step, state]) => `${step} ${state.status}`)).toEqual([
        "stop done",
        "reset done",
        "clean done",
        "solutions started",
      ]);
      const journal = readFileSync(join(dir, ".dwctl", "runs", "run-faulty", "journal.jsonl"), "utf8");
      expect(journal).toContain('"step":"refresh/solutions","kind":"refreshStep","event":"end","outcome":"failed"');
      // The lock is released after a failure, so that --resume can run from any runner.
      expect(await real.readRecord("lock")).toBeUndefined();
    } finally {
      await connection.close();
    }
    const again = await cli("refresh", "--env", "stage", "--confirm", "stage");
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("State: resuming");
    expect(again.stderr).toContain("dwctl refresh --env stage --resume --confirm stage");
    const resumed = await cli("refresh", "--env", "stage", "--resume", "--confirm", "stage");
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stdout).toContain("1. stop: (done in an earlier run)");
    expect(resumed.stdout).toContain("4. solutions: applied dwctl_contoso");
    await expectRebuilt();
  });

  /** Spawns the built CLI and kills it with SIGKILL once its journal shows `step` started, after `delayMs`. */
  async function killDuring(step: string, delayMs: number): Promise<void> {
    const runs = join(dir, ".dwctl", "runs");
    const known = new Set(existsSync(runs) ? readdirSync(runs) : []);
    const child = spawn(process.execPath, [join(root, "dist/cli/main.js"), "refresh", "--env", "stage", "--confirm", "stage"], {
      cwd: dir,
      env: { ...process.env, ...env, NO_COLOR: "1" },
      stdio: "ignore",
    });
    const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
    const deadline = Date.now() + 60_000;
    for (;;) {
      const fresh = (existsSync(runs) ? readdirSync(runs) : []).filter((name) => !known.has(name) && /-refresh-[0-9a-f]{8}$/.test(name));
      const file = fresh[0] === undefined ? undefined : join(runs, fresh[0], "journal.jsonl");
      if (file !== undefined && existsSync(file) && readFileSync(file, "utf8").includes(`"step":"refresh/${step}","kind":"refreshStep","event":"start"`)) break;
      if (Date.now() > deadline || child.exitCode !== null) throw new Error(`the refresh never reached step ${step}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await new Promise((resolve) => setTimeout(resolve, delayMs));
    child.kill("SIGKILL");
    await exited;
  }

  for (const [step, delayMs] of [
    ["reset", 0],
    ["clean", 0],
    ["definitions", 150],
    ["start", 60],
    ["verify", 0],
  ] as const) {
    it(`converges with --resume after a SIGKILL in step ${step}`, async () => {
      await copiedEstate();
      await killDuring(step, delayMs);
      const resumed = await cli("refresh", "--env", "stage", "--resume", "--confirm", "stage");
      expect(resumed.code, resumed.stderr).toBe(0);
      expect(resumed.stdout).toContain("Refresh complete");
      await expectRebuilt();
    });
  }
});

afterAll(async () => {
  await cli("sandbox", "down");
});
