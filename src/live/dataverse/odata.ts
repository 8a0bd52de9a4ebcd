import { HttpError } from "../http/index.js";

/** An OData string literal inside a URL key segment: quotes doubled, then percent-encoded. */
export function odataString(value: string): string {
  return `'${encodeURIComponent(value.replaceAll("'", "''"))}'`;
}

export function isObject(value: unknown): value is object {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function property(value: unknown, name: string): unknown {
  return isObject(value) ? Reflect.get(value, name) : undefined;
}

export function text(value: unknown): string {
  return typeof value === "string" ? value : value === undefined || value === null ? "" : String(value);
}

export function isHttpStatus(error: unknown, status: number, code?: string): error is HttpError {
  if (!(error instanceof HttpError) || error.status !== status) return false;
  return code === undefined || error.errorCode?.toLowerCase() === code.toLowerCase();
}

/** The server's own message from an HttpError, without our method and URL prefix. */
export function serverMessage(error: HttpError): string {
  try {
    const message = property(property(JSON.parse(error.bodyExcerpt) as unknown, "error"), "message");
    if (typeof message === "string" && message !== "") return message;
  } catch {
    // A truncated or non-JSON body: fall back to the client's summary.
  }
  return error.message;
}
