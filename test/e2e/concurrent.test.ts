import { cp } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { root, runBuiltCli, tempTree } from "../helpers/cli.js";

// Slow enough transitions that two applies started together overlap for seconds.
const env = (dir: string): Record<string, string> => ({
  DWCTL_SANDBOX_DIR: join(dir, "sb"),
  DWCTL_SANDBOX_TIMINGS: JSON.stringify({ keyPendingMs: 100, keyBuildMs: 300, mapTransitionMs: 400 }),
});

let dir = "";

beforeAll(async () => {
  dir = await tempTree({});
  await cp(join(root, "maps"), join(dir, "maps"), { recursive: true });
  const up = await runBuiltCli(["sandbox", "up"], dir, env(dir));
  expect(up.code, up.stderr).toBe(0);
  expect(up.stdout).toMatch(/^sandbox running on http:\/\/127\.0\.0\.1:\d+ \(pid \d+\)/);
});

afterAll(async () => {
  const down = await runBuiltCli(["sandbox", "down"], dir, env(dir));
  expect(down.stdout).toMatch(/^sandbox stopped \(pid \d+\)/);
});

describe("two applies at once", () => {
  it("one takes the lock and applies; the other fails, names the holder, and writes nothing", async () => {
    const [a, b] = await Promise.all([
      runBuiltCli(["apply", "--env", "stage", "--auto-approve"], dir, env(dir)),
      runBuiltCli(["apply", "--env", "stage", "--auto-approve"], dir, env(dir)),
    ]);
    const results = [a, b];
    const winners = results.filter((r) => r.code === 0);
    const losers = results.filter((r) => r.code !== 0);
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(1);
    const loser = losers[0];
    expect(loser?.stderr).toMatch(/error: environment pair "stage" is locked by \S+@\S+ \(run \S+, apply --env stage\) since \S+, until \S+/);
    expect(loser?.stderr).toContain("hint: Wait for that run to finish.");
    expect(loser?.stderr).not.toMatch(/\n\s+at /);
    const status = await runBuiltCli(["lock", "status", "--env", "stage"], dir, env(dir));
    expect(status.stdout).toBe("stage: not locked\n");
    const plan = await runBuiltCli(["plan", "--env", "stage", "--detailed-exitcode"], dir, env(dir));
    expect(plan.code).toBe(0);
  });

  it("sandbox status reads the background server", async () => {
    const status = await runBuiltCli(["sandbox", "status", "--format", "json"], dir, env(dir));
    const value = JSON.parse(status.stdout) as { running: boolean; environments: { name: string; counts: { runningMaps: number } }[] };
    expect(value.running).toBe(true);
    expect(value.environments.find((e) => e.name === "stage")?.counts.runningMaps).toBe(8);
  });
});
