import { spawn } from "node:child_process";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { baseEstate } from "../helpers/estate.js";
import { root, runCli, tempTree } from "../helpers/cli.js";
import { execFileSync } from "node:child_process";

const sandboxEnv = (dir: string) => ({ DWCTL_SANDBOX_DIR: join(dir, ".dwctl", "sandbox"), DWCTL_SANDBOX_TIMINGS: '{"keyPendingMs":0,"keyBuildMs":0,"mapTransitionMs":0}' });

describe("the user's problems get a message and a hint, never 'internal error'", () => {
  it("--out into a folder that does not exist", async () => {
    const dir = await tempTree(baseEstate());
    const result = await runCli(["plan", "--env", "stage", "--out", "missing/plan.json"], dir, sandboxEnv(dir));
    expect(result.code).toBe(1);
    expect(result.stderr).not.toContain("internal error");
    expect(result.stderr).toContain("error: cannot write missing/plan.json: the folder missing does not exist\n  hint: Create the folder first");
  }, 60_000);

  it.each([
    ['{"keyBuildMs":-1}', "DWCTL_SANDBOX_TIMINGS.keyBuildMs must be a non-negative number"],
    ["{keyBuildMs:1}", "DWCTL_SANDBOX_TIMINGS is not valid JSON"],
  ])("DWCTL_SANDBOX_TIMINGS=%s", async (value, message) => {
    const dir = await tempTree(baseEstate());
    const result = await runCli(["plan", "--env", "stage"], dir, { ...sandboxEnv(dir), DWCTL_SANDBOX_TIMINGS: value });
    expect(result.code).toBe(1);
    expect(result.stderr).not.toContain("internal error");
    expect(result.stderr).toContain(`error: ${message}`);
    expect(result.stderr).toContain("hint: Unset DWCTL_SANDBOX_TIMINGS, or set it to a JSON object of non-negative numbers");
  });

  it.each(["dualwrite", "secret", "state"])("a sandbox pair named %s", async (name) => {
    const files = Object.fromEntries(Object.entries(baseEstate()).map(([path, text]) => [path, text.replace(/\bstage\b/g, name)]));
    const dir = await tempTree(files);
    const result = await runCli(["plan", "--env", name], dir, sandboxEnv(dir));
    expect(result.code).toBe(1);
    expect(result.stderr).not.toContain("internal error");
    expect(result.stderr).toContain(`error: invalid sandbox environment name "${name}": the sandbox keeps its own files under the names dualwrite, secret and state`);
    expect(result.stderr).toContain("hint: Rename the sandbox pair in maps/environments.yaml");
  });
});

describe("error messages", () => {
  it("show control characters escaped, so an argument or a label cannot rewrite the terminal", async () => {
    const dir = await tempTree(baseEstate());
    const result = await runCli(["plan", "--env", "x\u001b]0;owned\u0007"], dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('error: no environment pair named "x\\u001b]0;owned\\u0007"');
    expect(result.stderr).not.toContain("\u001b");
  });
});

describe("a closed pipe", () => {
  beforeAll(() => {
    execFileSync("npm", ["run", "build"], { cwd: root, stdio: "ignore" });
  }, 120_000);

  it("dwctl plan | head -1: the reader goes away, dwctl exits 0 without a stack trace", async () => {
    const dir = await tempTree(baseEstate());
    const child = spawn(process.execPath, [join(root, "dist/cli/main.js"), "plan", "--env", "stage"], {
      cwd: dir,
      env: { ...process.env, NO_COLOR: "1", ...sandboxEnv(dir) },
      stdio: ["ignore", "pipe", "pipe"],
    });
    // The reader closes before dwctl writes anything, so the plan's write meets a closed pipe.
    child.stdout.destroy();
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    const code = await new Promise<number | null>((resolve) => child.on("close", (c) => resolve(c)));
    expect(stderr).not.toMatch(/EPIPE|internal error|at .*\.js:\d+/);
    expect(code).toBe(0);
  }, 60_000);
});
