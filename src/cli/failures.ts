import { dirname } from "node:path";
import { ReadFilesError } from "../config/read-files.js";
import { AuthenticationError, HttpRequestError } from "../live/http/errors.js";
import { redact } from "../live/http/redact.js";

/** What the user is told about a failure that is theirs to act on. */
export interface UserFacing {
  message: string;
  hint: string;
}

/** A file dwctl was asked to write (`--out`) could not be written. */
export class OutputFileError extends Error {
  override name = "OutputFileError";
  readonly path: string;
  constructor(path: string, cause: unknown) {
    super(`cannot write ${path}`, { cause });
    this.path = path;
  }
}

/** DWCTL_SANDBOX_* or a sandbox pair that the sandbox cannot use. */
export class SandboxSettingsError extends Error {
  override name = "SandboxSettingsError";
  readonly hint: string;
  constructor(message: string, hint: string) {
    super(message);
    this.hint = hint;
  }
}

const dnsHint = "Check the URL in maps/environments.yaml, your network connection and DNS. Behind a proxy, set HTTPS_PROXY (and NO_PROXY for hosts reached directly).";
const tlsHint =
  "The server's certificate could not be verified. If your network inspects TLS, point NODE_EXTRA_CA_CERTS at your organisation's root certificate (PEM); check the URL is the environment's real host. dwctl never turns verification off.";

/** Errno and undici codes, each with what it means for the user and what to do. One home for them. */
const codes: Record<string, { what: string; hint: string }> = {
  ENOTFOUND: { what: "the host name could not be resolved", hint: dnsHint },
  EAI_AGAIN: { what: "the host name could not be resolved (DNS did not answer)", hint: dnsHint },
  ECONNREFUSED: { what: "the connection was refused", hint: "Check the URL and port in maps/environments.yaml, and that the service is up. Behind a proxy, set HTTPS_PROXY." },
  ECONNRESET: { what: "the connection was reset", hint: "A proxy, firewall or the service closed the connection. Run the command again; if it persists, check HTTPS_PROXY and NO_PROXY." },
  ETIMEDOUT: { what: "the connection timed out", hint: "Check your network and that the host is reachable from here. Behind a proxy, set HTTPS_PROXY." },
  UND_ERR_CONNECT_TIMEOUT: { what: "the connection timed out", hint: "Check your network and that the host is reachable from here. Behind a proxy, set HTTPS_PROXY." },
  ENETUNREACH: { what: "the network is unreachable", hint: "Check your network connection, VPN and proxy settings (HTTPS_PROXY)." },
  EHOSTUNREACH: { what: "the host is unreachable", hint: "Check your network connection, VPN and proxy settings (HTTPS_PROXY)." },
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: { what: "TLS: the certificate chain could not be verified", hint: tlsHint },
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: { what: "TLS: the certificate's issuer is not trusted here", hint: tlsHint },
  SELF_SIGNED_CERT_IN_CHAIN: { what: "TLS: a self-signed certificate is in the chain", hint: tlsHint },
  DEPTH_ZERO_SELF_SIGNED_CERT: { what: "TLS: the server's certificate is self-signed", hint: tlsHint },
  CERT_HAS_EXPIRED: { what: "TLS: the server's certificate has expired", hint: tlsHint },
  ERR_TLS_CERT_ALTNAME_INVALID: { what: "TLS: the certificate does not name this host", hint: tlsHint },
  ENOSPC: { what: "no space left on the device", hint: "Free some disk space, then run the command again." },
  EACCES: { what: "permission denied", hint: "Check the permissions of the file or folder, or run from a folder you can write to." },
  EPERM: { what: "operation not permitted", hint: "Check the permissions of the file or folder, or run from a folder you can write to." },
  EROFS: { what: "the file system is read-only", hint: "Run from a folder on a writable file system." },
  EISDIR: { what: "it is a folder", hint: "Pass a file path, for example plan.json." },
};

/** The first errno or undici code in an error's cause chain. */
export function errorCode(error: unknown): string | undefined {
  for (let current = error, depth = 0; current instanceof Error && depth < 6; current = current.cause, depth++) {
    const code: unknown = Reflect.get(current, "code");
    if (typeof code === "string" && (code in codes || code.startsWith("CERT_") || code.startsWith("ERR_TLS_"))) return code;
  }
  return undefined;
}

function known(code: string): { what: string; hint: string } {
  return codes[code] ?? { what: `TLS: ${code}`, hint: tlsHint };
}

/**
 * Turns a failure caused by the user's files, network, disk, settings or environment into a
 * message and a hint; undefined for anything else, which is then a bug in dwctl.
 */
export function describeFailure(error: unknown): UserFacing | undefined {
  if (error instanceof ReadFilesError || error instanceof SandboxSettingsError) return { message: error.message, hint: error.hint };
  if (error instanceof OutputFileError) {
    const code = errorCode(error);
    if (code === "ENOENT" || (code === undefined && Reflect.get(error.cause ?? {}, "code") === "ENOENT")) {
      return { message: `cannot write ${error.path}: the folder ${dirname(error.path)} does not exist`, hint: "Create the folder first, or pass a path in an existing folder." };
    }
    const reason = code === undefined ? (error.cause instanceof Error ? error.cause.message : String(error.cause)) : known(code).what;
    return { message: `cannot write ${error.path}: ${reason}`, hint: code === undefined ? "Pass another path." : known(code).hint };
  }
  if (error instanceof AuthenticationError) {
    return {
      message: redact(error.message),
      hint: "Check the pair's auth settings (tenantId, clientId), that the secret or federated credential is valid for that app registration, and that the identity provider can be reached.",
    };
  }
  const code = errorCode(error);
  if (error instanceof HttpRequestError) {
    if (code !== undefined) {
      const { what, hint } = known(code);
      return { message: `${redact(error.method)} ${redact(error.url)}: ${what} (${code})`, hint };
    }
    return {
      message: redact(error.message),
      hint: `The environment could not be reached or refused the request${error.requestId === undefined ? "" : ` (request id ${error.requestId})`}. Check the URL and credentials, then run the command again.`,
    };
  }
  if (error instanceof Error && code !== undefined && ["ENOSPC", "EACCES", "EPERM", "EROFS"].includes(code)) {
    const path: unknown = Reflect.get(error, "path");
    const { what, hint } = known(code);
    return { message: `${typeof path === "string" ? `${path}: ` : ""}${what}`, hint };
  }
  return undefined;
}

/** An error that carries its own hint (lock held, plan refused, auth settings, platform refusals). */
export function hintOf(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null || !("hint" in error)) return undefined;
  const hint = (error as { hint: unknown }).hint;
  return typeof hint === "string" ? hint : undefined;
}

/** Any failure that is the user's to act on, as message and hint; undefined for a bug in dwctl. */
export function userFacing(error: unknown): UserFacing | undefined {
  const described = describeFailure(error);
  if (described !== undefined) return described;
  const hint = hintOf(error);
  return error instanceof Error && hint !== undefined ? { message: error.message, hint } : undefined;
}
