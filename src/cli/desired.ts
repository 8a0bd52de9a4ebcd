import { readInputFiles } from "../config/read-files.js";
import type { Desired } from "../model/desired.js";
import { paletteFor } from "../report/colour.js";
import { validationReport } from "../report/validation/report.js";
import { renderValidationText } from "../report/validation/text.js";
import { validateSources } from "../validate/validate-sources.js";
import { ExitError } from "./errors.js";
import type { Io } from "./io.js";

/**
 * Reads and validates the repository for plan and apply; any error stops the command before an
 * environment is touched. With --prune it also names the files that did not load: a map in one of
 * them would otherwise look deleted from git, and prune would delete it live.
 */
export async function loadDesiredForPlan(io: Io, paths: readonly string[], prune: boolean): Promise<Desired> {
  const result = validateSources(await readInputFiles(paths, io.cwd));
  const report = validationReport(result, false);
  if (report.ok) return result.desired;
  io.stderr.write(renderValidationText(report, paletteFor(io.stderr, io.env)));
  if (prune) {
    const failed = [...new Set(report.diagnostics.filter((d) => d.severity === "error").map((d) => d.file))];
    io.stderr.write(`--prune refused: ${failed.length} file(s) did not load or are invalid (${failed.join(", ")}); a map in them would look deleted from git. Fix them first.\n`);
  }
  io.stderr.write("The desired state is invalid; nothing was read from or written to any environment.\n");
  throw new ExitError(1);
}
