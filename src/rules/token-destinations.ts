import type { Rule, RuleFinding } from "./rule.js";
import { SECRET_VARIABLE_PREFIX, SERVICE_NAMES, allowedHostsOf, knownHostsText, secretVariableAllowed, tokenHostAllowed } from "./token-hosts.js";
import type { TokenService } from "./token-hosts.js";
import { tryUrl } from "./url.js";

const SERVICES: readonly TokenService[] = ["financeAndOperations", "dataverse", "dualWrite"];

/**
 * A pull request could point a pair at any https host, or name any environment variable as a
 * secret, and dwctl would send that token or variable there. Only the services' own domains and
 * DWCTL_* variables pass without an allow list in environments.yaml, which CODEOWNERS can protect.
 * The credential layer refuses the same hosts again at the edge (src/live/auth/host-bound-credential.ts).
 */
export const tokenDestinations: Rule = {
  code: "DW176",
  severity: "error",
  title: "Tokens go only to their service's hosts, and secrets come only from DWCTL_* variables (or the pair's allow lists)",
  check: ({ desired }) => {
    const findings: RuleFinding[] = [];
    for (const pair of desired.pairs) {
      // The sandbox issues its own tokens on loopback; DW172 keeps its URLs there.
      if (pair.sandbox === true) continue;
      for (const service of SERVICES) {
        const endpoint = pair[service];
        if (endpoint === undefined) continue;
        const url = tryUrl(endpoint.url);
        // Any other scheme is DW172's error already, and nothing is sent over it.
        if (url === undefined || url.protocol !== "https:" || tokenHostAllowed(service, endpoint.url, allowedHostsOf(pair, service))) continue;
        findings.push({
          message: `the ${SERVICE_NAMES[service]} token would be sent to ${url.hostname}, which is not a host of that service`,
          hint: `dwctl sends the ${SERVICE_NAMES[service]} token only to ${knownHostsText(service)}. Use the environment's own URL, or, for a host you trust (a sovereign cloud, a private endpoint), add it to the pair's allowedHosts.${service} and protect environments.yaml with CODEOWNERS.`,
          file: pair.file,
          path: ["pairs", pair.index, service, "url"],
        });
      }
      for (const setting of ["clientSecretVariable", "managementTokenVariable"] as const) {
        const variable = pair.auth?.[setting];
        if (variable === undefined || secretVariableAllowed(variable, pair.allowedSecretVariables)) continue;
        findings.push({
          message: `auth.${setting} names ${variable}, which is not a ${SECRET_VARIABLE_PREFIX}* variable`,
          hint: `dwctl reads secrets only from ${SECRET_VARIABLE_PREFIX}* variables, so a pull request cannot send another secret (GITHUB_TOKEN, a cloud key) to an environment. Store the secret as ${SECRET_VARIABLE_PREFIX}${variable.replace(/^DWCTL_/, "")}, or list ${variable} in the pair's allowedSecretVariables and protect environments.yaml with CODEOWNERS.`,
          file: pair.file,
          path: ["pairs", pair.index, "auth", setting],
        });
      }
    }
    return findings;
  },
};
