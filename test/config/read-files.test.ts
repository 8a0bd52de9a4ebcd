import { mkdir, mkdtemp, symlink, writeFile } from "node:fs/promises";
import { execFileSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ReadFilesError, readInputFiles } from "../../src/config/read-files.js";
import { validateSources } from "../../src/validate/validate-sources.js";
import { baseEstate } from "../helpers/estate.js";
import { tempTree } from "../helpers/cli.js";

async function diagnosticsOf(dir: string) {
  return validateSources(await readInputFiles(["maps"], dir)).diagnostics;
}

describe("reading maps/", () => {
  it("follows a symlink to a file inside the repository", async () => {
    const dir = await tempTree({ ...baseEstate(), "shared/currencies.yaml": baseEstate()["maps/tablemaps/currencies.yaml"] ?? "" });
    await import("node:fs/promises").then((fs) => fs.rm(join(dir, "maps/tablemaps/currencies.yaml")));
    await symlink(join(dir, "shared/currencies.yaml"), join(dir, "maps/tablemaps/currencies.yaml"));
    const files = await readInputFiles(["maps"], dir);
    expect(files.map((f) => f.path)).toContain("maps/tablemaps/currencies.yaml");
    expect(validateSources(files).diagnostics).toEqual([]);
  });

  it("refuses a symlink that points outside the repository, naming the file, code and target", async () => {
    const outside = await mkdtemp(join(tmpdir(), "dwctl-outside-"));
    await writeFile(join(outside, "currencies.yaml"), baseEstate()["maps/tablemaps/currencies.yaml"] ?? "");
    const { "maps/tablemaps/currencies.yaml": _dropped, ...rest } = baseEstate();
    const dir = await tempTree(rest);
    await symlink(join(outside, "currencies.yaml"), join(dir, "maps/tablemaps/currencies.yaml"));
    const diagnostics = await diagnosticsOf(dir);
    expect(diagnostics).toEqual([
      expect.objectContaining({ file: "maps/tablemaps/currencies.yaml", line: 1, column: 1, code: "DW008", severity: "error" }),
    ]);
    expect(diagnostics[0]?.message).toContain("symbolic link to a file outside the repository");
    expect(diagnostics[0]?.message).toContain(join(outside, "currencies.yaml"));
    expect(diagnostics[0]?.hint).toMatch(/copy the file into the repository/i);
  });

  it("reports a dangling symlink", async () => {
    const dir = await tempTree(baseEstate());
    await symlink(join(dir, "nowhere.yaml"), join(dir, "maps/tablemaps/gone.yaml"));
    const diagnostics = await diagnosticsOf(dir);
    expect(diagnostics).toEqual([expect.objectContaining({ file: "maps/tablemaps/gone.yaml", code: "DW008", severity: "error" })]);
    expect(diagnostics[0]?.message).toContain("points to nothing");
  });

  it("reports an entry that is not a regular file (a named pipe)", async () => {
    const dir = await tempTree(baseEstate());
    execFileSync("mkfifo", [join(dir, "maps/tablemaps/pipe.yaml")]);
    const diagnostics = await diagnosticsOf(dir);
    expect(diagnostics).toEqual([expect.objectContaining({ file: "maps/tablemaps/pipe.yaml", code: "DW008", severity: "error" })]);
    expect(diagnostics[0]?.message).toContain("not a regular file");
  });

  it("reports a file that is not YAML", async () => {
    const dir = await tempTree({ ...baseEstate(), "maps/tablemaps/notes.txt": "hello\n" });
    const diagnostics = await diagnosticsOf(dir);
    expect(diagnostics).toEqual([expect.objectContaining({ file: "maps/tablemaps/notes.txt", code: "DW008", severity: "error" })]);
    expect(diagnostics[0]?.hint).toMatch(/\.yaml/);
  });

  it("reports bytes that are not UTF-8 as DW008 at the first bad byte", async () => {
    const dir = await tempTree(baseEstate());
    await mkdir(join(dir, "maps/keys"), { recursive: true });
    const text = Buffer.concat([Buffer.from("kind: IntegrationKey\ntable: ab"), Buffer.from([0xff, 0xfe]), Buffer.from("c\n")]);
    await writeFile(join(dir, "maps/keys/latin.yaml"), text);
    const diagnostics = await diagnosticsOf(dir);
    expect(diagnostics).toEqual([expect.objectContaining({ file: "maps/keys/latin.yaml", line: 2, column: 10, code: "DW008", severity: "error" })]);
    expect(diagnostics[0]?.hint).toMatch(/UTF-8/);
  });

  it("throws its own error type, not the CLI's, for a path that does not exist", async () => {
    const dir = await tempTree(baseEstate());
    const error = await readInputFiles(["nope"], dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReadFilesError);
    expect((error as ReadFilesError).hint).toMatch(/maps\//);
  });
});
