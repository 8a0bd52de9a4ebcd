import type { Side } from "../model/desired.js";
import { canonicalJson } from "../model/fingerprint.js";
import type { FieldRow, MapDefinition } from "../model/snapshot.js";
import type { DefinitionChanges } from "./plan.js";
import { endpointKey, normaliseDefinition } from "./normalise-definition.js";

function groupRows(rows: readonly FieldRow[]): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const row of rows) {
    const list = groups.get(endpointKey(row)) ?? [];
    list.push(canonicalJson(row));
    groups.set(endpointKey(row), list);
  }
  return groups;
}

/** What saving `next` over the live active definition changes, counted the way a reviewer reads it. */
export function countChanges(live: MapDefinition | undefined, next: MapDefinition): DefinitionChanges {
  const after = normaliseDefinition(next);
  if (live === undefined) {
    const filters: Side[] = [];
    if (after.filters.financeAndOperations !== undefined) filters.push("financeAndOperations");
    if (after.filters.dataverse !== undefined) filters.push("dataverse");
    return {
      fieldsAdded: after.fields.length,
      fieldsRemoved: 0,
      fieldsChanged: 0,
      filters,
      alerts: after.alerts.length > 0,
      sides: false,
      version: { from: null, to: after.version },
    };
  }
  const before = normaliseDefinition(live);
  const liveGroups = groupRows(before.fields);
  const nextGroups = groupRows(after.fields);
  let fieldsAdded = 0;
  let fieldsRemoved = 0;
  let fieldsChanged = 0;
  for (const key of new Set([...liveGroups.keys(), ...nextGroups.keys()])) {
    const left = [...(liveGroups.get(key) ?? [])];
    const right: string[] = [];
    for (const row of nextGroups.get(key) ?? []) {
      const at = left.indexOf(row);
      if (at >= 0) left.splice(at, 1);
      else right.push(row);
    }
    const paired = Math.min(left.length, right.length);
    fieldsChanged += paired;
    fieldsRemoved += left.length - paired;
    fieldsAdded += right.length - paired;
  }
  const filters = (["financeAndOperations", "dataverse"] as const).filter((side) => before.filters[side] !== after.filters[side]);
  const sameVersion = before.version.publisher === after.version.publisher && before.version.number === after.version.number;
  return {
    fieldsAdded,
    fieldsRemoved,
    fieldsChanged,
    filters,
    alerts: canonicalJson(before.alerts) !== canonicalJson(after.alerts),
    sides: canonicalJson([before.financeAndOperations, before.dataverse]) !== canonicalJson([after.financeAndOperations, after.dataverse]),
    version: sameVersion ? null : { from: before.version, to: after.version },
  };
}
