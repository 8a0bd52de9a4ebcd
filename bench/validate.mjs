// Validate 1,000 maps of 40 fields, against a floor that only reads and parses the same YAML.
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { LineCounter, parseDocument } from "yaml";
import { readInputFiles } from "../dist/config/read-files.js";
import { validateSources } from "../dist/validate/validate-sources.js";
import { generateEstate } from "./generate-estate.mjs";
import { alternate, fmtMs, median, verdict } from "./stats.mjs";

async function listYaml(dir) {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith(".yaml")) out.push(join(entry.parentPath ?? entry.path, entry.name));
  }
  return out;
}

export async function benchValidate({ maps = 1000, fields = 40, runs = 7 } = {}) {
  const dir = await mkdtemp(join(tmpdir(), "dwctl-bench-"));
  try {
    await generateEstate(dir, { maps, fields });
    const floor = async () => {
      for (const file of await listYaml(join(dir, "maps"))) {
        const lineCounter = new LineCounter();
        parseDocument(await readFile(file, "utf8"), { lineCounter }).toJS();
      }
    };
    let diagnostics = 0;
    const validate = async () => {
      const result = validateSources(await readInputFiles(["maps"], dir));
      diagnostics = result.diagnostics.filter((d) => d.severity === "error").length;
    };
    await floor();
    await validate(); // warm-up: schema compilation and JIT, once per process as in real use
    const times = await alternate(runs, { floor, validate });
    const f = median(times.floor);
    const v = median(times.validate);
    const ratio = v / f;
    console.log(`validate: ${maps} maps x ${fields} fields (+ keys): median ${fmtMs(v)}; floor (read + parse YAML) median ${fmtMs(f)}; ratio ${ratio.toFixed(2)} ${verdict(ratio, 1.5)}; ${runs} runs; errors found ${diagnostics}`);
    if (diagnostics > 0) throw new Error("the generated estate should validate with no errors");
    return { validateMs: v, floorMs: f, ratio };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
