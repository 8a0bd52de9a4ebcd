import { copyFile, mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { parse } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { root, runCli, tempTree, type RunResult } from "../helpers/cli.js";
import { createPublishers, Stopwatch } from "./helpers.js";

/*
 * Issue 13, item 3, on the whole template corpus: every template of each rendering
 * (test/corpus/templates/<rendering>/tablemaps) is applied to the sandbox STAGE, imported into an
 * empty folder, and planned again from that folder: no changes.
 *
 * As in test/e2e/corpus-apply.test.ts, each rendering is an estate of its own (they share map names),
 * with the corpus's integration keys and the repository's environments.yaml, and the publisher the
 * templates name (dynamics365) is created before the first plan. Unlike there, no template is left out: a template
 * whose table has no key in the corpus cannot start (the platform refuses a start without an
 * integration key, DIPV1003), so its copy gets one line, `state: stopped`, and is saved, initialised
 * and left stopped. The import must bring back both: the running maps and the stopped ones.
 */

const timings = JSON.stringify({ keyPendingMs: 10, keyBuildMs: 20, mapTransitionMs: 20 });
const templates = join(root, "test/corpus/templates");
const keysFolder = join(templates, "mapping-tables/keys");
const renderings = ["mapping-tables", "pages"] as const;

interface Run {
  dir: string;
  maps: number;
  stopped: number;
  apply: RunResult;
  replan: RunResult;
  imported: RunResult;
  validate: RunResult;
  plan: RunResult;
  watch: Stopwatch;
}

const runs = new Map<string, Run>();

async function roundTrip(rendering: string): Promise<Run> {
  const watch = new Stopwatch();
  const dir = await tempTree({});
  const env = { DWCTL_SANDBOX_DIR: join(dir, "sb"), DWCTL_SANDBOX_TIMINGS: timings };
  const cli = (...args: string[]) => runCli(args, dir, env);
  await mkdir(join(dir, "maps/tablemaps"), { recursive: true });
  await mkdir(join(dir, "maps/keys"), { recursive: true });
  await copyFile(join(root, "maps/environments.yaml"), join(dir, "maps/environments.yaml"));
  const keyTables = new Set((await readdir(keysFolder)).map((file) => file.replace(/\.yaml$/, "")));
  const folder = join(templates, rendering, "tablemaps");
  const tables = new Set<string>();
  let maps = 0;
  let stopped = 0;
  for (const file of (await readdir(folder)).filter((f) => f.endsWith(".yaml"))) {
    const text = await readFile(join(folder, file), "utf8");
    const table = (parse(text) as { dataverse: { table: string } }).dataverse.table;
    tables.add(table);
    maps += 1;
    if (keyTables.has(table)) await writeFile(join(dir, "maps/tablemaps", file), text);
    else {
      stopped += 1;
      await writeFile(join(dir, "maps/tablemaps", file), text.replace(/^(version: .*\n)/m, "$1state: stopped\n"));
    }
  }
  for (const table of tables) if (keyTables.has(table)) await copyFile(join(keysFolder, `${table}.yaml`), join(dir, "maps/keys", `${table}.yaml`));
  await createPublishers(env.DWCTL_SANDBOX_DIR, "stage", ["dynamics365"]);
  const first = await watch.time("first plan", () => cli("plan", "--env", "stage", "--detailed-exitcode"));
  expect(first.code, first.stderr + first.stdout.slice(first.stdout.indexOf("Blocked"))).toBe(2);
  const apply = await watch.time("apply", () => cli("apply", "--env", "stage", "--auto-approve"));
  const replan = await watch.time("plan after apply", () => cli("plan", "--env", "stage", "--detailed-exitcode"));
  await mkdir(join(dir, "imported"));
  await copyFile(join(dir, "maps/environments.yaml"), join(dir, "imported/environments.yaml"));
  const imported = await watch.time("import", () => cli("import", "--env", "stage", "--out", "imported"));
  const validate = await cli("validate", "--format", "json", "imported");
  const plan = await watch.time("plan from the import", () => cli("plan", "--env", "stage", "--detailed-exitcode", "imported"));
  return { dir, maps, stopped, apply, replan, imported, validate, plan, watch };
}

beforeAll(async () => {
  for (const rendering of renderings) runs.set(rendering, await roundTrip(rendering));
}, 480_000);

afterAll(async () => {
  for (const [rendering, run] of runs) {
    console.log(`round trip of the ${rendering} corpus, ${run.maps} maps (ms): ${JSON.stringify(run.watch.ms)}`);
    await rm(run.dir, { recursive: true, force: true });
  }
});

const runOf = (rendering: string): Run => {
  const run = runs.get(rendering);
  if (run === undefined) throw new Error(`${rendering} did not run`);
  return run;
};

describe.each(renderings)("import round trip: the whole %s corpus on the sandbox STAGE", (rendering) => {
  it("applies every template (the ones without a key stopped), and plans clean", () => {
    const { apply, replan, maps, stopped } = runOf(rendering);
    expect(maps).toBeGreaterThan(90);
    expect(stopped).toBeGreaterThan(50);
    expect(apply.code, apply.stderr).toBe(0);
    expect(replan.code, replan.stdout).toBe(0);
  });

  it("imports every map into an empty folder under the names git gave them, and a plan from it shows no changes", async () => {
    const { dir, imported, validate, plan, maps } = runOf(rendering);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toContain(`Imported ${maps} map(s) from stage; FieldMappings read for ${maps} of ${maps}.`);
    expect((await readdir(join(dir, "imported/tablemaps"))).sort()).toEqual((await readdir(join(dir, "maps/tablemaps"))).sort());
    expect((await readdir(join(dir, "imported/keys"))).sort()).toEqual((await readdir(join(dir, "maps/keys"))).sort());
    const diagnostics = (JSON.parse(validate.stdout) as { diagnostics: { severity: string; code: string; file: string; message: string }[] }).diagnostics;
    expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(plan.stdout).toContain("No changes");
    expect(plan.code, plan.stdout).toBe(0);
  });

  it("writes the stopped maps stopped and the running ones running", async () => {
    const { dir } = runOf(rendering);
    for (const file of await readdir(join(dir, "maps/tablemaps"))) {
      const written = parse(await readFile(join(dir, "maps/tablemaps", file), "utf8")) as { state?: string };
      const read = parse(await readFile(join(dir, "imported/tablemaps", file), "utf8")) as { state?: string };
      expect(read.state, file).toBe(written.state ?? "running");
    }
  });
});
