import { cp } from "node:fs/promises";
import { join } from "node:path";
import { simpleGit } from "simple-git";
import { beforeAll, describe, expect, it } from "vitest";
import type { MapHistory } from "../../src/cli/history.js";
import { root, runCli, tempTree } from "../helpers/cli.js";
import { customerGroups, customerGroupsMap, customersMap, oneWayWebsite, testRepo, type TestRepo } from "./repo.js";

/**
 * dwctl history <map>: the commits that changed the map's file, newest first, and for each pair
 * the one its last-applied record says is applied (the newest of them in the record's commit).
 */

let repo: TestRepo;
const commits: Record<string, string> = {};

async function history(...args: string[]): Promise<MapHistory> {
  const result = await repo.cli("history", ...args, "--format", "json");
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as MapHistory;
}

function appliedIn(h: MapHistory): Record<string, string[]> {
  return Object.fromEntries(h.commits.map((c) => [c.sha, c.appliedIn]));
}

beforeAll(async () => {
  repo = await testRepo();
  commits.estate = (await repo.git.revparse(["HEAD"])).trim();
  // PROD gets the first commit, STAGE the second.
  const prod = await repo.cli("apply", "--env", "prod", "--auto-approve", "--confirm", "prod");
  expect(prod.code, prod.stderr).toBe(0);
  await repo.edit(customersMap, oneWayWebsite);
  commits.website = await repo.commit("customers: website goes one way\n\nA longer body.");
  const stage = await repo.cli("apply", "--env", "stage", "--auto-approve");
  expect(stage.code, stage.stderr).toBe(0);
}, 120_000);

describe("dwctl history", () => {
  it("lists the commits of a map, newest first, and marks the one applied in each pair", async () => {
    const h = await history("customers-v3-accounts");
    expect(h.map).toBe("customers-v3-accounts");
    expect(h.file).toBe(customersMap);
    expect(h.uncommitted).toBe(false);
    expect(h.commits.map((c) => c.sha)).toEqual([commits.website, commits.estate]);
    expect(h.commits[0]).toMatchObject({ shortSha: commits.website?.slice(0, 7), author: "dwctl test", subject: "customers: website goes one way", path: customersMap });
    expect(h.commits[0]?.date).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(appliedIn(h)).toEqual({ [commits.website ?? ""]: ["stage"], [commits.estate ?? ""]: ["prod"] });
    expect(h.environments.map((e) => [e.pair, e.status, e.applied, e.definitionMatches])).toEqual([
      ["prod", "applied", commits.estate, true],
      ["stage", "applied", commits.website, true],
    ]);

    const text = await repo.cli("history", "customers-v3-accounts");
    expect(text.code, text.stderr).toBe(0);
    const lines = text.stdout.split("\n");
    expect(lines[0]).toBe(`customers-v3-accounts (${customersMap}): 2 commit(s), newest first`);
    expect(lines[2]).toMatch(new RegExp(`^  ${commits.website?.slice(0, 7) ?? ""}  \\d{4}-\\d{2}-\\d{2}  dwctl test  customers: website goes one way  <- applied in stage$`));
    expect(lines[3]).toMatch(new RegExp(`^  ${commits.estate?.slice(0, 7) ?? ""}  .*  the estate  <- applied in prod$`));
    expect(text.stdout).toContain(`  stage: ${commits.website?.slice(0, 7) ?? ""} is applied (last apply `);
  });

  it("reads one pair with --env, and a map unchanged since the estate's first commit is applied there everywhere", async () => {
    const h = await history(customerGroups.name, "--env", "stage");
    expect(h.commits.map((c) => c.sha)).toEqual([commits.estate]);
    expect(h.environments.map((e) => [e.pair, e.applied])).toEqual([["stage", commits.estate]]);
  });

  it("after a --changed-since apply, marks the commit whose definition the record holds for a map it left alone", async () => {
    // On main, customer groups change; a branch from there changes customers only.
    await repo.edit(customerGroupsMap, (text) => text.replace("  - { fo: DESCRIPTION, map: \"=\", dv: msdyn_description }\n", "  - { fo: DESCRIPTION, map: \">\", dv: msdyn_description }\n"));
    commits.groups = await repo.commit("customer groups: description goes one way");
    await repo.git.checkoutLocalBranch("feature");
    await repo.edit(customersMap, (text) => text.replace('map: ">", dv: websiteurl', 'map: "=", dv: websiteurl'));
    commits.back = await repo.commit("customers: website both ways again");
    const saved = await repo.cli("plan", "--env", "stage", "--changed-since", "main", "--out", "scoped.json");
    expect(saved.code, saved.stderr).toBe(0);
    const applied = await repo.cli("apply", "scoped.json");
    expect(applied.code, applied.stderr).toBe(0);

    const customers = await history("customers-v3-accounts", "--env", "stage");
    expect(customers.environments[0]).toMatchObject({ status: "applied", applied: commits.back, definitionMatches: true });
    // The record names the branch's commit, which holds the groups change of main, but the apply
    // left customer groups as they were: the record's definition is the estate's.
    const groups = await history(customerGroups.name, "--env", "stage");
    expect(groups.commits.map((c) => c.sha)).toEqual([commits.groups, commits.estate]);
    expect(groups.environments[0]).toMatchObject({ status: "applied", applied: commits.estate, definitionMatches: true });
    expect(groups.environments[0]?.message).toContain(`the newer ${commits.groups?.slice(0, 7) ?? ""} is not applied here`);
  });

  it("says when a pair's applied commit is not in this clone, and when the map's file has uncommitted changes", async () => {
    // Apply PROD from another clone, from a commit this one never sees.
    const other = join(repo.dir, "..", `${repo.dir.split("/").pop() ?? "x"}-clone`);
    await simpleGit().clone(repo.dir, other);
    const git = simpleGit({ baseDir: other });
    await git.addConfig("user.email", "other@example.invalid");
    await git.addConfig("user.name", "someone else");
    await git.commit("an empty commit only the other clone has", ["--allow-empty"]);
    const fromOther = await runCli(["apply", "--env", "prod", "--auto-approve", "--confirm", "prod"], other, repo.env);
    expect(fromOther.code, fromOther.stderr).toBe(0);

    await repo.edit(customersMap, (text) => `${text}# reviewed\n`);
    try {
      const h = await history("customers-v3-accounts");
      expect(h.uncommitted).toBe(true);
      const prod = h.environments.find((e) => e.pair === "prod");
      expect(prod?.status).toBe("unknownCommit");
      expect(prod?.applied).toBeNull();
      expect(prod?.message).toContain("is not in this clone");
      const text = await repo.cli("history", "customers-v3-accounts");
      expect(text.stdout).toContain(`  * (working tree) uncommitted changes to ${customersMap}`);
    } finally {
      await repo.git.checkout(["--", customersMap]);
    }
  });

  it("refuses a folder outside git with a hint", async () => {
    const outside = await tempTree({});
    await cp(join(root, "maps"), join(outside, "maps"), { recursive: true });
    const result = await runCli(["history", "customers-v3-accounts"], outside, repo.env);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("error: dwctl history needs a git repository");
    expect(result.stderr).toContain("hint: Run it from a clone of the repository");
    expect(result.stderr).not.toContain("internal error");
  });

  it("refuses an unknown map with the names close to it, and --all with --env", async () => {
    const unknown = await repo.cli("history", "customers-v3-acounts");
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('error: no map named "customers-v3-acounts" in maps/');
    expect(unknown.stderr).toContain("hint: Did you mean: customers-v3-accounts?");
    const far = await repo.cli("history", "zzz");
    expect(far.code).toBe(1);
    expect(far.stderr).toContain("hint: The maps are: cds-contacts-v2-contacts, currencies-transactioncurrencies,");
    const both = await repo.cli("history", "customers-v3-accounts", "--all", "--env", "stage");
    expect(both.code).toBe(1);
    expect(both.stderr).toContain("--all and --env exclude each other");
  });
});
