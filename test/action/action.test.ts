// The GitHub Action's entry point (runAction), run in-process against a fake Actions environment:
// temporary GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files, a pull_request event payload, and a local
// HTTP server standing in for the GitHub REST API, with @actions/github's real Octokit pointed at it
// (GITHUB_API_URL). dwctl itself runs on the embedded sandbox, on copies of the repository's maps/.
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { GITHUB_COMMENT_LIMIT } from "../../src/action/comments.js";
import { runAction, type ActionOptions } from "../../src/action/main.js";
import type { Plan } from "../../src/plan/plan.js";
import { root } from "../helpers/cli.js";
import { FakeGitHub } from "./fake-github.js";

const timings = JSON.stringify({ keyPendingMs: 10, keyBuildMs: 20, mapTransitionMs: 20 });
const github = new FakeGitHub();
let base = "";
/** @actions/core keeps the summary file's path once it has written to it: one for the whole file. */
let summaryFile = "";
let outputFile = "";

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), "dwctl-action-"));
  summaryFile = join(base, "step-summary.md");
  outputFile = join(base, "github-output");
  await github.start();
});

afterAll(async () => {
  await github.stop();
  await rm(base, { recursive: true, force: true });
});

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

/** A workspace holding a copy of the repository's maps/, each with a sandbox of its own. */
async function workspace(name: string): Promise<string> {
  const dir = join(base, name);
  await mkdir(dir, { recursive: true });
  await cp(join(root, "maps"), join(dir, "maps"), { recursive: true });
  return dir;
}

interface Run {
  failed: boolean;
  message: string | undefined;
  outputs: Record<string, string>;
  summary: string;
  stdout: string;
  report: string;
}

/** Reads the GITHUB_OUTPUT file, in the `name<<delimiter` form @actions/core writes. */
function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const re = /^([^<\n]+)<<(ghadelimiter_[0-9a-f-]+)\n([\s\S]*?)\n\2$/gm;
  for (const m of text.matchAll(re)) outputs[m[1] ?? ""] = m[3] ?? "";
  return outputs;
}

/** One step of a workflow running the action: inputs, an event, the environment; what it left behind. */
async function act(
  dir: string,
  inputs: Record<string, string>,
  options: { pr?: number; event?: string; env?: Record<string, string>; renderers?: ActionOptions["renderers"] } = {},
): Promise<Run> {
  await writeFile(summaryFile, "");
  await writeFile(outputFile, "");
  const eventFile = join(base, `event-${options.pr ?? 0}.json`);
  await writeFile(eventFile, JSON.stringify(options.pr === undefined ? { ref: "refs/heads/main" } : { action: "synchronize", number: options.pr, pull_request: { number: options.pr } }));
  const runnerTemp = join(dir, ".runner-temp");
  const env: Record<string, string> = {
    GITHUB_ACTIONS: "true",
    GITHUB_WORKSPACE: dir,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_EVENT_PATH: eventFile,
    GITHUB_EVENT_NAME: options.event ?? (options.pr === undefined ? "push" : "pull_request"),
    GITHUB_REPOSITORY: "contoso/dual-write",
    GITHUB_API_URL: github.url,
    GITHUB_SERVER_URL: "https://github.com",
    GITHUB_RUN_ID: "4242",
    RUNNER_TEMP: runnerTemp,
    DWCTL_SANDBOX_DIR: join(dir, ".sandbox"),
    DWCTL_SANDBOX_TIMINGS: timings,
    // What the runner sets from action.yml's defaults.
    "INPUT_PATHS": "maps",
    "INPUT_GITHUB-TOKEN": "ghs_fakeTokenForTheLocalServer0001",
    "INPUT_WORKING-DIRECTORY": ".",
    ...Object.fromEntries(Object.entries(inputs).map(([name, value]) => [`INPUT_${name.toUpperCase()}`, value])),
    ...options.env,
  };
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
  let stdout = "";
  const spy = vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
    stdout += typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8");
    return true;
  });
  let result;
  try {
    result = await runAction({ env: process.env, ...(options.renderers === undefined ? {} : { renderers: options.renderers }) });
  } finally {
    spy.mockRestore();
    vi.unstubAllEnvs();
  }
  const outputs = parseOutputs(await readFile(outputFile, "utf8"));
  const report = outputs["report-path"] ? await readFile(outputs["report-path"], "utf8") : "";
  return { failed: result.failed, message: result.message, outputs, summary: await readFile(summaryFile, "utf8"), stdout, report };
}

const botComments = (pr: number) => github.on(pr).filter((c) => c.user.type === "Bot");
const writes = (since: number) => github.callsSince(since).filter((c) => c.method !== "GET");

describe("the action on a pull request", () => {
  it("plan: outputs, the job summary and the report file; one sticky comment per pair, updated in place on a re-run", { timeout: 120_000 }, async () => {
    const dir = await workspace("plan");
    const pr = 7;
    // Other people's comments fill the first page of the listing, and one quotes the marker: it is not ours.
    for (let i = 0; i < 120; i++) github.seed(pr, `comment ${i}`);
    const impostor = github.seed(pr, "<!-- dwctl:plan:stage -->\nLooks good to me");

    const first = await act(dir, { command: "plan", environment: "stage" }, { pr });
    expect(first.failed, first.message).toBe(false);
    expect(first.outputs["has-changes"]).toBe("true");
    expect(first.outputs["exit-code"]).toBe("2");
    const planPath = first.outputs["plan-path"] ?? "";
    expect(planPath).toBe(join(dir, ".runner-temp", "dwctl", "plan-stage.json"));
    const plan = JSON.parse(await readFile(planPath, "utf8")) as Plan;
    expect(plan.pair).toBe("stage");
    expect(plan.actions.length).toBeGreaterThan(0);
    // The job summary is the unified report's Markdown; the report file its HTML, whole.
    expect(first.summary).toMatch(/^## dwctl plan\n\n\*\*1 pair\(s\)/);
    expect(first.summary).toContain("### stage");
    expect(first.summary).toContain("**Plan: 16 to create, 8 to update, 0 to delete; 16 lifecycle changes.**");
    expect(first.summary).toContain(`Plan integrity: \`${plan.integrity ?? "none"}\``);
    expect(first.outputs["report-path"]).toBe(join(dir, ".runner-temp", "dwctl", "plan-stage.html"));
    expect(first.report).toMatch(/^<!DOCTYPE html>/);
    expect(first.report).toContain(plan.integrity ?? "no integrity");
    // The plan's text is in the log.
    expect(first.stdout).toContain("dwctl plan: stage");

    const [comment, ...more] = botComments(pr);
    expect(more).toEqual([]);
    expect(comment?.body.startsWith("<!-- dwctl:plan:stage -->\n")).toBe(true);
    expect(comment?.body).toContain("<!-- dwctl:plan:stage -->\n## dwctl plan\n");
    expect(comment?.body).toContain(`Plan integrity: \`${plan.integrity ?? "none"}\``);
    expect(comment?.body).toContain("/contoso/dual-write/actions/runs/4242");
    expect(github.calls.some((c) => c.method === "GET" && c.path.includes("page=2"))).toBe(true);
    expect(github.calls.every((c) => c.authorization === "token ghs_fakeTokenForTheLocalServer0001")).toBe(true);

    // A re-run (a new push) updates the same comment: no second comment is ever posted.
    const mark = github.calls.length;
    const second = await act(dir, { command: "plan", environment: "stage" }, { pr });
    expect(second.failed, second.message).toBe(false);
    expect(writes(mark).map((c) => `${c.method} ${c.path}`)).toEqual([`PATCH /repos/contoso/dual-write/issues/comments/${comment?.id}`]);
    expect(botComments(pr).map((c) => c.id)).toEqual([comment?.id]);
    expect(botComments(pr)[0]?.body).toContain(JSON.parse(await readFile(planPath, "utf8")).integrity);
    expect(impostor.body).toBe("<!-- dwctl:plan:stage -->\nLooks good to me");

    // Another pair gets a comment of its own.
    const prod = await act(dir, { command: "plan", environment: "prod" }, { pr });
    expect(prod.failed, prod.message).toBe(false);
    expect(botComments(pr).map((c) => c.body.split("\n")[0])).toEqual(["<!-- dwctl:plan:stage -->", "<!-- dwctl:plan:prod -->"]);
  });

  it("a plan longer than a comment is split into parts under 65,536 characters; a re-run updates them and deletes parts no longer needed", { timeout: 120_000 }, async () => {
    const dir = await workspace("long");
    const pr = 8;
    // A renderer that writes a long plan: each map's diff in a fence inside <details>, as dwctl does.
    const long = (repeat: number) => (plan: Plan): string => {
      const out = [`## dwctl plan for \`${plan.pair}\``, ""];
      for (let i = 0; i < repeat; i++) {
        out.push(`<details><summary>map ${i}</summary>`, "", "```diff", ...Array.from({ length: 40 }, (_, j) => `+  - { fo: FIELD${i}_${j}, map: "=", dv: column_${i}_${j} }`), "```", "", "</details>", "");
      }
      out.push(`run ${repeat}`);
      return out.join("\n");
    };
    const first = await act(dir, { command: "plan", environment: "stage" }, { pr, renderers: { plan: long(90) } });
    expect(first.failed, first.message).toBe(false);
    expect(first.summary.length).toBeGreaterThan(2.5 * GITHUB_COMMENT_LIMIT);
    const parts = botComments(pr);
    expect(parts.length).toBeGreaterThanOrEqual(3);
    expect(parts.map((c) => c.body.split("\n")[0])).toEqual(parts.map((_, i) => (i === 0 ? "<!-- dwctl:plan:stage -->" : `<!-- dwctl:plan:stage:part-${i + 1} -->`)));
    for (const [index, part] of parts.entries()) {
      expect(part.body.length).toBeLessThanOrEqual(GITHUB_COMMENT_LIMIT);
      expect(part.body).toContain(`part ${index + 1} of ${parts.length}`);
      // Each part renders on its own: every fence and <details> it opens, it closes.
      expect(part.body.split("\n").filter((l) => l.startsWith("```")).length % 2).toBe(0);
      expect(part.body.split("<details>").length).toBe(part.body.split("</details>").length);
    }
    // Nothing is lost: every map's block is in one part or across two.
    for (let i = 0; i < 90; i++) expect(parts.some((p) => p.body.includes(`FIELD${i}_39,`))).toBe(true);

    const mark = github.calls.length;
    const second = await act(dir, { command: "plan", environment: "stage" }, { pr, renderers: { plan: long(40) } });
    expect(second.failed, second.message).toBe(false);
    const calls = writes(mark).map((c) => `${c.method} ${c.path.replace(/\d+$/, "N")}`);
    expect(calls.filter((c) => c.startsWith("POST"))).toEqual([]);
    expect(calls.filter((c) => c.startsWith("PATCH"))).toHaveLength(2);
    expect(calls.filter((c) => c.startsWith("DELETE"))).toHaveLength(parts.length - 2);
    const after = botComments(pr);
    expect(after.map((c) => c.id)).toEqual(parts.slice(0, 2).map((c) => c.id));
    expect(after[1]?.body).toContain("run 40");

    // And back to a short plan: one comment, the first, updated.
    await act(dir, { command: "plan", environment: "stage" }, { pr });
    expect(botComments(pr).map((c) => c.id)).toEqual([parts[0]?.id]);
    expect(botComments(pr)[0]?.body).not.toContain("part 1 of");
  });

  it("validate: each problem is an annotation on its YAML line, and the step fails", async () => {
    const dir = await workspace("validate");
    await writeFile(join(dir, "maps/tablemaps/broken.yaml"), "kind: TableMap\nname: broken\nname: twice\nfields: [\n");
    const run = await act(dir, { command: "validate" });
    expect(run.failed).toBe(true);
    expect(run.message).toMatch(/^dwctl validate: \d+ error\(s\)/);
    expect(run.outputs["exit-code"]).toBe("1");
    expect(run.outputs["has-changes"]).toBe("false");
    const annotations = run.stdout.split("\n").filter((l) => l.startsWith("::error "));
    expect(annotations.length).toBeGreaterThan(0);
    for (const line of annotations.slice(0, -1)) expect(line).toMatch(/^::error title=DW\d{3},file=maps\/tablemaps\/broken\.yaml,line=\d+,(endLine=\d+,)?col=\d+(,endColumn=\d+)?::/);
    expect(run.stdout).toMatch(/^::error title=DW00[12],file=maps\/tablemaps\/broken\.yaml,line=3,/m);
    expect(run.stdout.split("\n").at(-2)).toMatch(/^::error::dwctl validate: \d+ error\(s\)/);
    expect(run.summary).toContain("**Not valid:");
    expect(run.summary).toContain("`maps/tablemaps/broken.yaml:3:");
  });

  it("validate from a working directory: annotations name the file from the repository root", async () => {
    const dir = await workspace("nested/repo");
    await writeFile(join(dir, "maps/keys/account.yaml"), "kind: IntegrationKey\ntable: account\ncolumns: nope\n");
    const run = await act(join(dir, ".."), { command: "validate", "working-directory": "repo" });
    expect(run.failed).toBe(true);
    expect(run.stdout).toMatch(/^::error title=DW006,file=repo\/maps\/keys\/account\.yaml,line=3,/m);
  });

  it("apply: the plan file that was reviewed, each wave a group of the log; then drift", { timeout: 120_000 }, async () => {
    const dir = await workspace("apply");
    const plan = await act(dir, { command: "plan", environment: "stage", "plan-file": "stage.plan.json", comment: "false" }, { pr: 9 });
    expect(plan.outputs["plan-path"]).toBe(join(dir, "stage.plan.json"));
    expect(github.on(9)).toEqual([]);
    const apply = await act(dir, { command: "apply", "plan-file": "stage.plan.json", environment: "stage" });
    expect(apply.failed, apply.message).toBe(false);
    expect(apply.outputs).toMatchObject({ "has-changes": "true", "exit-code": "0", "plan-path": join(dir, "stage.plan.json") });
    const groups = apply.stdout.split("\n").filter((l) => l.startsWith("::group::"));
    expect(groups[0]).toMatch(/^::group::wave 1\/\d+: keys \(\d+ actions?\)$/);
    expect(groups.length).toBe(Number(/wave 1\/(\d+)/.exec(groups[0] ?? "")?.[1]));
    expect(apply.stdout.split("\n").filter((l) => l === "::endgroup::").length).toBe(groups.length);
    expect(apply.stdout).toMatch(/::endgroup::\nApply complete: \d+ action\(s\) on stage\./);
    expect(apply.summary).toMatch(/^## dwctl apply\n\n\*\*Applied \d+ action\(s\) to `stage`\.\*\*/);
    expect(apply.summary).toContain("wave 1/");

    // The same plan again is stale now: apply refuses it and the step fails.
    const again = await act(dir, { command: "apply", "plan-file": "stage.plan.json" });
    expect(again.failed).toBe(true);
    expect(again.outputs["exit-code"]).toBe("1");
    expect(again.summary).toContain("**Apply failed**");

    const drift = await act(dir, { command: "drift", environment: "stage" });
    expect(drift.failed, drift.message).toBe(false);
    expect(drift.outputs).toMatchObject({ "has-changes": "false", "exit-code": "0" });
    expect(drift.summary).toMatch(/^## dwctl drift\n/);
    expect(drift.outputs["report-path"]).toBe(join(dir, ".runner-temp", "dwctl", "drift-stage.html"));
    expect(drift.report).toMatch(/^<!DOCTYPE html>/);
    const all = await act(dir, { command: "drift", environment: "all" });
    expect(all.outputs).toMatchObject({ "has-changes": "true", "exit-code": "2" });
    expect(all.stdout).toMatch(/^::warning title=dwctl drift prod%3A pending-deploy::/m);
  });

  it("no comment outside a pull request, nor with comment: false", { timeout: 60_000 }, async () => {
    const dir = await workspace("quiet");
    const mark = github.calls.length;
    const push = await act(dir, { command: "plan", environment: "stage" });
    expect(push.failed, push.message).toBe(false);
    const off = await act(dir, { command: "plan", environment: "stage", comment: "false" }, { pr: 10 });
    expect(off.failed, off.message).toBe(false);
    expect(github.callsSince(mark)).toEqual([]);
  });

  it("a plan that fails says so in the comment (the last plan no longer stands there), and leaves no plan-path", async () => {
    const dir = await workspace("failing");
    const pr = 12;
    // A plan file of an earlier step, where this plan would save its own.
    await mkdir(join(dir, ".runner-temp", "dwctl"), { recursive: true });
    await writeFile(join(dir, ".runner-temp", "dwctl", "plan-nope.json"), "{}");
    const run = await act(dir, { command: "plan", environment: "nope" }, { pr });
    expect(run.failed).toBe(true);
    expect(run.message).toBe('dwctl plan failed: error: no environment pair named "nope"');
    expect(run.outputs).toMatchObject({ "has-changes": "false", "exit-code": "1", "plan-path": "" });
    expect(run.summary).toContain("**dwctl plan failed** (exit 1).");
    const [comment, ...more] = botComments(pr);
    expect(more).toEqual([]);
    expect(comment?.body).toMatch(/^<!-- dwctl:plan:nope -->\n## dwctl plan for `nope`\n\n\*\*dwctl plan failed\*\*/);
    expect(comment?.body).toContain('error: no environment pair named "nope"');
  });

  it("wrong inputs fail the step with a message that names the input", async () => {
    const dir = await workspace("inputs");
    expect((await act(dir, {})).message).toBe("input command is required: one of validate, plan, apply, drift");
    expect((await act(dir, { command: "destroy" })).message).toMatch(/^input command is "destroy"/);
    expect((await act(dir, { command: "plan" })).message).toBe("input environment is required for plan");
    const apply = await act(dir, { command: "apply", environment: "stage" });
    expect(apply.message).toMatch(/^input plan-file is required for apply/);
    expect(apply.outputs).toMatchObject({ "has-changes": "false", "exit-code": "1", "plan-path": "" });
    expect((await act(dir, { command: "plan", environment: "stage", comment: "yes" })).message).toBe('input comment is "yes": use true or false');
  });
});

describe("secrets", () => {
  it("a canary secret never appears in an output, the summary, a comment, the report or the log (only in the mask command)", { timeout: 120_000 }, async () => {
    const dir = await workspace("canary");
    const canary = "dwctlCanary7Hq2Zx9Lm4Pw";
    const allowed = "allowListCanary3Kd8Rt6Vn";
    const token = "ghs_canaryTokenV5Wb1Ny7Qe2";
    // A variable the pair names in its allow list: a secret although it is not DWCTL_*.
    const environments = join(dir, "maps/environments.yaml");
    await writeFile(environments, (await readFile(environments, "utf8")).replace("    refreshedFrom: prod\n", "    refreshedFrom: prod\n    allowedSecretVariables: [CANARY_ALLOWED]\n"));
    // Secrets that reach dwctl's output all the same: pasted into a map's label.
    const map = join(dir, "maps/tablemaps/customers-v3-accounts.yaml");
    await writeFile(map, (await readFile(map, "utf8")).replace("label: Customers V3 }", `label: Customers V3 ${canary} ${allowed} }`));
    const env = { DWCTL_CLIENT_SECRET: canary, CANARY_ALLOWED: allowed, "INPUT_GITHUB-TOKEN": token };
    const pr = 11;

    const runs = [await act(dir, { command: "plan", environment: "stage" }, { pr, env })];
    expect(runs[0]?.failed, runs[0]?.message).toBe(false);
    // A GitHub API error that echoes the token: the warning about it is redacted too.
    github.failNext = { method: "GET", path: "/comments", status: 500, message: "upstream failed for {authorization}" };
    runs.push(await act(dir, { command: "plan", environment: "stage" }, { pr, env }));
    expect(runs[1]?.stdout).toMatch(/^::warning::The pull-request comment could not be posted: .*upstream failed for token \*\*\*/m);
    runs.push(await act(dir, { command: "validate" }, { env }));
    runs.push(await act(dir, { command: "drift", environment: "all", comment: "true" }, { pr, env }));

    const comments = github.on(pr).map((c) => c.body);
    expect(comments.length).toBe(2);
    expect(comments[0]).toContain("Customers V3 *** ***");
    for (const run of runs) {
      const files = [JSON.stringify(run.outputs), run.summary, run.report];
      for (const secret of [canary, allowed, token]) {
        for (const text of [...files, ...comments]) expect(text).not.toContain(secret);
        // The runner masks what ::add-mask:: names; nothing else in the log may carry it.
        const log = run.stdout.split("\n").filter((line) => line !== `::add-mask::${secret}`).join("\n");
        expect(log).not.toContain(secret);
        expect(run.stdout).toContain(`::add-mask::${secret}`);
      }
    }
    // Masks come first, before any other line of the log.
    const firstLines = runs[0]?.stdout.split("\n").slice(0, 3) ?? [];
    expect(firstLines.every((line) => line.startsWith("::add-mask::"))).toBe(true);
    expect(runs[0]?.summary).toContain("Customers V3 *** ***");
    // The HTML report is dwctl's; the action takes the secrets out of it too.
    expect(runs[0]?.report).toMatch(/^<!DOCTYPE html>/);
    expect(runs[0]?.report).toContain("Customers V3 *** ***");
  });
});
