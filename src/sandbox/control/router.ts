import type { SandboxContext } from "../context.js";
import { json, noContent, objectBody, odataError } from "../api/respond.js";
import type { ApiRequest, ApiResponse } from "../api/types.js";
import { ApiError } from "../api/types.js";
import { settleAll } from "../dualwrite/lifecycle.js";
import type { FaultInjector } from "../faults.js";
import type { CopySide, CopyVariant, SandboxFaults } from "../options.js";
import { loggedRequests } from "../dualwrite/service.js";
import type { StatsCounter } from "../stats.js";
import { audienceOfScope, secretMatches, signToken } from "../token.js";
import { sandboxStatus } from "./status.js";

const TOKEN_TTL_SECONDS = 3600;

export interface ControlDeps {
  context: SandboxContext;
  secret: string;
  faults: FaultInjector;
  stats: StatsCounter;
  copyDatabase(from: string, to: string, side: CopySide, variant: CopyVariant): void;
  reset(): void;
  /** The environments of pairs marked `protected: true`: a copy onto one needs `confirm` naming it. */
  protectedEnvironments: ReadonlySet<string>;
}

/** `/_sandbox/*`: loopback only (checked by the server), never faulted, never throttled. */
export function handleControl(deps: ControlDeps, request: ApiRequest): ApiResponse {
  try {
    return route(deps, request);
  } catch (error) {
    if (error instanceof ApiError) return odataError(error.status, error.code, error.message);
    if (error instanceof RangeError) return odataError(400, "BadRequest", error.message);
    throw error;
  }
}

function route(deps: ControlDeps, request: ApiRequest): ApiResponse {
  switch (`${request.method} ${request.rest}`) {
    case "POST token":
      return token(deps, request);
    case "GET status":
      settleAll(deps.context);
      return json(200, sandboxStatus(deps.context, deps.protectedEnvironments));
    case "GET faults":
      return json(200, deps.faults.current ?? {});
    case "PUT faults":
      deps.faults.set(faultsOf(objectBody(request)));
      return json(200, deps.faults.current ?? {});
    case "DELETE faults":
      deps.faults.set(undefined);
      return noContent();
    case "GET stats":
      return json(200, deps.stats.snapshot());
    case "DELETE stats":
      deps.stats.reset();
      return noContent();
    case "GET sync-log":
      return json(200, { value: deps.context.syncLog });
    case "GET requests": {
      const env = request.url.searchParams.get("env");
      if (env === null || deps.context.store.env(env) === undefined) throw new ApiError(400, "BadRequest", "requests needs ?env=<environment name>.");
      return json(200, { value: loggedRequests(deps.context.store.service, env) });
    }
    case "POST copy-db": {
      const body = objectBody(request);
      const side = body["side"] ?? "both";
      const variant = body["variant"] ?? "lcs";
      if (
        typeof body["from"] !== "string" ||
        typeof body["to"] !== "string" ||
        (side !== "finops" && side !== "dataverse" && side !== "both") ||
        (variant !== "lcs" && variant !== "raw")
      ) {
        throw new ApiError(400, "BadRequest", 'copy-db needs { from, to, side: "finops" | "dataverse" | "both", variant: "lcs" | "raw" }.');
      }
      confirmCopy(deps, body["to"], body["confirm"]);
      deps.copyDatabase(body["from"], body["to"], side, variant);
      return json(200, { copied: { from: body["from"], to: body["to"], side, variant } });
    }
    case "POST reset":
      // The documented way to start over re-seeds the whole estate, protected pairs included; it
      // needs no confirm (the main job starts with it). Web pages cannot reach it (control/guard.ts).
      deps.reset();
      return json(200, sandboxStatus(deps.context, deps.protectedEnvironments));
    default:
      throw new ApiError(404, "NotFound", `No sandbox control endpoint ${request.method} /_sandbox/${request.rest}.`);
  }
}

/**
 * A copy replaces the target's databases, so a copy onto a protected pair must name it again in
 * `confirm`, as `dwctl sandbox copy-db --confirm <pair>` does: the one mistake this stops is the
 * swapped direction (`--from stage --to prod`). A `confirm` that names another environment is
 * refused for any target: whoever sent it meant a different copy.
 */
function confirmCopy(deps: ControlDeps, to: string, confirm: unknown): void {
  if (confirm !== undefined && confirm !== to) {
    throw new ApiError(400, "BadRequest", `copy-db: confirm names ${JSON.stringify(confirm)}, but the copy's target is "${to}"; nothing was copied.`);
  }
  if (deps.protectedEnvironments.has(to) && confirm !== to) {
    throw new ApiError(403, "ProtectedEnvironment", `${to} is a protected pair: a copy would replace its databases. Send "confirm": "${to}" to copy onto it; nothing was copied.`);
  }
}

/** The client-credentials shape of Entra ID, as JSON or form-encoded. */
function token(deps: ControlDeps, request: ApiRequest): ApiResponse {
  const form = /application\/x-www-form-urlencoded/i.test(request.headers["content-type"] ?? "");
  const fields: Record<string, unknown> = form ? Object.fromEntries(new URLSearchParams(request.body)) : objectBody(request);
  const secret = fields["client_secret"];
  const scope = fields["scope"];
  const clientId = typeof fields["client_id"] === "string" && fields["client_id"] !== "" ? fields["client_id"] : "dwctl";
  if (typeof secret !== "string" || !secretMatches(deps.secret, secret)) {
    return json(401, { error: "invalid_client", error_description: "The client secret is not the sandbox secret." });
  }
  if (typeof scope !== "string" || scope.trim() === "") return json(400, { error: "invalid_scope", error_description: "scope is required, for example <service url>/.default." });
  return json(200, {
    access_token: signToken(deps.secret, audienceOfScope(scope), TOKEN_TTL_SECONDS, clientId),
    expires_in: TOKEN_TTL_SECONDS,
    ext_expires_in: TOKEN_TTL_SECONDS,
    token_type: "Bearer",
  });
}

function faultsOf(body: Record<string, unknown>): SandboxFaults {
  const faults: SandboxFaults = {};
  for (const name of ["latencyMs", "throttleRatio", "retryAfterSeconds", "errorRatio", "resetRatio", "hangRatio", "seed"] as const) {
    const value = body[name];
    if (value === undefined || value === null) continue;
    if (typeof value !== "number") throw new ApiError(400, "BadRequest", `${name} must be a number.`);
    faults[name] = value;
  }
  return faults;
}
