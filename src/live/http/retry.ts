export type HttpMethod = "GET" | "HEAD" | "OPTIONS" | "POST" | "PUT" | "PATCH" | "DELETE";

export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([429, 500, 502, 503, 504]);

export interface BackoffPolicy {
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
}

/** Exponential backoff with full jitter; `retry` counts from 1. */
export function backoffDelay(retry: number, policy: BackoffPolicy, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, retry - 1));
  return Math.floor(random() * ceiling);
}

/** Milliseconds to wait from `Retry-After` (seconds or HTTP-date), or its Azure `-ms` variants. */
export function parseRetryAfter(headers: Headers, nowMs: number): number | undefined {
  for (const name of ["retry-after-ms", "x-ms-retry-after-ms"]) {
    const value = headers.get(name);
    if (value !== null && /^\d+(\.\d+)?$/.test(value.trim())) return Math.ceil(Number(value));
  }
  const value = headers.get("retry-after")?.trim();
  if (value === undefined || value === "") return undefined;
  if (/^\d+(\.\d+)?$/.test(value)) return Math.ceil(Number(value) * 1000);
  const date = Date.parse(value);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - nowMs);
}

const NETWORK_ERROR_CODES: ReadonlySet<string> = new Set([
  "ECONNRESET",
  "ECONNREFUSED",
  "ECONNABORTED",
  "EPIPE",
  "ETIMEDOUT",
  "EAI_AGAIN",
  "ENETUNREACH",
  "EHOSTUNREACH",
  "UND_ERR_SOCKET",
  "UND_ERR_CLOSED",
  "UND_ERR_CONNECT_TIMEOUT",
  "UND_ERR_HEADERS_TIMEOUT",
  "UND_ERR_BODY_TIMEOUT",
]);

/** True for connection-level failures (undici error codes, socket errors, and fetch's `TypeError: fetch failed` wrapper). */
export function isNetworkError(error: unknown): boolean {
  for (let current = error, depth = 0; current instanceof Error && depth < 4; current = current.cause, depth++) {
    const code: unknown = Reflect.get(current, "code");
    if (typeof code === "string" && NETWORK_ERROR_CODES.has(code)) return true;
    if (/socket hang up|fetch failed|terminated|other side closed/i.test(current.message)) return true;
  }
  return false;
}

const IDEMPOTENT_METHODS: ReadonlySet<string> = new Set(["GET", "HEAD", "OPTIONS", "PUT", "DELETE", "PATCH"]);

/**
 * Whether a request may be replayed after an ambiguous failure (5xx, reset, timeout).
 * OData PATCH sets values, so it replays safely; POST creates. A conditional request does not
 * replay safely: if the first attempt succeeded, the replay fails its own precondition with 412.
 */
export function isIdempotent(method: string, headers?: Headers | Readonly<Record<string, string>>): boolean {
  if (!IDEMPOTENT_METHODS.has(method.toUpperCase())) return false;
  if (headers === undefined) return true;
  const names =
    headers instanceof Headers ? [...headers.keys()] : Object.keys(headers).map((name) => name.toLowerCase());
  return !names.includes("if-match") && !names.includes("if-none-match");
}

/** Failures a retry cannot fix: the name does not resolve, or the certificate is not trusted. */
export function isPermanentConnectionError(error: unknown): boolean {
  for (let current = error, depth = 0; current instanceof Error && depth < 4; current = current.cause, depth++) {
    const code: unknown = Reflect.get(current, "code");
    if (typeof code !== "string") continue;
    if (code === "ENOTFOUND" || code.startsWith("CERT_") || code.startsWith("ERR_TLS_") || TLS_CODES.has(code)) return true;
  }
  return false;
}

const TLS_CODES: ReadonlySet<string> = new Set([
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "UNABLE_TO_GET_ISSUER_CERT",
  "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
  "SELF_SIGNED_CERT_IN_CHAIN",
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "HOSTNAME_MISMATCH",
]);

/**
 * How long one command may spend waiting on throttling, shared by every client of the command.
 * While it lasts, a 429 with Retry-After is waited out however many times it comes.
 */
export class RetryBudget {
  readonly totalMs: number;
  readonly #deadline: number;

  constructor(totalMs: number, nowMs: number) {
    this.totalMs = totalMs;
    this.#deadline = nowMs + totalMs;
  }

  allows(waitMs: number, nowMs: number): boolean {
    return nowMs + waitMs <= this.#deadline;
  }
}

/**
 * A failure after which a write may or may not have taken effect: a 5xx, a lost connection or a
 * timeout. A conditional write that ends so is read back rather than assumed lost.
 */
export function isAmbiguousFailure(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const status: unknown = Reflect.get(error, "status");
  if (typeof status === "number") return status >= 500;
  return error instanceof Error && (error.name === "NetworkError" || error.name === "TimeoutError") && !isPermanentConnectionError(error.cause);
}
