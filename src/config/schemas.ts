import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";

export type Kind = "TableMap" | "IntegrationKey" | "Environments" | "Moved";

const schemaFiles: Record<Kind | "ValidationReport" | "Plan" | "Report", string> = {
  TableMap: "table-map.schema.json",
  IntegrationKey: "integration-key.schema.json",
  Environments: "environments.schema.json",
  Moved: "moved.schema.json",
  ValidationReport: "validation-report.schema.json",
  Plan: "plan.schema.json",
  Report: "report.schema.json",
};

export const schemaDir = fileURLToPath(new URL("../../schemas/", import.meta.url));

export function loadSchema(name: keyof typeof schemaFiles): Record<string, unknown> {
  return JSON.parse(readFileSync(schemaDir + schemaFiles[name], "utf8")) as Record<string, unknown>;
}

let ajv: Ajv | undefined;

/**
 * One Ajv for every schema, each added under its name and its $id, so that a reference across
 * files (the report's pairs carry plans: "$ref": "plan.schema.json") resolves. Each schema is
 * compiled on its first use, once per process: compiling is the expensive part of a schema check.
 */
export function validatorFor(name: keyof typeof schemaFiles): ValidateFunction {
  if (ajv === undefined) {
    ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
    addFormats.default(ajv);
    for (const each of Object.keys(schemaFiles) as (keyof typeof schemaFiles)[]) ajv.addSchema(loadSchema(each), each);
  }
  const validate = ajv.getSchema(name);
  if (validate === undefined) throw new Error(`no schema ${name}`);
  return validate;
}

export type { ErrorObject };
