import { Command, Option } from "commander";
import { loaderCodes } from "../config/loader-codes.js";
import { paletteFor } from "../report/colour.js";
import { renderValidationGithub } from "../report/validation/github.js";
import { renderValidationJson, validationReport } from "../report/validation/report.js";
import { renderValidationSarif } from "../report/validation/sarif.js";
import { renderValidationText } from "../report/validation/text.js";
import { rules } from "../rules/index.js";
import { validatePaths } from "../validate/validate-paths.js";
import { ExitError } from "./errors.js";
import type { Io } from "./io.js";
import { version } from "./version.js";

export const ruleInfo = [
  ...loaderCodes,
  ...rules.map((r) => ({ code: r.code, title: r.title, severity: r.severity })),
];

export interface ValidateOptions {
  format: "text" | "json" | "github" | "sarif";
  strict: boolean;
}

/**
 * Validates the paths given (default: the repository's maps/, found from any folder inside it) in
 * the context of their estate, and reports only on them.
 */
export async function runValidate(paths: string[], options: ValidateOptions, io: Io): Promise<number> {
  const result = await validatePaths(paths, io.cwd);
  const report = validationReport(result, options.strict);
  const rendered =
    options.format === "json"
      ? renderValidationJson(report)
      : options.format === "github"
        ? renderValidationGithub(report)
        : options.format === "sarif"
          ? renderValidationSarif(report, ruleInfo, version)
          : renderValidationText(report, paletteFor(io.stdout, io.env)) + elsewhereNote(result.elsewhere, result.estates);
  io.stdout.write(rendered);
  return report.ok ? 0 : 1;
}

/** Other files of the estate are not reported on, but a reader should know they are not clean. */
function elsewhereNote(elsewhere: { errors: number; warnings: number }, estates: readonly string[]): string {
  if (elsewhere.errors + elsewhere.warnings === 0) return "";
  const where = estates.join(" ");
  return `note: the other files of ${where} have ${elsewhere.errors} error(s) and ${elsewhere.warnings} warning(s), not shown here; dwctl validate ${where} shows them\n`;
}

export function validateCommand(io: Io): Command {
  return new Command("validate")
    .description("Check map, key and environment files against the schemas and the dual-write rules")
    .argument("[paths...]", "files or folders to read (default: maps)")
    .addOption(new Option("--format <format>", "output format").choices(["text", "json", "github", "sarif"]).default("text"))
    .option("--strict", "fail on warnings too", false)
    .addHelpText(
      "after",
      "\nExit codes: 0 valid, 1 errors (or warnings with --strict).\nEvery problem is printed as file:line:col severity CODE message, with a hint.",
    )
    .action(async (paths: string[], opts: ValidateOptions) => {
      const code = await runValidate(paths, opts, io);
      if (code !== 0) throw new ExitError(code);
    });
}
