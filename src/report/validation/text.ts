import type { Diagnostic } from "../../config/diagnostic.js";
import type { ValidationReport } from "../../generated/validation-report.js";
import type { Palette } from "../colour.js";
import { escapeControl, escapeControlKeepNewlines } from "../escape.js";

function line(d: Diagnostic, p: Palette): string {
  const severity = d.severity === "error" ? p.red("error") : p.yellow("warning");
  const platform = d.platformCodes === undefined ? "" : p.dim(` [${d.platformCodes.join(", ")}]`);
  return `${p.bold(`${escapeControl(d.file)}:${d.line}:${d.column}`)} ${severity} ${d.code} ${escapeControl(d.message)}${platform}\n  ${p.dim("hint:")} ${escapeControlKeepNewlines(d.hint)}`;
}

export function renderValidationText(report: ValidationReport, p: Palette): string {
  const out = report.diagnostics.map((d) => line(d, p));
  const s = report.summary;
  const what = `${s.files} file(s): ${s.maps} map(s), ${s.keys} key(s), ${s.pairs} pair(s)`;
  const verdict = report.ok ? p.green("valid") : p.red("invalid");
  out.push(`${verdict}: ${what}; ${s.errors} error(s), ${s.warnings} warning(s)${report.strict ? " (--strict)" : ""}`);
  return out.join("\n") + "\n";
}
