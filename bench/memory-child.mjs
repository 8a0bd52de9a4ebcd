// Child of bench/memory.mjs: one dwctl command in this process, then its exit code and memory peaks as
// JSON in the file named first. Usage: node memory-child.mjs <result.json> floor | plan | apply
// - floor: node with dwctl's modules loaded, no work (`dwctl --version`).
// - plan: `dwctl plan --env prod --out plan.json` (text to stdout) through runPlan, the command's own code,
//   with every check against the live pair except the column check: the sandbox's catalog does not
//   hold the tables and entities of the generated estate, so each map would be blocked on its columns.
// - apply: `dwctl apply plan.json`, as the bin runs it.
// The sandbox runs in another process (bench/sandbox-process.mjs, found through DWCTL_SANDBOX_DIR as
// `dwctl sandbox up` is), so only dwctl's own memory is counted here.
import { writeFileSync } from "node:fs";
import { clearInterval, setInterval } from "node:timers";

const [resultFile, phase] = process.argv.slice(2);
let peakHeap = 0;
let peakRss = 0;
const sample = () => {
  const usage = process.memoryUsage();
  peakHeap = Math.max(peakHeap, usage.heapUsed);
  peakRss = Math.max(peakRss, usage.rss);
};
const timer = setInterval(sample, 5);
const started = performance.now();
const { processIo } = await import("../dist/cli/io.js");
const { run } = await import("../dist/cli/program.js");
const { runPlan } = await import("../dist/cli/plan.js");
const { blockSharedEnvironments, checkInitialSyncConflicts, checkPublishers } = await import("../dist/cli/plan-run.js");
const { statusLineFor } = await import("../dist/cli/status-line.js");
sample();

/** checkAgainstLive (src/cli/plan-run.ts) in its order, without checkColumns. */
async function checksButColumns(planned, context, gateway, readOrganization) {
  const shared = await blockSharedEnvironments(planned.plan, context.desired, context.pair, context.snapshot, readOrganization);
  const publishers = await checkPublishers(shared, gateway);
  return checkInitialSyncConflicts(publishers, planned.pairDesired, gateway);
}

async function plan() {
  const io = processIo();
  // What the program sets before a command runs (src/cli/program.ts), with its defaults.
  io.global = { verbose: false, retryBudgetMs: 10 * 60_000 };
  try {
    return await runPlan([], { env: "prod", format: "text", detailedExitcode: false, out: "plan.json", prune: false, maxStops: 10 }, io, checksButColumns);
  } finally {
    statusLineFor(io).done();
  }
}

const commands = { floor: () => run(["--version"], processIo()), plan, apply: () => run(["apply", "plan.json"], processIo()) };
if (!(phase in commands)) throw new Error(`unknown phase ${phase}; use one of ${Object.keys(commands).join(", ")}`);
const code = await commands[phase]();
clearInterval(timer);
sample();
// maxRSS is the kernel's peak (KiB): it sees synchronous phases (validate, buildPlan) the 5 ms sampler cannot.
const result = { code, maxRssKiB: process.resourceUsage().maxRSS, peakRss, peakHeap, wallMs: performance.now() - started };
writeFileSync(resultFile, JSON.stringify(result) + "\n");
process.exitCode = code;
