import { Command, CommanderError } from "commander";
import { AuthenticationError, HttpRequestError } from "../live/http/errors.js";
import { redact } from "../live/http/redact.js";
import { ExitError, UserError } from "./errors.js";
import type { Io } from "./io.js";
import { applyCommand } from "./apply.js";
import { lockCommand } from "./lock.js";
import { planCommand } from "./plan.js";
import { sandboxCommand } from "./sandbox.js";
import { validateCommand } from "./validate.js";
import { version } from "./version.js";

export function buildProgram(io: Io): Command {
  const program = new Command("dwctl")
    .description("Dynamics 365 dual-write configuration as code")
    .version(version)
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) });
  for (const command of [validateCommand(io), planCommand(io), applyCommand(io), lockCommand(io), sandboxCommand(io)]) {
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
    const hint = hintOf(error);
    if (error instanceof Error && hint !== undefined) {
      io.stderr.write(`error: ${redact(error.message)}\n  hint: ${redact(hint)}\n`);
      return 1;
    }
    if (error instanceof AuthenticationError) {
      io.stderr.write(`error: ${redact(error.message)}\n  hint: Check the pair's auth settings (tenantId, clientId), that the secret or federated credential is valid for that app registration, and that the identity provider can be reached.\n`);
      return 1;
    }
    if (error instanceof HttpRequestError) {
      io.stderr.write(`error: ${redact(error.message)}\n  hint: The environment could not be reached or refused the request${error.requestId === undefined ? "" : ` (request id ${error.requestId})`}. Check the URL and credentials, then run the command again.\n`);
      return 1;
    }
    const detail = redact(error instanceof Error ? `${error.name}: ${error.message}` : String(error));
    io.stderr.write(
      `internal error: ${detail}\n  This is a bug in dwctl, not in your files. Please report it with the command you ran; set DWCTL_DEBUG=1 to print the stack.\n`,
    );
    if (io.env.DWCTL_DEBUG === "1" && error instanceof Error && error.stack !== undefined) io.stderr.write(redact(error.stack) + "\n");
    return 1;
  }
}

/** Errors that carry a hint (lock held, plan refused, auth settings, platform refusals) are the user's to act on. */
function hintOf(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null || !("hint" in error)) return undefined;
  const hint = (error as { hint: unknown }).hint;
  return typeof hint === "string" ? hint : undefined;
}
