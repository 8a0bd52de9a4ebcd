import { toMapDefinition } from "../model/definition.js";
import type { LastAppliedRecord } from "../model/last-applied.js";
import type { PairDesired } from "../model/pair-view.js";
import { mapKey } from "../model/snapshot.js";
import { definitionHash } from "./normalise-definition.js";
import type { Pending } from "./plan.js";
import { refOf } from "./plan-map.js";

/** Desired against last applied: what git has that was not deployed yet. */
export function findPending(pairDesired: PairDesired, lastApplied: LastAppliedRecord | undefined): Pending[] {
  if (lastApplied === undefined) {
    return [{ map: null, message: `dwctl has not applied anything to ${pairDesired.pair.name} yet (no last-applied record)` }];
  }
  const out: Pending[] = [];
  const desiredKeys = new Set<string>();
  for (const pairMap of [...pairDesired.maps].sort((a, b) => a.map.name.localeCompare(b.map.name))) {
    const key = mapKey(refOf(pairMap));
    desiredKeys.add(key);
    const entry = lastApplied.maps[key];
    const name = pairMap.map.name;
    if (entry === undefined) {
      out.push({ map: name, message: `${name} is new in git` });
      continue;
    }
    if (entry.name !== name) out.push({ map: name, message: `${name}: renamed in git from ${entry.name}` });
    // A followed map's definition is its publisher's, never deployed from git: the plan's switch and
    // its followed-definition-differs warning say what differs (README, "Versions").
    if (pairMap.map.version.kind === "pin" && definitionHash(toMapDefinition(pairMap.map)) !== entry.definitionHash)
      out.push({ map: name, message: `${name}: definition changed in git` });
    if (pairMap.state !== entry.state)
      out.push({ map: name, message: `${name}: state changed in git from ${entry.state} to ${pairMap.state}` });
  }
  for (const [key, entry] of Object.entries(lastApplied.maps).sort(([a], [b]) => a.localeCompare(b))) {
    if (!desiredKeys.has(key)) out.push({ map: entry.name, message: `${entry.name} was removed from git` });
  }
  for (const key of [...pairDesired.keys].sort((a, b) => a.table.localeCompare(b.table))) {
    const applied = lastApplied.keys[key.table];
    if (applied === undefined || applied.columns.join(",") !== key.columns.join(",")) {
      out.push({ map: null, message: `integration key of ${key.table}: ${key.columns.join(", ")} in git` });
    }
  }
  const legal = [...pairDesired.pair.legalEntities].sort().join(", ");
  if (legal !== [...lastApplied.legalEntities].sort().join(", "))
    out.push({ map: null, message: `legal entities changed in git to ${legal}` });
  return out;
}
