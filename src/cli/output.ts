import type { Io } from "./io.js";

export type OutputFormat = "text" | "json" | "markdown" | "html";

/** Pieces are written in runs of about this many characters: few writes, and little held at once. */
const RUN_CHARS = 1 << 16;

/** The pieces joined into runs of `size` characters or more (the last may be shorter); nothing for no text. */
export function* runsOf(pieces: Iterable<string>, size: number = RUN_CHARS): Generator<string> {
  let run: string[] = [];
  let length = 0;
  for (const piece of pieces) {
    run.push(piece);
    length += piece.length;
    if (length >= size) {
      yield run.join("");
      run = [];
      length = 0;
    }
  }
  if (length > 0) yield run.join("");
}

/**
 * Renders in the format asked for (each renderer runs only when chosen) and writes it to stdout, ending
 * in a newline. A renderer may give its text in pieces, written as they come (a large plan's text is
 * never held whole).
 */
export function writeFormatted(io: Io, format: OutputFormat, renderers: Record<OutputFormat, () => string | Iterable<string>>): void {
  const rendered = renderers[format]();
  if (typeof rendered === "string") {
    io.stdout.write(rendered.endsWith("\n") ? rendered : `${rendered}\n`);
    return;
  }
  let last = "";
  for (const run of runsOf(rendered)) {
    io.stdout.write(run);
    last = run;
  }
  if (!last.endsWith("\n")) io.stdout.write("\n");
}
