import type { FieldMapping } from "../model/desired.js";
import type { Rule, RuleFinding } from "./rule.js";

type Problem = { message: string; hint: string; at: string };

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
  if (s === "><") {
    if (f.fo === undefined || f.dv === undefined) out.push({ message: '"><" needs both fo and dv', hint: "Add the missing side.", at: "map" });
    if (!hasMap) out.push({ message: '"><" needs a value map', hint: 'Add valueMap, or use "=" for a plain two-way mapping.', at: "map" });
    if (hasDefault) out.push({ message: 'a default cannot be used with "><"', hint: 'Defaults are one-way: use ">>" or "<<".', at: "default" });
    return out;
  }
  const destination = s === ">>" ? f.dv : f.fo;
  const source = s === ">>" ? f.fo : f.dv;
  const destKey = s === ">>" ? "dv" : "fo";
  const srcKey = s === ">>" ? "fo" : "dv";
  if (destination === undefined) out.push({ message: `"${s}" writes ${destKey} but ${destKey} is missing`, hint: `Add ${destKey}.`, at: "map" });
  if (source !== undefined && !hasMap) out.push({ message: `"${s}" with a source column (${srcKey}) needs a value map`, hint: `Add valueMap, or remove ${srcKey} and keep only a default.`, at: srcKey });
  if (source !== undefined && hasDefault) out.push({ message: `"${s}" with a source column (${srcKey}) cannot also have a default`, hint: `Remove default, or remove ${srcKey} to write a constant.`, at: "default" });
  if (source === undefined && !hasDefault) out.push({ message: `"${s}" with no source column needs a default`, hint: `Add default (the constant written to ${destKey}), or add ${srcKey} with a valueMap.`, at: "map" });
  if (source === undefined && hasMap) out.push({ message: "a value map needs a source column", hint: `Add ${srcKey}, or remove valueMap.`, at: "valueMap" });
  return out;
}

export const transformDirection: Rule = {
  code: "DW123",
  severity: "error",
  title: "Transforms fit their map type",
  check: ({ desired }) => {
    const findings: RuleFinding[] = [];
    for (const map of desired.maps) {
      for (const field of map.fields) {
        for (const p of problemsOf(field)) {
          findings.push({ message: `fields[${field.index}]: ${p.message}`, hint: p.hint, file: map.file, path: ["fields", field.index, p.at], atKey: true });
        }
      }
    }
    return findings;
  },
};
