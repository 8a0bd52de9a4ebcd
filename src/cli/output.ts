import type { Io } from "./io.js";

export type OutputFormat = "text" | "json" | "markdown" | "html";

/** Renders in the format asked for (each renderer runs only when chosen) and writes it to stdout, ending in a newline. */
export function writeFormatted(io: Io, format: OutputFormat, renderers: Record<OutputFormat, () => string>): void {
  const rendered = renderers[format]();
  io.stdout.write(rendered.endsWith("\n") ? rendered : `${rendered}\n`);
}
