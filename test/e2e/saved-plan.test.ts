import { cp, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { simpleGit } from "simple-git";
import { beforeAll, describe, expect, it } from "vitest";
import { canonicalJson, sha256 } from "../../src/model/fingerprint.js";
import type { Plan } from "../../src/plan/plan.js";
import { integrityOf } from "../../src/plan/seal-plan.js";
import { root, runCli, tempTree } from "../helpers/cli.js";
import { sandboxLog } from "../helpers/sandbox-log.js";

/**
 * A saved plan is exactly what runs: apply derives the plan again from git and the snapshot it
 * reads under the lock, and refuses a file that differs from it in any action, that was edited
 * after dwctl wrote it, or that git has moved away from. Confirmations are computed again.
 */

const timings = JSON.stringify({ keyPendingMs: 10, keyBuildMs: 20, mapTransitionMs: 20 });
let dir = "";
let env: Record<string, string> = {};

async function cli(...args: string[]) {
  return runCli(args, dir, env);
}

/** Writes to the environment's maps, keys and solutions: everything but the lock and the sandbox's own reads. */
async function mapWrites(environment: string): Promise<number> {
  const log = await sandboxLog(env.DWCTL_SANDBOX_DIR ?? "", environment);
  // The lock and last-applied records are Dataverse environment variables (src/live/dataverse/records.ts).
  return log.filter((r) => r.method !== "GET" && !/environmentvariable/i.test(r.path)).length;
}

async function readPlan(file: string): Promise<Plan> {
  return JSON.parse(await readFile(join(dir, file), "utf8")) as Plan;
}

/** What someone who edits the JSON by hand and knows the hash's recipe would write. */
async function writeResealed(file: string, plan: Plan): Promise<void> {
  await writeFile(join(dir, file), JSON.stringify({ ...plan, integrity: integrityOf(plan) }, null, 2));
}

beforeAll(async () => {
  dir = await tempTree({});
  await cp(join(root, "maps"), join(dir, "maps"), { recursive: true });
  env = { DWCTL_SANDBOX_DIR: join(dir, "sb"), DWCTL_SANDBOX_TIMINGS: timings };
  const git = simpleGit({ baseDir: dir });
  await git.init();
  await git.addConfig("user.email", "dev@example.invalid");
  await git.addConfig("user.name", "dwctl test");
  await git.add("maps");
  await git.commit("the estate");
});

describe("a saved plan is exactly what runs", () => {
  it("records the commit and an integrity hash that covers every other property", async () => {
    const saved = await cli("plan", "--env", "prod", "--out", "prod.json");
    expect(saved.code, saved.stderr).toBe(0);
    const plan = await readPlan("prod.json");
    const head = (await simpleGit({ baseDir: dir }).revparse(["HEAD"])).trim();
    expect(plan.commit).toBe(head);
    expect(plan.format_version).toBe("1.1");
    const { integrity, ...content } = plan;
    expect(integrity).toBe(sha256(canonicalJson(content)));
    expect(saved.stdout).toContain(`integrity ${integrity?.slice(0, 12) ?? "?"}`);
    expect(saved.stderr).toContain(`(integrity ${integrity ?? "?"})`);
    expect(plan.confirmationsRequired.length).toBeGreaterThan(0);
  });

  it("recomputes confirmations: a file whose confirmations were removed (and resealed) still needs --confirm on PROD", async () => {
    const plan = await readPlan("prod.json");
    await writeResealed("prod-tampered.json", { ...plan, confirmationsRequired: [], summary: { ...plan.summary } });
    const before = await mapWrites("prod");
    const refused = await cli("apply", "prod-tampered.json");
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("the plan needs confirmation");
    expect(refused.stderr).toContain("initial sync");
    expect(refused.stderr).toContain("pass --confirm prod");
    expect(await mapWrites("prod")).toBe(before);
    expect((await cli("lock", "status", "--env", "prod")).stdout).toBe("prod: not locked\n");
  });

  it("refuses a --confirm that names another pair, even where the plan needs none", async () => {
    const refused = await cli("apply", "prod.json", "--confirm", "stage");
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('--confirm names "stage", but this plan is for "prod"');
  });

  it("refuses a definition edited in the JSON, whether or not the hash was recomputed", async () => {
    const plan = await readPlan("prod.json");
    const index = plan.actions.findIndex((a) => a.kind === "saveMapDefinition");
    const save = plan.actions[index];
    if (save?.kind !== "saveMapDefinition") throw new Error("the prod plan has no save: fix the test");
    const edited: Plan = {
      ...plan,
      actions: plan.actions.map((a, i) =>
        i === index && a.kind === "saveMapDefinition" ? { ...a, definition: { ...a.definition, filters: { ...a.definition.filters, financeAndOperations: "(CustomerGroupId = \"EVIL\")" } } } : a,
      ),
    };
    await writeFile(join(dir, "edited.json"), JSON.stringify(edited, null, 2));
    const before = await mapWrites("prod");
    const unsealed = await cli("apply", "edited.json", "--confirm", "prod");
    expect(unsealed.code).toBe(1);
    expect(unsealed.stderr).toContain("the plan file was changed after dwctl wrote it");
    await writeResealed("edited.json", edited);
    const resealed = await cli("apply", "edited.json", "--confirm", "prod");
    expect(resealed.code).toBe(1);
    expect(resealed.stderr).toContain("does not match the plan dwctl derives from git and the live environment");
    expect(resealed.stderr).toContain(`~ ${save.description} (what it writes differs)`);
    expect(await mapWrites("prod")).toBe(before);
  });

  it("refuses a saved plan when git changed between plan and apply, committed or not", async () => {
    const saved = await cli("plan", "--env", "stage", "--out", "stage.json");
    expect(saved.code, saved.stderr).toBe(0);
    const file = join(dir, "maps/tablemaps/currencies-transactioncurrencies.yaml");
    const original = await readFile(file, "utf8");
    await writeFile(file, original.replace("state: running", "state: paused"));
    const dirty = await cli("apply", "stage.json");
    expect(dirty.code).toBe(1);
    expect(dirty.stderr).toContain("the desired state in git changed since the plan was made");
    const git = simpleGit({ baseDir: dir });
    await git.add("maps");
    await git.commit("pause currencies");
    const committed = await cli("apply", "stage.json");
    expect(committed.code).toBe(1);
    expect(committed.stderr).toContain("the desired state in git changed since the plan was made");
    expect(await mapWrites("stage")).toBe(0);
    await writeFile(file, original);
    await git.add("maps");
    await git.commit("run currencies again");
  });

  it("takes the pair from the plan, honours --integrity, and applies an untouched file", async () => {
    const plan = await readPlan("stage.json");
    const otherPair = await cli("apply", "--env", "prod", "stage.json");
    expect(otherPair.code).toBe(1);
    expect(otherPair.stderr).toContain('was made for pair "stage", not "prod"');
    const wrongHash = await cli("apply", "stage.json", "--integrity", "0123456789ab");
    expect(wrongHash.code).toBe(1);
    expect(wrongHash.stderr).toContain("is not the plan that was approved");
    const applied = await cli("apply", "stage.json", "--integrity", (plan.integrity ?? "").slice(0, 16));
    expect(applied.code, applied.stderr).toBe(0);
    expect(applied.stdout).toContain(`on stage`);
    expect((await cli("plan", "--env", "stage", "--detailed-exitcode")).code).toBe(0);
  });

  it("dwctl show re-renders a saved plan in every format, and refuses an edited one", async () => {
    const plan = await readPlan("prod.json");
    const text = await cli("show", "prod.json");
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain(`dwctl plan: prod`);
    expect(text.stdout).toContain(`integrity ${(plan.integrity ?? "").slice(0, 12)}`);
    const markdown = await cli("show", "prod.json", "--format", "markdown");
    expect(markdown.stdout).toContain(`Plan integrity: \`${plan.integrity ?? ""}\``);
    const json = await cli("show", "prod.json", "--format", "json");
    expect(JSON.parse(json.stdout)).toEqual(plan);
    await writeFile(join(dir, "touched.json"), JSON.stringify({ ...plan, createdAt: "2030-01-01T00:00:00.000Z" }));
    const edited = await cli("show", "touched.json");
    expect(edited.code).toBe(1);
    expect(edited.stderr).toContain("the plan file was changed after dwctl wrote it");
  });

  it("plan refuses --confirm instead of printing it and ignoring it", async () => {
    const refused = await cli("plan", "--env", "prod", "--confirm", "prod");
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("dwctl plan does not take --confirm");
    expect(refused.stderr).toContain("dwctl apply --env prod <plan.json> --confirm prod");
  });

  it("refuses a plan written by an older dwctl, without an integrity hash", async () => {
    const plan = await readPlan("prod.json");
    const { integrity: _integrity, ...old } = plan;
    await writeFile(join(dir, "old.json"), JSON.stringify({ ...old, format_version: "1.0" }));
    const refused = await cli("apply", "old.json", "--confirm", "prod");
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("written by an older dwctl");
  });
});
