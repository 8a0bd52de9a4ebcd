import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Ajv } from "ajv";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";

const dir = fileURLToPath(new URL("../../schemas/", import.meta.url));
const names = readdirSync(dir).filter((n) => n.endsWith(".schema.json"));

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Every object schema with properties: each property is described, and extra properties are refused. */
function problems(node: Json, path: string): string[] {
  if (node === null || typeof node !== "object") return [];
  if (Array.isArray(node)) return node.flatMap((n, i) => problems(n, `${path}[${i}]`));
  const out: string[] = [];
  const props = node.properties;
  if (props !== undefined && props !== null && typeof props === "object" && !Array.isArray(props)) {
    if (node.additionalProperties !== false) out.push(`${path}: additionalProperties is not false`);
    for (const [name, prop] of Object.entries(props)) {
      const described =
        prop !== null && typeof prop === "object" && !Array.isArray(prop) && (typeof prop.description === "string" || typeof prop.$ref === "string");
      if (!described) out.push(`${path}.properties.${name}: no description`);
    }
  }
  for (const [key, value] of Object.entries(node)) out.push(...problems(value, `${path}.${key}`));
  return out;
}

describe("schemas/", () => {
  it.each(names)("%s is draft-07, compiles in strict mode, and describes every property", (name) => {
    const schema = JSON.parse(readFileSync(dir + name, "utf8")) as { [k: string]: Json };
    expect(schema.$schema).toBe("http://json-schema.org/draft-07/schema#");
    const ajv = new Ajv({ strict: true, allowUnionTypes: true });
    addFormats.default(ajv);
    // References across files (the report's pairs carry plans) resolve against the other schemas.
    for (const other of names.filter((n) => n !== name)) ajv.addSchema(JSON.parse(readFileSync(dir + other, "utf8")) as object);
    expect(() => ajv.compile(schema)).not.toThrow();
    expect(problems(schema, name)).toEqual([]);
  });

  it("finds an undescribed property (the check above can fail)", () => {
    const bad = { type: "object", additionalProperties: false, properties: { a: { type: "string" } } } as { [k: string]: Json };
    expect(problems(bad, "x")).toEqual(["x.properties.a: no description"]);
  });
});
