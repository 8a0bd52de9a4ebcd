// Plan and apply N maps on the sandbox under injected latency, against a floor of waves and requests x latency.
import { CLI_PARALLELISM, applyAsCli, countKinds, loadEstate, openGateway, planOf, registerTables, startEstateSandbox } from "./live-estate.mjs";
import { mkdir, writeFile } from "node:fs/promises";
import { Session } from "node:inspector/promises";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { fmtMs, median, verdict } from "./stats.mjs";

/**
 * DWCTL_BENCH_CPU_PROFILE=<dir> writes a .cpuprofile of the client during each timed apply (open it in
 * Chrome DevTools); DWCTL_BENCH_SANDBOX_NODE_ARGS does the same for the sandbox process.
 */
async function startProfiler() {
  const dir = process.env.DWCTL_BENCH_CPU_PROFILE;
  if (dir === undefined || dir === "") return { stop: async () => undefined };
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.start");
  return {
    stop: async (name) => {
      const { profile } = await session.post("Profiler.stop");
      await mkdir(dir, { recursive: true });
      await writeFile(join(dir, `${name}.cpuprofile`), JSON.stringify(profile));
      session.disconnect();
    },
  };
}

const fmtS = (ms) => `${(ms / 1000).toFixed(2)} s`;

export async function benchApply({ maps = 1000, levels = 10, latencyMs = 20, runs = 3, verbose = false } = {}) {
  await benchPlan({ maps, levels, latencyMs });
  const estate = await loadEstate({ maps, levels });
  const sandbox = await startEstateSandbox(estate);
  try {
    const samples = [];
    for (let run = 1; run <= runs; run++) {
      // A gateway per run, as each dwctl command builds its own: its caches describe the estate it read.
      const handle = openGateway(estate, sandbox);
      const { gateway } = handle;
      await sandbox.setFaults({ latencyMs: 0 });
      await sandbox.reset();
      await registerTables(gateway, maps);
      const plan = planOf(estate, await gateway.snapshot());
      if (plan.blockers.length > 0 || plan.confirmationsRequired.length > 0) throw new Error("the bench plan needs no confirmation and has no blockers");
      await sandbox.setFaults({ latencyMs });
      handle.clearRoutes();
      const requests0 = handle.requests();
      const retries0 = handle.retries();
      const cpu0 = await sandbox.cpuMs();
      const client0 = process.cpuUsage();
      const profiler = await startProfiler();
      const start = performance.now();
      await applyAsCli(estate, gateway, plan, `bench-${run}`);
      const wallMs = performance.now() - start;
      await profiler.stop(`apply-${maps + 1}-run${run}`);
      const client = process.cpuUsage(client0);
      const sample = {
        wallMs,
        requests: handle.requests() - requests0,
        retries: handle.retries() - retries0,
        sandboxCpuMs: (await sandbox.cpuMs()) - cpu0,
        clientCpuMs: (client.user + client.system) / 1000,
        actions: plan.actions.length,
        waves: plan.waves.length,
        routes: handle.byRoute(),
      };
      samples.push(sample);
      // The applied estate must be what git says: a plan made now has nothing to do.
      await sandbox.setFaults({ latencyMs: 0 });
      const after = planOf(estate, await gateway.snapshot());
      if (after.actions.length > 0) throw new Error(`after apply, a new plan still has ${after.actions.length} actions (first: ${after.actions[0].description})`);
    }
    report({ maps, latencyMs, samples, verbose });
    return samples;
  } finally {
    await sandbox.stop();
    await estate.remove();
  }
}

/** Plan of N maps against an empty pair under latency: its requests (the snapshot's) and wall time. */
async function benchPlan({ maps, levels, latencyMs, runs = 3 }) {
  const estate = await loadEstate({ maps, levels });
  const sandbox = await startEstateSandbox(estate);
  try {
    const handle = openGateway(estate, sandbox);
    await registerTables(handle.gateway, maps);
    await sandbox.setFaults({ latencyMs });
    const times = [];
    let requests = 0;
    let plan;
    for (let run = 0; run <= runs; run++) {
      const before = handle.requests();
      const start = performance.now();
      plan = planOf(estate, await handle.gateway.snapshot());
      if (run > 0) times.push(performance.now() - start); // run 0 warms up
      requests = handle.requests() - before;
    }
    const kinds = Object.entries(countKinds(plan)).map(([kind, n]) => `${n} ${kind}`).join(", ");
    console.log(
      `plan: ${maps + 1} maps against an empty pair, ${latencyMs} ms latency: ${requests} HTTP requests (the snapshot; the plan itself is local); median ${fmtMs(median(times))} (${runs} runs); ${plan.actions.length} actions in ${plan.waves.length} waves (${kinds})`,
    );
  } finally {
    await sandbox.stop();
    await estate.remove();
  }
}

function report({ maps, latencyMs, samples, verbose }) {
  const { actions, waves } = samples[0];
  const wall = median(samples.map((s) => s.wallMs));
  const requests = median(samples.map((s) => s.requests));
  const sandboxCpu = median(samples.map((s) => s.sandboxCpuMs));
  const clientCpu = median(samples.map((s) => s.clientCpuMs));
  const retries = Math.max(...samples.map((s) => s.retries));
  const c = CLI_PARALLELISM;
  // The issue's floor: every change costs one latency, `concurrency` at a time, plus one latency per wave.
  const floor = (waves + actions / c) * latencyMs;
  const requestFloor = (waves + requests / c) * latencyMs;
  const ratio = wall / floor;
  console.log(
    `apply: ${maps + 1} maps (${actions} actions in ${waves} waves), ${latencyMs} ms latency, parallelism ${c} (the sandbox's x-ms-dop-hint too): median ${fmtS(wall)} (${samples.length} runs, ${samples.map((s) => fmtS(s.wallMs)).join(", ")}); ` +
      `${requests} HTTP requests (${(requests / actions).toFixed(2)} per action, ${retries} retries)`,
  );
  console.log(
    `  floor = (waves + changes / concurrency) x latency = (${waves} + ${actions} / ${c}) x ${latencyMs} ms = ${fmtS(floor)}; ratio ${ratio.toFixed(2)} ${verdict(ratio, 1.3)}`,
  );
  console.log(
    `  against the requests actually sent: (${waves} + ${requests} / ${c}) x ${latencyMs} ms = ${fmtS(requestFloor)}; ratio ${(wall / requestFloor).toFixed(2)} (informational: key indexes and map states are polled from one listing, and a new map's only version is already active; the service takes integration keys one table a request, and refresh tables needs the project name first)`,
  );
  console.log(
    `  sandbox server CPU ${fmtS(sandboxCpu)}, client CPU ${fmtS(clientCpu)} (medians; ${availableParallelism()} cores shared by both)`,
  );
  const routes = [...samples[0].routes].sort((a, b) => b[1] - a[1]);
  const shown = verbose ? routes : routes.filter(([, n]) => n > 5);
  console.log(`  requests by route (run 1): ${shown.map(([route, n]) => `${n} ${route.replace(/ \/(prod\/dataverse\/api\/data\/v9\.2|dualwrite\/api\/DualWriteManagement\/1\.0|prod\/finops)\//, " ")}`).join("; ")}`);
}
