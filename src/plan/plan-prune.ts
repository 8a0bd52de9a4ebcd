import type { LastAppliedRecord } from "../model/last-applied.js";
import type { PairDesired } from "../model/pair-view.js";
import { mapKey, type Snapshot } from "../model/snapshot.js";
import { described, mapTitle } from "./describe-action.js";
import type { ActionBody, PlanWarning, UnmanagedMap } from "./plan.js";
import { refOf, settledState } from "./plan-map.js";

export interface PrunePlan {
  stops: ActionBody[];
  deletes: ActionBody[];
  warnings: PlanWarning[];
  unmanaged: UnmanagedMap[];
}

/**
 * Live maps that git does not have. Only maps dwctl applied earlier are ever deleted, only with
 * --prune, and never one that was applied as protected; the others are reported as unmanaged.
 */
export function planPrune(
  pairDesired: PairDesired,
  snapshot: Snapshot,
  lastApplied: LastAppliedRecord | undefined,
  prune: boolean,
): PrunePlan {
  const desired = new Set(pairDesired.maps.map((m) => mapKey(refOf(m))));
  const out: PrunePlan = { stops: [], deletes: [], warnings: [], unmanaged: [] };
  const extra = snapshot.maps.filter((m) => !desired.has(mapKey(m.ref))).sort((a, b) => mapKey(a.ref).localeCompare(mapKey(b.ref)));
  for (const live of extra) {
    const title = mapTitle(live.definition);
    const ref = { entity: live.ref.entity, table: live.ref.table };
    const entry = lastApplied?.maps[mapKey(live.ref)];
    if (entry === undefined) {
      out.unmanaged.push({ ref, title, state: live.state });
    } else if (!prune) {
      out.warnings.push({ code: "not-pruned", map: entry.name, message: `${title} is no longer in git; plan with --prune to delete it` });
    } else if (entry.protected) {
      out.warnings.push({
        code: "prune-protected",
        map: entry.name,
        message: `${title} is no longer in git but was applied as protected, so dwctl does not delete it; delete it by hand or put it back in git`,
      });
    } else {
      const target = { map: entry.name, ref, title };
      if (settledState(live.state) !== "stopped") out.stops.push(described({ kind: "stopMap", ...target }));
      out.deletes.push(described({ kind: "deleteMap", ...target }));
    }
  }
  return out;
}
