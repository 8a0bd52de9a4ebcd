import type { Rule, RuleFinding } from "./rule.js";
import { environmentIdentity, tryUrl } from "./url.js";

/**
 * The dual-write service finds a pair's link by the bare finance and operations host
 * (dualwrite-service.md §3), so two pairs whose F&O URLs share a host are the same environment to it.
 */
function identityOf(side: "financeAndOperations" | "dataverse", url: string): string {
  if (side === "dataverse") return environmentIdentity(url);
  return tryUrl(url)?.hostname.toLowerCase() ?? environmentIdentity(url);
}

export const oneToOnePairing: Rule = {
  code: "DW171",
  severity: "error",
  title: "Each environment belongs to one pair",
  check: ({ desired }) => {
    const findings: RuleFinding[] = [];
    for (const side of ["financeAndOperations", "dataverse"] as const) {
      const owner = new Map<string, string>();
      for (const pair of desired.pairs) {
        const id = identityOf(side, pair[side].url);
        const first = owner.get(id);
        if (first === undefined) {
          owner.set(id, pair.name);
          continue;
        }
        findings.push({
          message: `${side === "dataverse" ? "Dataverse" : "finance and operations"} environment ${pair[side].url} is already paired in "${first}"`,
          hint:
            side === "dataverse"
              ? "Dual-write links one finance and operations environment to one Dataverse environment. Give this pair its own environment."
              : "Dual-write links one finance and operations environment to one Dataverse environment, and the dual-write service finds the link by the finance and operations host alone. Give this pair its own environment (a sandbox pair: a host of its own under .localhost).",
          file: pair.file,
          path: ["pairs", pair.index, side, "url"],
        });
      }
    }
    return findings;
  },
};
