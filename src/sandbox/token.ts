import { createHmac, randomUUID, timingSafeEqual } from "node:crypto";

const HEADER = base64url(JSON.stringify({ alg: "HS256", typ: "JWT" }));
const ISSUER = "dwctl-sandbox";
const DEFAULT_TTL_SECONDS = 3600;

export type TokenCheck = { ok: true; subject: string } | { ok: false; reason: string };

/** An HMAC-SHA256 signed JWT for `audience` (a service base URL), as POST /_sandbox/token returns it. */
export function mintSandboxToken(secret: string, audience: string, ttlSeconds = DEFAULT_TTL_SECONDS): string {
  return signToken(secret, audience, ttlSeconds, "dwctl");
}

export function signToken(secret: string, audience: string, ttlSeconds: number, subject: string): string {
  const now = Math.floor(Date.now() / 1000);
  const claims = { iss: ISSUER, aud: normaliseAudience(audience), sub: subject, appid: subject, iat: now, nbf: now, exp: now + ttlSeconds, jti: randomUUID() };
  const payload = base64url(JSON.stringify(claims));
  return `${HEADER}.${payload}.${signature(secret, `${HEADER}.${payload}`)}`;
}

export function verifyToken(secret: string, token: string, audience: string, nowMs: number): TokenCheck {
  const parts = token.split(".");
  const [header, payload, signed] = parts;
  if (parts.length !== 3 || header === undefined || payload === undefined || signed === undefined) {
    return { ok: false, reason: "the token is malformed" };
  }
  const expected = Buffer.from(expectedSignature(secret, `${header}.${payload}`));
  const actual = Buffer.from(signed);
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) {
    return { ok: false, reason: "the token signature is invalid" };
  }
  const claims = parseClaims(payload);
  if (claims === undefined) return { ok: false, reason: "the token is malformed" };
  const now = Math.floor(nowMs / 1000);
  if (typeof claims.exp !== "number" || claims.exp <= now) return { ok: false, reason: "the token has expired" };
  if (typeof claims.nbf === "number" && claims.nbf > now + 60) return { ok: false, reason: "the token is not valid yet" };
  if (typeof claims.aud !== "string" || claims.aud !== normaliseAudience(audience)) {
    return { ok: false, reason: "the token audience does not match this service" };
  }
  return { ok: true, subject: typeof claims.sub === "string" ? claims.sub : "" };
}

/** `<base>/.default` -> `<base>`; a trailing slash never matters. */
export function audienceOfScope(scope: string): string {
  const first = scope.trim().split(/\s+/)[0] ?? "";
  return normaliseAudience(first.endsWith("/.default") ? first.slice(0, -"/.default".length) : first);
}

function normaliseAudience(audience: string): string {
  return audience.replace(/\/+$/, "");
}

function parseClaims(payload: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
    return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** Signatures of tokens already presented: a client sends the same token with every request, and an HMAC per request adds up. */
const signatures = new Map<string, string>();
const SIGNATURE_CACHE_LIMIT = 256;

function expectedSignature(secret: string, input: string): string {
  const key = `${secret}\u0000${input}`;
  let expected = signatures.get(key);
  if (expected === undefined) {
    expected = signature(secret, input);
    if (signatures.size >= SIGNATURE_CACHE_LIMIT) signatures.clear();
    signatures.set(key, expected);
  }
  return expected;
}

function signature(secret: string, input: string): string {
  return createHmac("sha256", secret).update(input).digest("base64url");
}

function base64url(text: string): string {
  return Buffer.from(text, "utf8").toString("base64url");
}

/** Compares a presented client secret without leaking its length or content through timing. */
export function secretMatches(expected: string, presented: string): boolean {
  const a = createHmac("sha256", "dwctl-sandbox-compare").update(expected).digest();
  const b = createHmac("sha256", "dwctl-sandbox-compare").update(presented).digest();
  return timingSafeEqual(a, b);
}
