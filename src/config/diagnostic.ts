import type { Diagnostic } from "../generated/validation-report.js";

export type { Diagnostic };
export type Severity = Diagnostic["severity"];
export type YamlPath = readonly (string | number)[];

/**
 * A problem found by the loader or a rule, located by its YAML path rather than by line and
 * column, so that rules stay pure. `locate` turns it into a Diagnostic.
 */
export interface Finding {
  code: string;
  severity: Severity;
  message: string;
  hint: string;
  file: string;
  /** Path of the node in the document; [] is the whole document. */
  path: YamlPath;
  /** Point at the key of the last path segment instead of its value. */
  atKey?: boolean;
  /** A span inside the scalar at `path` (for example a token inside a filter). */
  span?: { start: number; end: number };
  /** An absolute span in the file text, for problems found before there is a document (syntax, secrets). */
  offset?: { start: number; end: number };
  platformCodes?: string[];
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    a.file.localeCompare(b.file) ||
    a.line - b.line ||
    a.column - b.column ||
    a.code.localeCompare(b.code) ||
    a.message.localeCompare(b.message)
  );
}

export function counts(diagnostics: readonly Diagnostic[]): { errors: number; warnings: number } {
  let errors = 0;
  for (const d of diagnostics) if (d.severity === "error") errors += 1;
  return { errors, warnings: diagnostics.length - errors };
}
