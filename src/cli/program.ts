import { Command, CommanderError } from "commander";
import { redact } from "../live/http/redact.js";
import { escapeControlKeepNewlines } from "../report/escape.js";
import { ExitError, UserError } from "./errors.js";
import { describeFailure, hintOf } from "./failures.js";
import { doctorCommand } from "./doctor.js";
import { driftCommand } from "./drift.js";
import { historyCommand } from "./history.js";
import { importCommand } from "./import.js";
import { showCommand } from "./show.js";
import type { Io } from "./io.js";
import { applyCommand } from "./apply.js";
import { lockCommand } from "./lock.js";
import { parseDuration } from "./options.js";
import { checkSandboxEnv } from "./sandbox-preflight.js";
import { statusLineFor } from "./status-line.js";
import { planCommand } from "./plan.js";
import { refreshCommand } from "./refresh.js";
import { sandboxCommand } from "./sandbox.js";
import { validateCommand } from "./validate.js";
import { version } from "./version.js";

export function buildProgram(io: Io): Command {
  const program = new Command("dwctl")
    .description("Dynamics 365 dual-write configuration as code")
    .version(version)
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
    .option("--verbose", "trace every HTTP request to stderr (method, path, status, time; redacted)", false)
    .option("--retry-budget <duration>", "how long one command may wait on throttling (429 with Retry-After) in total (90s, 10m, 1h)", parseDuration, 10 * 60_000)
    .hook("preAction", (_program, action) => {
      const opts = action.optsWithGlobals<{ verbose?: boolean; retryBudget?: number }>();
      io.global = { verbose: opts.verbose === true, retryBudgetMs: opts.retryBudget ?? 10 * 60_000 };
      if (action.name() !== "validate" && action.name() !== "show") checkSandboxEnv(io.env);
    });
  for (const command of [validateCommand(io), planCommand(io), applyCommand(io), driftCommand(io), showCommand(io), refreshCommand(io), lockCommand(io), historyCommand(io), doctorCommand(io), importCommand(io), sandboxCommand(io)]) {
    program.addCommand(command.exitOverride().configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) }));
  }
  return program;
}

/** Runs the CLI and returns the exit code. The one place errors become exit codes. */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  const say = (message: string, hint: string): void => {
    io.stderr.write(`error: ${escapeControlKeepNewlines(redact(message))}\n  hint: ${escapeControlKeepNewlines(redact(hint))}\n`);
  };
  try {
    await buildProgram(io).parseAsync([...argv], { from: "user" });
    statusLineFor(io).done();
    return 0;
  } catch (error) {
    statusLineFor(io).done();
    if (error instanceof ExitError) return error.exitCode;
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 1;
    if (error instanceof UserError) {
      say(error.message, error.hint);
      return error.exitCode;
    }
    const described = describeFailure(error);
    if (described !== undefined) {
      say(described.message, described.hint);
      return 1;
    }
    const hint = hintOf(error);
    if (error instanceof Error && hint !== undefined) {
      say(error.message, hint);
      return 1;
    }
    const detail = escapeControlKeepNewlines(redact(error instanceof Error ? `${error.name}: ${error.message}` : String(error)));
    io.stderr.write(
      `internal error: ${detail}\n  This is a bug in dwctl, not in your files. Please report it with the command you ran; set DWCTL_DEBUG=1 to print the stack.\n`,
    );
    if (io.env.DWCTL_DEBUG === "1" && error instanceof Error && error.stack !== undefined) io.stderr.write(escapeControlKeepNewlines(redact(error.stack)) + "\n");
    return 1;
  }
}
