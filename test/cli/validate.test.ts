import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Ajv } from "ajv";
import addFormats from "ajv-formats";
import { loadSchema } from "../../src/config/schemas.js";
import { baseEstate, edit } from "../helpers/estate.js";
import { root, runBuiltCli, runCli, tempTree } from "../helpers/cli.js";

const broken = () => edit("maps/tablemaps/customers.yaml", 'map: "="', "map: ==>");

describe("dwctl validate", () => {
  it("exits 0 on the repository's maps/", async () => {
    const result = await runCli(["validate"], root);
    expect(result.stderr).toBe("");
    expect(result.stdout).toMatch(/^valid: \d+ file\(s\): 8 map\(s\), 8 key\(s\), 2 pair\(s\); 0 error\(s\), 0 warning\(s\)\n$/);
    expect(result.code).toBe(0);
  });

  it("exits 1 on a broken file and names file, line, column, code and hint", async () => {
    const dir = await tempTree(broken());
    const result = await runCli(["validate"], dir);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("maps/tablemaps/customers.yaml:14:33 error DW006 fields[0].map: not a map type");
    expect(result.stdout).toContain('hint: Use one of =, ><, >, <, >>, << (quoted)');
  });

  it("fails on warnings only with --strict", async () => {
    const files = edit("maps/tablemaps/customers.yaml", "((PartyType == \"Organization\"))", '(ParentProject == "")');
    const dir = await tempTree(files);
    const lenient = await runCli(["validate"], dir);
    expect(lenient.code).toBe(0);
    expect(lenient.stdout).toContain("warning DW132");
    const strict = await runCli(["validate", "--strict"], dir);
    expect(strict.code).toBe(1);
  });

  it("reads only the paths given", async () => {
    const dir = await tempTree({ ...baseEstate(), "other/x.yaml": "kind: Nope\n" });
    expect((await runCli(["validate"], dir)).code).toBe(0);
    const other = await runCli(["validate", "other"], dir);
    expect(other.code).toBe(1);
    expect(other.stdout).toContain("other/x.yaml:1:7 error DW007");
  });

  it("--format json follows schemas/validation-report.schema.json", async () => {
    const dir = await tempTree(broken());
    const result = await runCli(["validate", "--format", "json"], dir);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as { ok: boolean; diagnostics: { code: string; line: number }[] };
    const ajv = new Ajv({ allowUnionTypes: true });
    addFormats.default(ajv);
    const validateReport = ajv.compile(loadSchema("ValidationReport"));
    expect(validateReport(report), JSON.stringify(validateReport.errors)).toBe(true);
    expect(report.ok).toBe(false);
    expect(report.diagnostics[0]).toMatchObject({ code: "DW006", line: 14, column: 33 });
  });

  it("--format github writes escaped workflow commands", async () => {
    const dir = await tempTree(broken());
    const result = await runCli(["validate", "--format", "github"], dir);
    const first = result.stdout.split("\n")[0] ?? "";
    expect(first).toMatch(/^::error file=maps\/tablemaps\/customers\.yaml,line=14,col=33,endLine=14,endColumn=\d+,title=DW006 error::fields\[0\]\.map: not a map type%0Ahint: /);
    expect(first).not.toContain("\n");
  });

  it("--format sarif is SARIF 2.1.0 with rule metadata and regions", async () => {
    const dir = await tempTree(broken());
    const result = await runCli(["validate", "--format", "sarif"], dir);
    const sarif = JSON.parse(result.stdout) as {
      version: string;
      runs: { tool: { driver: { rules: { id: string }[] } }; results: { ruleId: string; ruleIndex: number; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }[] }[];
    };
    expect(sarif.version).toBe("2.1.0");
    const run = sarif.runs[0];
    const result0 = run?.results[0];
    expect(result0?.ruleId).toBe("DW006");
    expect(run?.tool.driver.rules[result0?.ruleIndex ?? -1]?.id).toBe("DW006");
    expect(result0?.locations[0]?.physicalLocation.artifactLocation.uri).toBe("maps/tablemaps/customers.yaml");
    expect(result0?.locations[0]?.physicalLocation.region.startLine).toBe(14);
  });

  it("a missing path is a clear error, not a crash", async () => {
    const result = await runCli(["validate", "nowhere"], root);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe("error: nowhere: no such file or directory\n  hint: Pass the maps/ folder or YAML files inside it.\n");
  });

  it("an unknown format is refused with the choices", async () => {
    const result = await runCli(["validate", "--format", "xml"], root);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("Allowed choices are text, json, github, sarif");
  });

  it("--help describes the command and its exit codes", async () => {
    const result = await runCli(["validate", "--help"], root);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Exit codes: 0 valid, 1 errors");
  });

  it("as a built binary: exit 1, position, and no stack trace on a broken file", async () => {
    const dir = await tempTree({ ...broken(), "maps/keys/bomb.yaml": "a: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: [*e,*e,*e,*e,*e,*e,*e,*e,*e]\n" });
    const result = await runBuiltCli(["validate"], dir);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("maps/keys/bomb.yaml:");
    expect(result.stdout).toContain("DW003");
    expect(`${result.stdout}${result.stderr}`).not.toMatch(/\n\s+at |Error:/);
  });
});

describe("dwctl validate <files>: the files given, checked against their whole estate", () => {
  it("a map of the repository's own maps/, from maps/tablemaps: no false DW110 or DW150, 0 findings", async () => {
    // The case of issue 9: a pre-commit hook passes the staged file only.
    const result = await runCli(["validate", "customers-v3-accounts.yaml"], join(root, "maps/tablemaps"));
    expect(result.stdout).toBe("valid: 1 file(s): 1 map(s), 0 key(s), 0 pair(s); 0 error(s), 0 warning(s)\n");
    expect(result.code).toBe(0);
  });

  it("a valid file from a subfolder of a fresh repository: its key and dependsOn are found in maps/", async () => {
    const dir = await tempTree(baseEstate());
    await mkdir(join(dir, ".git"));
    const result = await runCli(["validate", "customers.yaml"], join(dir, "maps/tablemaps"));
    expect(result.stdout).toBe("valid: 1 file(s): 1 map(s), 0 key(s), 0 pair(s); 0 error(s), 0 warning(s)\n");
    expect(result.code).toBe(0);
  });

  it("a file with an error: only that file's findings, with file:line:col, and a note on the rest", async () => {
    const files = edit("maps/tablemaps/customers.yaml", '{ map: ">>", dv: customertypecode, default: 3 }', '{ map: ">>", dv: customertypecode }');
    files["maps/tablemaps/currencies.yaml"] = (files["maps/tablemaps/currencies.yaml"] ?? "").replace('map: "="', "map: ==>");
    const dir = await tempTree(files);
    const result = await runCli(["validate", "maps/tablemaps/customers.yaml"], dir);
    expect(result.code).toBe(1);
    const lines = result.stdout.split("\n").filter((l) => /^\S+:\d+:\d+ /.test(l));
    expect(lines).toEqual(['maps/tablemaps/customers.yaml:18:7 error DW123 fields[4]: ">>" with no source column needs a default']);
    expect(result.stdout).toContain("invalid: 1 file(s): 1 map(s), 0 key(s), 0 pair(s); 1 error(s), 0 warning(s)\n");
    expect(result.stdout).toContain("note: the other files of maps have 1 error(s) and 0 warning(s), not shown here; dwctl validate maps shows them\n");
  });

  it("paths are shown relative to the folder dwctl runs in", async () => {
    const dir = await tempTree(broken());
    const one = await runCli(["validate", "customers.yaml"], join(dir, "maps/tablemaps"));
    expect(one.code).toBe(1);
    expect(one.stdout).toMatch(/^customers\.yaml:14:33 error DW006 /);
  });

  it("no paths, from any folder of the repository: the repository's maps/", async () => {
    const dir = await tempTree(broken());
    const result = await runCli(["validate", "--format", "json"], join(dir, "maps/keys"));
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as { summary: { files: number; maps: number }; diagnostics: { file: string }[] };
    expect(report.summary).toMatchObject({ files: 7, maps: 2 });
    expect(report.diagnostics.map((d) => d.file)).toEqual(["../tablemaps/customers.yaml"]);
  });

  it("does not walk out of a git repository that has no maps/ folder", async () => {
    const dir = await tempTree({ ...baseEstate(), "inner/README.md": "a nested repository\n" });
    await mkdir(join(dir, "inner/.git"));
    const result = await runCli(["validate"], join(dir, "inner"));
    expect(result.code).toBe(1);
    expect(result.stderr).toBe("error: maps: no such file or directory\n  hint: Pass the maps/ folder or YAML files inside it.\n");
  });

  it("a file of Microsoft's template corpus is checked against that corpus, not against maps/", async () => {
    const result = await runCli(["validate", "test/corpus/templates/mapping-tables/tablemaps/customers-v3-accounts.yaml"], root);
    expect(result.stdout).toMatch(/^valid: 1 file\(s\): 1 map\(s\), 0 key\(s\), 0 pair\(s\); 0 error\(s\)/m);
    expect(result.code).toBe(0);
  });
});
