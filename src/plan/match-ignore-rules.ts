import { directionOf, type EnvironmentPair } from "../model/desired.js";
import { globMatches } from "../model/map-glob.js";
import type { FieldRow, MapDefinition } from "../model/snapshot.js";
import { endpointKey } from "./normalise-definition.js";

/** What the pair's ignore rules leave alone for one map. */
export interface Ignored {
  state: boolean;
  filters: boolean;
  transforms: boolean;
  version: boolean;
  alerts: boolean;
  /** "all", or the finance and operations fields and Dataverse columns whose rows are left alone. */
  fields: "all" | ReadonlySet<string>;
}

const nothing: Ignored = { state: false, filters: false, transforms: false, version: false, alerts: false, fields: new Set() };

export function matchIgnoreRules(pair: EnvironmentPair, mapName: string): Ignored {
  const rules = (pair.ignore ?? []).filter((rule) => globMatches(rule.map, mapName));
  if (rules.length === 0) return nothing;
  const has = (aspect: string): boolean => rules.some((r) => (r.aspects as string[]).includes(aspect));
  const fieldRules = rules.filter((r) => r.aspects.includes("fields"));
  const fields: Ignored["fields"] = fieldRules.some((r) => r.fields === undefined)
    ? "all"
    : new Set(fieldRules.flatMap((r) => r.fields ?? []));
  return {
    state: has("state"),
    filters: has("filters"),
    transforms: has("transforms"),
    version: has("version"),
    alerts: has("alerts"),
    fields,
  };
}

export function ignoresAnything(ignored: Ignored): boolean {
  return (
    ignored.state ||
    ignored.filters ||
    ignored.transforms ||
    ignored.version ||
    ignored.alerts ||
    ignored.fields === "all" ||
    ignored.fields.size > 0
  );
}

function rowIgnored(row: FieldRow, fields: ReadonlySet<string>): boolean {
  if (row.fo !== undefined && fields.has(row.fo)) return true;
  if (row.dv === undefined) return false;
  return fields.has(row.dv) || fields.has(row.dv.split(".")[0] ?? row.dv);
}

function withLiveTransforms(rows: FieldRow[], live: readonly FieldRow[]): FieldRow[] {
  const unused = [...live];
  return rows.map((row) => {
    const index = unused.findIndex((l) => endpointKey(l) === endpointKey(row) && directionOf(l.map) === directionOf(row.map));
    const match = unused[index];
    if (match === undefined) return row;
    unused.splice(index, 1);
    const out: FieldRow = row.fo === undefined ? { map: match.map } : { fo: row.fo, map: match.map };
    if (row.dv !== undefined) out.dv = row.dv;
    if (match.valueMap !== undefined) out.valueMap = match.valueMap;
    if (match.default !== undefined) out.default = match.default;
    return out;
  });
}

/**
 * The definition apply should leave live: the desired one, with every ignored aspect taken from
 * the live definition, so that ignored differences are neither reported nor overwritten.
 */
export function effectiveDefinition(desired: MapDefinition, live: MapDefinition | undefined, ignored: Ignored): MapDefinition {
  if (live === undefined) return desired;
  let fields: FieldRow[];
  if (ignored.fields === "all") fields = live.fields;
  else {
    const set = ignored.fields;
    fields = [...desired.fields.filter((r) => !rowIgnored(r, set)), ...live.fields.filter((r) => rowIgnored(r, set))];
  }
  if (ignored.transforms) fields = withLiveTransforms(fields, live.fields);
  return {
    financeAndOperations: desired.financeAndOperations,
    dataverse: desired.dataverse,
    version: ignored.version ? live.version : desired.version,
    filters: ignored.filters ? live.filters : desired.filters,
    fields,
    alerts: ignored.alerts ? live.alerts : desired.alerts,
  };
}
