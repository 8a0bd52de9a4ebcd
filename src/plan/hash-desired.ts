import { toMapDefinition } from "../model/definition.js";
import { canonicalSha256, HashedOneByOne } from "../model/fingerprint.js";
import type { PairDesired } from "../model/pair-view.js";

/** sha256 of what this pair is asked to be: map definitions and states, keys, legal entities, renames. */
export function hashDesired(pairDesired: PairDesired): string {
  const sorted = [...pairDesired.maps].sort((a, b) => a.map.name.localeCompare(b.map.name));
  // Each map's entry is made as it is hashed: made all at once, the definitions of a large estate
  // were a good part of a plan's peak memory (README, Benchmarks, Memory).
  const maps = new HashedOneByOne(function* () {
    for (const m of sorted)
      yield {
        name: m.map.name,
        // A followed map's version is the publishers it follows; a pin hashes as it always did.
        definition: m.map.version.kind === "pin" ? toMapDefinition(m.map) : { ...toMapDefinition(m.map), version: { follow: m.map.version.publishers } },
        state: m.state,
        initialSync: m.initialSync,
      };
  });
  const keys = [...pairDesired.keys]
    .sort((a, b) => a.table.localeCompare(b.table))
    .map((k) => ({ table: k.table, columns: k.columns, alternateKey: k.alternateKey }));
  // Renames count only when git has some, so that the hash of an estate without them stays what it was.
  const moved = (pairDesired.moved ?? []).map((m) => ({ from: m.from, to: m.to }));
  return canonicalSha256({ maps, keys, legalEntities: [...pairDesired.pair.legalEntities].sort(), ...(moved.length === 0 ? {} : { moved }) });
}
