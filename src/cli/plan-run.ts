import { desiredForPair, type PairDesired } from "../model/pair-view.js";
import { parseLastApplied } from "../model/last-applied.js";
import type { Snapshot } from "../model/snapshot.js";
import { buildPlan } from "../plan/build-plan.js";
import type { Plan } from "../plan/plan.js";
import type { Desired, EnvironmentPair } from "../model/desired.js";

export interface PlanOptions {
  prune: boolean;
  maxStops: number;
  confirm: string | undefined;
}

/** The one way the CLI turns desired + live into a plan (plan, apply and the stale check share it). */
export function planFor(desired: Desired, pair: EnvironmentPair, snapshot: Snapshot, options: PlanOptions, commit: string | null): { plan: Plan; pairDesired: PairDesired } {
  const pairDesired = desiredForPair(desired, pair);
  const plan = buildPlan({
    desired: pairDesired,
    snapshot,
    lastApplied: parseLastApplied(snapshot.lastApplied?.value),
    options: { prune: options.prune, maxStops: options.maxStops, ...(options.confirm === undefined ? {} : { confirm: options.confirm }) },
    ...(commit === null ? {} : { commit }),
    createdAt: new Date().toISOString(),
  });
  return { plan, pairDesired };
}
