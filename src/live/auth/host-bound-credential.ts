import type { AccessToken, GetTokenOptions, TokenCredential } from "@azure/core-auth";
import { SERVICE_NAMES, knownHostsText, tokenHostAllowed } from "../../rules/token-hosts.js";
import type { TokenService } from "../../rules/token-hosts.js";

/** A token was about to go to a host that is not its service's (defence in depth behind DW176). */
export class TokenDestinationError extends Error {
  override name = "TokenDestinationError";
  constructor(
    message: string,
    readonly hint: string,
  ) {
    super(message);
  }
}

/**
 * Hands out the inner credential's token only for the URL it is bound to, and only when that URL is
 * a host of its service or in the pair's allow list. The HTTP client sends a token to its base URL's
 * origin alone, so binding the credential to that URL keeps every token on its service's hosts.
 */
export class HostBoundCredential implements TokenCredential {
  constructor(
    readonly inner: TokenCredential,
    readonly binding: { pair: string; service: TokenService; url: string | undefined; allowedHosts: readonly string[] },
  ) {}

  /** Throws unless a token of this credential may be sent to `url`. */
  assertDestination(url: URL | string): void {
    // Stryker disable next-line ConditionalExpression: a URL object and its href parse to the same URL
    const target = typeof url === "string" ? url : url.href;
    if (tokenHostAllowed(this.binding.service, target, this.binding.allowedHosts)) return;
    const { pair, service } = this.binding;
    let host = target;
    try {
      host = new URL(target).host;
    } catch {
      // Named as written.
    }
    throw new TokenDestinationError(
      `refusing to send the ${SERVICE_NAMES[service]} token of pair ${pair} to ${host}: it is not a host of that service`,
      `The ${SERVICE_NAMES[service]} token goes only to ${knownHostsText(service)}, or to a host in the pair's allowedHosts.${service} in environments.yaml (run dwctl validate: DW176 names the line).`,
    );
  }

  async getToken(scopes: string | string[], options?: GetTokenOptions): Promise<AccessToken | null> {
    this.assertDestination(this.binding.url ?? "");
    return this.inner.getToken(scopes, options);
  }
}

/** For the HTTP client, before it attaches a token to a request: refuses a bound credential's foreign host. */
export function assertTokenDestination(credential: TokenCredential, url: URL): void {
  if (credential instanceof HostBoundCredential) credential.assertDestination(url);
}
