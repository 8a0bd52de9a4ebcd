import { escapeControl } from "../report/escape.js";
import type { Io } from "./io.js";

const CLEAR_LINE = "\r\u001b[2K";

/**
 * What dwctl is waiting on, on stderr, written once per change of state: updated in place on a
 * terminal, one plain line each otherwise (CI logs). Never coloured. Text from YAML or from an
 * environment is shown with its control characters escaped.
 */
export class StatusLine {
  readonly #stream: Io["stderr"];
  #shown: string | undefined;
  #last: string | undefined;

  constructor(stream: Io["stderr"]) {
    this.#stream = stream;
  }

  /** A state: written when it differs from the one before. */
  status(text: string): void {
    const safe = escapeControl(text);
    if (safe === this.#last) return;
    this.#last = safe;
    if (this.#stream.isTTY === true) {
      const width = this.#stream.columns ?? 0;
      const fitted = width > 1 && safe.length >= width ? `${safe.slice(0, width - 2)}…` : safe;
      this.#stream.write(`${CLEAR_LINE}${fitted}`);
      this.#shown = fitted;
    } else {
      this.#stream.write(`${safe}\n`);
    }
  }

  /** The wait is over: the next state is written even when it reads the same. */
  done(): void {
    this.#last = undefined;
    if (this.#shown === undefined) return;
    this.#shown = undefined;
    this.#stream.write(CLEAR_LINE);
  }

  /** A line that stays (a journal line of apply): clears the status line first. */
  line(text: string): void {
    this.done();
    this.#stream.write(`${escapeControl(text)}\n`);
  }
}

const lines = new WeakMap<Io, StatusLine>();

/** The one status line of a command's stderr, shared by progress, HTTP waits and journal lines. */
export function statusLineFor(io: Io): StatusLine {
  let line = lines.get(io);
  if (line === undefined) {
    line = new StatusLine(io.stderr);
    lines.set(io, line);
  }
  return line;
}
