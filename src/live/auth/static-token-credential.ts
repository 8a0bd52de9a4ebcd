import type { AccessToken, TokenCredential } from "@azure/core-auth";
import { registerSecret } from "../http/index.js";

/** A token handed in from outside (an environment variable), used as is until it expires. */
export class StaticTokenCredential implements TokenCredential {
  readonly #token: string;
  readonly #expiresOnTimestamp: number;

  constructor(token: string, expiresOnTimestamp = expiryOf(token)) {
    registerSecret(token);
    this.#token = token;
    this.#expiresOnTimestamp = expiresOnTimestamp;
  }

  async getToken(): Promise<AccessToken> {
    return { token: this.#token, expiresOnTimestamp: this.#expiresOnTimestamp };
  }
}

/** The `exp` claim of a JWT, or an hour from now for an opaque token. */
function expiryOf(token: string): number {
  const payload = token.split(".")[1];
  // Stryker disable next-line ConditionalExpression: without a payload, Buffer.from(undefined) throws and the catch below gives the same answer
  if (payload !== undefined) {
    try {
      const claims: unknown = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
      // Stryker disable next-line ConditionalExpression,LogicalOperator: Reflect.get on a non-object throws, and the catch below gives the same answer
      const exp: unknown = typeof claims === "object" && claims !== null ? Reflect.get(claims, "exp") : undefined;
      if (typeof exp === "number") return exp * 1000;
    } catch {
      // Not a JWT.
    }
  }
  return Date.now() + 60 * 60_000;
}
