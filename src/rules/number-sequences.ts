import type { NumberSequence } from "../model/desired.js";
import type { Rule, RuleFinding } from "./rule.js";

type Format = NumberSequence["financeAndOperations"];

function overlap(a: Format, b: Format): boolean {
  const pa = a.prefix.toUpperCase();
  const pb = b.prefix.toUpperCase();
  const [shorter, longer] = pa.length <= pb.length ? [a, b] : [b, a];
  const ps = shorter.prefix.toUpperCase();
  const pl = longer.prefix.toUpperCase();
  if (ps === pl) {
    const from = Math.max(a.from ?? 0, b.from ?? 0);
    const to = Math.min(a.to ?? Number.POSITIVE_INFINITY, b.to ?? Number.POSITIVE_INFINITY);
    return from <= to;
  }
  // "F" and "F1" collide when the shorter format's numbers can start with the longer's rest.
  return pl.startsWith(ps) && /^[0-9]/.test(pl.slice(ps.length));
}

export const numberSequences: Rule = {
  code: "DW160",
  severity: "error",
  title: "Number sequences of the two apps do not overlap",
  source: "dual-write-faq.md (number sequences of tables mastered in both apps must not collide)",
  check: ({ desired }) => {
    const findings: RuleFinding[] = [];
    for (const map of desired.maps) {
      map.numberSequences.forEach((seq, i) => {
        for (const side of ["financeAndOperations", "dataverse"] as const) {
          const f = seq[side];
          if (f.from !== undefined && f.to !== undefined && f.from > f.to) {
            findings.push({
              message: `numberSequences[${i}].${side}: from ${f.from} is after to ${f.to}`,
              hint: "Swap from and to.",
              file: map.file,
              path: ["numberSequences", i, side],
            });
          }
        }
        if (overlap(seq.financeAndOperations, seq.dataverse)) {
          findings.push({
            message: `numbers for ${seq.field} can collide: finance and operations uses "${seq.financeAndOperations.prefix}" ${range(seq.financeAndOperations)}, Dataverse uses "${seq.dataverse.prefix}" ${range(seq.dataverse)}`,
            hint: "Give each app its own prefix (F0001 and C0001) or split one range (US0001-US4999 and US5000-US9999).",
            file: map.file,
            path: ["numberSequences", i],
          });
        }
      });
    }
    return findings;
  },
};

function range(f: Format): string {
  return f.from === undefined && f.to === undefined ? "(any number)" : `${f.from ?? 0}-${f.to ?? "…"}`;
}
