import { readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Plan } from "../../src/plan/plan.js";
import { runCli, tempTree } from "../helpers/cli.js";
import { actionList, customerGroups, customerGroupsMap, customersMap, oneWayWebsite, stopOutsideDwctl, testRepo, type TestRepo } from "./repo.js";

/**
 * plan --changed-since <ref>: the maps changed since the ref (committed on the branch, and not yet
 * committed) are planned; every other map is held as it is live, even one that drifted. The whole
 * estate is still validated and read by the planner. Apply of such a plan derives the same scope again.
 */

let repo: TestRepo;

async function readPlan(file: string): Promise<Plan> {
  return JSON.parse(await readFile(join(repo.dir, file), "utf8")) as Plan;
}

beforeAll(async () => {
  repo = await testRepo();
  const applied = await repo.cli("apply", "--env", "stage", "--auto-approve");
  expect(applied.code, applied.stderr).toBe(0);
  // Customer groups drift live: stopped outside dwctl. No git change touches it.
  await stopOutsideDwctl(repo, "stage", customerGroups.ref);
  await repo.git.checkoutLocalBranch("feature");
  await repo.edit(customersMap, oneWayWebsite);
  await repo.commit("customers: website goes one way");
}, 120_000);

describe("plan --changed-since", () => {
  it("plans only the changed map; an unchanged map that drifted live is not touched", async () => {
    const whole = await repo.planJson("--env", "stage");
    // Without the scope, the plan restarts the stopped customer groups and reports its drift.
    expect(actionList(whole)).toContain(`startMap ${customerGroups.name}`);
    expect(whole.drift.map((d) => `${d.kind} ${d.map ?? ""}`)).toContain(`stateChanged ${customerGroups.name}`);

    const scoped = await repo.planJson("--env", "stage", "--changed-since", "main");
    expect(actionList(scoped)).toEqual([
      "stopMap customers-v3-accounts",
      "saveMapDefinition customers-v3-accounts",
      "applySolution dwctl_contoso",
      "refreshTables customers-v3-accounts",
      "startMap customers-v3-accounts",
    ]);
    expect(scoped.actions.every((a) => !("map" in a) || a.map === "customers-v3-accounts")).toBe(true);
    expect(scoped.drift.filter((d) => d.map === customerGroups.name)).toEqual([]);
    expect(scoped.pending.every((p) => p.map === null || p.map === "customers-v3-accounts")).toBe(true);
    expect(scoped.pending.map((p) => p.message)).toContain("customers-v3-accounts: definition changed in git");
    const main = (await repo.git.revparse(["main"])).trim();
    expect(scoped.changedSince).toEqual({
      ref: "main",
      commit: main,
      base: main,
      whole: false,
      maps: ["customers-v3-accounts"],
      keys: ["account"],
      files: [customersMap],
    });
    // The desired hash is the whole estate's, as apply checks it.
    expect(scoped.desiredHash).toBe(whole.desiredHash);
    // The planned map's own actions are the ones the whole plan has for it, in the same order.
    expect(actionList(whole).filter((a) => a.endsWith(" customers-v3-accounts"))).toEqual(actionList(scoped).filter((a) => a.endsWith(" customers-v3-accounts")));

    const text = await repo.cli("plan", "--env", "stage", "--changed-since", "main");
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain(`Scope: changed since main (${main.slice(0, 12)}): 1 map(s) in scope: customers-v3-accounts`);
    const markdown = await repo.cli("plan", "--env", "stage", "--changed-since", "main", "--format", "markdown");
    expect(markdown.stdout).toContain("1 map(s) in scope: **customers-v3-accounts**");
  });

  it("counts uncommitted changes, untracked files included, and maps touched through their integration key", async () => {
    // An uncommitted edit of the customer groups' key file brings every map on its table into scope.
    await repo.edit("maps/keys/msdyn_customergroup.yaml", (text) => `${text}# reviewed\n`);
    const scoped = await repo.planJson("--env", "stage", "--changed-since", "main");
    expect(scoped.changedSince?.maps).toEqual([customerGroups.name, "customers-v3-accounts"]);
    expect(scoped.changedSince?.files).toEqual(["maps/keys/msdyn_customergroup.yaml", customersMap]);
    expect(actionList(scoped)).toContain(`startMap ${customerGroups.name}`);
    await repo.git.checkout(["--", "maps/keys/msdyn_customergroup.yaml"]);
    expect((await repo.planJson("--env", "stage", "--changed-since", "main")).changedSince?.maps).toEqual(["customers-v3-accounts"]);
  });

  it("takes every map into scope when environments.yaml changed, and says so", async () => {
    await repo.edit("maps/environments.yaml", (text) => `${text}# reviewed\n`);
    try {
      const plan = await repo.planJson("--env", "stage", "--changed-since", "main");
      expect(plan.changedSince?.whole).toBe(true);
      expect(plan.changedSince?.maps).toHaveLength(8);
      expect(actionList(plan)).toContain(`startMap ${customerGroups.name}`);
      const text = await repo.cli("plan", "--env", "stage", "--changed-since", "main");
      expect(text.stdout).toContain("an environments file changed, so every map is in scope (8)");
    } finally {
      await repo.git.checkout(["--", "maps/environments.yaml"]);
    }
  });

  it("refuses a ref that names nothing, and a folder outside git, with a hint and no stack", async () => {
    const bad = await repo.cli("plan", "--env", "stage", "--changed-since", "no-such-branch");
    expect(bad.code).toBe(1);
    expect(bad.stdout).toBe("");
    expect(bad.stderr).toContain("error: --changed-since no-such-branch: no such commit, branch or tag in this repository");
    expect(bad.stderr).toContain("hint: Pass a branch, tag or commit this clone has");
    expect(bad.stderr).not.toContain("internal error");
    const option = await repo.cli("plan", "--env", "stage", "--changed-since=--output=x");
    expect(option.code).toBe(1);
    expect(option.stderr).toContain("not a git ref");

    const outside = await tempTree({});
    await repo.git.raw(["archive", "--format=tar", "-o", join(outside, "estate.tar"), "HEAD"]);
    const { execFileSync } = await import("node:child_process");
    execFileSync("tar", ["-xf", "estate.tar"], { cwd: outside });
    const notGit = await runCli(["plan", "--env", "stage", "--changed-since", "main"], outside, repo.env);
    expect(notGit.code).toBe(1);
    expect(notGit.stderr).toContain("--changed-since needs a git repository");
    expect(notGit.stderr).toContain("hint:");
    expect(notGit.stderr).not.toContain("internal error");
  });

  it("applies a saved changed-since plan with the same scope, and leaves the drifted map and its record alone", async () => {
    const saved = await repo.cli("plan", "--env", "stage", "--changed-since", "main", "--out", "scoped.json");
    expect(saved.code, saved.stderr).toBe(0);
    expect((await readPlan("scoped.json")).changedSince?.maps).toEqual(["customers-v3-accounts"]);
    const applied = await repo.cli("apply", "scoped.json");
    expect(applied.code, applied.stderr).toBe(0);
    expect(applied.stdout).toContain("Apply complete: 5 action(s) on stage");
    // The change is live; customer groups is still stopped, and still reported as drift: the
    // scoped apply kept its entry in the last-applied record.
    expect((await repo.planJson("--env", "stage", "--changed-since", "main")).actions).toEqual([]);
    const whole = await repo.planJson("--env", "stage");
    expect(actionList(whole)).toEqual([`startMap ${customerGroups.name}`]);
    expect(whole.drift.map((d) => `${d.kind} ${d.map ?? ""}`)).toEqual([`stateChanged ${customerGroups.name}`]);
  });

  it("refuses a saved changed-since plan when the maps in scope changed since it was made", async () => {
    await repo.edit(customersMap, (text) => text.replace('map: ">", dv: websiteurl', 'map: "=", dv: websiteurl'));
    const saved = await repo.cli("plan", "--env", "stage", "--changed-since", "main", "--out", "scoped.json");
    expect(saved.code, saved.stderr).toBe(0);
    // Another map's file changes (a comment: the desired state is the same), so the scope grows.
    await repo.edit(customerGroupsMap, (text) => `${text}# reviewed\n`);
    const grown = await repo.cli("apply", "scoped.json");
    expect(grown.code).toBe(1);
    expect(grown.stderr).toContain(
      `scoped.json was planned for the maps changed since main (${(await repo.git.revparse(["main"])).trim().slice(0, 12)}): customers-v3-accounts; changed since it now: ${customerGroups.name}, customers-v3-accounts`,
    );
    expect(grown.stderr).toContain("hint: The scope is not the one that was reviewed");
    await repo.git.checkout(["--", customerGroupsMap]);
    // A map in scope changes: the desired state is not what was planned.
    await repo.edit(customersMap, (text) => text.replace("  - { fo: PRIMARYCONTACTURL", "  - { fo: PRIMARYCONTACTURL, map: \"=\", dv: telephone2 }\n  - { fo: PRIMARYCONTACTURL"));
    const changed = await repo.cli("apply", "scoped.json");
    expect(changed.code).toBe(1);
    expect(changed.stderr).toContain("the desired state in git changed since the plan was made");
    await repo.git.checkout(["--", customersMap]);
  });
});

describe("the working tree in the plan", () => {
  it("records dirty: false on a clean tree, and dirty: true with the changes when the estate has uncommitted edits", async () => {
    const clean = await repo.cli("plan", "--env", "stage", "--out", "clean.json");
    expect(clean.code, clean.stderr).toBe(0);
    expect((await readPlan("clean.json")).workingTree).toEqual({ dirty: false, changes: [] });
    expect(clean.stdout).not.toContain("uncommitted");

    await repo.edit(customerGroupsMap, (text) => text.replace("state: running", "state: paused"));
    // An untracked file of the estate counts too (a key for a table no map covers: only a warning).
    await writeFile(
      join(repo.dir, "maps/keys/msdyn_unused.yaml"),
      "kind: IntegrationKey\ntable: msdyn_unused\ncolumns: [msdyn_name]\nalternateKey: { schemaName: msdyn_unused_name, displayName: Name }\n",
    );
    try {
      const dirty = await repo.cli("plan", "--env", "stage", "--out", "dirty.json");
      expect(dirty.code, dirty.stderr).toBe(0);
      expect((await readPlan("dirty.json")).workingTree).toEqual({ dirty: true, changes: ["?? maps/keys/msdyn_unused.yaml", ` M ${customerGroupsMap}`] });
      expect(dirty.stdout.split("\n")[1]).toBe(`! made from uncommitted changes (?? maps/keys/msdyn_unused.yaml; M ${customerGroupsMap}): commit them, so that what is applied is a commit`);
      const markdown = await repo.cli("show", "dirty.json", "--format", "markdown");
      expect(markdown.stdout).toContain("> **Made from uncommitted changes:**");
    } finally {
      await rm(join(repo.dir, "maps/keys/msdyn_unused.yaml"));
      await repo.git.checkout(["--", customerGroupsMap]);
    }
  });
});
