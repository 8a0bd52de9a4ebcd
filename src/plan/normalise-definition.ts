import { canonicalJson, sha256 } from "../model/fingerprint.js";
import { formatDataverseFilter, parseDataverseFilter } from "../model/filters/dataverse-filter.js";
import { formatXppRange, parseXppRange } from "../model/filters/xpp-range.js";
import type { FieldRow, MapDefinition } from "../model/snapshot.js";

function collapse(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

export function normaliseDataverseFilter(text: string): string {
  const parsed = parseDataverseFilter(text);
  return parsed.ast === undefined ? collapse(text) : formatDataverseFilter(parsed.ast);
}

export function normaliseFinOpsFilter(text: string): string {
  const parsed = parseXppRange(text);
  // An unparenthesised range behaves differently in finance and operations, though it formats the same.
  if (parsed.ast === undefined || parsed.warnings.some((w) => w.kind === "not-parenthesized")) return collapse(text);
  return formatXppRange(parsed.ast);
}

/** The key a field row is matched by across definitions: the fields it connects. */
export function endpointKey(row: FieldRow): string {
  return `${row.fo ?? ""}|${row.dv ?? ""}`;
}

function compareRows(a: FieldRow, b: FieldRow): number {
  const ka = `${endpointKey(a)}|${a.map}`;
  const kb = `${endpointKey(b)}|${b.map}`;
  if (ka !== kb) return ka < kb ? -1 : 1;
  const ca = canonicalJson(a);
  const cb = canonicalJson(b);
  return ca < cb ? -1 : ca > cb ? 1 : 0;
}

function normaliseRow(row: FieldRow): FieldRow {
  const out: FieldRow = row.fo === undefined ? { map: row.map } : { fo: row.fo, map: row.map };
  if (row.dv !== undefined) out.dv = row.dv;
  if (row.valueMap !== undefined) {
    out.valueMap = Object.fromEntries(Object.entries(row.valueMap).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  }
  if (row.default !== undefined) out.default = row.default;
  return out;
}

function sortedAddresses(notify: [string, ...string[]]): [string, ...string[]] {
  const [head, ...tail] = [...notify].sort();
  return head === undefined ? notify : [head, ...tail];
}

/**
 * The comparable form of a definition: field rows as a sorted multiset, value-map keys sorted,
 * filters in their canonical text, alert rules sorted. Two definitions that the platform treats
 * alike normalise to the same value; key order follows the YAML a person would write.
 */
export function normaliseDefinition(definition: MapDefinition): MapDefinition {
  const filters: MapDefinition["filters"] = {};
  const fo = definition.filters.financeAndOperations;
  const dv = definition.filters.dataverse;
  if (fo !== undefined && fo.trim() !== "") filters.financeAndOperations = normaliseFinOpsFilter(fo);
  if (dv !== undefined && dv.trim() !== "") filters.dataverse = normaliseDataverseFilter(dv);
  const alerts = definition.alerts
    .map((a) => ({ ...a, notify: sortedAddresses(a.notify) }))
    .sort((a, b) => (canonicalJson(a) < canonicalJson(b) ? -1 : 1));
  return {
    financeAndOperations: { ...definition.financeAndOperations },
    dataverse: { ...definition.dataverse },
    version: { ...definition.version },
    filters,
    fields: definition.fields.map(normaliseRow).sort(compareRows),
    alerts,
  };
}

export function sameDefinition(a: MapDefinition, b: MapDefinition): boolean {
  return canonicalJson(normaliseDefinition(a)) === canonicalJson(normaliseDefinition(b));
}

/**
 * The hash the last-applied record keeps for a map. Normalised, because the service may return
 * field rows in another order than they were saved in.
 */
export function definitionHash(definition: MapDefinition): string {
  return sha256(canonicalJson(normaliseDefinition(definition)));
}
