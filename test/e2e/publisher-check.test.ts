import { cp, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Plan } from "../../src/plan/plan.js";
import { root, runCli, tempTree } from "../helpers/cli.js";
import { sandboxLog } from "../helpers/sandbox-log.js";

/**
 * A map version is saved into dwctl's solution for its publisher (dwctl_<publisher>), which cannot be
 * created without that publisher. The plan reads the publishers before anything is written and
 * blocks, instead of apply failing at its first save after the keys wave has written.
 */
let dir = "";
let env: Record<string, string> = {};

beforeAll(async () => {
  dir = await tempTree({});
  await cp(join(root, "maps"), join(dir, "maps"), { recursive: true });
  env = { DWCTL_SANDBOX_DIR: join(dir, "sb"), DWCTL_SANDBOX_TIMINGS: JSON.stringify({ keyPendingMs: 10, keyBuildMs: 20, mapTransitionMs: 20 }) };
  const file = join(dir, "maps/tablemaps/currencies-transactioncurrencies.yaml");
  const text = await readFile(file, "utf8");
  const edited = text.replace(/publisher: \w+/, "publisher: nosuchpublisher");
  expect(edited).not.toBe(text);
  await writeFile(file, edited);
});

describe("publishers are checked before anything is written", () => {
  it("a plan that saves under a publisher Dataverse does not have is blocked, and apply writes nothing", async () => {
    const plan = await runCli(["plan", "--env", "stage", "--format", "json", "--detailed-exitcode"], dir, env);
    expect(plan.code).toBe(1);
    const parsed = JSON.parse(plan.stdout) as Plan;
    const blocker = parsed.blockers.find((b) => b.kind === "unknownPublisher");
    expect(blocker?.message).toContain("Dataverse has no publisher nosuchpublisher");
    expect(blocker?.path).toEqual(["currencies-transactioncurrencies"]);
    // The other publisher of the estate exists: only the missing one is named.
    expect(parsed.blockers.filter((b) => b.kind === "unknownPublisher")).toHaveLength(1);
    const apply = await runCli(["apply", "--env", "stage", "--auto-approve"], dir, env);
    expect(apply.code).toBe(1);
    expect(apply.stderr).toContain("the plan is blocked");
    const writes = (await sandboxLog(env.DWCTL_SANDBOX_DIR ?? "", "stage")).filter((r) => r.method !== "GET");
    expect(writes).toEqual([]);
  });
});
