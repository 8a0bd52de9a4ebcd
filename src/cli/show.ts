import { Command, Option } from "commander";
import { integrityOf } from "../plan/seal-plan.js";
import { paletteFor } from "../report/colour.js";
import { renderPlanJson } from "../report/plan/json.js";
import { renderPlanMarkdown } from "../report/plan/markdown.js";
import { renderPlanText } from "../report/plan/text.js";
import { renderReportHtml } from "../report/report/html.js";
import { reportFromPlans } from "../report/report/model.js";
import { readPlanFile } from "./apply.js";
import { UserError } from "./errors.js";
import { writeFormatted } from "./output.js";
import type { Io } from "./io.js";

interface ShowOptions {
  format: "text" | "json" | "markdown" | "html";
}

/** Re-renders a saved plan, offline: what a reviewer reads in a pull request, from the file apply will check. */
export async function runShow(file: string, options: ShowOptions, io: Io): Promise<number> {
  const plan = await readPlanFile(file, io);
  if (plan.integrity === undefined || plan.integrity !== integrityOf(plan)) {
    throw new UserError(
      `${file}: the plan file was changed after dwctl wrote it (its content does not match its integrity hash)`,
      "Showing it would show something other than what was planned. Make the plan again with dwctl plan --out.",
    );
  }
  writeFormatted(io, options.format, {
    json: () => renderPlanJson(plan),
    markdown: () => renderPlanMarkdown(plan),
    // A saved plan carries no snapshot: the findings are what the plan shows, the last-applied record unknown.
    html: () => renderReportHtml(reportFromPlans([plan], { generatedAt: new Date().toISOString() })),
    text: () => renderPlanText(plan, paletteFor(io.stdout, io.env)),
  });
  return 0;
}

export function showCommand(io: Io): Command {
  return new Command("show")
    .description("Render a plan saved with dwctl plan --out, in any format (reads no environment)")
    .argument("<plan>", "the plan file")
    .addOption(new Option("--format <format>", "output format (html: one self-contained file)").choices(["text", "json", "markdown", "html"]).default("text"))
    .action(async (file: string, opts: ShowOptions) => {
      await runShow(file, opts, io);
    });
}
