import { isIPv4 } from "node:net";
import { odataError } from "../api/respond.js";
import type { ApiResponse } from "../api/types.js";

/**
 * What a web page could send to the sandbox from a browser on the same machine, and is refused
 * before any control endpoint runs (`/_sandbox/*` answers loopback sockets only, and a browser's
 * socket is a loopback one):
 *
 * - a `Host` that is not a loopback name with the sandbox's port: a DNS-rebinding page reaches
 *   127.0.0.1 under its own host name (`evil.example:<port>`), and cannot choose another `Host`;
 * - an `Origin` that is not the sandbox's own (a loopback name with its port): browsers send
 *   `Origin` on every cross-origin POST, form posts and `no-cors` fetches included, and `null`
 *   from opaque origins; the sandbox serves no pages, so no browser origin is its own in practice;
 * - `Sec-Fetch-Site: cross-site` or `same-site`: a browser's cross-origin GET or navigation, which
 *   carries no `Origin`;
 * - a body that is not `application/json`: `text/plain`, form and typeless (`Blob`) bodies are what a
 *   page can send without a CORS preflight. The token endpoint also takes the form encoding of
 *   Entra ID's client-credentials grant: it needs the sandbox secret and changes nothing. A request
 *   with no body and no `Content-Type` (`POST /_sandbox/reset` from a script) passes: from a browser
 *   it always carries an `Origin`.
 *
 * dwctl and the tests call from Node, which sends `Host: 127.0.0.1:<port>` and no `Origin`.
 */
export function refuseForeignControl(headers: Readonly<Record<string, string>>, method: string, rest: string, body: string, port: number): ApiResponse | undefined {
  const host = headers["host"];
  if (host === undefined || !isSandboxAuthority(host, port)) {
    return odataError(403, "Forbidden", `The sandbox control endpoints answer requests addressed to the sandbox only (Host localhost, 127.0.0.1 or a name under .localhost, port ${port}); got Host ${JSON.stringify(host ?? "")}.`);
  }
  const origin = headers["origin"];
  if (origin !== undefined && !isSandboxOrigin(origin, port)) {
    return odataError(403, "Forbidden", `The sandbox control endpoints refuse requests from web pages (Origin ${JSON.stringify(origin)}).`);
  }
  const site = headers["sec-fetch-site"]?.trim().toLowerCase();
  if (site === "cross-site" || site === "same-site") {
    return odataError(403, "Forbidden", `The sandbox control endpoints refuse requests from web pages (Sec-Fetch-Site ${site}).`);
  }
  if (method === "GET" || method === "HEAD") return undefined;
  const type = mediaType(headers["content-type"]);
  const accepted = rest === "token" ? ["application/json", "application/x-www-form-urlencoded"] : ["application/json"];
  if (type === undefined ? body.length > 0 : !accepted.includes(type)) {
    return odataError(415, "UnsupportedMediaType", `The sandbox control endpoints take ${accepted.join(" or ")} bodies; got ${type === undefined ? "a body without Content-Type" : type}.`);
  }
  return undefined;
}

/** `localhost`, `*.localhost`, `[::1]` and 127.0.0.0/8, in the form a Host or an Origin carries them. */
export function isLoopbackName(hostname: string): boolean {
  const name = hostname.toLowerCase();
  if (name === "localhost" || name.endsWith(".localhost")) return true;
  if (name === "[::1]") return true;
  return isIPv4(name) && name.startsWith("127.");
}

/** A `Host` value: a loopback name and the sandbox's port (80 when the header has none). */
function isSandboxAuthority(host: string, port: number): boolean {
  // Nothing but a name or bracketed IPv6 literal and a port: no user info, path or trailing dot.
  const match = /^(\[[0-9a-f:.]+\]|[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?)(?::(\d{1,5}))?$/i.exec(host.trim());
  if (match === null) return false;
  const name = match[1] ?? "";
  const given = match[2] === undefined ? 80 : Number.parseInt(match[2], 10);
  return isLoopbackName(name) && given === port;
}

function isSandboxOrigin(origin: string, port: number): boolean {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false; // "null", and anything else that is no origin
  }
  if (url.protocol !== "http:" || url.username !== "" || url.password !== "" || (url.pathname !== "/" && url.pathname !== "")) return false;
  const given = url.port === "" ? 80 : Number.parseInt(url.port, 10);
  return isLoopbackName(url.hostname) && given === port;
}

/** `application/json; charset=utf-8` -> `application/json`; undefined when there is no header. */
function mediaType(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  return (header.split(";")[0] ?? "").trim().toLowerCase();
}
