import { execFile, spawnSync } from "node:child_process";
import { chmod, mkdir, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { baseEstate } from "../helpers/estate.js";
import { root, runCli, tempTree } from "../helpers/cli.js";

/**
 * The four dwctl workflows of this repository (.github/workflows, `uses: ./`) and their copies for a
 * user's repository (examples/workflows, `uses: OWNER/dwctl@v1`): lint, least privilege, pinned
 * actions, the copies kept in step, and the shell and Node scripts they run, each run here against
 * fakes of `gh` and `dwctl`.
 */

const OWN = ".github/workflows";
const EXAMPLES = "examples/workflows";
const FOLDERS = [OWN, EXAMPLES] as const;
const NAMES = ["dwctl-pull-request.yml", "dwctl-deploy.yml", "dwctl-drift.yml", "dwctl-refresh.yml"] as const;

interface Step {
  id?: string;
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}

interface Job {
  name?: string;
  needs?: string | string[];
  if?: string;
  environment?: string;
  concurrency?: { group: string; "cancel-in-progress": boolean };
  permissions?: Record<string, string>;
  strategy?: unknown;
  outputs?: Record<string, string>;
  env?: Record<string, string>;
  steps: Step[];
}

interface Workflow {
  on: unknown;
  permissions?: unknown;
  concurrency?: unknown;
  jobs: Record<string, Job>;
}

async function workflow(folder: string, name: string): Promise<Workflow> {
  return parse(await readFile(join(root, folder, name), "utf8")) as Workflow;
}

function stepNamed(job: Job | undefined, name: string): Step {
  const step = job?.steps.find((s) => s.name === name);
  if (step === undefined) throw new Error(`no step named "${name}"`);
  return step;
}

function runOf(step: Step): string {
  if (step.run === undefined) throw new Error(`step "${step.name ?? "?"}" runs no script`);
  return step.run;
}

/** Each job's permissions, exactly: nothing else is granted (the workflows start from `permissions: {}`). */
const PERMISSIONS: Record<(typeof NAMES)[number], Record<string, Record<string, string>>> = {
  "dwctl-pull-request.yml": {
    validate: { contents: "read", "security-events": "write", actions: "read" },
    plan: { contents: "read", "id-token": "write" },
    comment: { "pull-requests": "write" },
  },
  "dwctl-deploy.yml": {
    "plan-stage": { contents: "read", "id-token": "write" },
    "apply-stage": { contents: "read", "id-token": "write" },
    "plan-prod": { contents: "read", "id-token": "write" },
    "apply-prod": { contents: "read", "id-token": "write" },
  },
  "dwctl-drift.yml": {
    drift: { contents: "read", "id-token": "write" },
    issues: { issues: "write" },
  },
  "dwctl-refresh.yml": {
    refresh: { contents: "read", "id-token": "write" },
  },
};

/** Third-party actions, pinned by major version. */
const PINNED = new Set([
  "actions/checkout@v4",
  "actions/setup-node@v4",
  "actions/upload-artifact@v4",
  "actions/download-artifact@v4",
  "github/codeql-action/upload-sarif@v3",
]);

/** The action's interface (action.yml): the workflows use nothing else. */
const ACTION_INPUTS = new Set(["command", "environment", "plan-file", "paths", "github-token", "comment", "confirm", "working-directory"]);
const ACTION_OUTPUTS = new Set(["has-changes", "plan-path", "report-path", "exit-code"]);

/** Steps only this repository has: it installs its own build, and its sandbox pairs live on the runner. */
const OWN_ONLY = new Set(["Install dwctl (this repository's build)", "Deploy git to this runner's sandbox (sandbox pairs only)"]);
/** Steps only the copies have: the CLI from the action's git tag. */
const EXAMPLE_ONLY = new Set(["Install the dwctl CLI"]);

describe("the dwctl workflows and their copies for users", () => {
  it("pass actionlint, every file of .github/workflows and examples/workflows", async () => {
    const result = await new Promise<{ code: number; stdout: string }>((resolve) => {
      execFile(process.execPath, [join(root, "scripts/lint-workflows.mjs")], { cwd: root, timeout: 60_000 }, (error, stdout) => {
        resolve({ code: error === null ? 0 : typeof error.code === "number" ? error.code : 1, stdout });
      });
    });
    expect(result.stdout).toContain(", 0 finding(s)");
    expect(result.code).toBe(0);
    for (const folder of FOLDERS) for (const name of NAMES) expect(result.stdout).toContain(`${folder}/${name}`);
  });

  for (const folder of FOLDERS) {
    describe(folder, () => {
      it("grant nothing by default and each job exactly what it needs", async () => {
        for (const name of NAMES) {
          const wf = await workflow(folder, name);
          expect(wf.permissions, name).toEqual({});
          const actual = Object.fromEntries(Object.entries(wf.jobs).map(([id, job]) => [id, job.permissions]));
          expect(actual, name).toEqual(PERMISSIONS[name]);
        }
      });

      it("pin third-party actions by major version, and use the dwctl action through its interface only", async () => {
        const dwctlAction = folder === OWN ? "./" : "OWNER/dwctl@v1";
        for (const name of NAMES) {
          const wf = await workflow(folder, name);
          for (const [jobId, job] of Object.entries(wf.jobs)) {
            for (const step of job.steps) {
              if (step.uses === undefined) continue;
              if (step.uses === dwctlAction) {
                for (const input of Object.keys(step.with ?? {})) expect(ACTION_INPUTS, `${name} ${jobId}: input ${input}`).toContain(input);
                expect(["validate", "plan", "apply", "drift"]).toContain(step.with?.command);
              } else {
                expect(PINNED, `${name} ${jobId}`).toContain(step.uses);
              }
            }
          }
          const text = await readFile(join(root, folder, name), "utf8");
          for (const match of text.matchAll(/steps\.plan\.outputs\.([a-z-]+)/g)) expect(ACTION_OUTPUTS).toContain(match[1]);
          if (folder === OWN) expect(text).not.toContain("OWNER/");
          else expect(text).not.toMatch(/uses: \.\/|npx dwctl|npm ci/);
        }
      });

      it("deploy and refresh run in the pair's GitHub environment and concurrency group, never cancelled", async () => {
        const deploy = await workflow(folder, "dwctl-deploy.yml");
        for (const pair of ["stage", "prod"]) {
          const plan = deploy.jobs[`plan-${pair}`];
          const apply = deploy.jobs[`apply-${pair}`];
          expect(plan?.environment).toBeUndefined(); // the read-only identity: no environment subject
          expect(apply?.environment).toBe(pair);
          for (const job of [plan, apply]) expect(job?.concurrency).toEqual({ group: `dwctl-${pair}`, "cancel-in-progress": false });
          const applyStep = apply?.steps.find((s) => s.with?.command === "apply");
          expect(applyStep?.with).toMatchObject({ environment: pair, confirm: pair });
        }
        expect(deploy.jobs["plan-prod"]?.needs).toEqual(["plan-stage", "apply-stage"]);
        const refresh = await workflow(folder, "dwctl-refresh.yml");
        expect(refresh.jobs.refresh?.environment).toBe("${{ inputs.environment }}");
        expect(refresh.jobs.refresh?.concurrency).toEqual({ group: "dwctl-${{ inputs.environment }}", "cancel-in-progress": false });
      });
    });
  }

  it("the copies in examples/ do what this repository's workflows do", async () => {
    for (const name of NAMES) {
      const own = await workflow(OWN, name);
      const copy = await workflow(EXAMPLES, name);
      expect(copy.on, name).toEqual(own.on);
      expect(copy.concurrency, name).toEqual(own.concurrency);
      expect(Object.keys(copy.jobs), name).toEqual(Object.keys(own.jobs));
      for (const [id, job] of Object.entries(own.jobs)) {
        const other = copy.jobs[id] as Job;
        for (const key of ["name", "needs", "if", "environment", "concurrency", "permissions", "strategy", "outputs", "env"] as const) {
          expect(other[key], `${name} ${id} ${key}`).toEqual(job[key]);
        }
        const names = (steps: Step[], skip: Set<string>): string[] => steps.flatMap((s) => (s.name === undefined || skip.has(s.name) ? [] : [s.name]));
        expect(names(other.steps, EXAMPLE_ONLY), `${name} ${id}`).toEqual(names(job.steps, OWN_ONLY));
        const actionSteps = (steps: Step[]): unknown[] => steps.filter((s) => s.uses === "./" || s.uses === "OWNER/dwctl@v1").map((s) => s.with);
        expect(actionSteps(other.steps), `${name} ${id}`).toEqual(actionSteps(job.steps));
      }
    }
  });
});

/** The Node script of the "read-only identity" steps: the same text in every copy. */
async function readerScripts(): Promise<string[]> {
  const scripts: string[] = [];
  for (const folder of FOLDERS) {
    for (const name of NAMES) {
      const wf = await workflow(folder, name);
      for (const job of Object.values(wf.jobs)) {
        for (const step of job.steps) {
          const match = /node -e '\n([\s\S]*?)\n'/.exec(step.run ?? "");
          if (step.env?.DWCTL_READER_CLIENT_ID !== undefined && match?.[1] !== undefined) scripts.push(match[1]);
        }
      }
    }
  }
  return scripts;
}

const REAL_PAIRS = `kind: Environments
pairs:
  - name: prod
    protected: true
    financeAndOperations: { url: https://contoso.operations.dynamics.com }
    dataverse: { url: https://contoso.crm.dynamics.com }
    dualWrite: { url: https://projectmanagementservice.weu.gateway.prod.island.powerapps.com }
    legalEntities: [USMF]
    auth:
      method: github-oidc # the deploying app of prod
      tenantId: 00000000-0000-0000-0000-000000000000
      clientId: 11111111-1111-1111-1111-111111111111
  - name: stage
    refreshedFrom: prod
    financeAndOperations: { url: https://contoso-stage.operations.dynamics.com }
    dataverse: { url: https://contoso-stage.crm.dynamics.com }
    dualWrite: { url: https://projectmanagementservice.weu.gateway.prod.island.powerapps.com }
    legalEntities: [USMF]
    auth: { method: github-oidc, tenantId: 00000000-0000-0000-0000-000000000000, clientId: 22222222-2222-2222-2222-222222222222 }
  - name: dev
    financeAndOperations: { url: https://contoso-dev.operations.dynamics.com }
    dataverse: { url: https://contoso-dev.crm.dynamics.com }
    dualWrite: { url: https://projectmanagementservice.weu.gateway.prod.island.powerapps.com }
    legalEntities: [USMF]
    auth: { method: client-secret, tenantId: 00000000-0000-0000-0000-000000000000, clientId: 33333333-3333-3333-3333-333333333333, clientSecretVariable: DWCTL_DEV_SECRET }
`;

const READER = "99999999-9999-9999-9999-999999999999";

describe("the read-only identity step", () => {
  it("is one script, the same in every workflow that reads an environment", async () => {
    const scripts = await readerScripts();
    // PR plan, deploy's two plans, drift, refresh: in both folders.
    expect(scripts).toHaveLength(10);
    expect(new Set(scripts).size).toBe(1);
  });

  it("puts the reader's client id on every github-oidc pair but the one kept, and the file still validates", async () => {
    const [script] = await readerScripts();
    for (const keep of [undefined, "stage"]) {
      const dir = await tempTree({ ...baseEstate(), "maps/environments.yaml": REAL_PAIRS });
      expect((await runCli(["validate"], dir)).code).toBe(0);
      const env: Record<string, string> = { PATH: process.env.PATH ?? "", NODE_PATH: join(root, "node_modules"), DWCTL_READER_CLIENT_ID: READER };
      if (keep !== undefined) env.DWCTL_KEEP_IDENTITY = keep;
      const result = spawnSync(process.execPath, ["-e", script ?? ""], { cwd: dir, env, encoding: "utf8" });
      expect(result.stderr).toBe("");
      expect(result.stdout).toBe(`read-only identity for ${keep === undefined ? 2 : 1} github-oidc pair(s)\n`);
      const text = await readFile(join(dir, "maps/environments.yaml"), "utf8");
      const { pairs } = parse(text) as { pairs: { name: string; auth: { clientId: string } }[] };
      const clientIds = Object.fromEntries(pairs.map((p) => [p.name, p.auth.clientId]));
      expect(clientIds).toEqual({
        prod: READER,
        stage: keep === "stage" ? "22222222-2222-2222-2222-222222222222" : READER,
        dev: "33333333-3333-3333-3333-333333333333",
      });
      expect(text).toContain("# the deploying app of prod");
      expect((await runCli(["validate"], dir)).code).toBe(0);
    }
  });
});

/**
 * A fake `gh` for the issue and comment scripts. It answers what the real one would print for the
 * scripts' --jq filters (checked against jq itself below), and keeps issues and comments in a JSON file.
 */
const FAKE_GH = `#!/usr/bin/env node
const fs = require("node:fs");
const file = process.env.FAKE_GH_STATE;
const state = JSON.parse(fs.readFileSync(file, "utf8"));
const args = process.argv.slice(2);
state.calls.push(args.join(" "));
const opt = (name) => { const i = args.indexOf(name); return i === -1 ? undefined : args[i + 1]; };
let out = "";
if (args[0] === "issue" && args[1] === "list") {
  out = state.issues.filter((i) => i.state === "open" && i.labels.includes(opt("--label")) && i.title === process.env.TITLE).map((i) => i.number).join("\\n");
} else if (args[0] === "issue" && args[1] === "close") {
  const issue = state.issues.find((i) => i.number === Number(args[2]));
  issue.state = "closed";
  issue.comments.push(opt("--comment"));
} else if (args[0] === "issue" && args[1] === "edit") {
  state.issues.find((i) => i.number === Number(args[2])).body = fs.readFileSync(opt("--body-file"), "utf8");
} else if (args[0] === "issue" && args[1] === "create") {
  const number = state.issues.reduce((n, i) => Math.max(n, i.number), 0) + 1;
  state.issues.push({ number, title: opt("--title"), labels: [opt("--label")], state: "open", body: fs.readFileSync(opt("--body-file"), "utf8"), comments: [] });
  out = "https://github.com/o/r/issues/" + number;
} else if (args[0] === "api") {
  const method = opt("--method") ?? "GET";
  const path = args.find((a) => a.startsWith("repos/"));
  if (method === "GET") {
    out = state.comments.filter((c) => c.user.login === "github-actions[bot]" && c.body.startsWith(process.env.MARKER)).map((c) => c.id).join("\\n");
  } else {
    const body = fs.readFileSync(args.find((a) => a.startsWith("body=@")).slice(6), "utf8");
    if (method === "PATCH") state.comments.find((c) => c.id === Number(path.split("/").pop())).body = body;
    else state.comments.push({ id: 1000 + state.comments.length, user: { login: "github-actions[bot]" }, body });
  }
}
fs.writeFileSync(file, JSON.stringify(state));
if (out !== "") process.stdout.write(out + "\\n");
`;

interface FakeState {
  calls: string[];
  issues: { number: number; title: string; labels: string[]; state: string; body: string; comments: string[] }[];
  comments: { id: number; user: { login: string }; body: string }[];
}

async function fakeBin(dir: string, name: string, text: string): Promise<void> {
  await mkdir(join(dir, "bin"), { recursive: true });
  await writeFile(join(dir, "bin", name), text);
  await chmod(join(dir, "bin", name), 0o755);
}

/** Runs a step's script as GitHub does (`bash -e`), with the fakes in bin/ first on PATH. */
async function runScript(dir: string, script: string, env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  await writeFile(join(dir, "step.sh"), script);
  const result = spawnSync("bash", ["-e", join(dir, "step.sh")], {
    cwd: dir,
    encoding: "utf8",
    env: { PATH: `${join(dir, "bin")}:${process.env.PATH ?? ""}`, HOME: dir, ...env },
  });
  return { code: result.status ?? 1, stdout: result.stdout, stderr: result.stderr };
}

async function readState(dir: string): Promise<FakeState> {
  return JSON.parse(await readFile(join(dir, "gh.json"), "utf8")) as FakeState;
}

describe("the drift issues", () => {
  async function driftArtifacts(dir: string, results: Record<string, { code: string; markdown?: string }>): Promise<void> {
    for (const [pair, { code, markdown }] of Object.entries(results)) {
      const artifact = join(dir, "drift", `dwctl-drift-${pair}`);
      await mkdir(artifact, { recursive: true });
      await writeFile(join(artifact, "exit-code"), `${code}\n`);
      await writeFile(join(artifact, "drift.md"), markdown ?? "");
    }
  }

  for (const folder of FOLDERS) {
    it(`${folder}: one issue per pair, opened on drift, updated while it lasts, closed when clean`, async () => {
      const wf = await workflow(folder, "dwctl-drift.yml");
      const script = runOf(stepNamed(wf.jobs.issues, "One issue per pair"));
      const dir = await mkdtemp(join(tmpdir(), "dwctl-drift-issues-"));
      await fakeBin(dir, "gh", FAKE_GH);
      const unrelated = { number: 7, title: "dwctl drift: stage", labels: ["bug"], state: "open", body: "not ours", comments: [] };
      const closedBefore = { number: 8, title: "dwctl drift: prod", labels: ["dwctl-drift"], state: "closed", body: "old", comments: [] };
      await writeFile(join(dir, "gh.json"), JSON.stringify({ calls: [], issues: [unrelated, closedBefore], comments: [] }));
      const env = { FAKE_GH_STATE: join(dir, "gh.json"), GH_REPO: "o/r", RUN_URL: "https://github.com/o/r/actions/runs/1" };

      // Night 1: stage drifts, prod is clean.
      await driftArtifacts(dir, { stage: { code: "2", markdown: "## dwctl drift\n\n| stage | map-missing |\n" }, prod: { code: "0" } });
      let run = await runScript(dir, script, env);
      expect(run.stderr).toBe("");
      expect(run.code).toBe(0);
      let state = await readState(dir);
      expect(state.calls[0]).toMatch(/^label create dwctl-drift /);
      let opened = state.issues.filter((i) => i.labels.includes("dwctl-drift") && i.state === "open");
      expect(opened.map((i) => [i.number, i.title])).toEqual([[9, "dwctl drift: stage"]]);
      expect(opened[0]?.body).toContain("| stage | map-missing |");
      expect(opened[0]?.body).toContain("https://github.com/o/r/actions/runs/1");
      expect(state.issues.find((i) => i.number === 7)?.body).toBe("not ours");

      // Night 2: stage still drifts (the same issue is updated), prod cannot be read (an issue of its own).
      await driftArtifacts(dir, { stage: { code: "2", markdown: "## dwctl drift\n\n| stage | state-changed |\n" }, prod: { code: "1", markdown: "| prod | read-failed |\n" } });
      run = await runScript(dir, script, { ...env, RUN_URL: "https://github.com/o/r/actions/runs/2" });
      expect(run.code).toBe(0);
      state = await readState(dir);
      opened = state.issues.filter((i) => i.labels.includes("dwctl-drift") && i.state === "open");
      expect(opened.map((i) => [i.number, i.title])).toEqual([
        [9, "dwctl drift: stage"],
        [10, "dwctl drift: prod"],
      ]);
      expect(opened[0]?.body).toContain("state-changed");
      expect(opened[0]?.body).not.toContain("map-missing");
      expect(opened[1]?.body).toContain("could not be read (exit code 1)");

      // Night 3: both clean: both issues closed with a link to the run.
      await driftArtifacts(dir, { stage: { code: "0" }, prod: { code: "0" } });
      run = await runScript(dir, script, { ...env, RUN_URL: "https://github.com/o/r/actions/runs/3" });
      expect(run.code).toBe(0);
      state = await readState(dir);
      expect(state.issues.filter((i) => i.labels.includes("dwctl-drift") && i.state === "open")).toEqual([]);
      expect(state.issues.find((i) => i.number === 9)?.comments).toEqual(["`stage` is clean again: [run](https://github.com/o/r/actions/runs/3)."]);
    });
  }

  it("the drift step keeps dwctl's exit code and fails only on 1", async () => {
    for (const folder of FOLDERS) {
      const wf = await workflow(folder, "dwctl-drift.yml");
      const job = wf.jobs.drift;
      const script = runOf(stepNamed(job, "Drift"));
      for (const code of [0, 1, 2]) {
        const dir = await mkdtemp(join(tmpdir(), "dwctl-drift-step-"));
        const fake = `#!/usr/bin/env bash\n[ "$1" = dwctl ] && shift\necho "$@" > "$PWD/args"\necho "## dwctl drift"\ntouch drift-report.html\nexit ${code}\n`;
        await fakeBin(dir, "npx", fake);
        await fakeBin(dir, "dwctl", fake);
        const run = await runScript(dir, script, { PAIR: "stage", GITHUB_OUTPUT: join(dir, "out"), GITHUB_STEP_SUMMARY: join(dir, "summary") });
        expect(run.code, `${folder} exit ${code}`).toBe(0);
        expect(await readFile(join(dir, "out"), "utf8")).toBe(`exit-code=${code}\n`);
        expect(await readFile(join(dir, "drift.md"), "utf8")).toBe("## dwctl drift\n");
        expect(await readFile(join(dir, "args"), "utf8")).toBe("drift --env stage --format markdown --report drift-report.html\n");
      }
      expect(stepNamed(job, "Fail when the pair could not be read").if).toBe("${{ steps.drift.outputs.exit-code != '0' && steps.drift.outputs.exit-code != '2' }}");
    }
  });
});

describe("the sticky plan comment", () => {
  for (const folder of FOLDERS) {
    it(`${folder}: one comment per pair, created once and then updated in place`, async () => {
      const wf = await workflow(folder, "dwctl-pull-request.yml");
      const write = runOf(stepNamed(wf.jobs.plan, "Write the comment"));
      const post = runOf(stepNamed(wf.jobs.comment, "One sticky comment per pair"));
      const dir = await mkdtemp(join(tmpdir(), "dwctl-comment-"));
      await fakeBin(dir, "gh", FAKE_GH);
      const someone = { id: 1, user: { login: "mallory" }, body: "<!-- dwctl:plan:stage -->\nfake plan" };
      await writeFile(join(dir, "gh.json"), JSON.stringify({ calls: [], issues: [], comments: [someone] }));
      const env = { FAKE_GH_STATE: join(dir, "gh.json"), GH_REPO: "o/r", PR: "5", HEAD_SHA: "abc123", BASE_REF: "main", RUN_URL: "https://github.com/o/r/actions/runs/1" };

      const push = async (plans: Record<string, string | undefined>): Promise<FakeState> => {
        for (const [pair, markdown] of Object.entries(plans)) {
          const report = join(dir, `plan-${pair}.md`);
          if (markdown !== undefined) await writeFile(report, markdown);
          const wrote = await runScript(dir, write, { ...env, PAIR: pair, REPORT_PATH: markdown === undefined ? "" : report });
          expect(wrote.code).toBe(0);
          await mkdir(join(dir, "comments", `dwctl-comment-${pair}`), { recursive: true });
          await writeFile(join(dir, "comments", `dwctl-comment-${pair}`, "comment.md"), await readFile(join(dir, "comment.md"), "utf8"));
        }
        const posted = await runScript(dir, post, env);
        expect(posted.stderr).toBe("");
        expect(posted.code).toBe(0);
        return readState(dir);
      };

      let state = await push({ stage: "## dwctl plan for `stage`\n\n**Plan: 1 to create**\n", prod: undefined });
      const ours = (s: FakeState): FakeState["comments"] => s.comments.filter((c) => c.user.login === "github-actions[bot]");
      expect(ours(state).map((c) => c.body.split("\n")[0])).toEqual(["<!-- dwctl:plan:prod -->", "<!-- dwctl:plan:stage -->"]);
      expect(ours(state)[1]?.body).toContain("**Plan: 1 to create**");
      expect(ours(state)[1]?.body).toContain("abc123 merged into main");
      expect(ours(state)[0]?.body).toContain("No plan was made: see [the run](https://github.com/o/r/actions/runs/1).");

      state = await push({ stage: "## dwctl plan for `stage`\n\n**No changes.**\n", prod: "## dwctl plan for `prod`\n\n**No changes.**\n" });
      expect(ours(state)).toHaveLength(2);
      expect(ours(state).every((c) => c.body.includes("**No changes.**"))).toBe(true);
      expect(state.comments.find((c) => c.id === 1)?.body).toBe(someone.body);
    });
  }
});

describe("the refresh step", () => {
  for (const folder of FOLDERS) {
    it(`${folder}: confirms the target it was approved for, except in a dry run`, async () => {
      const wf = await workflow(folder, "dwctl-refresh.yml");
      const script = runOf(stepNamed(wf.jobs.refresh, "Refresh"));
      const cases: [Record<string, string>, string][] = [
        [{ RESUME: "false", DRY_RUN: "false", INITIAL_SYNC: "skip" }, "refresh --env stage --source prod --initial-sync skip --confirm stage"],
        [{ RESUME: "true", DRY_RUN: "false", INITIAL_SYNC: "run" }, "refresh --env stage --source prod --initial-sync run --resume --confirm stage"],
        [{ RESUME: "false", DRY_RUN: "true", INITIAL_SYNC: "skip" }, "refresh --env stage --source prod --initial-sync skip --dry-run"],
      ];
      for (const [inputs, expected] of cases) {
        const dir = await mkdtemp(join(tmpdir(), "dwctl-refresh-step-"));
        const fake = `#!/usr/bin/env bash\n[ "$1" = dwctl ] && shift\necho "$@" > "$PWD/args"\n`;
        await fakeBin(dir, "npx", fake);
        await fakeBin(dir, "dwctl", fake);
        const run = await runScript(dir, script, { TARGET: "stage", SOURCE: "prod", ...inputs });
        expect(run.code).toBe(0);
        expect(await readFile(join(dir, "args"), "utf8")).toBe(`${expected}\n`);
      }
    });
  }
});

const hasJq = spawnSync("jq", ["--version"]).status === 0;

describe("the --jq filters, run by jq itself", () => {
  it("find our own marked comment and the open issue of a pair by its exact title", async () => {
    // GitHub's runners have jq, and .ci/run installs it: a missing jq fails here rather than skipping.
    expect(hasJq, "jq is not installed (apt-get install jq)").toBe(true);
    const pr = runOf(stepNamed((await workflow(OWN, "dwctl-pull-request.yml")).jobs.comment, "One sticky comment per pair"));
    const issues = runOf(stepNamed((await workflow(OWN, "dwctl-drift.yml")).jobs.issues, "One issue per pair"));
    const filter = (script: string): string => /--jq '([^']+)'/.exec(script)?.[1] ?? "";
    const comments = [
      { id: 1, user: { login: "mallory" }, body: "<!-- dwctl:plan:stage -->\nx" },
      { id: 2, user: { login: "github-actions[bot]" }, body: "<!-- dwctl:plan:prod -->\nx" },
      { id: 3, user: { login: "github-actions[bot]" }, body: "<!-- dwctl:plan:stage -->\nx" },
    ];
    const jq = (program: string, input: unknown, env: Record<string, string>): string =>
      spawnSync("jq", ["-r", program], { input: JSON.stringify(input), env: { ...process.env, ...env }, encoding: "utf8" }).stdout;
    expect(jq(filter(pr), comments, { MARKER: "<!-- dwctl:plan:stage -->" })).toBe("3\n");
    const list = [
      { number: 4, title: "dwctl drift: stage (old)" },
      { number: 5, title: "dwctl drift: stage" },
    ];
    expect(jq(filter(issues), list, { TITLE: "dwctl drift: stage" })).toBe("5\n");
  });
});
