import type { EnvironmentPair } from "../model/desired.js";
import type { Snapshot } from "../model/snapshot.js";
import { settledState } from "../plan/plan-map.js";
import type { Plan } from "../plan/plan.js";
import { REFRESH_STEPS, type RefreshRecord, type RefreshStep } from "./refresh-record.js";
import type { RefreshPlanner } from "./run-refresh.js";

/**
 * What Reset link leaves (DW/reset.md; dualwrite-service.md §5.13): the link to the pair's own
 * Dataverse with the declared legal entities, no maps, no integration keys, no runtime configuration.
 * The dry run plans the rebuild against it.
 */
export function afterReset(snapshot: Snapshot, pair: EnvironmentPair): Snapshot {
  return {
    ...snapshot,
    link:
      snapshot.link === undefined
        ? undefined
        : { ...snapshot.link, dataverseUrl: snapshot.identity.dataverseUrl, legalEntities: [...pair.legalEntities] },
    maps: [],
    integrationKeys: [],
    runtime: { financeAndOperations: [], dataverse: [] },
    lastApplied: undefined,
  };
}

function planLines(plan: Plan): string[] {
  if (plan.actions.length === 0) return ["    nothing to do"];
  return plan.actions.map((action) => `    ${action.description}`);
}

/** The runbook with what each step would do on this estate; pure, nothing is read or written. */
export function describeDryRun(input: {
  pair: EnvironmentPair;
  snapshot: Snapshot;
  record: RefreshRecord | undefined;
  planner: RefreshPlanner;
  solutions: readonly string[];
  initialSync: "run" | "skip";
}): string {
  const { pair, snapshot, record, planner, solutions } = input;
  const initialSync = record?.initialSync ?? input.initialSync;
  const running = snapshot.maps.filter((map) => settledState(map.state) !== "stopped");
  const reset = afterReset(snapshot, pair);
  const what: Record<RefreshStep, string[]> = {
    stop: running.length === 0 ? ["    no map runs"] : running.map((map) => `    stop ${map.ref.entity} (${map.ref.table}), now ${map.state}`),
    reset: [
      `    Reset link of ${snapshot.link?.connectionSet ?? "(no link: the step would stop and ask for one)"} without force, with legal entities ${pair.legalEntities.join(", ")}`,
      `    it drops ${snapshot.maps.length} map(s) and ${snapshot.integrationKeys.length} integration key(s) from the service and points the link at ${snapshot.identity.dataverseUrl}`,
    ],
    clean: [
      `    delete the msdyn_dualwriteruntimeconfig rows left (${snapshot.runtime.dataverse.length} now) and the DualWriteProjectConfiguration rows left (${snapshot.runtime.financeAndOperations.length} now)`,
      "    delete a last-applied record that names another pair",
    ],
    solutions: solutions.map((solution) => `    Apply Solution ${solution}, when this Dataverse has it`),
    definitions: planLines(planner(reset, { allStopped: true, initialSync })),
    start: [`    start the maps in dependency order, ${initialSync === "run" ? "WITH an initial sync" : "without initial sync"} unless a map says otherwise`],
    verify: ["    the pair equals git, its link points at its own Dataverse, no runtime configuration of another environment, no map in error"],
  };
  const lines = REFRESH_STEPS.flatMap((step, index) => {
    const done = record?.steps[step]?.status === "done";
    return [`${index + 1}. ${step}${done ? " (done in the earlier run: skipped with --resume)" : ""}`, ...what[step]];
  });
  return `${lines.join("\n")}\n`;
}
