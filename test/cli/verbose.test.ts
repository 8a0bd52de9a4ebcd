import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { baseEstate } from "../helpers/estate.js";
import { runCli, tempTree } from "../helpers/cli.js";

const sandboxEnv = (dir: string) => ({ DWCTL_SANDBOX_DIR: join(dir, ".dwctl", "sandbox"), DWCTL_SANDBOX_TIMINGS: '{"keyPendingMs":0,"keyBuildMs":0,"mapTransitionMs":0}' });

describe("--verbose", () => {
  it("traces every HTTP request to stderr: method, host and path, status and time; stdout stays the plan", async () => {
    const dir = await tempTree(baseEstate());
    const quiet = await runCli(["plan", "--env", "stage"], dir, sandboxEnv(dir));
    expect(quiet.stderr).not.toContain("http: ");
    const result = await runCli(["--verbose", "plan", "--env", "stage"], dir, sandboxEnv(dir));
    expect(result.code).toBe(0);
    const trace = result.stderr.split("\n").filter((line) => line.startsWith("http: "));
    expect(trace.length).toBeGreaterThanOrEqual(10);
    for (const line of trace) expect(line).toMatch(/^http: (GET|POST|PATCH|PUT|DELETE) 127\.0\.0\.1:\d+\/\S* -> \d{3} \d+ ms$/);
    expect(result.stderr).not.toMatch(/Bearer|eyJ/);
    expect(result.stdout).toContain("dwctl plan: stage");
    expect(result.stdout).not.toContain("http: ");
  }, 60_000);

  it("--retry-budget takes a duration and refuses anything else", async () => {
    const dir = await tempTree(baseEstate());
    const bad = await runCli(["--retry-budget", "soon", "validate"], dir);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("must be a duration such as 90s, 15m or 2h");
    expect((await runCli(["--retry-budget", "30s", "validate"], dir)).code).toBe(0);
  });
});
