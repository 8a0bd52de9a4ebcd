import type { AccessToken, GetTokenOptions, TokenCredential } from "@azure/core-auth";
import { registerSecret } from "../http/index.js";

/** Registers every token the inner credential hands out, so redaction masks it everywhere. */
export class RedactingCredential implements TokenCredential {
  constructor(readonly inner: TokenCredential) {}

  async getToken(scopes: string | string[], options?: GetTokenOptions): Promise<AccessToken | null> {
    const token = await this.inner.getToken(scopes, options);
    if (token !== null) registerSecret(token.token);
    return token;
  }
}
