import type { Rule, RuleFinding } from "./rule.js";
import { isLoopback, tryUrl } from "./url.js";

export const httpsOnly: Rule = {
  code: "DW172",
  severity: "error",
  title: "Environments are reached over https (loopback only for the sandbox)",
  check: ({ desired }) => {
    const findings: RuleFinding[] = [];
    for (const pair of desired.pairs) {
      if (pair.sandbox !== true && pair.dualWrite === undefined) {
        findings.push({
          message: `pair "${pair.name}" has no dualWrite.url`,
          hint: "Add dualWrite: { url: https://projectmanagementservice.<region>.gateway.prod.island.powerapps.com }: map lifecycle actions go through that service.",
          file: pair.file,
          path: ["pairs", pair.index, "name"],
        });
      }
      for (const side of ["financeAndOperations", "dataverse", "dualWrite"] as const) {
        const endpoint = pair[side];
        if (endpoint === undefined) continue;
        const url = tryUrl(endpoint.url);
        const path = ["pairs", pair.index, side, "url"];
        if (url === undefined) continue;
        if (url.username !== "" || url.password !== "") {
          findings.push({ message: "URL must not carry a user name or password", hint: "Remove the credentials from the URL; dwctl authenticates with tokens.", file: pair.file, path });
          continue;
        }
        if (pair.sandbox === true) {
          if (url.protocol !== "http:" && url.protocol !== "https:") {
            findings.push({
              message: `sandbox pair "${pair.name}" uses ${url.protocol}, not http: or https:`,
              hint: "Sandbox URLs are http://127.0.0.1/... or http://<name>.localhost/...; the sandbox serves nothing else.",
              file: pair.file,
              path,
            });
          } else if (!isLoopback(url)) {
            findings.push({ message: `sandbox pair "${pair.name}" points at ${url.host}, which is not loopback`, hint: "Sandbox URLs are http://127.0.0.1/...; remove sandbox: true for a real environment.", file: pair.file, path });
          }
          continue;
        }
        if (url.protocol !== "https:") {
          findings.push({
            message: `${url.protocol.replace(":", "")} is not allowed for a real environment`,
            hint: isLoopback(url) ? "Mark the pair sandbox: true if it is the embedded sandbox." : "Use the https:// URL of the environment.",
            file: pair.file,
            path,
          });
        }
      }
    }
    return findings;
  },
};
