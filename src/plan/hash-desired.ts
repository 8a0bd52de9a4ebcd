import { toMapDefinition } from "../model/definition.js";
import { canonicalJson, sha256 } from "../model/fingerprint.js";
import type { PairDesired } from "../model/pair-view.js";

/** sha256 of what this pair is asked to be: map definitions and states, keys, legal entities. */
export function hashDesired(pairDesired: PairDesired): string {
  const maps = [...pairDesired.maps]
    .sort((a, b) => a.map.name.localeCompare(b.map.name))
    .map((m) => ({ name: m.map.name, definition: toMapDefinition(m.map), state: m.state, initialSync: m.initialSync }));
  const keys = [...pairDesired.keys]
    .sort((a, b) => a.table.localeCompare(b.table))
    .map((k) => ({ table: k.table, columns: k.columns, alternateKey: k.alternateKey }));
  return sha256(canonicalJson({ maps, keys, legalEntities: [...pairDesired.pair.legalEntities].sort() }));
}
