import type { Rule, RuleFinding } from "./rule.js";

/** Patterns of credentials that must never be committed. The match itself is never echoed. */
const patterns: { what: string; re: RegExp }[] = [
  { what: "a JSON Web Token", re: /eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g },
  { what: "a storage account key", re: /AccountKey\s*=\s*[A-Za-z0-9+/=]{20,}/gi },
  { what: "a Service Bus or Event Hubs key", re: /SharedAccessKey\s*=\s*[A-Za-z0-9+/=]{20,}/gi },
  { what: "a connection string", re: /(DefaultEndpointsProtocol=https?;|Endpoint=sb:\/\/)[^\s"']+/gi },
  { what: "a SAS token", re: /[?&]sig=[A-Za-z0-9%+/=]{16,}/gi },
  { what: "a SAS token", re: /\bsv=\d{4}-\d{2}-\d{2}&[^\s"']*sig=/gi },
  { what: "a Microsoft Entra client secret", re: /(?<![A-Za-z0-9_~.-])[A-Za-z0-9_~.-]{3}\dQ~[A-Za-z0-9_~.-]{31,34}(?![A-Za-z0-9_~.-])/g },
  { what: "a client secret", re: /\bclient_secret\s*[=:]\s*[^\s"'&]{8,}/gi },
  { what: "a password", re: /\b(password|pwd)\s*=\s*[^\s;"']{4,}/gi },
  // Up to a YAML comment, if any: `password: hunter2horse # rotated` is a secret too.
  { what: "a secret", re: /^\s*[-{,]?\s*["']?(clientSecret|client_secret|secret|password|token|accessToken|apiKey|sasToken|connectionString)["']?\s*:\s*["']?[^\s"'#{][^#\n]{5,}/gim },
  { what: "a private key", re: /-----BEGIN [A-Z ]*PRIVATE KEY-----/g },
];

export const noSecrets: Rule = {
  code: "DW180",
  severity: "error",
  title: "No credentials in YAML",
  check: ({ files }) => {
    const findings: RuleFinding[] = [];
    for (const file of files) {
      // Patterns run most specific first; a match inside an earlier one is the same secret.
      // Stryker disable next-line ArrayDeclaration: an element without start and end overlaps nothing, so it is the same as an empty list
      const reported: { start: number; end: number }[] = [];
      for (const { what, re } of patterns) {
        for (const m of file.text.matchAll(re)) {
          const start = m.index;
          const end = start + m[0].length;
          if (reported.some((r) => start < r.end && end > r.start)) continue;
          reported.push({ start, end });
          findings.push({
            message: `this looks like ${what}; credentials must not be stored in git`,
            hint: "Remove it, rotate it (it is in the history now), and reference it instead: auth.clientSecretVariable names an environment variable, or use github-oidc.",
            file: file.path,
            // Stryker disable next-line ArrayDeclaration: the offset locates the finding; a path is only read when there is none
            path: [],
            offset: { start, end },
          });
        }
      }
    }
    return findings;
  },
};
