import type { AccessToken, TokenCredential } from "@azure/core-auth";
import { AuthenticationError } from "./errors.js";
import { registerSecret } from "./redact.js";

const REFRESH_MARGIN_MS = 2 * 60 * 1000;

/** Caches one scope's token until 2 minutes before it expires; concurrent callers share one fetch. */
export class TokenCache {
  readonly #credential: TokenCredential;
  readonly #scope: string;
  readonly #now: () => number;
  #cached: AccessToken | undefined;
  #pending: Promise<AccessToken> | undefined;
  #fetches = 0;

  constructor(credential: TokenCredential, scope: string, now: () => number = Date.now) {
    this.#credential = credential;
    this.#scope = scope;
    this.#now = now;
  }

  /** How many times the credential was asked for a token. */
  get fetches(): number {
    return this.#fetches;
  }

  async getToken(): Promise<string> {
    const cached = this.#cached;
    if (cached !== undefined && this.#now() < cached.expiresOnTimestamp - REFRESH_MARGIN_MS) return cached.token;
    this.#pending ??= this.#fetch().finally(() => {
      this.#pending = undefined;
    });
    return (await this.#pending).token;
  }

  /** Drops the cached token if it is the one the server rejected; a newer one is kept. */
  invalidate(rejectedToken: string): void {
    if (this.#cached?.token === rejectedToken) this.#cached = undefined;
  }

  async #fetch(): Promise<AccessToken> {
    this.#fetches++;
    let token: AccessToken | null;
    try {
      token = await this.#credential.getToken(this.#scope);
    } catch (error) {
      throw new AuthenticationError(`could not get a token for ${this.#scope}: ${describe(error)}`, this.#scope, error);
    }
    if (token === null || token.token === "") {
      throw new AuthenticationError(`the credential returned no token for ${this.#scope}`, this.#scope);
    }
    registerSecret(token.token);
    this.#cached = token;
    return token;
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
