import { Command, CommanderError } from "commander";
import { ExitError, UserError } from "./errors.js";
import type { Io } from "./io.js";
import { validateCommand } from "./validate.js";
import { version } from "./version.js";

export function buildProgram(io: Io): Command {
  const program = new Command("dwctl")
    .description("Dynamics 365 dual-write configuration as code")
    .version(version)
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) });
  for (const command of [validateCommand(io)]) {
    program.addCommand(command.exitOverride().configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) }));
  }
  return program;
}

/** Runs the CLI and returns the exit code. The one place errors become exit codes. */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  try {
    await buildProgram(io).parseAsync([...argv], { from: "user" });
    return 0;
  } catch (error) {
    if (error instanceof ExitError) return error.exitCode;
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 1;
    if (error instanceof UserError) {
      io.stderr.write(`error: ${error.message}\n  hint: ${error.hint}\n`);
      return error.exitCode;
    }
    const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    io.stderr.write(
      `internal error: ${detail}\n  This is a bug in dwctl, not in your files. Please report it with the command you ran; set DWCTL_DEBUG=1 to print the stack.\n`,
    );
    if (io.env.DWCTL_DEBUG === "1" && error instanceof Error && error.stack !== undefined) io.stderr.write(error.stack + "\n");
    return 1;
  }
}
