// Regenerates src/sandbox/seed/corpus-catalog.ts: the metadata the sandbox serves for every table and
// entity of test/corpus/templates and maps/, derived by src/sandbox/seed/derive-catalog.ts. The staleness
// test writes it (vitest --update), so the generator and the check run the same code.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const vitest = fileURLToPath(new URL("../node_modules/vitest/vitest.mjs", import.meta.url));
const result = spawnSync(process.execPath, [vitest, "run", "test/sandbox/corpus-catalog.test.ts", "--update"], { cwd: root, stdio: "inherit" });
process.exit(result.status ?? 1);
