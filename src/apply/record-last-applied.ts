import type { LastAppliedRecord } from "../model/last-applied.js";
import type { PairDesired } from "../model/pair-view.js";
import { mapKey, type Snapshot } from "../model/snapshot.js";
import { definitionHash } from "../plan/normalise-definition.js";

/**
 * The last-applied record, made from the live state right after an apply: what dwctl left the
 * pair in. Maps dwctl managed before and that git no longer has stay listed, so that a later
 * --prune can still find them.
 */
export function recordLastApplied(
  input: Pick<LastAppliedRecord, "commit" | "planHash" | "desiredHash" | "appliedAt" | "actor" | "runId"> & {
    snapshot: Snapshot;
    desired: PairDesired;
    previous: LastAppliedRecord | undefined;
  },
): LastAppliedRecord {
  const desiredByKey = new Map(input.desired.maps.map((m) => [mapKey({ entity: m.map.financeAndOperations.entity, table: m.map.dataverse.table }), m]));
  const maps: LastAppliedRecord["maps"] = {};
  for (const live of input.snapshot.maps) {
    const key = mapKey(live.ref);
    const desired = desiredByKey.get(key);
    const previous = input.previous?.maps[key];
    if (desired !== undefined) {
      // A map in a passing state (initialising, in error) is recorded as git wants it.
      const state = live.state === "running" || live.state === "paused" || live.state === "stopped" ? live.state : desired.state;
      // A rerun token counts as run once the map runs after this apply; until then the previous one stays.
      const rerun = live.state === "running" || live.state === "paused" ? desired.initialSync.rerun : previous?.initialSyncRerun;
      maps[key] = {
        name: desired.map.name,
        definitionHash: definitionHash(live.definition),
        state,
        protected: desired.map.protected,
        ...(rerun === undefined ? {} : { initialSyncRerun: rerun }),
      };
    } else if (previous !== undefined) {
      maps[key] = previous;
    }
  }
  const keys: LastAppliedRecord["keys"] = {};
  for (const key of input.desired.keys) {
    const alternate = input.snapshot.alternateKeys.find((k) => k.table === key.table && k.schemaName.toLowerCase() === key.alternateKey.schemaName.toLowerCase());
    keys[key.table] = { columns: key.columns, alternateKey: alternate?.schemaName ?? key.alternateKey.schemaName };
  }
  return {
    format_version: "1",
    pair: input.snapshot.pair,
    commit: input.commit,
    planHash: input.planHash,
    desiredHash: input.desiredHash,
    appliedAt: input.appliedAt,
    actor: input.actor,
    runId: input.runId,
    maps,
    keys,
    legalEntities: input.snapshot.link?.legalEntities ?? [],
  };
}
