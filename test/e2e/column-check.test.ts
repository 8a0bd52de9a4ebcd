import { cp, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Plan } from "../../src/plan/plan.js";
import { root, runCli, tempTree } from "../helpers/cli.js";
import { sandboxLog } from "../helpers/sandbox-log.js";

const timings = JSON.stringify({ keyPendingMs: 10, keyBuildMs: 20, mapTransitionMs: 20 });
const accounts = "maps/tablemaps/customers-v3-accounts.yaml";

let dir = "";
let env: Record<string, string> = {};

async function cli(...args: string[]) {
  return runCli(args, dir, env);
}

/** 1-based line and column of the first occurrence of `text` in a file of the estate. */
async function positionOf(file: string, text: string): Promise<string> {
  const lines = (await readFile(join(dir, file), "utf8")).split("\n");
  const line = lines.findIndex((l) => l.includes(text));
  return `${line + 1}:${(lines[line] ?? "").indexOf(text) + 1}`;
}

beforeAll(async () => {
  dir = await tempTree({});
  await cp(join(root, "maps"), join(dir, "maps"), { recursive: true });
  env = { DWCTL_SANDBOX_DIR: join(dir, "sb"), DWCTL_SANDBOX_TIMINGS: timings };
});

describe("column names checked against live metadata before anything is written", () => {
  it("maps/ plans clean against the sandbox: every column, key and filter exists", async () => {
    const plan = await cli("plan", "--env", "stage", "--detailed-exitcode");
    expect(plan.code, plan.stdout + plan.stderr).toBe(2);
    expect(plan.stdout).not.toContain("Blocked");
  });

  it("a map naming a column that does not exist blocks the plan with file:line:col, and apply writes nothing", async () => {
    const file = join(dir, accounts);
    const original = await readFile(file, "utf8");
    await writeFile(
      file,
      original
        .replace("{ fo: PRIMARYCONTACTURL, map: \"=\", dv: websiteurl }", "{ fo: PRIMARYCONTACTURL, map: \"=\", dv: websiteurl2 }")
        .replace("dv: transactioncurrencyid.isocurrencycode", "dv: transactioncurrencyid.currencycode"),
    );
    const missing = await positionOf(accounts, "websiteurl2");
    const target = await positionOf(accounts, "currencycode }");

    const plan = await cli("plan", "--env", "stage", "--detailed-exitcode");
    expect(plan.code).toBe(1);
    expect(plan.stdout).toContain("Blocked: apply refuses this plan");
    expect(plan.stdout).toContain(`${accounts}:${missing} table account has no column websiteurl2.`);
    expect(plan.stdout).toContain(`${accounts}:${target} transactioncurrency (the table lookup account.transactioncurrencyid points at) has no column currencycode.`);

    const json = await cli("plan", "--env", "stage", "--format", "json");
    const blockers = (JSON.parse(json.stdout) as Plan).blockers;
    expect(blockers.map((b) => [b.kind, b.path, b.location])).toEqual([
      ["unknownColumn", ["customers-v3-accounts"], { file: accounts, line: Number(target.split(":")[0]), column: Number(target.split(":")[1]) }],
      ["unknownColumn", ["customers-v3-accounts"], { file: accounts, line: Number(missing.split(":")[0]), column: Number(missing.split(":")[1]) }],
    ]);

    const markdown = await cli("plan", "--env", "stage", "--format", "markdown");
    expect(markdown.stdout).toContain(`${accounts}:${missing}`);

    const apply = await cli("apply", "--env", "stage", "--auto-approve");
    expect(apply.code).toBe(1);
    expect(apply.stderr).toContain("the plan is blocked");
    expect(apply.stderr).toContain(`${accounts}:${missing} table account has no column websiteurl2`);
    // The sandbox's own log of writes: nothing reached STAGE, not even the lock.
    expect((await sandboxLog(env.DWCTL_SANDBOX_DIR ?? "", "stage")).filter((r) => r.method !== "GET")).toEqual([]);

    await writeFile(file, original);
    const fixed = await cli("plan", "--env", "stage", "--detailed-exitcode");
    expect(fixed.code).toBe(2);
  });
});
