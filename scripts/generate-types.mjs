// Regenerates src/generated/*.ts from schemas/*.schema.json. The schemas are the one source of truth.
import { writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";
import { renderTypes } from "./render-types.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const outputs = await renderTypes(root);
for (const [file, text] of outputs) {
  await writeFile(join(root, "src/generated", file), text);
  console.log(`wrote src/generated/${file}`);
}
