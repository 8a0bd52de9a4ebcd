/* eslint-disable */
// Generated from schemas/ by `npm run generate`. Do not edit: edit the schema and regenerate.

/**
 * The JSON output of dwctl validate --format json.
 */
export interface ValidationReport {
  /**
   * Version of this output format. Minor versions only add properties.
   */
  format_version: "1.0";
  /**
   * true when the exit code is 0: no errors, and no warnings under --strict.
   */
  ok: boolean;
  /**
   * Whether warnings were treated as failures.
   */
  strict: boolean;
  /**
   * Counts.
   */
  summary: {
    /**
     * Number of error diagnostics.
     */
    errors: number;
    /**
     * Number of warning diagnostics.
     */
    warnings: number;
    /**
     * Number of files read.
     */
    files: number;
    /**
     * Number of table maps loaded.
     */
    maps: number;
    /**
     * Number of integration keys loaded.
     */
    keys: number;
    /**
     * Number of environment pairs loaded.
     */
    pairs: number;
  };
  /**
   * Paths of the files read, relative to the working directory.
   */
  files: string[];
  /**
   * Problems found, sorted by file, line and column.
   */
  diagnostics: Diagnostic[];
}
/**
 * One problem.
 */
export interface Diagnostic {
  /**
   * Stable rule code, DW followed by three digits.
   */
  code: string;
  /**
   * error or warning.
   */
  severity: "error" | "warning";
  /**
   * What is wrong.
   */
  message: string;
  /**
   * What to do about it.
   */
  hint: string;
  /**
   * File path relative to the working directory.
   */
  file: string;
  /**
   * 1-based line.
   */
  line: number;
  /**
   * 1-based column.
   */
  column: number;
  /**
   * 1-based line where the span ends.
   */
  endLine?: number;
  /**
   * 1-based column where the span ends (exclusive).
   */
  endColumn?: number;
  /**
   * Dual-write platform error codes this problem would cause, for example DIPV1004.
   */
  platformCodes?: string[];
}
