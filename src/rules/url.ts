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
  return host === "localhost" || host === "[::1]" || /^127(\.[0-9]{1,3}){3}$/.test(host);
}

/** The identity of an environment: scheme, host and port, lower-case, with its path. */
export function environmentIdentity(text: string): string {
  const url = tryUrl(text);
  if (url === undefined) return text.toLowerCase();
  return `${url.protocol}//${url.host.toLowerCase()}${url.pathname.replace(/\/+$/, "")}`;
}
