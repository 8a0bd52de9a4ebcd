const MASK = "***";

const registeredSecrets = new Set<string>();

/** Registers a known secret (a token, a client secret) so that `redact` masks it wherever it appears. */
export function registerSecret(value: string): void {
  if (value.length === 0) return;
  registeredSecrets.add(value);
  const encoded = encodeURIComponent(value);
  if (encoded !== value) registeredSecrets.add(encoded);
  const jsonEscaped = JSON.stringify(value).slice(1, -1);
  if (jsonEscaped !== value) registeredSecrets.add(jsonEscaped);
}

const AUTH_HEADER =
  /(\b(?:proxy-)?authorization|\bx-api-key|\bocp-apim-subscription-key)(["']?\s*[:=]\s*)(?:"[^"]*"|'[^']*'|[^\r\n,;}]+)/gi;
const BEARER = /\b(bearer)\s+[A-Za-z0-9\-._~+/]+=*/gi;
const JWT = /\beyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g;
const SECRET_KEYS = [
  "client_secret",
  "client_assertion",
  "access_token",
  "refresh_token",
  "id_token",
  "password",
  "pwd",
  "sig",
  "accountkey",
  "sharedaccesskey",
];
// key=value, key: value and "key": "value", as in query strings, connection strings and JSON.
const SECRET_PAIR = new RegExp(
  `(["']?)\\b(${SECRET_KEYS.join("|")})\\1(\\s*[=:]\\s*)(?:"[^"]*"|'[^']*'|[^\\s&;,"'}<>]+)`,
  "gi",
);

/** Removes credentials from any text before it reaches an error, a log line or a report. */
export function redact(text: string): string {
  let result = text;
  // Longest first, so a secret that contains another registered one is masked whole.
  const secrets = [...registeredSecrets].sort((a, b) => b.length - a.length);
  for (const secret of secrets) result = result.split(secret).join(MASK);
  return result
    .replace(AUTH_HEADER, (_match, name: string, separator: string) => `${name}${separator}${MASK}`)
    .replace(BEARER, (_match, scheme: string) => `${scheme} ${MASK}`)
    .replace(JWT, MASK)
    .replace(SECRET_PAIR, (_match, quote: string, key: string, separator: string) => `${quote}${key}${quote}${separator}${MASK}`);
}
