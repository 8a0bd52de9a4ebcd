import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { compile } from "json-schema-to-typescript";

const banner =
  "/* eslint-disable */\n// Generated from schemas/ by `npm run generate`. Do not edit: edit the schema and regenerate.\n";

/** Returns [fileName, text] pairs; shared by the generator and the staleness test. */
export async function renderTypes(root) {
  const schemaDir = join(root, "schemas");
  const names = (await readdir(schemaDir)).filter((n) => n.endsWith(".schema.json")).sort();
  const outputs = [];
  for (const name of names) {
    const schema = JSON.parse(await readFile(join(schemaDir, name), "utf8"));
    const ts = await compile(schema, schema.title, {
      bannerComment: banner,
      additionalProperties: false,
      cwd: schemaDir,
      style: { singleQuote: false, printWidth: 110 },
      unreachableDefinitions: false,
    });
    outputs.push([name.replace(".schema.json", ".ts"), ts]);
  }
  return outputs;
}
