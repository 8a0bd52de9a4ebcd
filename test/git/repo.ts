import { cp, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { simpleGit, type SimpleGit } from "simple-git";
import { expect } from "vitest";
import { validatorFor } from "../../src/config/schemas.js";
import { gatewayForPair } from "../../src/live/http-gateway.js";
import type { Plan } from "../../src/plan/plan.js";
import { connectSandbox } from "../../src/sandbox/connect.js";
import { root, runCli, tempTree, type RunResult } from "../helpers/cli.js";

const timings = JSON.stringify({ keyPendingMs: 10, keyBuildMs: 20, mapTransitionMs: 20 });

/** A clone of the starter estate in a fresh git repository (branch main, one commit), with its own sandbox. */
export interface TestRepo {
  dir: string;
  env: Record<string, string>;
  git: SimpleGit;
  cli(...args: string[]): Promise<RunResult>;
  /** Edits a file of the repository in place. */
  edit(path: string, change: (text: string) => string): Promise<void>;
  commit(message: string): Promise<string>;
  planJson(...args: string[]): Promise<Plan>;
}

export async function testRepo(): Promise<TestRepo> {
  const dir = await tempTree({ ".gitignore": "sb/\n.dwctl/\n*.json\n" });
  await cp(join(root, "maps"), join(dir, "maps"), { recursive: true });
  const env = { DWCTL_SANDBOX_DIR: join(dir, "sb"), DWCTL_SANDBOX_TIMINGS: timings };
  const git = simpleGit({ baseDir: dir });
  await git.raw(["init", "--initial-branch=main"]);
  await git.addConfig("user.email", "dev@example.invalid");
  await git.addConfig("user.name", "dwctl test");
  await git.addConfig("commit.gpgsign", "false");
  const repo: TestRepo = {
    dir,
    env,
    git,
    cli: (...args) => runCli(args, dir, env),
    edit: async (path, change) => {
      const file = join(dir, path);
      await writeFile(file, change(await readFile(file, "utf8")));
    },
    commit: async (message) => {
      await git.add(["-A", "."]);
      await git.commit(message);
      return (await git.revparse(["HEAD"])).trim();
    },
    planJson: async (...args) => {
      const result = await runCli(["plan", ...args, "--format", "json"], dir, env);
      expect(result.code, result.stderr).toBe(0);
      const plan = JSON.parse(result.stdout) as Plan;
      const validate = validatorFor("Plan");
      expect(validate(plan), JSON.stringify(validate.errors)).toBe(true);
      return plan;
    },
  };
  await repo.commit("the estate");
  return repo;
}

/** Stops a map in the sandbox behind dwctl's back, as someone in the dual-write UI would. */
export async function stopOutsideDwctl(repo: TestRepo, pair: "stage" | "prod", ref: { entity: string; table: string }): Promise<void> {
  const connection = await connectSandbox({ dataDir: repo.env.DWCTL_SANDBOX_DIR ?? "" });
  try {
    const gateway = gatewayForPair(
      {
        name: pair,
        sandbox: true,
        auth: { method: "sandbox" },
        financeAndOperations: { url: `http://${pair}.operations.localhost/${pair}/finops` },
        dataverse: { url: `http://127.0.0.1/${pair}/dataverse` },
      },
      {},
      { sandbox: { url: connection.url, secret: connection.secret } },
    );
    await gateway.runMapAction(ref, "stop");
  } finally {
    await connection.close();
  }
}

/** Each action as "kind map-or-subject", in run order. */
export function actionList(plan: Plan): string[] {
  return plan.actions.map((a) => `${a.kind} ${"map" in a ? a.map : "solution" in a ? a.solution : "table" in a ? a.table : ""}`);
}

/** Adds a field mapping row to customers-v3-accounts: one map's change (stop, save, apply solution, refresh, start). */
export function oneWayWebsite(text: string): string {
  const row = '  - { fo: PRIMARYCONTACTURL, map: "=", dv: websiteurl }\n';
  if (!text.includes(row)) throw new Error("customers-v3-accounts no longer maps PRIMARYCONTACTURL both ways: fix the test");
  return text.replace(row, '  - { fo: PRIMARYCONTACTURL, map: ">", dv: websiteurl }\n');
}

export const customersMap = "maps/tablemaps/customers-v3-accounts.yaml";
export const customerGroupsMap = "maps/tablemaps/customer-groups-msdyn-customergroups.yaml";
export const customerGroups = { name: "customer-groups-msdyn-customergroups", ref: { entity: "CustCustomerGroup", table: "msdyn_customergroup" } };
