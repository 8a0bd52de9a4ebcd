// Child of bench/memory.mjs: one phase of work in a fresh process, then its peaks as JSON on stdout.
// The sandbox runs in its own process, so only the client's memory is counted here.
import { clearInterval, setInterval } from "node:timers";
const [phase, mapsArg, levelsArg] = process.argv.slice(2);
const maps = Number(mapsArg);
let peakHeap = 0;
let peakRss = 0;
const sample = () => {
  const usage = process.memoryUsage();
  peakHeap = Math.max(peakHeap, usage.heapUsed);
  peakRss = Math.max(peakRss, usage.rss);
};
const timer = setInterval(sample, 5);
const live = await import("./live-estate.mjs");
sample();
if (phase === "plan" || phase === "apply") {
  const estate = await live.loadEstate({ maps, levels: Number(levelsArg) });
  sample();
  const sandbox = await live.startEstateSandbox(estate);
  try {
    const handle = live.openGateway(estate, sandbox);
    await live.registerTables(handle.gateway, maps);
    sample();
    const snapshot = await handle.gateway.snapshot();
    sample();
    const plan = live.planOf(estate, snapshot);
    sample();
    JSON.stringify(plan); // what plan --out writes
    sample();
    if (plan.actions.length < maps) throw new Error("the plan is missing actions");
    if (phase === "apply") {
      await live.applyAsCli(estate, handle.gateway, plan, "memory");
      sample();
    }
  } finally {
    await sandbox.stop();
    await estate.remove();
  }
}
clearInterval(timer);
sample();
// maxRSS is the kernel's peak (KiB): it sees synchronous phases (validate, buildPlan) the 5 ms sampler cannot.
process.stdout.write(JSON.stringify({ maxRssKiB: process.resourceUsage().maxRSS, peakRss, peakHeap }) + "\n");
