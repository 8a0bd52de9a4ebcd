import { readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { simpleGit } from "simple-git";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { currentCommit } from "../../src/cli/git.js";
import type { EnvironmentGateway } from "../../src/live/gateway.js";
import { gatewayForPair } from "../../src/live/http-gateway.js";
import { parseLastApplied, type LastAppliedRecord } from "../../src/model/last-applied.js";
import type { Plan } from "../../src/plan/plan.js";
import { connectSandbox } from "../../src/sandbox/connect.js";
import { runCli, tempTree } from "../helpers/cli.js";
import { baseEstate } from "../helpers/estate.js";
import { sandboxLog } from "../helpers/sandbox-log.js";

/**
 * The safety checks of plan and apply, end to end on the embedded sandbox and through the CLI, so
 * that they hold whatever the code behind them looks like:
 * - apply refuses a --confirm that names another pair;
 * - plan and apply read the git commit of the desired state and record it;
 * - --prune never deletes a map that was applied as protected.
 */

const timings = JSON.stringify({ keyPendingMs: 10, keyBuildMs: 20, mapTransitionMs: 20 });

let dir = "";
let env: Record<string, string> = {};
let head = "";

async function cli(...args: string[]) {
  return runCli(args, dir, env);
}

async function planOf(pair: string, ...extra: string[]): Promise<Plan> {
  const result = await cli("plan", "--env", pair, "--format", "json", ...extra);
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as Plan;
}

/** Reads the pair straight from the sandbox, as a second opinion on what the CLI did. */
async function readPair<T>(pair: "prod" | "stage", read: (gateway: EnvironmentGateway) => Promise<T>): Promise<T> {
  const connection = await connectSandbox({ dataDir: env.DWCTL_SANDBOX_DIR ?? "" });
  try {
    const gateway = gatewayForPair(
      { name: pair, sandbox: true, auth: { method: "sandbox" }, financeAndOperations: { url: `http://${pair}.operations.localhost/${pair}/finops` }, dataverse: { url: `http://127.0.0.1/${pair}/dataverse` } },
      {},
      { sandbox: { url: connection.url, secret: connection.secret } },
    );
    return await read(gateway);
  } finally {
    await connection.close();
  }
}

/** The pair's last-applied record, as apply wrote it. */
async function lastApplied(pair: "prod" | "stage"): Promise<LastAppliedRecord | undefined> {
  return readPair(pair, async (gateway) => parseLastApplied((await gateway.readRecord("lastApplied"))?.value));
}

/** Each live map of the pair (by F&O entity): its state and its saved versions. */
async function liveMaps(pair: "prod" | "stage"): Promise<Record<string, string>> {
  const snapshot = await readPair(pair, (gateway) => gateway.snapshot());
  return Object.fromEntries(snapshot.maps.map((m) => [m.ref.entity, `${m.state}, ${m.versions.length} version(s)`]));
}

/** What the sandbox received for an environment other than reads. */
async function writes(environment: string): Promise<string[]> {
  return (await sandboxLog(env.DWCTL_SANDBOX_DIR ?? "", environment)).filter((r) => r.method !== "GET").map((r) => `${r.method} ${r.path}`);
}

const describedActions = (plan: Plan): string[] => plan.actions.map((a) => a.description);

beforeAll(async () => {
  dir = await tempTree(baseEstate());
  env = { DWCTL_SANDBOX_DIR: join(dir, ".sandbox"), DWCTL_SANDBOX_TIMINGS: timings };
  await writeFile(join(dir, ".gitignore"), ".sandbox/\n.dwctl/\n*.json\n");
  const git = simpleGit({ baseDir: dir });
  await git.init();
  await git.addConfig("user.name", "dwctl tests");
  await git.addConfig("user.email", "tests@example.invalid");
  await git.addConfig("commit.gpgsign", "false");
  await git.add(".");
  await git.commit("the desired state");
  head = (await git.revparse(["HEAD"])).trim();
  expect(head).toMatch(/^[0-9a-f]{40}$/);
});

afterAll(async () => {
  if (dir !== "") await rm(dir, { recursive: true, force: true });
});

describe("the git commit of the desired state", () => {
  it("is read in a git work tree, and is null outside one", async () => {
    expect(await currentCommit(dir)).toBe(head);
    expect(await currentCommit(join(dir, "maps"))).toBe(head);
    const outside = await tempTree({ "maps/readme.txt": "not a repository" });
    try {
      expect(await currentCommit(outside)).toBeNull();
    } finally {
      await rm(outside, { recursive: true, force: true });
    }
  });

  it("goes into a saved plan and, once applied, into the pair's last-applied record", async () => {
    const saved = await cli("plan", "--env", "stage", "--out", "stage.json");
    expect(saved.code, saved.stderr).toBe(0);
    const plan = JSON.parse(await readFile(join(dir, "stage.json"), "utf8")) as Plan;
    expect(plan.commit).toBe(head);
    expect(plan.actions.length).toBeGreaterThan(0);
    const apply = await cli("apply", "--env", "stage", "stage.json");
    expect(apply.code, apply.stderr).toBe(0);
    expect((await lastApplied("stage"))?.commit).toBe(head);
  });
});

describe("apply --confirm", () => {
  it("refuses a saved plan of a protected pair when --confirm names another pair, and writes nothing", async () => {
    const plan = await planOf("prod", "--out", "prod.json");
    expect(plan.confirmationsRequired.length).toBeGreaterThan(0);
    const before = await writes("prod");
    for (const confirm of [["--confirm", "stage"], ["--confirm", "PROD"], ["--confirm", ""], []]) {
      const refused = await cli("apply", "--env", "prod", "prod.json", ...confirm);
      expect(refused.code, `apply prod.json ${confirm.join(" ")}`).toBe(1);
      expect(refused.stderr).toMatch(/^error: /m);
      expect(refused.stderr).not.toContain("internal error");
      // The hint names the one confirmation that would do.
      expect(refused.stderr).toContain("--confirm prod");
    }
    // The refusal left prod as it was: no write but (at most) the lock's record, no lock left
    // behind, no last-applied record, and the same plan.
    expect((await writes("prod")).slice(before.length).filter((w) => !/environmentvariable/i.test(w))).toEqual([]);
    expect((await cli("lock", "status", "--env", "prod")).stdout).toBe("prod: not locked\n");
    expect(describedActions(await planOf("prod"))).toEqual(describedActions(plan));
    expect(await lastApplied("prod")).toBeUndefined();
  });

  it("refuses --auto-approve with a --confirm of another pair", async () => {
    const refused = await cli("apply", "--env", "prod", "--auto-approve", "--confirm", "stage");
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("--confirm prod");
    expect(await lastApplied("prod")).toBeUndefined();
    expect(Object.keys(await liveMaps("prod"))).toEqual([]);
  });

  it("applies the saved plan when --confirm names its pair", async () => {
    const apply = await cli("apply", "--env", "prod", "prod.json", "--confirm", "prod");
    expect(apply.code, apply.stderr).toBe(0);
    expect((await lastApplied("prod"))?.commit).toBe(head);
    expect((await cli("plan", "--env", "prod", "--detailed-exitcode")).code).toBe(0);
  });
});

describe("apply --prune", () => {
  const currencies = "maps/tablemaps/currencies.yaml";
  const legalEntities = "maps/tablemaps/legal-entities.yaml";

  it("never deletes a map that was applied as protected, and deletes one that was not", async () => {
    // Mark legal entities protected and apply, so that the last-applied record says so.
    const file = join(dir, legalEntities);
    await writeFile(file, (await readFile(file, "utf8")).replace("version: { publisher: contoso, number: 1.0.0.0 }\n", "version: { publisher: contoso, number: 1.0.0.0 }\nprotected: true\n"));
    const marked = await cli("apply", "--env", "stage", "--auto-approve");
    expect(marked.code, marked.stderr).toBe(0);
    const record = await lastApplied("stage");
    expect(Object.values(record?.maps ?? {}).map((m) => `${m.name} ${m.protected}`).sort()).toEqual(["currencies false", "customers false", "legal-entities true"]);

    // Both maps leave git; customers depends on currencies, so it goes too.
    await rm(file);
    await rm(join(dir, currencies));
    await rm(join(dir, "maps/tablemaps/customers.yaml"));
    const plan = await planOf("stage", "--prune");
    const touched = plan.actions.filter((a) => "map" in a).map((a) => `${a.kind} ${"map" in a ? a.map : ""}`);
    expect(touched).toContain("deleteMap currencies");
    expect(touched).toContain("deleteMap customers");
    expect(touched.filter((t) => t.endsWith(" legal-entities"))).toEqual([]);
    expect(plan.warnings.filter((w) => w.code === "prune-protected").map((w) => w.map)).toEqual(["legal-entities"]);

    const before = await liveMaps("stage");
    expect(before).toEqual({ Currencies: "running, 1 version(s)", CustomersV3: "paused, 1 version(s)", LegalEntities: "running, 1 version(s)" });
    const pruned = await cli("apply", "--env", "stage", "--auto-approve", "--prune", "--confirm", "stage");
    expect(pruned.stderr).not.toContain("internal error");
    // The others were stopped and their versions deleted (the sandbox's service, like the real one,
    // then still lists them: no call is known that removes a map from it, and apply says so).
    // The protected map was not touched: still running, its version still saved.
    expect(await liveMaps("stage")).toEqual({ Currencies: "stopped, 0 version(s)", CustomersV3: "stopped, 0 version(s)", LegalEntities: "running, 1 version(s)" });
    const after = await planOf("stage", "--prune");
    expect(after.actions.filter((a) => "map" in a && a.map === "legal-entities")).toEqual([]);
    expect(after.warnings.filter((w) => w.code === "prune-protected").map((w) => w.map)).toEqual(["legal-entities"]);
  });
});
