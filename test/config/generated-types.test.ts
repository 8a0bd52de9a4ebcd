import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
// @ts-expect-error: plain .mjs build script without type declarations
import { renderTypes } from "../../scripts/render-types.mjs";

const root = fileURLToPath(new URL("../../", import.meta.url));

describe("src/generated", () => {
  it("matches what json2ts writes from schemas/ (run `npm run generate` when this fails)", async () => {
    const outputs = (await renderTypes(root)) as [string, string][];
    expect(outputs.length).toBeGreaterThanOrEqual(4);
    for (const [file, text] of outputs) {
      const onDisk = await readFile(`${root}src/generated/${file}`, "utf8");
      expect(onDisk, `src/generated/${file} is stale`).toBe(text);
    }
  });
});
