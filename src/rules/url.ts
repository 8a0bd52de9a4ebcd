import { domainToASCII } from "node:url";

/** Parses a URL without throwing. */
export function tryUrl(text: string): URL | undefined {
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}

const IPV4_LOOPBACK = /^127(\.[0-9]{1,3}){3}$/;

/**
 * A host in the form two URLs of the same environment share: lower case, without a trailing dot,
 * IDNA A-labels (so a Unicode or fullwidth spelling of a name is that name), and every loopback
 * alias (localhost, 127.0.0.0/8, ::1, an IPv4-mapped 127 address, 0.0.0.0, ::) as "localhost".
 * Names under .localhost stay apart: the sandbox gives each finance and operations environment one.
 */
export function canonicalHost(hostname: string): string {
  let host = hostname.trim().toLowerCase();
  while (host.endsWith(".")) host = host.slice(0, -1);
  if (!host.startsWith("[")) {
    const ascii = domainToASCII(host);
    if (ascii !== "") host = ascii;
  }
  return isLoopbackAlias(host) ? "localhost" : host;
}

function isLoopbackAlias(host: string): boolean {
  return (
    host === "localhost" ||
    IPV4_LOOPBACK.test(host) ||
    host === "0.0.0.0" ||
    host === "[::1]" ||
    host === "[::]" ||
    // The WHATWG parser writes ::ffff:127.0.0.1 as ::ffff:7f00:1 (and any 127/8 as ::ffff:7fxx:xxxx).
    /^\[::ffff:7f[0-9a-f]{2}:[0-9a-f]{1,4}\]$/.test(host)
  );
}

/** Whether a URL's host is this machine: a loopback alias or a name under .localhost (RFC 6761 section 6.3). */
export function isLoopback(url: URL): boolean {
  const host = canonicalHost(url.hostname);
  return host === "localhost" || host.endsWith(".localhost");
}

/**
 * The identity of a Dataverse environment. A real one is its host: the organization is the host, so
 * case, a trailing dot, a port or a path do not make another environment. A loopback one is its path,
 * because the sandbox swaps in its own origin: http://localhost:8080/prod/dataverse is PROD's Dataverse.
 */
export function environmentIdentity(text: string): string {
  const url = tryUrl(text);
  if (url === undefined) return text.trim().toLowerCase();
  return isLoopback(url) ? `loopback${loopbackPath(url)}` : canonicalHost(url.hostname);
}

/**
 * The identities of a finance and operations environment: its bare host, by which the dual-write
 * service finds a link (dualwrite-service.md §3), and on loopback also its path, where the
 * sandbox serves that environment's OData.
 */
export function financeAndOperationsIdentities(text: string): string[] {
  const url = tryUrl(text);
  if (url === undefined) return [text.trim().toLowerCase()];
  const host = canonicalHost(url.hostname);
  return isLoopback(url) ? [host, `loopback${loopbackPath(url)}`] : [host];
}

function loopbackPath(url: URL): string {
  let path = url.pathname;
  try {
    path = decodeURIComponent(path);
  } catch {
    // A malformed escape is compared as written.
  }
  return path.toLowerCase().replace(/\/{2,}/g, "/").replace(/\/+$/, "");
}
