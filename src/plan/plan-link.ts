import type { EnvironmentPair } from "../model/desired.js";
import type { Snapshot } from "../model/snapshot.js";
import type { LastAppliedRecord } from "../model/last-applied.js";
import type { Blocker, PlanWarning } from "./plan.js";

/**
 * What a person does today about configuration copied from another environment (the dual-write
 * FAQ's refresh answer, DW/reset.md): the one home of this advice for plan blockers and drift.
 */
export const CLEAN_COPIED_CONFIGURATION =
  "stop the pair's maps, Reset link for this pair with its own Dataverse (it clears DualWriteProjectConfiguration, DualWriteProjectFieldConfiguration, BusinessEventsDefinition and the Dataverse runtime configuration), delete any msdyn_dualwriteruntimeconfig rows of another organization, then plan again";

export function sameUrl(a: string, b: string): boolean {
  const norm = (u: string): string => u.trim().toLowerCase().replace(/\/+$/, "");
  return norm(a) === norm(b);
}

/**
 * Whether the service's link for this pair's finance and operations host points at another
 * Dataverse than the pair's own: the connection set's Dataverse entry names another `directUrl`.
 */
export function linkMismatch(snapshot: Snapshot): boolean {
  const link = snapshot.link;
  if (link === undefined) return false;
  return !sameUrl(link.dataverseUrl, snapshot.identity.dataverseUrl);
}

/**
 * The Dataverse URLs that finance and operations runtime rows (DualWriteProjectConfiguration) point
 * at, other than the pair's own: what a raw copy of another environment's database leaves behind
 * (dualwrite-service.md §8).
 */
export function staleRuntimeUrls(snapshot: Snapshot): string[] {
  const own = snapshot.identity.dataverseUrl;
  return [...new Set(snapshot.runtime.financeAndOperations.map((r) => r.externalEnvironmentUrl))].filter((u) => !sameUrl(u, own)).sort();
}

/**
 * The link problems that make apply refuse, and a warning when the linked legal entities differ
 * from the pair's: legal entities are chosen when a pair is linked or its link is reset (dual-write
 * FAQ; dualwrite-service.md §5.13), and no call changes them on an existing link.
 */
export function planLink(pair: EnvironmentPair, snapshot: Snapshot, lastApplied: LastAppliedRecord | undefined): { blockers: Blocker[]; warnings: PlanWarning[] } {
  const link = snapshot.link;
  if (link === undefined) {
    return {
      warnings: [],
      blockers: [
        {
          kind: "notLinked",
          path: [],
          message: `${pair.name} has no dual-write link: the dual-write service finds no connection set for ${snapshot.identity.financeAndOperationsUrl}. Link the environments (Link to Power Platform environment in LCS, or Reset link in the finance and operations UI), then plan again.`,
        },
      ],
    };
  }
  const blockers: Blocker[] = [];
  if (linkMismatch(snapshot)) {
    blockers.push({
      kind: "linkMismatch",
      path: [],
      message: `the dual-write link of ${pair.name} (connection set ${link.connectionSet}) points at ${link.dataverseUrl}, not at this pair's Dataverse ${snapshot.identity.dataverseUrl}. Applying would change the configuration of the other environment. Run dwctl refresh --env ${pair.name}, or ${CLEAN_COPIED_CONFIGURATION}.`,
    });
  }
  if (lastApplied?.pair !== undefined && lastApplied.pair !== pair.name) {
    blockers.push({
      kind: "copiedDatabase",
      path: [],
      message: `the Dataverse of ${pair.name} holds the last-applied record of pair ${lastApplied.pair}: it is a copy of ${lastApplied.pair}'s Dataverse. Its maps, solutions and runtime configuration belong to ${lastApplied.pair}. Run dwctl refresh --env ${pair.name}, which resets and rebuilds the pair's dual-write configuration from git, then plan again.`,
    });
  }
  const stale = staleRuntimeUrls(snapshot);
  if (stale.length > 0) {
    blockers.push({
      kind: "staleRuntimeConfiguration",
      path: [],
      message: `finance and operations holds dual-write runtime configuration (DualWriteProjectConfiguration) for ${stale.join(", ")}, not for this pair's Dataverse ${snapshot.identity.dataverseUrl}: the signs of a database copied from another environment. Applying on top of it would leave the pair half-configured. Run dwctl refresh --env ${pair.name}, or ${CLEAN_COPIED_CONFIGURATION}.`,
    });
  }
  const from = [...link.legalEntities].sort();
  const to = [...pair.legalEntities].sort();
  const same = from.join(",").toUpperCase() === to.join(",").toUpperCase();
  const warnings: PlanWarning[] = same
    ? []
    : [
        {
          code: "legal-entities",
          map: null,
          message: `the link of ${pair.name} has the legal entities ${from.join(", ") || "none"}, environments.yaml asks for ${to.join(", ") || "none"}. Legal entities are chosen when the pair is linked or its link is reset; dwctl does not change them on a live link. Reset the link with the legal entities you want (it stops and clears every map), or change environments.yaml.`,
        },
      ];
  return { blockers, warnings };
}
