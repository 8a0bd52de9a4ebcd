import type { FieldMapping } from "../model/desired.js";
import type { Rule, RuleFinding } from "./rule.js";
import type { Severity } from "../config/diagnostic.js";

type Problem = { message: string; hint: string; at: string; severity?: Severity };

const plain: Record<string, string> = { "><": "=", ">>": ">", "<<": "<" };

function problemsOf(f: FieldMapping): Problem[] {
  const out: Problem[] = [];
  const hasMap = f.valueMap !== undefined;
  const hasDefault = f.default !== undefined;
  const s = f.symbol;
  if (!f.transform) {
    if (f.fo === undefined) out.push({ message: `"${s}" needs a finance and operations field (fo)`, hint: 'Add fo, or use ">>" with a default to write a constant.', at: "map" });
    if (f.dv === undefined) out.push({ message: `"${s}" needs a Dataverse column (dv)`, hint: 'Add dv, or use "<<" with a default to write a constant.', at: "map" });
    if (hasMap) out.push({ message: `a value map needs a transform map type, not "${s}"`, hint: s === "=" ? 'Use "><" for a two-way value map.' : `Use "${s}${s}" for a one-way value map.`, at: "valueMap" });
    if (hasDefault) out.push({ message: `a default needs a one-way transform map type, not "${s}"`, hint: 'Use ">>" (default written to Dataverse) or "<<" (default written to finance and operations).', at: "default" });
    return out;
  }
  // A transform map type with a source column and no transform written here is what Microsoft's
  // template pages show on lookups, key columns and plain values, whose transform is not published;
  // the platform accepts it. dwctl saves the map type from the transforms it has, so the row syncs
  // like the plain type: worth a warning, not an error.
  const invisible: Problem = {
    message: `"${s}" has no value map or default: it syncs like "${plain[s] ?? s}", and dwctl saves it as "${plain[s] ?? s}"`,
    hint: `Write "${plain[s] ?? s}", or add the valueMap${s === "><" ? "" : " or default"} that the transform should apply.`,
    at: "map",
    severity: "warning",
  };
  if (s === "><") {
    if (f.fo === undefined || f.dv === undefined) out.push({ message: '"><" needs both fo and dv', hint: "Add the missing side.", at: "map" });
    else if (!hasMap && !hasDefault) out.push(invisible);
    if (hasDefault) out.push({ message: 'a default cannot be used with "><"', hint: 'Defaults are one-way: use ">>" or "<<".', at: "default" });
    return out;
  }
  const destination = s === ">>" ? f.dv : f.fo;
  const source = s === ">>" ? f.fo : f.dv;
  const destKey = s === ">>" ? "dv" : "fo";
  const srcKey = s === ">>" ? "fo" : "dv";
  if (destination === undefined) out.push({ message: `"${s}" writes ${destKey} but ${destKey} is missing`, hint: `Add ${destKey}.`, at: "map" });
  // With a source column, a default is the value written when the source has none (customizing-mappings.md).
  else if (source !== undefined && !hasMap && !hasDefault) out.push(invisible);
  if (source === undefined && !hasDefault) out.push({ message: `"${s}" with no source column needs a default`, hint: `Add default (the constant written to ${destKey}), or add ${srcKey}.`, at: "map" });
  if (source === undefined && hasMap) out.push({ message: "a value map needs a source column", hint: `Add ${srcKey}, or remove valueMap.`, at: "valueMap" });
  return out;
}

export const transformDirection: Rule = {
  code: "DW123",
  severity: "error",
  title: "Transforms fit their map type",
  source: "customizing-mappings.md (map types; the Default and Value map transforms); dual-write-error-codes.md (DIPV1021 missing source field, DIPV1024 missing destination field)",
  check: ({ desired }) => {
    const findings: RuleFinding[] = [];
    for (const map of desired.maps) {
      for (const field of map.fields) {
        for (const p of problemsOf(field)) {
          const finding: RuleFinding = { message: `fields[${field.index}]: ${p.message}`, hint: p.hint, file: map.file, path: ["fields", field.index, p.at], atKey: true };
          if (p.severity !== undefined) finding.severity = p.severity;
          findings.push(finding);
        }
      }
    }
    return findings;
  },
};
