import type { Desired } from "../model/desired.js";
import { rules } from "../rules/index.js";
import { runRule } from "../rules/rule.js";
import { compareDiagnostics, type Diagnostic } from "./diagnostic.js";
import { loadSources, type InputFile } from "./load.js";
import { locate } from "./source-file.js";

export interface ValidationResult {
  desired: Desired;
  diagnostics: Diagnostic[];
  files: string[];
}

/**
 * Loads, schema-checks and rule-checks a set of files. Pure: the caller reads the files.
 * Semantic rules run on whatever loaded cleanly, so one broken file does not hide the rest.
 */
export function validateSources(files: readonly InputFile[]): ValidationResult {
  const loaded = loadSources(files);
  const complete = !loaded.findings.some((f) => f.severity === "error");
  const input = { desired: loaded.desired, files, complete };
  const findings = [...loaded.findings, ...rules.flatMap((rule) => runRule(rule, input))];
  const diagnostics = findings.map((f) => locate(f, loaded.sources.get(f.file))).sort(compareDiagnostics);
  return { desired: loaded.desired, diagnostics, files: files.map((f) => f.path) };
}

export function counts(diagnostics: readonly Diagnostic[]): { errors: number; warnings: number } {
  let errors = 0;
  for (const d of diagnostics) if (d.severity === "error") errors += 1;
  return { errors, warnings: diagnostics.length - errors };
}
