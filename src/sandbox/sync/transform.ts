import type { FieldMap } from "../dualwrite/mapping.js";

export type SyncDirection = 1 | 2;

/**
 * Runs a row through the field mappings of one direction (1 = F&O to Dataverse, 2 = Dataverse to
 * F&O): only fields whose syncDirection includes it, value maps (inverted for direction 2), then defaults.
 */
export function transformRow(fields: readonly FieldMap[], read: (name: string) => unknown, direction: SyncDirection): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of fields) {
    if (field.direction !== 3 && field.direction !== direction) continue;
    const from = direction === 1 ? field.fo : field.dv;
    const to = direction === 1 ? field.dv : field.fo;
    if (to === null) continue;
    let value = from === null ? undefined : read(from);
    if (value !== undefined && value !== null && field.valueMap !== undefined) {
      value = direction === 1 ? forward(field.valueMap, value) : inverse(field.valueMap, value);
    }
    if ((value === undefined || value === null || value === "") && field.defaultValue !== undefined) value = field.defaultValue.value;
    if (value !== undefined) out[to] = value;
  }
  return out;
}

function forward(map: Record<string, unknown>, value: unknown): unknown {
  const wanted = String(value).toLowerCase();
  for (const [from, to] of Object.entries(map)) if (from.toLowerCase() === wanted) return to;
  return value;
}

function inverse(map: Record<string, unknown>, value: unknown): unknown {
  const wanted = String(value).toLowerCase();
  for (const [from, to] of Object.entries(map)) if (String(to).toLowerCase() === wanted) return from;
  return value;
}
