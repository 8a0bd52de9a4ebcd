// Peak memory of `dwctl plan --env prod --out plan.json` at 1,000, 2,500 and 5,000 maps (each plus the
// legal-entities map): the command's own code (runPlan) in a child process of its own, against a sandbox in
// another process, so that the measured peak is dwctl's alone (memory-child.mjs says what is left out).
// Prints the median peak RSS at each size, how it grows, and the verdict against the goal (issue 13,
// item 7: under 300 MB at 5,000 maps).
import { spawn } from "node:child_process";
import { closeSync, openSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { readInputFiles } from "../dist/config/read-files.js";
import { validateSources } from "../dist/validate/validate-sources.js";
import { generateEstate } from "./generate-estate.mjs";
import { openGateway, registerTables, startEstateSandbox } from "./live-estate.mjs";
import { median } from "./stats.mjs";

const CHILD = fileURLToPath(new URL("./memory-child.mjs", import.meta.url));
/** The goal of issue 13, item 7: peak RSS of a 5,000-map plan. */
export const GOAL_MB = 300;
const MiB = 1024 * 1024;
const mb = (bytes) => `${Math.round(bytes / MiB).toLocaleString("en-US")} MB`;
const count = (n) => n.toLocaleString("en-US");

/**
 * An estate of `maps` generated maps on disk and a sandbox process that holds their tables, ready for
 * `dwctl plan`. Only environments.yaml is read here: the estate itself is read by the measured command.
 */
async function prepare(maps, levels) {
  const dir = await mkdtemp(join(tmpdir(), "dwctl-bench-memory-"));
  await generateEstate(dir, { maps, fields: 40, levels });
  const pair = validateSources(await readInputFiles(["maps/environments.yaml"], dir)).desired.pairs.find((p) => p.name === "prod");
  if (pair === undefined) throw new Error("the generated environments.yaml has no pair prod");
  const estate = { dir, pair };
  const sandbox = await startEstateSandbox(estate);
  const remove = async () => {
    await sandbox.stop();
    await rm(dir, { recursive: true, force: true });
  };
  try {
    await registerTables(openGateway(estate, sandbox).gateway, maps);
  } catch (error) {
    await remove();
    throw error;
  }
  return { dir, sandboxDir: join(dir, "sandbox"), remove };
}

/** Runs one phase of memory-child.mjs in a fresh process in `cwd` (stdout to a file, as a CI log) and returns its peaks. */
function child(phase, cwd, env = {}) {
  const resultFile = join(cwd, `memory-result-${process.pid}-${Date.now()}.json`);
  const out = openSync(join(cwd, "stdout.txt"), "w");
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [CHILD, resultFile, phase], { cwd, env: { ...process.env, ...env }, stdio: ["ignore", out, "pipe"] });
    let stderr = "";
    proc.stderr.on("data", (chunk) => (stderr = (stderr + chunk).slice(-4000)));
    proc.once("error", reject);
    proc.once("exit", async (code, signal) => {
      closeSync(out);
      try {
        const result = JSON.parse(await readFile(resultFile, "utf8"));
        await rm(resultFile, { force: true });
        if (result.code !== 0) throw new Error(`exit code ${result.code}`);
        resolve(result);
      } catch (error) {
        reject(new Error(`${phase} in ${cwd} failed (${signal ?? code}): ${error.message}\n${stderr}`));
      }
    });
  });
}

/** `dwctl plan` of a generated estate, `runs` times, and what the last plan file holds. */
async function measurePlan(maps, levels, runs, apply) {
  const estate = await prepare(maps, levels);
  try {
    const env = { DWCTL_SANDBOX_DIR: estate.sandboxDir };
    const results = [];
    for (let run = 0; run < runs; run++) results.push(await child("plan", estate.dir, env));
    const plan = JSON.parse(await readFile(join(estate.dir, "plan.json"), "utf8"));
    if (plan.actions.length < maps) throw new Error(`the plan of ${maps} maps has only ${plan.actions.length} actions`);
    if (plan.blockers.length > 0) throw new Error(`the plan of ${maps} maps is blocked: ${plan.blockers[0].message}`);
    const measured = {
      maps,
      actions: plan.actions.length,
      rss: results.map((r) => r.maxRssKiB * 1024),
      heap: results.map((r) => r.peakHeap),
      wallMs: results.map((r) => r.wallMs),
    };
    // The apply of the saved plan (lock, plan again from git and live, every wave, the last-applied record).
    if (apply) {
      try {
        measured.apply = await child("apply", estate.dir, env);
      } catch (error) {
        measured.applyError = error.message.split("\n").filter((line) => line.startsWith("error:"))[0] ?? error.message.split("\n")[0];
      }
    }
    return measured;
  } finally {
    await estate.remove();
  }
}

/**
 * `sizes` are the map counts measured (default 1,000, 2,500 and 5,000); `runs` runs at each, medians
 * printed. DWCTL_BENCH_MEMORY_APPLY=1 also applies the largest plan once and prints its peak.
 */
export async function benchMemory({ maps, sizes = maps === undefined ? [1000, 2500, 5000] : [maps], levels = 10, runs = 3, apply = process.env.DWCTL_BENCH_MEMORY_APPLY === "1" } = {}) {
  const floorDir = await mkdtemp(join(tmpdir(), "dwctl-bench-memory-floor-"));
  const floor = [];
  try {
    for (let run = 0; run < runs; run++) floor.push((await child("floor", floorDir)).maxRssKiB * 1024);
  } finally {
    await rm(floorDir, { recursive: true, force: true });
  }
  const measured = [];
  for (const size of sizes) {
    const m = await measurePlan(size, levels, runs, apply && size === Math.max(...sizes));
    m.medianRss = median(m.rss);
    measured.push(m);
    console.log(
      `memory: dwctl plan --out plan.json of ${count(size + 1)} maps (${count(m.actions)} actions), in its own process against a sandbox in another: ` +
        `peak RSS ${mb(m.medianRss)} (kernel maxRSS; runs ${m.rss.map(mb).join(", ")}), peak heap used ${mb(median(m.heap))} (sampled every 5 ms); ` +
        `wall ${(median(m.wallMs) / 1000).toFixed(1)} s per run`,
    );
    if (m.applyError !== undefined) console.log(`memory: dwctl apply plan.json of ${count(size + 1)} maps failed, not measured: ${m.applyError}`);
    if (m.apply !== undefined) {
      console.log(`memory: dwctl apply plan.json of ${count(size + 1)} maps, no injected latency, one run: peak RSS ${mb(m.apply.maxRssKiB * 1024)}, peak heap used ${mb(m.apply.peakHeap)}; wall ${(m.apply.wallMs / 1000).toFixed(1)} s`);
    }
  }
  console.log(`memory: floor (node with dwctl's modules loaded: dwctl --version) peak RSS ${mb(median(floor))}; ${runs} runs, medians`);
  for (let i = 1; i < measured.length; i++) {
    const [a, b] = [measured[i - 1], measured[i]];
    const slope = ((b.medianRss - a.medianRss) / (b.maps - a.maps)) * 1000;
    console.log(`memory: growth ${count(a.maps + 1)} -> ${count(b.maps + 1)} maps: ${mb(a.medianRss)} -> ${mb(b.medianRss)}, ${(slope / MiB).toFixed(1)} MB per 1,000 maps`);
  }
  const largest = measured[measured.length - 1];
  const within = largest.medianRss < GOAL_MB * MiB;
  console.log(
    `memory: goal peak RSS < ${GOAL_MB} MB at ${count(5001)} maps: ` +
      (largest.maps === 5000 ? `${within ? "within goal" : "OVER goal"} (${mb(largest.medianRss)})` : `not measured (largest size ${count(largest.maps + 1)} maps)`),
  );
  return { floorRss: median(floor), sizes: measured.map((m) => ({ maps: m.maps, rss: m.medianRss })), within };
}
