import type { Desired, EnvironmentPair, InitialSyncPolicy, IntegrationKeyModel, MapState, QueuedRecords, TableMapModel } from "./desired.js";
import type { MoveEntry } from "./moved.js";

export interface PairMap {
  map: TableMapModel;
  state: MapState;
  initialSync: InitialSyncPolicy;
  resume: { queuedRecords: QueuedRecords };
  /** dwctl refresh: start with an initial sync (run) or without (skip); undefined follows the refresh's choice. */
  refreshInitialSync: "run" | "skip" | undefined;
}

/** The desired state of one environment pair: per-environment overrides applied. */
export interface PairDesired {
  pair: EnvironmentPair;
  maps: PairMap[];
  keys: IntegrationKeyModel[];
  /** git's moved entries (renames of maps); absent when there are none. */
  moved?: readonly MoveEntry[];
}

export function desiredForPair(desired: Desired, pair: EnvironmentPair): PairDesired {
  const maps: PairMap[] = [];
  for (const map of desired.maps) {
    const override = map.environments[pair.name];
    if (override?.enabled === false) continue;
    maps.push({
      map,
      state: override?.state ?? map.state,
      initialSync:
        override?.initialSync === undefined
          ? map.initialSync
          : {
              enabled: override.initialSync.enabled,
              master: override.initialSync.master ?? map.initialSync.master,
              rerun: override.initialSync.rerun ?? map.initialSync.rerun,
            },
      resume: override?.resume === undefined ? map.resume : { queuedRecords: override.resume.queuedRecords },
      refreshInitialSync: override?.refresh?.initialSync,
    });
  }
  const tables = new Set(maps.map((m) => m.map.dataverse.table));
  const keys = desired.keys.filter((k) => tables.has(k.table));
  return desired.moved === undefined ? { pair, maps, keys } : { pair, maps, keys, moved: desired.moved };
}
