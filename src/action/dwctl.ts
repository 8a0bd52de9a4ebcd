import type { Io } from "../cli/io.js";
import { run } from "../cli/program.js";

export interface DwctlRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs one dwctl command in this process, as the CLI would: stdout is kept whole (the JSON the
 * action reads), stderr is handed over line by line as it is written (progress, apply's waves,
 * errors), so a long apply shows its progress while it runs.
 */
export async function runDwctl(args: readonly string[], options: { cwd: string; env: Record<string, string | undefined>; onStderrLine: (line: string) => void }): Promise<DwctlRun> {
  let stdout = "";
  let stderr = "";
  let pending = "";
  const io: Io = {
    cwd: options.cwd,
    // Never colour: the text goes to a log, a summary or a comment.
    env: { ...options.env, NO_COLOR: "1", FORCE_COLOR: undefined },
    stdout: { write: (s: string) => (stdout += s), isTTY: false },
    stderr: {
      write: (s: string) => {
        stderr += s;
        pending += s;
        let end = pending.indexOf("\n");
        while (end !== -1) {
          options.onStderrLine(pending.slice(0, end).replace(/\r$/, ""));
          pending = pending.slice(end + 1);
          end = pending.indexOf("\n");
        }
        return true;
      },
      isTTY: false,
    },
  };
  const code = await run(args, io);
  if (pending !== "") options.onStderrLine(pending);
  return { code, stdout, stderr };
}
