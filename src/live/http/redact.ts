const MASK = "***";
/**
 * Shorter values are not secrets (a sandbox id, a test value): masking them would mangle ordinary
 * text, as a one-character value once turned example.com into e***ample.com. Real tokens and client
 * secrets are far longer.
 */
export const MIN_SECRET_LENGTH = 8;

const registeredSecrets = new Set<string>();
/** The registered secrets, longest first; rebuilt when one is added. */
let longestFirst: string[] = [];

/**
 * Registers a known secret (a token, a client secret) so that `redact` masks it wherever it appears,
 * also URL-encoded and JSON-escaped. Values shorter than MIN_SECRET_LENGTH are ignored.
 */
export function registerSecret(value: string): void {
  if (value.length < MIN_SECRET_LENGTH) return;
  registeredSecrets.add(value);
  const encoded = encodeURIComponent(value);
  // Stryker disable next-line ConditionalExpression: adding the value itself again to a Set changes nothing (the check only skips that)
  if (encoded !== value) registeredSecrets.add(encoded);
  const jsonEscaped = JSON.stringify(value).slice(1, -1);
  // Stryker disable next-line ConditionalExpression: adding the value itself again to a Set changes nothing (the check only skips that)
  if (jsonEscaped !== value) registeredSecrets.add(jsonEscaped);
  // Longest first, so a secret that contains another registered one is masked whole.
  longestFirst = [...registeredSecrets].sort((a, b) => b.length - a.length);
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

/** Every pattern below matches only text containing one of these. */
const MAY_HOLD_SECRET = new RegExp(
  // Stryker disable next-line ArrayDeclaration: an optimisation; an empty list matches any text, and the patterns below find nothing more in it
  [
    // Stryker disable next-line StringLiteral: an optimisation; an empty alternative matches any text, and the patterns below find nothing more in it
    "authorization|x-api-key|ocp-apim-subscription-key|bearer|eyJ",
    ...SECRET_KEYS,
  ].join("|"),
  "i",
);

/** Removes credentials from any text before it reaches an error, a log line or a report. */
export function redact(text: string): string {
  let result = text;
  // Stryker disable next-line ConditionalExpression: an optimisation; splitting on a secret that is not there changes nothing
  for (const secret of longestFirst) if (result.includes(secret)) result = result.split(secret).join(MASK);
  // Most text (URLs, journal lines) has none of the words the patterns below start from.
  // Stryker disable next-line ConditionalExpression: an optimisation; every pattern below needs one of these words, so going on finds nothing more
  if (!MAY_HOLD_SECRET.test(result)) return result;
  return result
    .replace(AUTH_HEADER, (_match, name: string, separator: string) => `${name}${separator}${MASK}`)
    .replace(BEARER, (_match, scheme: string) => `${scheme} ${MASK}`)
    .replace(JWT, MASK)
    .replace(SECRET_PAIR, (_match, quote: string, key: string, separator: string) => `${quote}${key}${quote}${separator}${MASK}`);
}
