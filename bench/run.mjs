// npm run bench: each benchmark prints its medians and its ratio against a floor.
import { benchValidate } from "./validate.mjs";

const only = process.argv[2];
const benches = { validate: () => benchValidate() };
for (const [name, bench] of Object.entries(benches)) {
  if (only !== undefined && only !== name) continue;
  await bench();
}
