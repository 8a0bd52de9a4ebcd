/** Parses a URL without throwing. */
export function tryUrl(text: string): URL | undefined {
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}

export function isLoopback(url: URL): boolean {
  const host = url.hostname.toLowerCase();
  // Names under .localhost are loopback names (RFC 6761 section 6.3); the sandbox gives each finance
  // and operations environment one, because the dual-write service finds a link by that host.
  return host === "localhost" || host.endsWith(".localhost") || host === "[::1]" || /^127(\.[0-9]{1,3}){3}$/.test(host);
}

/** The identity of an environment: scheme, host and port, lower-case, with its path. */
export function environmentIdentity(text: string): string {
  const url = tryUrl(text);
  if (url === undefined) return text.toLowerCase();
  return `${url.protocol}//${url.host.toLowerCase()}${url.pathname.replace(/\/+$/, "")}`;
}
