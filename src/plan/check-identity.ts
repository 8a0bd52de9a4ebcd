import type { Blocker, PlanWarning } from "./plan.js";

/** The pair being planned, with the organization its Dataverse WhoAmI returned. */
export interface PlannedIdentity {
  pair: string;
  protected: boolean;
  organizationId: string;
}

/** A protected pair's organization, or why it could not be read. */
export type ProtectedIdentity = { pair: string; organizationId: string } | { pair: string; unreadable: string };

/**
 * URLs can differ while naming one environment (an alias, a custom domain), so validate's DW171 is
 * not enough: a non-protected pair whose Dataverse WhoAmI returns a protected pair's organization id
 * IS that protected environment, and a plan for it would write to production without confirmation.
 */
export function checkIdentity(planned: PlannedIdentity, protectedPairs: readonly ProtectedIdentity[]): { blockers: Blocker[]; warnings: PlanWarning[] } {
  const blockers: Blocker[] = [];
  const warnings: PlanWarning[] = [];
  if (planned.protected) return { blockers, warnings };
  const own = canonicalId(planned.organizationId);
  for (const other of protectedPairs) {
    if (other.pair === planned.pair) continue;
    if ("unreadable" in other) {
      warnings.push({
        code: "protected-identity-unknown",
        map: null,
        message: `dwctl could not read the Dataverse organization of protected pair ${other.pair} (${other.unreadable}), so it cannot prove that ${planned.pair} is not ${other.pair}'s environment`,
      });
      continue;
    }
    if (canonicalId(other.organizationId) !== own) continue;
    blockers.push({
      kind: "sameEnvironment",
      path: [],
      message: `${planned.pair} resolves to the Dataverse organization ${planned.organizationId}, which is the protected pair ${other.pair}: applying would change ${other.pair} without its confirmation. Point ${planned.pair}'s URLs in environments.yaml at its own environment, then plan again.`,
    });
  }
  return { blockers, warnings };
}

function canonicalId(id: string): string {
  return id.trim().replace(/^\{|\}$/g, "").toLowerCase();
}
