import type { Rule, RuleFinding } from "./rule.js";
import { environmentIdentity } from "./url.js";

export const oneToOnePairing: Rule = {
  code: "DW171",
  severity: "error",
  title: "Each environment belongs to one pair",
  check: ({ desired }) => {
    const findings: RuleFinding[] = [];
    for (const side of ["financeAndOperations", "dataverse"] as const) {
      const owner = new Map<string, string>();
      for (const pair of desired.pairs) {
        const id = environmentIdentity(pair[side].url);
        const first = owner.get(id);
        if (first === undefined) {
          owner.set(id, pair.name);
          continue;
        }
        findings.push({
          message: `${side === "dataverse" ? "Dataverse" : "finance and operations"} environment ${pair[side].url} is already paired in "${first}"`,
          hint: "Dual-write links one finance and operations environment to one Dataverse environment. Give this pair its own environment.",
          file: pair.file,
          path: ["pairs", pair.index, side, "url"],
        });
      }
    }
    return findings;
  },
};
