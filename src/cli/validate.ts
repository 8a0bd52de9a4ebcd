import { Command, Option } from "commander";
import { loaderCodes } from "../config/loader-codes.js";
import { readInputFiles } from "../config/read-files.js";
import { validateSources } from "../config/validate.js";
import { paletteFor } from "../report/colour.js";
import { renderValidationGithub } from "../report/validation/github.js";
import { renderValidationJson, validationReport } from "../report/validation/report.js";
import { renderValidationSarif } from "../report/validation/sarif.js";
import { renderValidationText } from "../report/validation/text.js";
import { rules } from "../rules/index.js";
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

export async function runValidate(paths: string[], options: ValidateOptions, io: Io): Promise<number> {
  const files = await readInputFiles(paths.length > 0 ? paths : ["maps"], io.cwd);
  const result = validateSources(files);
  const report = validationReport(result, options.strict);
  const rendered =
    options.format === "json"
      ? renderValidationJson(report)
      : options.format === "github"
        ? renderValidationGithub(report)
        : options.format === "sarif"
          ? renderValidationSarif(report, ruleInfo, version)
          : renderValidationText(report, paletteFor(io.stdout, io.env));
  io.stdout.write(rendered);
  return report.ok ? 0 : 1;
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
