import { counts, type ValidationResult } from "../../config/validate.js";
import type { ValidationReport } from "../../generated/validation-report.js";

/** The JSON form of a validation (schemas/validation-report.schema.json). */
export function validationReport(result: ValidationResult, strict: boolean): ValidationReport {
  const { errors, warnings } = counts(result.diagnostics);
  return {
    format_version: "1.0",
    ok: errors === 0 && (!strict || warnings === 0),
    strict,
    summary: {
      errors,
      warnings,
      files: result.files.length,
      maps: result.desired.maps.length,
      keys: result.desired.keys.length,
      pairs: result.desired.pairs.length,
    },
    files: result.files,
    diagnostics: result.diagnostics,
  };
}

export function renderValidationJson(report: ValidationReport): string {
  return JSON.stringify(report, null, 2) + "\n";
}
