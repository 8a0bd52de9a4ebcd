import { compareDiagnostics, counts, type Diagnostic } from "../config/diagnostic.js";
import { loadSources, type InputFile } from "../config/load.js";
import { locate } from "../config/source-file.js";
import type { Desired } from "../model/desired.js";
import { rules } from "../rules/index.js";
import { runRule } from "../rules/rule.js";

export interface ValidationResult {
  /** Everything that loaded: the files reported on and the rest of their estate. */
  desired: Desired;
  /** The diagnostics of the files reported on, sorted by file and position. */
  diagnostics: Diagnostic[];
  /** The files reported on. */
  files: string[];
  /** Errors and warnings found in the other files of the estate, which are not reported. */
  elsewhere: { errors: number; warnings: number };
}

export interface ValidateOptions {
  /**
   * The files to report on; the other files are context only (cross-file rules see them, their own
   * findings are counted in `elsewhere`). Default: every file.
   */
  reportOn?: ReadonlySet<string>;
}

/**
 * Loads, schema-checks and rule-checks a set of files. Pure: the caller reads the files.
 * Semantic rules run on whatever loaded cleanly, so one broken file does not hide the rest.
 * This is the one place where the config layer (load) and the rules meet: neither imports the other.
 */
export function validateSources(files: readonly InputFile[], options: ValidateOptions = {}): ValidationResult {
  const loaded = loadSources(files);
  const complete = !loaded.findings.some((f) => f.severity === "error");
  const input = { desired: loaded.desired, files, complete };
  const findings = [...loaded.findings, ...rules.flatMap((rule) => runRule(rule, input))];
  const all = findings.map((f) => locate(f, loaded.sources.get(f.file))).sort(compareDiagnostics);
  const reportOn = options.reportOn;
  if (reportOn === undefined) return { desired: loaded.desired, diagnostics: all, files: files.map((f) => f.path), elsewhere: { errors: 0, warnings: 0 } };
  const diagnostics = all.filter((d) => reportOn.has(d.file));
  return {
    desired: loaded.desired,
    diagnostics,
    files: files.map((f) => f.path).filter((path) => reportOn.has(path)),
    elsewhere: counts(all.filter((d) => !reportOn.has(d.file))),
  };
}
