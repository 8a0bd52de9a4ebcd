export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function fmtMs(ms) {
  return `${ms.toFixed(ms < 10 ? 2 : 0)} ms`;
}

/** Runs the measured functions alternately, so that machine noise hits both alike. */
export async function alternate(runs, fns) {
  const times = Object.fromEntries(Object.keys(fns).map((k) => [k, []]));
  for (let r = 0; r < runs; r++) {
    for (const [name, fn] of Object.entries(fns)) {
      const start = performance.now();
      await fn();
      times[name].push(performance.now() - start);
    }
  }
  return times;
}

export function verdict(ratio, target) {
  return ratio <= target ? `within target (<= ${target})` : `OVER target (<= ${target})`;
}
