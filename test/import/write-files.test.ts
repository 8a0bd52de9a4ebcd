import { readdir, readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ImportWriteError, writeAllOrNothing } from "../../src/import/write-files.js";
import { tempTree } from "../helpers/cli.js";

let dir = "";

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const everything = async (): Promise<string[]> => (await readdir(dir, { recursive: true })).map(String).sort();

describe("writing the import's files: all or nothing", () => {
  it("writes every file, creating folders, replacing existing files", async () => {
    dir = await tempTree({ "maps/keys/account.yaml": "old\n" });
    await writeAllOrNothing([
      { path: join(dir, "maps/tablemaps/a.yaml"), text: "a\n" },
      { path: join(dir, "maps/keys/account.yaml"), text: "new\n" },
    ]);
    expect(await everything()).toEqual(["maps", "maps/keys", "maps/keys/account.yaml", "maps/tablemaps", "maps/tablemaps/a.yaml"]);
    expect(await readFile(join(dir, "maps/keys/account.yaml"), "utf8")).toBe("new\n");
  });

  it("a file that cannot be written leaves nothing: no temporary file, no folder it created, the old files untouched", async () => {
    dir = await tempTree({ "maps/keys/account.yaml": "old\n", "maps/blocker": "a file where a folder is needed\n" });
    const attempt = writeAllOrNothing([
      { path: join(dir, "maps/tablemaps/deep/a.yaml"), text: "a\n" },
      { path: join(dir, "maps/keys/account.yaml"), text: "new\n" },
      { path: join(dir, "maps/blocker/b.yaml"), text: "b\n" },
    ]);
    await expect(attempt).rejects.toBeInstanceOf(ImportWriteError);
    await expect(attempt).rejects.toMatchObject({ path: join(dir, "maps/blocker/b.yaml") });
    expect(await everything()).toEqual(["maps", "maps/blocker", "maps/keys", "maps/keys/account.yaml"]);
    expect(await readFile(join(dir, "maps/keys/account.yaml"), "utf8")).toBe("old\n");
  });

  it("a file whose place is taken by a folder is refused, as root too, and nothing is written", async () => {
    // A permission test cannot fail as root (root writes anywhere); a folder in the way fails for everyone.
    dir = await tempTree({ "maps/keys/account.yaml": "old\n", "maps/tablemaps/a.yaml/keep": "x\n" });
    const attempt = writeAllOrNothing([
      { path: join(dir, "maps/keys/account.yaml"), text: "new\n" },
      { path: join(dir, "maps/tablemaps/a.yaml"), text: "a\n" },
    ]);
    await expect(attempt).rejects.toBeInstanceOf(ImportWriteError);
    expect(await readFile(join(dir, "maps/keys/account.yaml"), "utf8")).toBe("old\n");
    expect(await readFile(join(dir, "maps/tablemaps/a.yaml/keep"), "utf8")).toBe("x\n");
  });
});
