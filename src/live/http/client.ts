import { randomUUID } from "node:crypto";
import { setTimeout as delay } from "node:timers/promises";
import type { TokenCredential } from "@azure/core-auth";
import { Agent, EnvHttpProxyAgent, request as undiciRequest, type Dispatcher } from "undici";
import { buildBatches, isChangeSet } from "./batch.js";
import type { BatchItem, BatchOperation, BatchOperationResult } from "./batch.js";
import { parseBatchResponse } from "./batch.js";
import { AccessDeniedError, HttpError, NetworkError, PreconditionFailedError, ProtocolError, TimeoutError } from "./errors.js";
import type { HttpRequestError } from "./errors.js";
import { ConcurrencyLimiter } from "./limiter.js";
import { redact } from "./redact.js";
import { RETRYABLE_STATUSES, backoffDelay, isIdempotent, isNetworkError, isPermanentConnectionError, parseRetryAfter } from "./retry.js";
import type { HttpMethod, RetryBudget } from "./retry.js";
import { TokenCache } from "./token-cache.js";
import { assertTokenDestination } from "../auth/host-bound-credential.js";

export type LogLevel = "debug" | "info" | "warn" | "error";

export interface HttpLogEvent {
  readonly level: LogLevel;
  readonly message: string;
  readonly method: string;
  readonly url: string;
  readonly status?: number;
  readonly requestId?: string;
  readonly attempt?: number;
  readonly durationMs?: number;
}

export type HttpLogger = (event: HttpLogEvent) => void;

/** Why a request is waiting, for a person watching: once when a wait starts, and when it ends. */
export interface WaitEvent {
  readonly kind: "slow" | "throttled" | "retrying" | "answered";
  /** For example "waiting 12 s: Dataverse asked us to slow down (429)". */
  readonly message: string;
}

export type SleepFunction = (ms: number, signal?: AbortSignal) => Promise<void>;

export interface HttpClientOptions {
  /** Service root; relative request URLs resolve against it and no other origin gets the token. */
  readonly baseUrl: string;
  readonly credential: TokenCredential;
  /** For example `https://org.crm.dynamics.com/.default`. */
  readonly scope: string;
  readonly timeoutMs?: number;
  readonly maxAttempts?: number;
  readonly baseDelayMs?: number;
  readonly maxDelayMs?: number;
  /** A longer Retry-After fails the request instead of stalling the run. */
  readonly maxRetryAfterMs?: number;
  readonly maxConcurrency?: number;
  /** Lower the concurrency to the server's `x-ms-dop-hint`. */
  readonly followDopHint?: boolean;
  /** Share one limiter between clients that count against the same user's limits. */
  readonly limiter?: ConcurrencyLimiter;
  readonly headers?: Readonly<Record<string, string>>;
  /** False: send only `headers`, without the OData defaults (a service that is not OData). */
  readonly defaultHeaders?: boolean;
  /** The service's name in a 401/403 error, for example "Dataverse"; the refused scope is named with it. */
  readonly service?: string;
  /** What to do about a 401/403 from this service. */
  readonly accessHint?: string;
  readonly logger?: HttpLogger;
  readonly sleep?: SleepFunction;
  readonly random?: () => number;
  readonly now?: () => number;
  /** Told when a request waits long for an answer, on throttling or before a retry. */
  readonly onWait?: (event: WaitEvent) => void;
  /** How long without an answer before `onWait` hears of it. */
  readonly slowAfterMs?: number;
  /** Retry-After waits run within this budget instead of the attempt limit. */
  readonly retryBudget?: RetryBudget;
  /** Connection pool; by default one per process, with the proxy settings of the environment. */
  readonly dispatcher?: Dispatcher;
}

export interface RequestOptions {
  readonly headers?: Readonly<Record<string, string>>;
  /** Serialised as the JSON body. */
  readonly json?: unknown;
  /** A raw body; set its Content-Type in `headers`. */
  readonly body?: string;
  /** Preferences joined into one `Prefer` header. */
  readonly prefer?: readonly string[];
  readonly ifMatch?: string;
  readonly ifNoneMatch?: "*";
  /** Whether a 5xx, reset or timeout may be replayed; defaults from the method and preconditions. */
  readonly idempotent?: boolean;
  readonly timeoutMs?: number;
  readonly signal?: AbortSignal;
}

export interface HttpResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  /** Parsed body when the response is JSON. */
  readonly json: unknown;
  readonly etag: string | undefined;
  readonly requestId: string;
}

export interface PageOptions {
  /** `Prefer: odata.maxpagesize`; Dataverse allows at most 5,000. */
  readonly maxPageSize?: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly prefer?: readonly string[];
  readonly signal?: AbortSignal;
}

export interface BatchOptions {
  /** Relative to the base URL. */
  readonly path?: string;
  readonly continueOnError?: boolean;
  readonly maxOperations?: number;
  /** Defaults to true only when every operation is idempotent. */
  readonly idempotent?: boolean;
  readonly signal?: AbortSignal;
}

export interface HttpStats {
  /** HTTP requests sent, retries included. */
  readonly requestsSent: number;
  readonly retries: number;
  /** 429 responses. */
  readonly throttled: number;
  readonly peakInFlight: number;
  readonly tokenFetches: number;
  /** Last `x-ms-dop-hint` seen. */
  readonly dopHint: number | undefined;
}

export const MAX_PAGE_SIZE = 5000;

const DEFAULT_HEADERS: Readonly<Record<string, string>> = {
  Accept: "application/json",
  "OData-Version": "4.0",
  "OData-MaxVersion": "4.0",
};

const EXCERPT_LENGTH = 500;

type AttemptOutcome =
  | { readonly kind: "response"; readonly response: HttpResponse; readonly token: string; readonly waited: boolean }
  | { readonly kind: "failure"; readonly error: unknown; readonly timedOut: boolean; readonly permanent: boolean; readonly requestId: string; readonly waited: boolean };

export class HttpClient {
  readonly limiter: ConcurrencyLimiter;
  readonly #base: URL;
  readonly #tokens: TokenCache;
  readonly #credential: TokenCredential;
  readonly #timeoutMs: number;
  readonly #maxAttempts: number;
  readonly #baseDelayMs: number;
  readonly #maxDelayMs: number;
  readonly #maxRetryAfterMs: number;
  readonly #maxConcurrency: number;
  readonly #followDopHint: boolean;
  readonly #headers: Readonly<Record<string, string>>;
  readonly #access: { readonly service: string; readonly scope: string; readonly hint: string };
  readonly #logger: HttpLogger;
  readonly #sleep: SleepFunction;
  readonly #random: () => number;
  readonly #now: () => number;
  readonly #dispatcher: Dispatcher;
  readonly #onWait: (event: WaitEvent) => void;
  readonly #slowAfterMs: number;
  readonly #budget: RetryBudget | undefined;
  #requestsSent = 0;
  #retries = 0;
  #throttled = 0;
  #dopHint: number | undefined;

  constructor(options: HttpClientOptions) {
    this.#base = new URL(options.baseUrl.endsWith("/") ? options.baseUrl : `${options.baseUrl}/`);
    this.#now = options.now ?? Date.now;
    this.#tokens = new TokenCache(options.credential, options.scope, this.#now);
    this.#credential = options.credential;
    this.#timeoutMs = positive("timeoutMs", options.timeoutMs ?? 30_000);
    this.#maxAttempts = positive("maxAttempts", options.maxAttempts ?? 6);
    this.#baseDelayMs = options.baseDelayMs ?? 500;
    this.#maxDelayMs = options.maxDelayMs ?? 30_000;
    this.#maxRetryAfterMs = options.maxRetryAfterMs ?? 5 * 60_000;
    this.#maxConcurrency = positive("maxConcurrency", options.maxConcurrency ?? 52);
    this.limiter = options.limiter ?? new ConcurrencyLimiter(this.#maxConcurrency);
    this.#followDopHint = options.followDopHint ?? true;
    this.#headers = { ...(options.defaultHeaders === false ? {} : DEFAULT_HEADERS), ...options.headers };
    this.#access = {
      service: options.service ?? this.#base.host,
      scope: options.scope,
      hint: options.accessHint ?? "check that this identity has access to the service",
    };
    this.#logger = options.logger ?? (() => undefined);
    this.#sleep = options.sleep ?? ((ms, signal) => delay(ms, undefined, signal === undefined ? {} : { signal }));
    this.#random = options.random ?? Math.random;
    this.#dispatcher = options.dispatcher ?? defaultDispatcher();
    this.#onWait = options.onWait ?? (() => undefined);
    this.#slowAfterMs = options.slowAfterMs ?? 5_000;
    this.#budget = options.retryBudget;
  }

  get stats(): HttpStats {
    return {
      requestsSent: this.#requestsSent,
      retries: this.#retries,
      throttled: this.#throttled,
      peakInFlight: this.limiter.peak,
      tokenFetches: this.#tokens.fetches,
      dopHint: this.#dopHint,
    };
  }

  /** Sends one logical request, retrying throttling and transient failures; throws on a final failure. */
  async request(method: HttpMethod, url: string, options: RequestOptions = {}): Promise<HttpResponse> {
    const target = this.resolve(url);
    const headers = this.#buildHeaders(options);
    const body = options.json === undefined ? options.body : JSON.stringify(options.json);
    if (options.json !== undefined && !headers.has("content-type")) headers.set("Content-Type", "application/json");
    const idempotent = options.idempotent ?? isIdempotent(method, headers);
    const timeoutMs = options.timeoutMs ?? this.#timeoutMs;
    const subject = { method, url: redact(target.href) };
    let attempt = 0;
    let failures = 0;
    let refreshedToken = false;
    let waited = false;
    for (;;) {
      attempt++;
      const outcome = await this.#attempt(method, target, headers, body, timeoutMs, options.signal);
      if (outcome.waited) waited = true;
      if (outcome.kind === "failure") {
        if (options.signal?.aborted === true) throw options.signal.reason;
        failures++;
        const error = toNetworkError(outcome, subject, attempt, timeoutMs);
        const wait = idempotent && !outcome.permanent ? this.#retryDelay(failures, undefined) : undefined;
        if (wait !== undefined) {
          waited = true;
          this.#wait("retrying", `waiting ${seconds(wait)} before trying again: ${method} ${pathOf(target)} on ${this.#access.service} ${outcome.timedOut ? `got no answer in ${seconds(timeoutMs)}` : "lost its connection"} (attempt ${attempt})`);
        } else if (waited) {
          this.#wait("answered", `${this.#access.service} did not answer`);
        }
        await this.#retryOrThrow(error, wait, { ...subject, requestId: outcome.requestId, attempt }, options.signal);
        continue;
      }
      const { response } = outcome;
      const context = { ...subject, status: response.status, requestId: response.requestId, attempt };
      if (response.status < 300 || response.status === 304) {
        if (waited) this.#wait("answered", `${this.#access.service} answered`);
        return response;
      }
      if (response.status === 401 && !refreshedToken) {
        refreshedToken = true;
        this.#tokens.invalidate(outcome.token);
        this.#log({ level: "warn", message: `${method} ${subject.url} -> 401, refreshing the token and retrying`, ...context });
        this.#retries++;
        continue;
      }
      failures++;
      const retryable = response.status === 429 || (idempotent && RETRYABLE_STATUSES.has(response.status));
      const retryAfter = parseRetryAfter(response.headers, this.#now());
      const wait = retryable ? this.#retryDelay(failures, retryAfter) : undefined;
      const spent = retryable && wait === undefined && retryAfter !== undefined && this.#budget !== undefined;
      const error = toHttpError(method, subject.url, response, attempt, this.#access, spent ? this.#budget : undefined);
      if (wait !== undefined) {
        waited = true;
        if (response.status === 429) this.#wait("throttled", `waiting ${seconds(wait)}: ${this.#access.service} asked us to slow down (429)`);
        else this.#wait("retrying", `waiting ${seconds(wait)} before trying again: ${method} ${pathOf(target)} on ${this.#access.service} answered ${response.status} (attempt ${attempt})`);
      } else if (waited) {
        this.#wait("answered", `${this.#access.service} answered ${response.status}`);
      }
      await this.#retryOrThrow(error, wait, context, options.signal);
    }
  }

  /** GETs JSON; the caller vouches for its shape. */
  async getJson<T>(url: string, options: Omit<RequestOptions, "json" | "body"> = {}): Promise<T> {
    const response = await this.request("GET", url, options);
    return response.json as T;
  }

  /** Yields each page's `value`, following `@odata.nextLink` until there is none. */
  async *iteratePages<T>(url: string, options: PageOptions = {}): AsyncGenerator<T[], void, undefined> {
    const maxPageSize = options.maxPageSize ?? MAX_PAGE_SIZE;
    if (!Number.isInteger(maxPageSize) || maxPageSize < 1 || maxPageSize > MAX_PAGE_SIZE) {
      throw new RangeError(`maxPageSize must be an integer from 1 to ${MAX_PAGE_SIZE}, got ${maxPageSize}`);
    }
    const requestOptions: RequestOptions = {
      prefer: [`odata.maxpagesize=${maxPageSize}`, ...(options.prefer ?? [])],
      ...(options.headers === undefined ? {} : { headers: options.headers }),
      ...(options.signal === undefined ? {} : { signal: options.signal }),
    };
    const seen = new Set<string>();
    let next: string | undefined = this.resolve(url).href;
    while (next !== undefined) {
      if (seen.has(next)) throw new ProtocolError(`@odata.nextLink loops back to ${next}`);
      seen.add(next);
      const page = (await this.request("GET", next, requestOptions)).json;
      const value = field(page, "value");
      if (!Array.isArray(value)) throw new ProtocolError(`page from ${next} has no "value" array`);
      yield value as T[];
      const nextLink = field(page, "@odata.nextLink");
      if (nextLink !== undefined && typeof nextLink !== "string") {
        throw new ProtocolError(`@odata.nextLink from ${next} is not a string`);
      }
      next = nextLink === undefined ? undefined : this.resolve(nextLink).href;
    }
  }

  async getAllPages<T>(url: string, options: PageOptions = {}): Promise<T[]> {
    const all: T[] = [];
    for await (const page of this.iteratePages<T>(url, options)) all.push(...page);
    return all;
  }

  /** Sends the operations in `$batch` requests of at most 1,000 operations, in order, one batch at a time. */
  async batch(items: readonly BatchItem[], options: BatchOptions = {}): Promise<BatchOperationResult[]> {
    const resolve = (operation: BatchOperation): BatchOperation => ({ ...operation, url: this.resolve(operation.url).href });
    const resolved = items.map((item) => (isChangeSet(item) ? { changeSet: item.changeSet.map(resolve) } : resolve(item)));
    const operations = items.flatMap((item) => (isChangeSet(item) ? item.changeSet : [item]));
    const idempotent = options.idempotent ?? operations.every((operation) => isIdempotent(operation.method, operation.headers));
    const batches = buildBatches(resolved, {
      ...(options.continueOnError === undefined ? {} : { continueOnError: options.continueOnError }),
      ...(options.maxOperations === undefined ? {} : { maxOperations: options.maxOperations }),
    });
    const results: BatchOperationResult[] = [];
    for (const batch of batches) {
      const response = await this.request("POST", options.path ?? "$batch", {
        headers: batch.headers,
        body: batch.body,
        idempotent,
        ...(options.signal === undefined ? {} : { signal: options.signal }),
      });
      results.push(...parseBatchResponse(response.headers.get("content-type") ?? "", response.text));
    }
    return results;
  }

  /** Resolves against the base URL and refuses any other origin, so the token never leaves it. */
  resolve(url: string): URL {
    const target = new URL(url, this.#base);
    if (target.origin !== this.#base.origin) {
      throw new ProtocolError(`refusing to send credentials to ${target.origin}; this client is bound to ${this.#base.origin}`);
    }
    return target;
  }

  #buildHeaders(options: RequestOptions): Headers {
    const headers = new Headers(this.#headers);
    for (const [name, value] of Object.entries(options.headers ?? {})) headers.set(name, value);
    if (options.prefer !== undefined && options.prefer.length > 0) headers.set("Prefer", options.prefer.join(", "));
    if (options.ifMatch !== undefined) headers.set("If-Match", options.ifMatch);
    if (options.ifNoneMatch !== undefined) headers.set("If-None-Match", options.ifNoneMatch);
    return headers;
  }

  async #attempt(
    method: HttpMethod,
    target: URL,
    baseHeaders: Headers,
    body: string | undefined,
    timeoutMs: number,
    outer: AbortSignal | undefined,
  ): Promise<AttemptOutcome> {
    const release = await this.limiter.acquire(outer);
    const clientRequestId = randomUUID();
    let timeout: AbortSignal | undefined;
    let waited = false;
    const slow = setTimeout(() => {
      waited = true;
      this.#wait("slow", `waiting for ${this.#access.service}: no answer for ${seconds(this.#slowAfterMs)} to ${method} ${pathOf(target)} (gives up after ${seconds(timeoutMs)})`);
    }, this.#slowAfterMs);
    slow.unref();
    try {
      // Defence in depth behind DW176: a token never leaves for a host outside its service's.
      assertTokenDestination(this.#credential, target);
      const token = await this.#tokens.getToken();
      timeout = AbortSignal.timeout(timeoutMs);
      const signal = outer === undefined ? timeout : AbortSignal.any([outer, timeout]);
      const started = this.#now();
      const headers: Record<string, string> = Object.fromEntries(baseHeaders);
      headers["authorization"] = `Bearer ${token}`;
      headers["x-ms-client-request-id"] = clientRequestId;
      this.#requestsSent++;
      // undici's request API rather than fetch: a third of the CPU per request, and it never
      // follows a redirect, so a redirect cannot carry the token anywhere.
      const raw = await undiciRequest(target, { method, headers, signal, dispatcher: this.#dispatcher, ...(body === undefined ? {} : { body }) });
      const text = await raw.body.text();
      const responseHeaders = toHeaders(raw.headers);
      const requestId = serverRequestId(responseHeaders) ?? clientRequestId;
      this.#observe(raw.statusCode, responseHeaders);
      const response: HttpResponse = {
        status: raw.statusCode,
        headers: responseHeaders,
        text,
        json: parseJson(raw.statusCode, responseHeaders, text, target),
        etag: responseHeaders.get("etag") ?? undefined,
        requestId,
      };
      const url = redact(target.href);
      const durationMs = this.#now() - started;
      this.#log({ level: "debug", message: `${method} ${url} -> ${raw.statusCode}`, method, url, status: raw.statusCode, requestId, durationMs });
      return { kind: "response", response, token, waited };
    } catch (error) {
      const timedOut = timeout?.aborted === true && outer?.aborted !== true;
      const permanent = !timedOut && isPermanentConnectionError(error);
      if (error instanceof ProtocolError || !(timedOut || permanent || isNetworkError(error))) throw error;
      return { kind: "failure", error, timedOut, permanent, requestId: clientRequestId, waited };
    } finally {
      clearTimeout(slow);
      release();
    }
  }

  #observe(status: number, headers: Headers): void {
    if (status === 429) this.#throttled++;
    const hint = Number.parseInt(headers.get("x-ms-dop-hint") ?? "", 10);
    if (!Number.isInteger(hint) || hint < 1) return;
    this.#dopHint = hint;
    if (this.#followDopHint) this.limiter.setLimit(Math.min(this.#maxConcurrency, hint));
  }

  #retryDelay(failures: number, retryAfterMs: number | undefined): number | undefined {
    if (retryAfterMs !== undefined && this.#budget !== undefined) {
      const wait = retryAfterMs + Math.floor(this.#random() * this.#baseDelayMs);
      return this.#budget.allows(wait, this.#now()) ? wait : undefined;
    }
    if (failures >= this.#maxAttempts) return undefined;
    const jitter = backoffDelay(failures, { baseDelayMs: this.#baseDelayMs, maxDelayMs: this.#maxDelayMs }, this.#random);
    if (retryAfterMs === undefined) return jitter;
    if (retryAfterMs > this.#maxRetryAfterMs) return undefined;
    // A little spread after Retry-After, so throttled callers do not all return in the same instant.
    return retryAfterMs + Math.floor(this.#random() * this.#baseDelayMs);
  }

  async #retryOrThrow(
    error: HttpRequestError,
    wait: number | undefined,
    context: Omit<HttpLogEvent, "level" | "message">,
    signal: AbortSignal | undefined,
  ): Promise<void> {
    if (wait === undefined) {
      this.#log({ level: "error", message: error.message, ...context });
      throw error;
    }
    this.#log({ level: "warn", message: `${error.message}; retrying in ${wait} ms`, ...context });
    this.#retries++;
    await this.#sleep(wait, signal);
  }

  #wait(kind: WaitEvent["kind"], message: string): void {
    try {
      this.#onWait({ kind, message: redact(message) });
    } catch {
      // A broken progress display must not fail the request it reports on.
    }
  }

  #log(event: HttpLogEvent): void {
    try {
      this.#logger({ ...event, message: redact(event.message), url: redact(event.url) });
    } catch {
      // A broken logger must not fail the request it reports on.
    }
  }
}

/** The `@odata.etag` of an entity read from the Web API, for `ifMatch`. */
export function etagOf(entity: unknown): string | undefined {
  const etag = field(entity, "@odata.etag");
  return typeof etag === "string" ? etag : undefined;
}

function field(value: unknown, name: string): unknown {
  return typeof value === "object" && value !== null ? Reflect.get(value, name) : undefined;
}

function seconds(ms: number): string {
  return ms < 60_000 ? `${Math.max(1, Math.round(ms / 1000))} s` : `${Math.round(ms / 60_000)} min`;
}

function pathOf(target: URL): string {
  return redact(`${target.pathname}${target.search}`);
}

function positive(name: string, value: number): number {
  if (!Number.isFinite(value) || value <= 0) throw new RangeError(`${name} must be positive, got ${value}`);
  return value;
}

function serverRequestId(headers: Headers): string | undefined {
  return headers.get("x-ms-service-request-id") ?? headers.get("request-id") ?? headers.get("x-ms-request-id") ?? undefined;
}

function parseJson(status: number, headers: Headers, text: string, target: URL): unknown {
  if (text.trim() === "" || !/json/i.test(headers.get("content-type") ?? "")) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    if (status < 200 || status > 299) return undefined;
    throw new ProtocolError(`${target.href} answered ${status} with malformed JSON`);
  }
}

/**
 * A connection pool that honours HTTPS_PROXY, HTTP_PROXY and NO_PROXY (either case). Loopback,
 * where the sandbox lives, is always reached directly: a corporate proxy cannot reach it.
 */
export function dispatcherFromEnv(env: Readonly<Record<string, string | undefined>>): Dispatcher {
  const httpProxy = env.http_proxy ?? env.HTTP_PROXY;
  const httpsProxy = env.https_proxy ?? env.HTTPS_PROXY;
  if ((httpProxy ?? "") === "" && (httpsProxy ?? "") === "") return new Agent({ keepAliveTimeout: 4_000 });
  const noProxy = [env.no_proxy ?? env.NO_PROXY ?? "", "localhost", ".localhost", "127.0.0.1", "[::1]"].filter((entry) => entry !== "").join(",");
  const http = httpProxy ?? "";
  const https = httpsProxy === undefined || httpsProxy === "" ? http : httpsProxy;
  // Given explicitly (an empty string for none), so the agent never falls back to process.env.
  return new EnvHttpProxyAgent({ keepAliveTimeout: 4_000, noProxy, httpProxy: http, httpsProxy: https });
}

let processDispatcher: Dispatcher | undefined;

/** One connection pool for every client in the process: keep-alive across the three services. */
function defaultDispatcher(): Dispatcher {
  processDispatcher ??= dispatcherFromEnv(process.env);
  return processDispatcher;
}

function toHeaders(raw: Record<string, string | string[] | undefined>): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else headers.set(name, value);
  }
  return headers;
}

function toHttpError(
  method: string,
  url: string,
  response: HttpResponse,
  attempts: number,
  access: { readonly service: string; readonly scope: string; readonly hint: string },
  spentBudget?: RetryBudget,
): HttpError {
  const odataError = field(response.json, "error");
  const code = field(odataError, "code");
  const serverMessage = field(odataError, "message");
  const excerpt = redact(response.text).slice(0, EXCERPT_LENGTH);
  const summary = typeof serverMessage === "string" ? serverMessage : excerpt;
  const tries = `${attempts} ${attempts === 1 ? "attempt" : "attempts"}`;
  const reason = summary === "" ? "" : `: ${redact(summary).slice(0, EXCERPT_LENGTH)}`;
  const budget = spentBudget === undefined ? "" : `; still throttled when the retry budget of ${seconds(spentBudget.totalMs)} ran out (--retry-budget)`;
  const message = `${method} ${url} failed with ${response.status} (request id ${response.requestId}, ${tries})${reason}${budget}`;
  const details = {
    method,
    url,
    requestId: response.requestId,
    attempts,
    status: response.status,
    bodyExcerpt: excerpt,
    errorCode: typeof code === "string" ? code : undefined,
  };
  if (response.status === 401 || response.status === 403) {
    const challenge = response.headers.get("www-authenticate");
    const why = [challenge === null ? "" : `WWW-Authenticate: ${challenge}`, summary].filter((part) => part !== "").join("; ");
    const refused = `${access.service} refused the token for scope ${access.scope} with ${response.status}${why === "" ? "" : ` (${redact(why).slice(0, EXCERPT_LENGTH)})`}; ${method} ${url}, request id ${response.requestId}`;
    return new AccessDeniedError(refused, { ...details, ...access });
  }
  return response.status === 412 ? new PreconditionFailedError(message, details) : new HttpError(message, details);
}

function toNetworkError(
  outcome: Extract<AttemptOutcome, { kind: "failure" }>,
  request: { readonly method: string; readonly url: string },
  attempts: number,
  timeoutMs: number,
): NetworkError {
  const details = { ...request, requestId: outcome.requestId, attempts, cause: outcome.error };
  const tries = `${attempts} ${attempts === 1 ? "attempt" : "attempts"}`;
  if (outcome.timedOut) {
    const message = `${request.method} ${request.url} timed out after ${timeoutMs} ms (request id ${outcome.requestId}, ${tries})`;
    return new TimeoutError(message, { ...details, timeoutMs });
  }
  const reason = outcome.error instanceof Error ? describeNetworkError(outcome.error) : String(outcome.error);
  return new NetworkError(`${request.method} ${request.url} failed: ${reason} (request id ${outcome.requestId}, ${tries})`, details);
}

function describeNetworkError(error: Error): string {
  const cause = error.cause;
  if (cause instanceof Error) {
    const code: unknown = Reflect.get(cause, "code");
    return `${error.message} (${typeof code === "string" ? code : cause.message})`;
  }
  return error.message;
}
