import type { AccessToken, TokenCredential } from "@azure/core-auth";
import { HttpClient, ProtocolError, registerSecret } from "../http/index.js";
import type { HttpClientOptions } from "../http/index.js";

/** Sent to the token endpoint, which needs no bearer token; distinctive so masking it harms nothing. */
const NO_TOKEN = "dwctl-sandbox-token-request";
const REFRESH_MARGIN_MS = 60_000;

class NoTokenCredential implements TokenCredential {
  async getToken(): Promise<AccessToken> {
    return { token: NO_TOKEN, expiresOnTimestamp: Number.MAX_SAFE_INTEGER };
  }
}

/** Tokens from the embedded sandbox (`POST /_sandbox/token`), cached per scope until they expire. */
export class SandboxCredential implements TokenCredential {
  readonly #http: HttpClient;
  readonly #secret: string;
  readonly #now: () => number;
  readonly #cache = new Map<string, { token: AccessToken; refreshAt: number }>();
  readonly #pending = new Map<string, Promise<AccessToken>>();

  constructor(sandboxUrl: string, secret: string, options: { clientId?: string; http?: Partial<HttpClientOptions>; now?: () => number } = {}) {
    registerSecret(secret);
    this.#secret = secret;
    this.#now = options.now ?? Date.now;
    this.clientId = options.clientId ?? "dwctl";
    this.#http = new HttpClient({ ...options.http, baseUrl: sandboxUrl, credential: new NoTokenCredential(), scope: "none" });
  }

  readonly clientId: string;

  async getToken(scopes: string | string[]): Promise<AccessToken> {
    const scope = Array.isArray(scopes) ? scopes.join(" ") : scopes;
    const cached = this.#cache.get(scope);
    if (cached !== undefined && this.#now() < cached.refreshAt) return cached.token;
    let pending = this.#pending.get(scope);
    if (pending === undefined) {
      pending = this.#fetch(scope).finally(() => this.#pending.delete(scope));
      this.#pending.set(scope, pending);
    }
    return pending;
  }

  async #fetch(scope: string): Promise<AccessToken> {
    const response = await this.#http.request("POST", "_sandbox/token", {
      json: { client_id: this.clientId, client_secret: this.#secret, scope },
      // Asking for a token again is harmless, so a 5xx or a reset may be retried.
      idempotent: true,
    });
    const body: unknown = response.json;
    const token: unknown = typeof body === "object" && body !== null ? Reflect.get(body, "access_token") : undefined;
    const expiresIn: unknown = typeof body === "object" && body !== null ? Reflect.get(body, "expires_in") : undefined;
    if (typeof token !== "string" || token === "") throw new ProtocolError("the sandbox token endpoint returned no access_token");
    registerSecret(token);
    const seconds = Number(expiresIn ?? 3600);
    const lifetimeMs = seconds * 1000;
    const accessToken = { token, expiresOnTimestamp: this.#now() + lifetimeMs };
    // Short-lived test tokens are refreshed a quarter of their life early, long ones a minute early.
    this.#cache.set(scope, { token: accessToken, refreshAt: accessToken.expiresOnTimestamp - Math.min(REFRESH_MARGIN_MS, lifetimeMs / 4) });
    return accessToken;
  }
}
