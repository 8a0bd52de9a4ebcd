import { randomUUID } from "node:crypto";
import { createServer } from "node:http";
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import type { SandboxContext } from "./context.js";
import { errorResponse, odataError } from "./api/respond.js";
import type { ApiRequest, ApiResponse } from "./api/types.js";
import type { ControlDeps } from "./control/router.js";
import { handleControl } from "./control/router.js";
import { refuseForeignControl } from "./control/guard.js";
import { handleDataverse } from "./dataverse/router.js";
import { decodePath } from "./dataverse/batch.js";
import { settleAll } from "./dualwrite/lifecycle.js";
import { logRequest } from "./dualwrite/service.js";
import { handleDualWrite } from "./dualwrite/router.js";
import type { FaultInjector } from "./faults.js";
import { handleFinOps } from "./finops/router.js";
import { isLoopbackAddress } from "./loopback.js";
import type { ServiceProtection } from "./protection.js";
import { REQUEST_COUNT_CODE } from "./protection.js";
import type { RequestKind, StatsCounter } from "./stats.js";
import { forgetDatabase } from "./store/cache.js";
import { sql } from "./store/sql.js";
import { verifyToken } from "./token.js";

const MAX_BODY_BYTES = 64 * 1024 * 1024;
// The service root; both path families hang below it (dualwrite-service.md §1).
const DUALWRITE_ROOT = "/dualwrite/";
const DATAVERSE_ROOT = "/api/data/v9.2/";
const LOOPBACK_HOST = /^(127\.0\.0\.1|localhost|\[::1\]):\d+$/;

export interface ServerDeps {
  context: SandboxContext;
  secret: string;
  faults: FaultInjector;
  stats: StatsCounter;
  protection: ServiceProtection;
  control: ControlDeps;
}

interface Target {
  kind: RequestKind;
  /** The environment of a Dataverse or F&O request. */
  environment: string | undefined;
  /** Path below the service root. */
  rest: string;
  /** The token audience this service accepts, below the origin. */
  audiencePath: string;
}

export function createSandboxServer(deps: ServerDeps): { server: Server; hanging: Set<ServerResponse> } {
  const hanging = new Set<ServerResponse>();
  const server = createServer((request, response) => {
    handle(deps, hanging, request, response).catch((error: unknown) => {
      if (!response.headersSent) send(response, odataError(500, "0x80040216", error instanceof Error ? error.message : "sandbox failure"));
      else response.destroy();
    });
  });
  server.keepAliveTimeout = 5_000;
  return { server, hanging };
}

async function handle(deps: ServerDeps, hanging: Set<ServerResponse>, raw: IncomingMessage, response: ServerResponse): Promise<void> {
  const host = raw.headers.host ?? "";
  const origin = LOOPBACK_HOST.test(host) ? `http://${host}` : deps.context.origin();
  const url = new URL(raw.url ?? "/", origin);
  const target = classify(url.pathname);
  deps.stats.count(target.kind);
  if (target.kind === "control") {
    if (!isLoopbackAddress(raw.socket.remoteAddress)) {
      send(response, odataError(403, "Forbidden", "The sandbox control endpoints answer loopback clients only."));
      return;
    }
    const body = await readBody(raw);
    const request = apiRequest(raw, url, target.rest, body);
    // Loopback is not enough: a browser on this machine is a loopback client too.
    const refused = refuseForeignControl(request.headers, request.method, target.rest, body, Number(new URL(deps.context.origin()).port));
    send(response, refused ?? handleControl(deps.control, request));
    return;
  }
  if (target.kind === "unknown" || (target.environment !== undefined && deps.context.store.env(target.environment) === undefined)) {
    send(response, odataError(404, "NotFound", `Nothing is served at ${url.pathname}.`));
    return;
  }
  const leave = deps.stats.enter();
  response.on("close", leave);
  const body = await readBody(raw);
  const latency = deps.faults.latencyMs;
  const delay = async (): Promise<void> => {
    if (latency > 0) await sleep(latency);
  };
  const fault = deps.faults.decide();
  if (fault === "reset") {
    raw.socket.destroy();
    return;
  }
  if (fault === "hang") {
    hanging.add(response);
    response.on("close", () => hanging.delete(response));
    return;
  }
  if (fault === "throttle" || fault === "error") {
    await delay();
    if (fault === "throttle") deps.stats.throttled();
    send(
      response,
      fault === "throttle"
        ? throttled(deps.faults.retryAfterSeconds, "Rate limit is exceeded (injected fault).")
        : odataError(503, "ServiceUnavailable", "The service is temporarily unavailable (injected fault)."),
    );
    return;
  }
  const authError = authenticate(deps, raw, target);
  if (authError !== undefined) {
    await delay();
    send(response, odataError(401, "Unauthorized", authError));
    return;
  }
  const service = `${target.kind}:${target.environment ?? ""}`;
  const admission = deps.protection.admit(service, Date.now());
  if (!admission.ok) {
    deps.stats.throttled();
    send(response, throttled(admission.retryAfterSeconds, admission.reason, admission.code));
    return;
  }
  try {
    // The injected latency is spent holding a slot, so slow responses count against the concurrency limit.
    await delay();
    const apiResponse = dispatch(deps, target, apiRequest(raw, url, target.rest, body));
    apiResponse.headers["x-ms-service-request-id"] = randomUUID();
    send(response, apiResponse);
  } finally {
    admission.release(Date.now());
  }
}

/**
 * Each request runs in one transaction per database, as the platform's own request does: its
 * writes reach the files together (and cost one journal, not one per statement).
 */
function dispatch(deps: ServerDeps, target: Target, request: ApiRequest): ApiResponse {
  const databases = deps.context.store.databases();
  for (const db of databases) sql(db, "BEGIN").run();
  try {
    const response = route(deps, target, request);
    for (const db of databases) sql(db, "COMMIT").run();
    return response;
  } catch (error) {
    for (const db of databases) {
      if (!db.inTransaction) continue;
      sql(db, "ROLLBACK").run();
      forgetDatabase(db);
    }
    throw error;
  }
}

function route(deps: ServerDeps, target: Target, request: ApiRequest): ApiResponse {
  // One instant per request: a status that reads "completed" must see the map already settled.
  const instant = deps.context.now();
  const context: SandboxContext = { ...deps.context, now: () => instant };
  settleAll(context);
  const service = context.store.service;
  const path = request.url.pathname;
  if (target.kind === "dualwrite") {
    return wrap(() => handleDualWrite(context, request, (environment, action, initialSync) => logRequest(service, environment, instant, request.method, path, action, initialSync)));
  }
  const environment = context.store.env(target.environment ?? "");
  if (environment === undefined) return odataError(404, "NotFound", "No such environment.");
  const response = target.kind === "dataverse" ? handleDataverse(context, environment, request) : handleFinOps(context, environment, request);
  // Every write is logged per environment (GET /_sandbox/requests), whatever its answer.
  if (request.method !== "GET") logRequest(service, environment.name, instant, request.method, path);
  return response;
}

function wrap(run: () => ApiResponse): ApiResponse {
  try {
    return run();
  } catch (error) {
    return errorResponse(error);
  }
}

/** Every 429 carries Retry-After in seconds (docs power-apps api-limits.md). */
function throttled(retryAfterSeconds: number, message: string, code = REQUEST_COUNT_CODE): ApiResponse {
  return odataError(429, code, message, { "retry-after": String(Math.max(1, Math.ceil(retryAfterSeconds))) });
}

/** Never logs or echoes the token: a failure says why, not what was presented. */
function authenticate(deps: ServerDeps, raw: IncomingMessage, target: Target): string | undefined {
  const header = raw.headers.authorization ?? "";
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (match?.[1] === undefined) return "The request has no bearer token.";
  const check = verifyToken(deps.secret, match[1], `${deps.context.origin()}${target.audiencePath}`, Date.now());
  return check.ok ? undefined : check.reason;
}

export function classify(pathname: string): Target {
  if (pathname.startsWith("/_sandbox/")) return { kind: "control", environment: undefined, rest: pathname.slice("/_sandbox/".length), audiencePath: "" };
  if (pathname.startsWith(DUALWRITE_ROOT) && pathname.startsWith("/dualwrite/api/")) {
    return { kind: "dualwrite", environment: undefined, rest: decodePath(pathname.slice(DUALWRITE_ROOT.length)), audiencePath: "/dualwrite" };
  }
  const match = /^\/([a-z][a-z0-9-]*)\/(dataverse|finops)(\/.*)?$/.exec(pathname);
  const environment = match?.[1];
  const side = match?.[2];
  const tail = match?.[3] ?? "";
  if (environment !== undefined && side === "dataverse" && tail.startsWith(DATAVERSE_ROOT)) {
    return { kind: "dataverse", environment, rest: decodePath(tail.slice(DATAVERSE_ROOT.length)), audiencePath: `/${environment}/dataverse` };
  }
  if (environment !== undefined && side === "finops" && (tail.startsWith("/data/") || tail.startsWith("/metadata/"))) {
    return { kind: "finops", environment, rest: decodePath(tail.slice(1)), audiencePath: `/${environment}/finops` };
  }
  return { kind: "unknown", environment: undefined, rest: pathname, audiencePath: "" };
}

function apiRequest(raw: IncomingMessage, url: URL, rest: string, body: string): ApiRequest {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw.headers)) {
    if (value === undefined || name === "authorization") continue;
    headers[name] = Array.isArray(value) ? value.join(", ") : value;
  }
  return { method: (raw.method ?? "GET").toUpperCase(), url, rest, headers, body };
}

async function readBody(raw: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of raw) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new Error("request body too large");
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function send(response: ServerResponse, apiResponse: ApiResponse): void {
  if (response.destroyed) return;
  response.writeHead(apiResponse.status, apiResponse.headers);
  response.end(apiResponse.body);
}
