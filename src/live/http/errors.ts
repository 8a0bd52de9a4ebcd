import { redact } from "./redact.js";

/** A copy of an underlying error with its message redacted, so a cause never carries a secret. */
class RedactedCause extends Error {
  readonly code: string | undefined;

  constructor(source: Error, depth: number) {
    const nested = depth < 3 ? redactCause(source.cause, depth + 1) : undefined;
    super(redact(source.message), nested === undefined ? undefined : { cause: nested });
    this.name = redact(source.name);
    const code: unknown = Reflect.get(source, "code");
    this.code = typeof code === "string" ? redact(code) : undefined;
  }
}

export function redactCause(cause: unknown, depth = 0): Error | undefined {
  if (cause === undefined || cause === null) return undefined;
  if (cause instanceof Error) return new RedactedCause(cause, depth);
  return new Error(redact(String(cause)));
}

export interface RequestErrorDetails {
  readonly method: string;
  readonly url: string;
  readonly requestId: string | undefined;
  readonly attempts: number;
  readonly cause?: unknown;
}

/** Base of every failure of one logical request; all text fields are redacted. */
export class HttpRequestError extends Error {
  override name = "HttpRequestError";
  readonly method: string;
  readonly url: string;
  readonly requestId: string | undefined;
  readonly attempts: number;

  constructor(message: string, details: RequestErrorDetails) {
    const cause = redactCause(details.cause);
    super(redact(message), cause === undefined ? undefined : { cause });
    this.method = details.method;
    this.url = redact(details.url);
    this.requestId = details.requestId === undefined ? undefined : redact(details.requestId);
    this.attempts = details.attempts;
  }
}

export interface HttpErrorDetails extends RequestErrorDetails {
  readonly status: number;
  readonly bodyExcerpt: string;
  readonly errorCode: string | undefined;
}

/** The server answered with a non-success status. */
export class HttpError extends HttpRequestError {
  override name = "HttpError";
  readonly status: number;
  readonly bodyExcerpt: string;
  /** The OData `error.code`, for example Dataverse's `0x80040237` (duplicate key). */
  readonly errorCode: string | undefined;

  constructor(message: string, details: HttpErrorDetails) {
    super(message, details);
    this.status = details.status;
    this.bodyExcerpt = redact(details.bodyExcerpt);
    this.errorCode = details.errorCode === undefined ? undefined : redact(details.errorCode);
  }
}

/**
 * 401 or 403 after a token refresh: the service refused the token. Names which service and which
 * token scope were refused, and why when the answer or `WWW-Authenticate` says (redacted).
 */
export class AccessDeniedError extends HttpError {
  override name = "AccessDeniedError";
  readonly service: string;
  readonly scope: string;
  readonly hint: string;

  constructor(message: string, details: HttpErrorDetails & { readonly service: string; readonly scope: string; readonly hint: string }) {
    super(message, details);
    this.service = details.service;
    this.scope = details.scope;
    this.hint = redact(details.hint);
  }
}

/** 412: the `If-Match` ETag is stale or the `If-None-Match: *` record already exists. */
export class PreconditionFailedError extends HttpError {
  override name = "PreconditionFailedError";
}

/** No response: the connection failed or was reset. */
export class NetworkError extends HttpRequestError {
  override name = "NetworkError";
}

export class TimeoutError extends NetworkError {
  override name = "TimeoutError";
  readonly timeoutMs: number;

  constructor(message: string, details: RequestErrorDetails & { readonly timeoutMs: number }) {
    super(message, details);
    this.timeoutMs = details.timeoutMs;
  }
}

/** The credential could not produce a token for the scope. */
export class AuthenticationError extends Error {
  override name = "AuthenticationError";
  readonly scope: string;

  constructor(message: string, scope: string, cause?: unknown) {
    const redactedCause = redactCause(cause);
    super(redact(message), redactedCause === undefined ? undefined : { cause: redactedCause });
    this.scope = scope;
  }
}

/** A response or URL that breaks the protocol: malformed JSON or multipart, a foreign or looping nextLink. */
export class ProtocolError extends Error {
  override name = "ProtocolError";

  constructor(message: string) {
    super(redact(message));
  }
}
