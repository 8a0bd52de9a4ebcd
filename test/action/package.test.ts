// What another repository gets: the action (action.yml and its one committed bundle) and the npm
// package (npm install from a git URL, then npx dwctl).
import { execFile } from "node:child_process";
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { readInputs } from "../../src/action/inputs.js";
import { root } from "../helpers/cli.js";

const run = promisify(execFile);

interface ActionYaml {
  inputs: Record<string, { required?: boolean; default?: string }>;
  outputs: Record<string, { description: string }>;
  runs: { using: string; main: string };
}

async function actionYaml(): Promise<ActionYaml> {
  return parse(await readFile(join(root, "action.yml"), "utf8")) as ActionYaml;
}

describe("action.yml", () => {
  it("declares the interface the workflows use, and runs the committed bundle on node20", async () => {
    const action = await actionYaml();
    expect(Object.keys(action.inputs)).toEqual(["command", "environment", "plan-file", "paths", "github-token", "comment", "confirm", "working-directory"]);
    expect(action.inputs.command?.required).toBe(true);
    expect(action.inputs.paths?.default).toBe("maps");
    expect(action.inputs["github-token"]?.default).toBe("${{ github.token }}");
    expect(action.inputs["working-directory"]?.default).toBe(".");
    expect(Object.keys(action.outputs)).toEqual(["has-changes", "plan-path", "report-path", "exit-code"]);
    expect(action.runs).toEqual({ using: "node20", main: "dist-action/index.mjs" });
  });

  it("its defaults, as the runner passes them (INPUT_<NAME>), are valid inputs", async () => {
    const action = await actionYaml();
    const env: Record<string, string> = {};
    for (const [name, input] of Object.entries(action.inputs)) env[`INPUT_${name.toUpperCase()}`] = input.default ?? "";
    env.INPUT_COMMAND = "validate";
    env["INPUT_GITHUB-TOKEN"] = "ghs_token";
    expect(readInputs(env)).toEqual({
      command: "validate",
      environment: undefined,
      planFile: undefined,
      paths: ["maps"],
      githubToken: "ghs_token",
      comment: undefined,
      confirm: undefined,
      workingDirectory: ".",
    });
  });
});

describe("the committed bundle (dist-action/index.mjs)", () => {
  it("is what npm run build:action makes of the sources today", { timeout: 120_000 }, async () => {
    const out = join(await mkdtemp(join(tmpdir(), "dwctl-bundle-")), "index.mjs");
    await run(process.execPath, [join(root, "scripts/build-action.mjs"), "--out", out], { cwd: root });
    const [fresh, committed] = await Promise.all([readFile(out, "utf8"), readFile(join(root, "dist-action/index.mjs"), "utf8").catch(() => "(missing)")]);
    // On failure: run `npm run build:action` and commit dist-action/index.mjs with the change.
    await rm(dirname(out), { recursive: true, force: true });
    expect(committed === fresh, "dist-action/index.mjs is stale: run npm run build:action and commit it").toBe(true);
  });

  it("runs as the runner runs it, from a checkout of the action with no node_modules (uses: OWNER/dwctl@v1)", { timeout: 120_000 }, async () => {
    const base = await mkdtemp(join(tmpdir(), "dwctl-bundle-run-"));
    // What the runner downloads for uses: OWNER/dwctl@v1 is the repository at that ref, without node_modules.
    const checkout = join(base, "_actions", "dwctl");
    for (const path of ["action.yml", "dist-action/index.mjs", "package.json", "schemas"]) await cp(join(root, path), join(checkout, path), { recursive: true });
    const workspace = join(base, "workspace");
    await cp(join(root, "maps"), join(workspace, "maps"), { recursive: true });
    const files = { GITHUB_OUTPUT: join(base, "output"), GITHUB_STEP_SUMMARY: join(base, "summary") };
    const env = {
      PATH: process.env.PATH ?? "",
      GITHUB_WORKSPACE: workspace,
      RUNNER_TEMP: join(base, "temp"),
      GITHUB_EVENT_NAME: "push",
      DWCTL_SANDBOX_DIR: join(base, "sandbox"),
      DWCTL_SANDBOX_TIMINGS: JSON.stringify({ keyPendingMs: 10, keyBuildMs: 20, mapTransitionMs: 20 }),
      ...files,
    };
    const step = async (main: string, inputs: Record<string, string>): Promise<{ code: number; stdout: string; outputs: string; summary: string }> => {
      for (const file of Object.values(files)) await writeFile(file, "");
      const result = await run(process.execPath, [main], { cwd: workspace, env: { ...env, ...inputs }, maxBuffer: 64 * 1024 * 1024 }).then(
        (r) => ({ code: 0, stdout: r.stdout }),
        (error: { code?: number; stdout?: string }) => ({ code: error.code ?? -1, stdout: error.stdout ?? "" }),
      );
      return { ...result, outputs: await readFile(files.GITHUB_OUTPUT, "utf8"), summary: await readFile(files.GITHUB_STEP_SUMMARY, "utf8") };
    };
    const copied = join(checkout, "dist-action/index.mjs");
    const validate = await step(copied, { INPUT_COMMAND: "validate", INPUT_PATHS: "maps" });
    expect(validate.code, validate.stdout).toBe(0);
    expect(validate.outputs).toMatch(/^exit-code<<(\S+)\n0\n\1$/m);
    expect(validate.summary).toContain("**Valid: 0 error(s)");
    // The embedded sandbox's native module is not in the bundle: a sandbox pair says what to do.
    const refused = await step(copied, { INPUT_COMMAND: "plan", INPUT_ENVIRONMENT: "stage", INPUT_PATHS: "maps" });
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain("the embedded sandbox needs the native module better-sqlite3");
    expect(refused.stdout).toMatch(/^::error::dwctl plan failed: error: /m);
    // This repository's own checkout (uses: ./ after npm ci) has it: the plan runs on the sandbox.
    const plan = await step(join(root, "dist-action/index.mjs"), { INPUT_COMMAND: "plan", INPUT_ENVIRONMENT: "stage", INPUT_PATHS: "maps" });
    expect(plan.code, plan.stdout).toBe(0);
    expect(plan.outputs).toMatch(/^exit-code<<(\S+)\n2\n\1$/m);
    expect(plan.outputs).toMatch(/^has-changes<<(\S+)\ntrue\n\1$/m);
    expect(plan.outputs).toMatch(/^report-path<<(\S+)\n.*plan-stage\.html\n\1$/m);
    expect(plan.summary).toMatch(/^## dwctl plan\n/);
    expect(plan.stdout).toContain("dwctl plan: stage");
    await rm(base, { recursive: true, force: true });
  });
});

describe("the npm package", () => {
  it("is installable: not private, a dwctl bin, built by prepare (npm install from a git URL runs it)", async () => {
    const pkg = JSON.parse(await readFile(join(root, "package.json"), "utf8")) as Record<string, unknown> & { scripts: Record<string, string>; bin: Record<string, string> };
    expect(pkg.private).toBeUndefined();
    expect(pkg.license).toBe("MIT");
    expect(pkg.bin).toEqual({ dwctl: "dist/cli/main.js" });
    expect(pkg.scripts.prepare).toBe("npm run build");
    expect(pkg.scripts["build:action"]).toBe("node scripts/build-action.mjs");
  });

  it("packs the built CLI and the schemas, and nothing of the sources, tests or the action bundle", { timeout: 120_000 }, async () => {
    const { stdout } = await run("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], { cwd: root, maxBuffer: 64 * 1024 * 1024 });
    const [packed] = JSON.parse(stdout) as { name: string; files: { path: string }[] }[];
    const files = (packed?.files ?? []).map((f) => f.path);
    expect(packed?.name).toBe("dwctl");
    for (const needed of ["package.json", "README.md", "dist/cli/main.js", "dist/sandbox/server-main.js", "schemas/table-map.schema.json", "schemas/environments.schema.json", "schemas/plan.schema.json"]) {
      expect(files, needed).toContain(needed);
    }
    expect(files.filter((f) => /^(src|test|scripts|maps|dist-action)\//.test(f))).toEqual([]);
  });
});
