import type { ValidationReport } from "../../generated/validation-report.js";

export interface RuleInfo {
  code: string;
  title: string;
  severity?: "error" | "warning";
}

/** SARIF 2.1.0 for GitHub code scanning. Pure: the rule list and version are passed in. */
export function renderValidationSarif(report: ValidationReport, ruleInfo: readonly RuleInfo[], version: string): string {
  const index = new Map(ruleInfo.map((r, i) => [r.code, i]));
  const sarif = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "dwctl",
            semanticVersion: version,
            informationUri: "https://github.com/dwctl/dwctl#rules",
            rules: ruleInfo.map((r) => ({
              id: r.code,
              name: r.title,
              shortDescription: { text: r.title },
              defaultConfiguration: { level: r.severity ?? "error" },
            })),
          },
        },
        results: report.diagnostics.map((d) => ({
          ruleId: d.code,
          ...(index.has(d.code) ? { ruleIndex: index.get(d.code) } : {}),
          level: d.severity,
          message: { text: `${d.message}. ${d.hint}` },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: d.file, uriBaseId: "%SRCROOT%" },
                region: {
                  startLine: d.line,
                  startColumn: d.column,
                  ...(d.endLine === undefined ? {} : { endLine: d.endLine }),
                  ...(d.endColumn === undefined ? {} : { endColumn: d.endColumn }),
                },
              },
            },
          ],
        })),
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + "\n";
}
