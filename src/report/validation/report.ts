import { counts } from "../../config/diagnostic.js";
import type { ValidationResult } from "../../validate/validate-sources.js";
import type { ValidationReport } from "../../generated/validation-report.js";

/** The JSON form of a validation (schemas/validation-report.schema.json). */
export function validationReport(result: ValidationResult, strict: boolean): ValidationReport {
  const { errors, warnings } = counts(result.diagnostics);
  // Only what the files reported on declare: a file validated in its estate counts as itself.
  const reported = new Set(result.files);
  const declared = <T extends { file: string }>(items: readonly T[]): number => items.filter((i) => reported.has(i.file)).length;
  return {
    format_version: "1.0",
    ok: errors === 0 && (!strict || warnings === 0),
    strict,
    summary: {
      errors,
      warnings,
      files: result.files.length,
      maps: declared(result.desired.maps),
      keys: declared(result.desired.keys),
      pairs: declared(result.desired.pairs),
    },
    files: result.files,
    diagnostics: result.diagnostics,
  };
}

export function renderValidationJson(report: ValidationReport): string {
  return JSON.stringify(report, null, 2) + "\n";
}
