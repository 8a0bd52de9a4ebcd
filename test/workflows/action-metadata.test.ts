import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { root } from "../helpers/cli.js";

// scripts/ is plain JavaScript, run by npm run lint; the test imports the same function.
const { lintActionMetadata } = (await import(join(root, "scripts/lint-workflows.mjs"))) as {
  lintActionMetadata: (file?: string) => Promise<{ message: string }[]>;
};

describe("action.yml is linted beside the workflows", () => {
  it("has no findings as committed", async () => {
    expect(await lintActionMetadata()).toEqual([]);
  });

  it("finds an input without description, an old runtime and a missing main file", async () => {
    const dir = await mkdtemp(join(tmpdir(), "dwctl-action-"));
    const text = (await readFile(join(root, "action.yml"), "utf8"))
      .replace('description: "What to run: validate, plan, apply or drift."', "required: true")
      .replace("using: node20", "using: node12");
    await writeFile(join(dir, "action.yml"), `${text}\nextra: 1\n`);
    const messages = (await lintActionMetadata(join(dir, "action.yml"))).map((f) => f.message);
    expect(messages).toEqual(
      expect.arrayContaining(['unknown key "extra"', 'input "command" has no description', 'runs.using is "node12", not node20 or node24', "runs.main dist-action/index.mjs does not exist"]),
    );
  });
});
