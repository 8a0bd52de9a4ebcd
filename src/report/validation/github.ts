import type { ValidationReport } from "../../generated/validation-report.js";

// Workflow command escaping, as the runner decodes it.
const escapeData = (s: string): string => s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
const escapeProperty = (s: string): string => escapeData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");

/** GitHub Actions workflow commands: one ::error or ::warning annotation per diagnostic. */
export function renderValidationGithub(report: ValidationReport): string {
  const lines = report.diagnostics.map((d) => {
    const props = [
      `file=${escapeProperty(d.file)}`,
      `line=${d.line}`,
      `col=${d.column}`,
      ...(d.endLine === undefined ? [] : [`endLine=${d.endLine}`]),
      ...(d.endColumn === undefined || d.endLine !== d.line ? [] : [`endColumn=${d.endColumn}`]),
      `title=${escapeProperty(`${d.code} ${d.severity}`)}`,
    ].join(",");
    return `::${d.severity} ${props}::${escapeData(`${d.message}\nhint: ${d.hint}`)}`;
  });
  const s = report.summary;
  lines.push(`dwctl validate: ${s.errors} error(s), ${s.warnings} warning(s) in ${s.files} file(s)`);
  return lines.join("\n") + "\n";
}
