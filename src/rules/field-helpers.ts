import type { FieldMapping } from "../model/desired.js";

/** The destinations a mapping writes: the Dataverse column, the F&O field, or both. */
export function destinations(field: FieldMapping): { side: "dataverse" | "financeAndOperations"; name: string }[] {
  const out: { side: "dataverse" | "financeAndOperations"; name: string }[] = [];
  if (field.direction !== "toFinOps" && field.dv !== undefined) out.push({ side: "dataverse", name: field.dv.raw });
  if (field.direction !== "toDataverse" && field.fo !== undefined) out.push({ side: "financeAndOperations", name: field.fo.toUpperCase() });
  return out;
}

export function describeField(field: FieldMapping): string {
  return `${field.fo ?? "(none)"} ${field.symbol} ${field.dv?.raw ?? "(none)"}`;
}

export function sameRow(a: FieldMapping, b: FieldMapping): boolean {
  return a.fo?.toUpperCase() === b.fo?.toUpperCase() && a.dv?.raw === b.dv?.raw && a.direction === b.direction;
}
