import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Ajv } from "ajv";
import addFormats from "ajv-formats";

const schema = JSON.parse(readFileSync(fileURLToPath(new URL("../../schemas/plan.schema.json", import.meta.url)), "utf8")) as Record<
  string,
  unknown
>;
const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
addFormats.default(ajv);
const check = ajv.compile(schema);

/** Schema errors of a parsed plan JSON, as "path: message" lines; empty when it is valid. */
export function validatePlan(value: unknown): string[] {
  return check(value) ? [] : (check.errors ?? []).map((e) => `${e.instancePath}: ${e.message ?? ""}`);
}
