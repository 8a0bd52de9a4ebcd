/** Options that apply to every command, known once the command line is parsed. */
export interface GlobalOptions {
  /** An HTTP trace (method, path, status, time; redacted) on stderr. */
  verbose: boolean;
  /** How long one command may spend waiting on throttling (429 with Retry-After), in total. */
  retryBudgetMs: number;
}

/** The process edges a command touches, injectable so commands can be tested in-process. */
export interface Io {
  cwd: string;
  env: Record<string, string | undefined>;
  stdout: { write(s: string): unknown; isTTY?: boolean; columns?: number };
  stderr: { write(s: string): unknown; isTTY?: boolean; columns?: number };
  /** Set by the program before a command runs. */
  global?: GlobalOptions;
}

/**
 * A process stream whose reader may go away (`dwctl plan | head -1`). Once the pipe is closed,
 * output to it is dropped: the command still finishes what it started (an apply is never cut
 * mid-wave by a closed pipe) and exits with its own exit code, so a plan cut by head exits 0.
 */
function closable(stream: NodeJS.WriteStream): Io["stdout"] {
  let closed = false;
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE" || error.code === "ERR_STREAM_DESTROYED") closed = true;
    else throw error;
  });
  return {
    write: (s: string) => (closed ? false : stream.write(s)),
    get isTTY() {
      return stream.isTTY;
    },
    get columns() {
      return stream.columns;
    },
  };
}

export function processIo(): Io {
  return { cwd: process.cwd(), env: process.env, stdout: closable(process.stdout), stderr: closable(process.stderr) };
}
