// Peak memory of plan (and of one apply) at N maps: a child process per measurement, its kernel max RSS and sampled heap peak.
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { median } from "./stats.mjs";

const CHILD = fileURLToPath(new URL("./memory-child.mjs", import.meta.url));
const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

function child(phase, maps, levels) {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [CHILD, phase, String(maps), String(levels)], { maxBuffer: 1 << 20, timeout: 10 * 60_000 }, (error, stdout, stderr) => {
      if (error) return reject(new Error(`${phase} at ${maps} maps failed: ${error.message}\n${stderr}`));
      resolve(JSON.parse(stdout.trim().split("\n").pop()));
    });
  });
}

export async function benchMemory({ maps = 5000, levels = 10, runs = 3 } = {}) {
  const results = { baseline: [], plan: [] };
  const times = [];
  for (let run = 0; run < runs; run++) {
    results.baseline.push(await child("baseline", maps, levels));
    const start = performance.now();
    results.plan.push(await child("plan", maps, levels));
    times.push(performance.now() - start);
  }
  const rss = (phase) => median(results[phase].map((r) => r.maxRssKiB * 1024));
  const heap = (phase) => median(results[phase].map((r) => r.peakHeap));
  console.log(
    `memory: plan of ${maps + 1} maps (generate, read + validate the YAML, snapshot of the pair, build and serialise the plan) in a child process: ` +
      `peak RSS ${mb(rss("plan"))} (kernel maxRSS), peak heap used ${mb(heap("plan"))} (sampled every 5 ms); ` +
      `floor (node + the same modules loaded, no work) RSS ${mb(rss("baseline"))}, heap ${mb(heap("baseline"))}; ` +
      `${runs} runs, medians; wall ${(median(times) / 1000).toFixed(1)} s per run`,
  );
  // The apply of the same estate (plan, then apply under the lock, then the last-applied record), once.
  const start = performance.now();
  const apply = await child("apply", maps, levels);
  console.log(
    `memory: plan and apply of ${maps + 1} maps, no injected latency, one run: peak RSS ${mb(apply.maxRssKiB * 1024)}, peak heap used ${mb(apply.peakHeap)}; wall ${((performance.now() - start) / 1000).toFixed(1)} s`,
  );
  return { rss: rss("plan"), heap: heap("plan"), baselineRss: rss("baseline"), applyRss: apply.maxRssKiB * 1024 };
}
