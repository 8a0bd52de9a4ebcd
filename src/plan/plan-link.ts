import type { EnvironmentPair } from "../model/desired.js";
import type { Snapshot } from "../model/snapshot.js";
import { described } from "./describe-action.js";
import type { ActionBody, Blocker } from "./plan.js";

export function sameUrl(a: string, b: string): boolean {
  const norm = (u: string): string => u.trim().toLowerCase().replace(/\/+$/, "");
  return norm(a) === norm(b);
}

/** Whether the finance and operations side is linked to another Dataverse than this pair's (a database copy). */
export function linkMismatch(snapshot: Snapshot): boolean {
  const link = snapshot.link;
  if (link === undefined) return false;
  return (
    link.dataverseOrganizationId.toLowerCase() !== snapshot.identity.dataverseOrganizationId.toLowerCase() ||
    !sameUrl(link.dataverseUrl, snapshot.identity.dataverseUrl)
  );
}

/** The link's legal entities, and the link problems that make apply refuse. */
export function planLink(pair: EnvironmentPair, snapshot: Snapshot): { actions: ActionBody[]; blockers: Blocker[] } {
  const link = snapshot.link;
  if (link === undefined) {
    return {
      actions: [],
      blockers: [
        {
          kind: "notLinked",
          path: [],
          message: `${pair.name} has no dual-write link between ${snapshot.identity.financeAndOperationsUrl} and ${snapshot.identity.dataverseUrl}. Link the environments (Link to Power Platform environment, or Reset link, in the finance and operations UI), then plan again.`,
        },
      ],
    };
  }
  const blockers: Blocker[] = [];
  if (linkMismatch(snapshot)) {
    blockers.push({
      kind: "linkMismatch",
      path: [],
      message: `finance and operations is linked to ${link.dataverseUrl} (organization ${link.dataverseOrganizationId}), not to this pair's Dataverse ${snapshot.identity.dataverseUrl} (organization ${snapshot.identity.dataverseOrganizationId}). Applying would change the configuration of the other environment. run the refresh runbook first (stop the maps, Reset link to this pair's own Dataverse, clean DualWriteProjectConfiguration, DualWriteProjectFieldConfiguration, BusinessEventsDefinition and msdyn_dualwriteruntimeconfig), then plan again.`,
    });
  }
  const from = [...link.legalEntities].sort();
  const to = [...pair.legalEntities].sort();
  const same = from.join(",").toUpperCase() === to.join(",").toUpperCase();
  const actions = same ? [] : [described({ kind: "setLegalEntities", from, to })];
  return { actions, blockers };
}
