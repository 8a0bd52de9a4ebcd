/** Reading `msdyn_mapping` (docs/live-api.md): lenient, because users and other tools write these rows too. */

export type Direction = 1 | 2 | 3;

export interface FieldMap {
  /** The finance and operations field. */
  fo: string | null;
  /** The Dataverse column (a dotted path for lookups). */
  dv: string | null;
  direction: Direction;
  valueMap: Record<string, unknown> | undefined;
  defaultValue: { value: unknown } | undefined;
  relatedEntity: string | undefined;
}

export interface ParsedMapping {
  name: string;
  entity: string;
  entitySet: string;
  sourceFilter: string;
  reversedSourceFilter: string;
  fields: FieldMap[];
}

/** Accepts the JSON text, double-encoded JSON text or an object. Undefined when it names no entity pair. */
export function parseMapping(value: unknown): ParsedMapping | undefined {
  const mapping = decode(value);
  if (mapping === undefined) return undefined;
  const legs = mapping["legs"];
  if (!Array.isArray(legs)) return undefined;
  let result: ParsedMapping | undefined;
  for (const rawLeg of legs) {
    const leg = decode(rawLeg);
    if (leg === undefined) continue;
    const fromAx = text(leg["sourceEnvironmentType"]).toUpperCase() !== "CRM";
    const source = text(leg["sourceSchema"]);
    const destination = text(leg["destinationSchema"]);
    const entity = fromAx ? source : destination;
    const entitySet = fromAx ? destination : source;
    if (entity === "" || entitySet === "") continue;
    const filters = fromAx
      ? { sourceFilter: text(leg["sourceFilter"]), reversedSourceFilter: text(leg["reversedSourceFilter"]) }
      : { sourceFilter: text(leg["reversedSourceFilter"]), reversedSourceFilter: text(leg["sourceFilter"]) };
    const fields = (Array.isArray(leg["fieldMappings"]) ? leg["fieldMappings"] : []).flatMap((raw: unknown) => {
      const field = fieldOf(raw, fromAx);
      return field === undefined ? [] : [field];
    });
    if (result === undefined) result = { name: text(mapping["name"]), entity, entitySet, ...filters, fields };
    else result.fields.push(...fields);
  }
  return result;
}

function fieldOf(raw: unknown, fromAx: boolean): FieldMap | undefined {
  const field = decode(raw);
  if (field === undefined) return undefined;
  const direction = Number(field["syncDirection"]);
  if (direction !== 1 && direction !== 2 && direction !== 3) return undefined;
  const source = nullableText(field["sourceField"]);
  const destination = nullableText(field["destinationField"]);
  let valueMap: Record<string, unknown> | undefined;
  let defaultValue: { value: unknown } | undefined;
  const transforms = field["valueTransforms"];
  for (const rawTransform of Array.isArray(transforms) ? transforms : []) {
    const transform = decode(rawTransform);
    if (transform === undefined) continue;
    const type = text(transform["transformType"]).toLowerCase();
    const map = transform["valueMap"];
    if (type === "valuemap" && typeof map === "object" && map !== null) valueMap = map as Record<string, unknown>;
    if (type === "default" && "defaultValue" in transform) defaultValue = { value: transform["defaultValue"] };
  }
  const related = nullableText(field["destinationLookupFieldRelatedEntity"]);
  return {
    fo: fromAx ? source : destination,
    dv: fromAx ? destination : source,
    direction,
    valueMap,
    defaultValue,
    relatedEntity: related ?? undefined,
  };
}

function decode(value: unknown): Record<string, unknown> | undefined {
  let current = value;
  for (let depth = 0; depth < 3 && typeof current === "string"; depth++) {
    try {
      current = JSON.parse(current);
    } catch {
      return undefined;
    }
  }
  return typeof current === "object" && current !== null && !Array.isArray(current) ? (current as Record<string, unknown>) : undefined;
}

function text(value: unknown): string {
  return typeof value === "string" ? value : "";
}

function nullableText(value: unknown): string | null {
  return typeof value === "string" && value !== "" ? value : null;
}

/** `"1.0.0.3"` -> the EntityMapVersion of msdyn_unsecure. */
export function versionParts(version: string): { Major: number; Minor: number; Build: number; Revision: number } {
  const [major, minor, build, revision] = version.split(".").map((part) => Number.parseInt(part, 10));
  const number = (value: number | undefined): number => (value === undefined || Number.isNaN(value) ? 0 : value);
  return { Major: number(major), Minor: number(minor), Build: number(build), Revision: number(revision) };
}

export function parseJsonText(value: unknown): Record<string, unknown> {
  return decode(value) ?? {};
}
