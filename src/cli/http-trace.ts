import type { HttpClientOptions, HttpLogEvent } from "../live/http/client.js";
import { RetryBudget } from "../live/http/retry.js";
import type { Io } from "./io.js";
import { statusLineFor } from "./status-line.js";

function traceLine(event: HttpLogEvent): string | undefined {
  let path = event.url;
  try {
    const url = new URL(event.url);
    path = `${url.host}${url.pathname}${url.search}`;
  } catch {
    // Not a URL: shown as it came (already redacted).
  }
  const time = event.durationMs === undefined ? "" : ` ${event.durationMs} ms`;
  if (event.level === "debug" && event.status !== undefined) return `http: ${event.method} ${path} -> ${event.status}${time}`;
  if (event.level === "warn" || event.level === "error") return `http: ${event.method} ${path}: ${event.message}`;
  return undefined;
}

/**
 * The HTTP settings of one command: its retry budget, waits shown on the status line, and with
 * --verbose a trace of every request (method, host and path, status, time; redacted by the client).
 */
export function httpOptionsFor(io: Io): Partial<HttpClientOptions> {
  const status = statusLineFor(io);
  const global = io.global ?? { verbose: false, retryBudgetMs: 10 * 60_000 };
  return {
    retryBudget: new RetryBudget(global.retryBudgetMs, Date.now()),
    onWait: (event) => (event.kind === "answered" ? status.done() : status.status(event.message)),
    ...(global.verbose
      ? {
          logger: (event: HttpLogEvent) => {
            const line = traceLine(event);
            if (line !== undefined) status.line(line);
          },
        }
      : {}),
  };
}
