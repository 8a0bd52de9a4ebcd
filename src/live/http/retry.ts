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
