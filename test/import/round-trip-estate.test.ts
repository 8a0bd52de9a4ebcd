import { copyFile, mkdir, readdir, readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { parse } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyPlan } from "../../src/apply/apply-plan.js";
import { sandboxSeeds } from "../../src/cli/context.js";
import { planFor } from "../../src/cli/plan-run.js";
import { readInputFiles } from "../../src/config/read-files.js";
import { gatewayForPair } from "../../src/live/http-gateway.js";
import type { Desired } from "../../src/model/desired.js";
import { desiredForPair } from "../../src/model/pair-view.js";
import { connectSandbox } from "../../src/sandbox/connect.js";
import { validateSources } from "../../src/validate/validate-sources.js";
import { runCli, tempTree, type RunResult } from "../helpers/cli.js";
import { generatedEstate } from "./generated-estate.js";
import { Stopwatch, withSandbox } from "./helpers.js";

/*
 * Issue 13, item 3, at scale: a generated estate of 200 maps (generated-estate.ts) applied to the
 * sandbox STAGE, imported into an empty folder, and planned again from that folder: no changes.
 *
 * The estate's tables and entities are made up, so the sandbox has no metadata for them and the
 * CLI's plan would block on its column check before writing. The apply therefore runs as the
 * benchmarks run it (bench/live-estate.mjs): the CLI's own planFor and applyPlan, after one row is
 * written to each table so that Dataverse knows it. The import and the final plan are the CLI's:
 * a plan with nothing to write reads no metadata.
 */

const MAPS = 200;
const timings = { keyPendingMs: 2, keyBuildMs: 3, mapTransitionMs: 5, requestBudget: 1_000_000_000 };
const watch = new Stopwatch();
let dir = "";
let env: Record<string, string> = {};
let imported: RunResult;
let plan: RunResult;
let desired: Desired;

async function applyEstate(): Promise<void> {
  const result = validateSources(await readInputFiles(["maps"], dir));
  const errors = result.diagnostics.filter((d) => d.severity === "error");
  expect(errors.map((e) => `${e.file} ${e.code} ${e.message}`)).toEqual([]);
  desired = result.desired;
  const pair = desired.pairs[0];
  if (pair === undefined) throw new Error("no pair");
  const connection = await connectSandbox({ dataDir: env.DWCTL_SANDBOX_DIR ?? "", environments: sandboxSeeds(desired.pairs), timings });
  try {
    await watch.time("register tables", () => withSandbox(env.DWCTL_SANDBOX_DIR ?? "", async ({ call }) => {
      for (let i = 0; i < MAPS - 1; i++) {
        const id = `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`;
        const put = await call("stage", "dataverse", "PATCH", `est_table${i}s(${id})`, { est_key: "register" });
        const del = await call("stage", "dataverse", "DELETE", `est_table${i}s(${id})`);
        if (put.status >= 300 || del.status >= 300) throw new Error(`registering est_table${i}: ${put.status} ${del.status}`);
      }
    }));
    const gateway = gatewayForPair(pair, {}, { sandbox: { url: connection.url, secret: connection.secret }, poll: { initialIntervalMs: 25, maxIntervalMs: 250 } });
    const planned = planFor(desired, pair, await gateway.snapshot(), { prune: false, maxStops: 1000, confirm: undefined }, null);
    expect(planned.plan.blockers).toEqual([]);
    expect(planned.plan.actions.filter((a) => a.kind === "stopMap")).toEqual([]);
    await watch.time("apply plan", () => applyPlan(
      gateway,
      planned.plan,
      { desired: desiredForPair(desired, pair), replan: (snapshot) => planFor(desired, pair, snapshot, { prune: false, maxStops: 1000, confirm: undefined }, null).plan, saved: false },
      { runsDir: join(dir, "runs"), runId: "estate", command: "test", actor: "test", lockTtlMs: 15 * 60_000, parallelism: 16, confirm: undefined, keyTimeoutMs: 600_000, pollMs: 50, log: () => undefined },
    ));
  } finally {
    await connection.close();
  }
}

beforeAll(async () => {
  dir = await tempTree(generatedEstate(MAPS));
  env = { DWCTL_SANDBOX_DIR: join(dir, "sb"), DWCTL_SANDBOX_TIMINGS: JSON.stringify(timings) };
  await applyEstate();
  const cli = (...args: string[]) => runCli(args, dir, env);
  const replan = await watch.time("plan after apply", () => cli("plan", "--env", "stage", "--detailed-exitcode"));
  expect(replan.code, replan.stdout.slice(0, 3000)).toBe(0);
  await mkdir(join(dir, "imported"));
  await copyFile(join(dir, "maps/environments.yaml"), join(dir, "imported/environments.yaml"));
  imported = await watch.time("import", () => cli("import", "--env", "stage", "--out", "imported"));
  plan = await watch.time("plan from the import", () => cli("plan", "--env", "stage", "--detailed-exitcode", "imported"));
}, 600_000);

afterAll(async () => {
  console.log(`round trip of a generated estate of ${MAPS} maps (ms): ${JSON.stringify(watch.ms)}`);
  await rm(dir, { recursive: true, force: true });
});

describe(`import round trip: a generated estate of ${MAPS} maps on the sandbox STAGE`, () => {
  it("imports every map and key, and a plan from the imported folder shows no changes", async () => {
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toContain(`Imported ${MAPS} map(s) from stage; FieldMappings read for ${MAPS} of ${MAPS}.`);
    expect((await readdir(join(dir, "imported/tablemaps"))).sort()).toEqual((await readdir(join(dir, "maps/tablemaps"))).sort());
    expect((await readdir(join(dir, "imported/keys"))).length).toBe(MAPS);
    expect(plan.stdout).toContain("No changes");
    expect(plan.code, plan.stdout.slice(0, 3000)).toBe(0);
  });

  it("keeps what plan compares exactly: states, publishers, scopes, alerts, and the JSON types of defaults and value maps", async () => {
    for (const map of desired.maps) {
      const read = parse(await readFile(join(dir, "imported/tablemaps", `${map.name}.yaml`), "utf8")) as Record<string, unknown>;
      expect(read["state"], map.name).toBe(map.state);
      expect(map.version.kind, map.name).toBe("pin");
      const { kind: _kind, ...pin } = map.version;
      expect(read["version"], map.name).toEqual(pin);
      expect(read["scope"], map.name).toBe(map.scope);
      expect((read["alerts"] as unknown[] | undefined)?.length ?? 0, map.name).toBe(map.alerts.length);
    }
    const sample = parse(await readFile(join(dir, "imported/tablemaps/estate-map-12.yaml"), "utf8")) as { fields: Record<string, unknown>[] };
    expect(sample.fields.find((f) => f["dv"] === "est_isblocked")?.["valueMap"]).toEqual({ No: false, Yes: true });
    expect(sample.fields.find((f) => f["dv"] === "est_status")?.["valueMap"]).toEqual({ Active: 0, Inactive: 1, "": null });
    expect(sample.fields.find((f) => f["dv"] === "est_type")?.["default"]).toBe(0);
    expect(sample.fields.find((f) => f["fo"] === "NOTE")).toEqual({ fo: "NOTE", map: "<<", default: null });
    expect(sample.fields.find((f) => f["fo"] === "FLAG")).toEqual({ fo: "FLAG", map: "<<", default: true });
  });
});
