import type { Action, Plan, PlanSummary } from "./plan.js";

const lifecycle = new Set<Action["kind"]>(["stopMap", "startMap", "pauseMap", "resumeMap", "initialiseMap"]);

/** Counts the way Terraform users read them: a map saved twice (a lookup cycle) is still one update. */
export function summarisePlan(plan: Pick<Plan, "actions" | "drift" | "pending" | "warnings" | "unmanaged" | "blockers">): PlanSummary {
  const created = new Set<string>();
  const updated = new Set<string>();
  let create = 0;
  let update = 0;
  let remove = 0;
  let renames = 0;
  let changes = 0;
  for (const action of plan.actions) {
    if (lifecycle.has(action.kind)) changes += 1;
    if (action.kind === "createAlternateKey") create += 1;
    if (action.kind === "reactivateAlternateKey" || action.kind === "setIntegrationKey") update += 1;
    if (action.kind === "deleteMap") remove += 1;
    if (action.kind === "renameMap") renames += 1;
    if (action.kind === "saveMapDefinition" && action.changes.version?.from === null) created.add(action.map);
    if (action.kind === "saveMapDefinition" || action.kind === "activateMapVersion" || action.kind === "switchMapVersion") updated.add(action.map);
  }
  for (const name of created) updated.delete(name);
  return {
    create: create + created.size,
    update: update + updated.size,
    delete: remove,
    lifecycle: changes,
    actions: plan.actions.length,
    drift: plan.drift.length,
    pending: plan.pending.length,
    warnings: plan.warnings.length,
    unmanaged: plan.unmanaged.length,
    blocked: plan.blockers.length > 0,
    // Only when there are renames, so that the summary of every other plan stays as it was.
    ...(renames === 0 ? {} : { rename: renames }),
  };
}
