import { copyFile, cp, mkdir, readdir, readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSources } from "../../src/config/load.js";
import { readInputFiles } from "../../src/config/read-files.js";
import { toMapDefinition } from "../../src/model/definition.js";
import { sameDefinition } from "../../src/plan/normalise-definition.js";
import { root, runCli, tempTree } from "../helpers/cli.js";

/*
 * Issue 13, item 3, on the starter estate: maps/ applied to the sandbox STAGE, imported into an empty
 * folder (with environments.yaml copied), and planned again from that folder: no changes.
 */

const timings = JSON.stringify({ keyPendingMs: 10, keyBuildMs: 20, mapTransitionMs: 20 });
let dir = "";
let env: Record<string, string> = {};
const cli = (...args: string[]) => runCli(args, dir, env);
const ms: Record<string, number> = {};

async function timed<T>(label: string, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await work();
  } finally {
    ms[label] = Math.round(performance.now() - started);
  }
}

beforeAll(async () => {
  dir = await tempTree({});
  await cp(join(root, "maps"), join(dir, "maps"), { recursive: true });
  env = { DWCTL_SANDBOX_DIR: join(dir, "sb"), DWCTL_SANDBOX_TIMINGS: timings };
  const apply = await timed("apply", () => cli("apply", "--env", "stage", "--auto-approve"));
  expect(apply.code, apply.stderr).toBe(0);
  await mkdir(join(dir, "imported"));
  await copyFile(join(dir, "maps/environments.yaml"), join(dir, "imported/environments.yaml"));
}, 120_000);

afterAll(async () => {
  console.log(`round trip of maps/ (ms): ${JSON.stringify(ms)}`);
  await rm(dir, { recursive: true, force: true });
});

describe("import round trip: maps/ on the sandbox STAGE", () => {
  it("imports every map and key into an empty folder, named by the naming rule, and a plan from it shows no changes", async () => {
    const imported = await timed("import", () => cli("import", "--env", "stage", "--out", "imported"));
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stderr).toBe("");
    expect(imported.stdout).toContain("Imported 8 map(s) from stage; FieldMappings read for 8 of 8.");
    expect((await readdir(join(dir, "imported/tablemaps"))).sort()).toEqual((await readdir(join(root, "maps/tablemaps"))).sort());
    expect((await readdir(join(dir, "imported/keys"))).sort()).toEqual((await readdir(join(root, "maps/keys"))).sort());
    const validate = await cli("validate", "imported");
    expect(validate.code, validate.stdout).toBe(0);
    const plan = await timed("plan", () => cli("plan", "--env", "stage", "--detailed-exitcode", "imported"));
    expect(plan.stdout).toContain("No changes");
    expect(plan.code, plan.stdout).toBe(0);
  });

  it("writes what git holds: every map's definition and state, every key, as maps/ declares them", async () => {
    const mine = loadSources(await readInputFiles(["maps"], dir)).desired;
    const theirs = loadSources(await readInputFiles(["imported"], dir)).desired;
    for (const map of mine.maps) {
      const twin = theirs.maps.find((m) => m.name === map.name);
      expect(twin, map.name).toBeDefined();
      if (twin === undefined) continue;
      expect(sameDefinition(toMapDefinition(twin), toMapDefinition(map)), map.name).toBe(true);
      expect(twin.state, map.name).toBe(map.environments["stage"]?.state ?? map.state);
    }
    expect(theirs.keys.map((k) => [k.table, k.columns, k.alternateKey])).toEqual(mine.keys.map((k) => [k.table, k.columns, k.alternateKey]));
    const text = await readFile(join(dir, "imported/tablemaps/customers-v3-accounts.yaml"), "utf8");
    expect(text.split("\n").slice(0, 8)).toEqual([
      "# yaml-language-server: $schema=../../schemas/table-map.schema.json".replace("../../schemas", await schemaPath()),
      "kind: TableMap",
      "name: customers-v3-accounts",
      "financeAndOperations: { entity: CustomersV3, label: Customers V3 }",
      "dataverse: { table: account, entitySet: accounts }",
      "scope: company",
      "version: { publisher: contoso, number: 1.0.0.0 }",
      "state: running",
    ]);
  });
});

/** The modeline's path from imported/tablemaps to the repository's schemas/ (the temp folder is elsewhere). */
async function schemaPath(): Promise<string> {
  const { relative } = await import("node:path");
  return relative(join(dir, "imported/tablemaps"), join(root, "schemas"));
}
