import type { Rule, RuleFinding } from "./rule.js";
import { environmentIdentity, financeAndOperationsIdentities } from "./url.js";

/**
 * The dual-write service finds a pair's link by the bare finance and operations host
 * (dualwrite-service.md §3), so two pairs whose F&O URLs share a host are the same environment to it.
 * Hosts are compared in canonical form (url.ts), so case, a trailing dot, a port, a loopback alias
 * or an IDNA spelling cannot make one environment look like two.
 */
function identitiesOf(side: "financeAndOperations" | "dataverse", url: string): string[] {
  return side === "dataverse" ? [environmentIdentity(url)] : financeAndOperationsIdentities(url);
}

export const oneToOnePairing: Rule = {
  code: "DW171",
  severity: "error",
  title: "Each environment belongs to one pair",
  source: "dual-write-faq.md (one finance and operations environment to one Dataverse environment); dual-write-system-req.md",
  check: ({ desired }) => {
    const findings: RuleFinding[] = [];
    for (const side of ["financeAndOperations", "dataverse"] as const) {
      const owner = new Map<string, string>();
      for (const pair of desired.pairs) {
        const ids = identitiesOf(side, pair[side].url);
        const first = ids.map((id) => owner.get(id)).find((name) => name !== undefined);
        if (first === undefined) {
          for (const id of ids) owner.set(id, pair.name);
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
