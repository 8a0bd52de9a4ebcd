// npm run bench: each benchmark prints its medians and its ratio against a floor.
// node bench/run.mjs [validate|snapshot|apply|memory] [--maps N] [--runs N]: one benchmark, optionally resized.
import { parseArgs } from "node:util";
import { benchApply } from "./apply.mjs";
import { benchMemory } from "./memory.mjs";
import { benchSnapshot } from "./snapshot.mjs";
import { benchValidate } from "./validate.mjs";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { maps: { type: "string" }, runs: { type: "string" } },
});
const only = positionals[0];
const sized = {
  ...(values.maps === undefined ? {} : { maps: Number(values.maps) }),
  ...(values.runs === undefined ? {} : { runs: Number(values.runs) }),
};
const benches = {
  validate: () => benchValidate(sized),
  // 1,000 maps with their keys, 20 ms of latency.
  snapshot: () => benchSnapshot({ runs: 5, ...sized }),
  // Plan and apply of 1,000 maps, three runs each.
  apply: () => benchApply({ runs: 3, ...sized }),
  // dwctl plan at 1,000, 2,500 and 5,000 maps, three runs each (--maps N: that size only); the peak varies with when GC runs.
  memory: () => benchMemory({ runs: 3, ...sized }),
};
if (only !== undefined && !(only in benches)) {
  console.error(`no benchmark "${only}"; use one of: ${Object.keys(benches).join(", ")}`);
  process.exit(2);
}
const started = performance.now();
for (const [name, bench] of Object.entries(benches)) {
  if (only !== undefined && only !== name) continue;
  await bench();
}
console.log(`bench: done in ${((performance.now() - started) / 1000).toFixed(0)} s`);
