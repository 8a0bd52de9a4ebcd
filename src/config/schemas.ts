import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";

export type Kind = "TableMap" | "IntegrationKey" | "Environments";

const schemaFiles: Record<Kind | "ValidationReport" | "Plan" | "Report", string> = {
  TableMap: "table-map.schema.json",
  IntegrationKey: "integration-key.schema.json",
  Environments: "environments.schema.json",
  ValidationReport: "validation-report.schema.json",
  Plan: "plan.schema.json",
  Report: "report.schema.json",
};

export const schemaDir = fileURLToPath(new URL("../../schemas/", import.meta.url));

export function loadSchema(name: keyof typeof schemaFiles): Record<string, unknown> {
  return JSON.parse(readFileSync(schemaDir + schemaFiles[name], "utf8")) as Record<string, unknown>;
}

let ajv: Ajv | undefined;
const compiled = new Map<string, ValidateFunction>();

/** Compiled once per process: compiling is the expensive part of a schema check. */
export function validatorFor(name: keyof typeof schemaFiles): ValidateFunction {
  const cached = compiled.get(name);
  if (cached !== undefined) return cached;
  if (ajv === undefined) {
    ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
    addFormats.default(ajv);
  }
  const validate = ajv.compile(loadSchema(name));
  compiled.set(name, validate);
  return validate;
}

export type { ErrorObject };
