import { mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { baseEstate } from "../helpers/estate.js";
import { runCli, tempTree } from "../helpers/cli.js";

async function estateWithOutsideLink(): Promise<{ dir: string; target: string }> {
  const outside = await mkdtemp(join(tmpdir(), "dwctl-outside-"));
  const target = join(outside, "currencies.yaml");
  await writeFile(target, baseEstate()["maps/tablemaps/currencies.yaml"] ?? "");
  const dir = await tempTree(baseEstate());
  await rm(join(dir, "maps/tablemaps/currencies.yaml"));
  await symlink(target, join(dir, "maps/tablemaps/currencies.yaml"));
  return { dir, target };
}

describe("files under maps/ that cannot be read", () => {
  it("validate names the file, the rule code and a hint for a symlink out of the repository", async () => {
    const { dir, target } = await estateWithOutsideLink();
    const result = await runCli(["validate"], dir);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`maps/tablemaps/currencies.yaml:1:1 error DW008 symbolic link to a file outside the repository (${target}): refused`);
    expect(result.stdout).toContain("hint: Copy the file into the repository");
  });

  it("plan --prune refuses, exits 1 and names the files that did not load, before any environment is read", async () => {
    const { dir } = await estateWithOutsideLink();
    const result = await runCli(["plan", "--env", "stage", "--prune"], dir, { DWCTL_SANDBOX_DIR: join(dir, "never-created") });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("--prune refused: 1 file(s) did not load or are invalid (maps/tablemaps/currencies.yaml)");
    expect(result.stdout).toBe("");
  });

  it("a path that does not exist is a user error with a hint, not an internal error", async () => {
    const dir = await tempTree(baseEstate());
    const result = await runCli(["validate", "nope"], dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe("error: nope: no such file or directory\n  hint: Pass the maps/ folder or YAML files inside it.\n");
  });
});
