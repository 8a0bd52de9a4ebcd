import type { EnvironmentPair } from "../model/desired.js";
import type { LastAppliedRecord } from "../model/last-applied.js";
import type { Snapshot } from "../model/snapshot.js";
import { CLEAN_COPIED_CONFIGURATION, linkMismatch, planLink, sameUrl, staleRuntimeUrls } from "../plan/plan-link.js";
import { fail, pass, skip, warn, type DoctorCheck, type Read } from "./check.js";
import { HEALTH_CODES } from "./facts.js";

export const LINK_CHECK = { id: "link", title: "The pair is linked to its own Dataverse, with its legal entities" };
export const COMPANIES_DATAVERSE = { id: "health.companies.dataverse", title: `Linked legal entities exist in Dataverse (${HEALTH_CODES.companyDataverse})` };
export const COMPANIES_FINOPS = { id: "health.companies.finops", title: `Linked legal entities exist in finance and operations (${HEALTH_CODES.companyFinOps})` };
export const STALE_DATAVERSE = { id: "health.stale.dataverse", title: `No stale dual-write configuration in Dataverse (${HEALTH_CODES.staleDataverse})` };
export const STALE_FINOPS = { id: "health.stale.finops", title: `No stale dual-write configuration in finance and operations (${HEALTH_CODES.staleFinOps})` };
export const COPY_CHECK = { id: "copy", title: "No signs of a database copied from another environment" };

export interface LinkContext {
  pair: EnvironmentPair;
  /** Every pair of environments.yaml: to say which one a link points at. */
  pairs: readonly EnvironmentPair[];
  snapshot: Snapshot;
  lastApplied: LastAppliedRecord | undefined;
}

/** What to do about configuration copied from another environment: the refresh runbook, which refuses protected pairs. */
export function refreshAdvice(pair: EnvironmentPair): string {
  if (pair.protected === true) return `${pair.name} is protected, so dwctl refresh will not run on it: ${CLEAN_COPIED_CONFIGURATION}`;
  return `run dwctl refresh --env ${pair.name} --confirm ${pair.name} (it stops the pair's maps, resets its link with its own Dataverse, cleans the copied configuration and rebuilds it from git), then dwctl doctor --env ${pair.name} again`;
}

/** "pair prod's Dataverse", "this pair's Dataverse", or "a Dataverse environments.yaml does not name". */
function whoseDataverse(url: string, context: LinkContext): string {
  if (sameUrl(url, context.snapshot.identity.dataverseUrl)) return "this pair's Dataverse";
  const other = context.pairs.find((candidate) => sameUrl(candidate.dataverse.url, url));
  return other === undefined ? "a Dataverse environments.yaml does not name" : `pair ${other.name}'s Dataverse`;
}

const list = (codes: readonly string[]): string => (codes.length === 0 ? "none" : codes.join(", "));

/** The link as the service holds it, judged by the plan's own link rules (plan-link.ts). */
export function assessLink(context: LinkContext): DoctorCheck {
  const { id, title } = LINK_CHECK;
  const { pair, snapshot, lastApplied } = context;
  const { blockers, warnings } = planLink(pair, snapshot, lastApplied);
  const link = snapshot.link;
  if (link === undefined) {
    const host = new URL(snapshot.identity.financeAndOperationsUrl).hostname;
    return fail(
      id,
      title,
      `not linked: the dual-write service finds no connection set for ${host}`,
      "link the environments (Link to Power Platform environment in LCS, or Reset link in the finance and operations UI), choosing the legal entities of environments.yaml, then run doctor again (DW/lcs-setup.md, DW/reset.md)",
    );
  }
  const points = `connection set ${link.connectionSet} points at ${link.dataverseUrl} (${whoseDataverse(link.dataverseUrl, context)})`;
  if (blockers.some((blocker) => blocker.kind === "linkMismatch")) {
    return fail(id, title, `${points}, not at ${snapshot.identity.dataverseUrl}`, refreshAdvice(pair));
  }
  const detail = `${points}; legal entities ${list([...link.legalEntities].sort())}`;
  const entities = warnings.find((warning) => warning.code === "legal-entities");
  if (entities !== undefined) return warn(id, title, `${detail}; environments.yaml asks for ${list([...pair.legalEntities].sort())}`, entities.message);
  return pass(id, title, detail);
}

/** DWDVEV1003: every linked legal entity has a cdm_company row (DW/configuration-health-check.md). */
export function assessDataverseCompanies(snapshot: Snapshot): DoctorCheck {
  const { id, title } = COMPANIES_DATAVERSE;
  if (snapshot.link === undefined) return skip(id, title, "cannot check: the pair is not linked (see link)");
  return companies(id, title, snapshot.link.legalEntities, snapshot.legalEntitiesInDataverse, "Dataverse has no Company (cdm_company) row");
}

/** DWFOEV1003: every linked legal entity exists in finance and operations (DW/configuration-health-check.md). */
export function assessFinOpsCompanies(snapshot: Snapshot, legalEntities: Read<string[]>): DoctorCheck {
  const { id, title } = COMPANIES_FINOPS;
  if (snapshot.link === undefined) return skip(id, title, "cannot check: the pair is not linked (see link)");
  if (!legalEntities.ok) return fail(id, title, `the legal entities of finance and operations could not be read: ${legalEntities.failure.message}`, legalEntities.failure.hint);
  return companies(id, title, snapshot.link.legalEntities, legalEntities.value, "finance and operations has no legal entity");
}

/** The code of the health check is in the title; the detail names the legal entities. */
function companies(id: string, title: string, linked: readonly string[], present: readonly string[], lacks: string): DoctorCheck {
  const known = new Set(present.map((entry) => entry.toUpperCase()));
  const missing = linked.filter((entry) => !known.has(entry.toUpperCase()));
  if (missing.length === 0) return pass(id, title, `${list([...linked].sort())} all present`);
  return fail(
    id,
    title,
    `${lacks} for the linked legal entit${missing.length === 1 ? "y" : "ies"} ${missing.join(", ")}`,
    "remove those legal entities from the link, or Reset link with legal entities that exist on both sides (DW/configuration-health-check.md, DW/reset.md)",
  );
}

/** DWFOEV1004: DualWriteProjectConfiguration rows for another Dataverse, or for a pair that is not linked. */
export function assessStaleFinOps(context: LinkContext): DoctorCheck {
  const { id, title } = STALE_FINOPS;
  const { snapshot, pair } = context;
  const rows = snapshot.runtime.financeAndOperations;
  const stale = snapshot.link === undefined ? [...new Set(rows.map((row) => row.externalEnvironmentUrl))].sort() : staleRuntimeUrls(snapshot);
  if (stale.length === 0) return pass(id, title, `${rows.length} DualWriteProjectConfiguration row(s), all for this pair's Dataverse`);
  const count = rows.filter((row) => stale.some((url) => sameUrl(url, row.externalEnvironmentUrl))).length;
  const why = snapshot.link === undefined ? "while the pair is not linked" : `for ${stale.map((url) => `${url} (${whoseDataverse(url, context)})`).join(", ")}`;
  return fail(id, title, `${count} DualWriteProjectConfiguration row(s) ${why}`, refreshAdvice(pair));
}

/**
 * DWDVEV1004: runtime configuration rows in Dataverse that cannot be this pair's: the pair is not
 * linked, its link points at another Dataverse, or the Dataverse is a copy of another pair's. Which
 * organization a row was written for is not readable through the Web API, so rows in a Dataverse
 * that shows none of these signs pass.
 */
export function assessStaleDataverse(context: LinkContext): DoctorCheck {
  const { id, title } = STALE_DATAVERSE;
  const { snapshot, lastApplied, pair } = context;
  const rows = snapshot.runtime.dataverse.length;
  const copiedFrom = lastApplied?.pair !== undefined && lastApplied.pair !== pair.name ? lastApplied.pair : undefined;
  const why =
    snapshot.link === undefined ? "while the pair is not linked" : linkMismatch(snapshot) ? "while the link points at another Dataverse" : copiedFrom !== undefined ? `in a Dataverse copied from pair ${copiedFrom}` : undefined;
  if (rows === 0 || why === undefined) {
    return pass(id, title, `${rows} msdyn_dualwriteruntimeconfig row(s)${rows === 0 ? "" : "; which organization a row was written for is not readable through the Web API, and nothing else marks them stale"}`);
  }
  return fail(id, title, `${rows} msdyn_dualwriteruntimeconfig row(s) ${why}`, refreshAdvice(pair));
}

/**
 * The signs of a database copy, as the plan finds them (plan-link.ts): the Dataverse holds another
 * pair's last-applied record, finance and operations holds runtime configuration for another
 * Dataverse, or the link points at another Dataverse (dualwrite-service.md §8; DOMAIN.md §5).
 */
export function assessCopy(context: LinkContext): DoctorCheck {
  const { id, title } = COPY_CHECK;
  const { pair, snapshot, lastApplied } = context;
  const kinds = new Set(planLink(pair, snapshot, lastApplied).blockers.map((blocker) => blocker.kind));
  const signs: string[] = [];
  if (kinds.has("copiedDatabase") && lastApplied?.pair !== undefined) signs.push(`the Dataverse holds pair ${lastApplied.pair}'s last-applied record (a copy of ${lastApplied.pair}'s Dataverse)`);
  if (kinds.has("staleRuntimeConfiguration")) {
    signs.push(`finance and operations holds DualWriteProjectConfiguration rows for ${staleRuntimeUrls(snapshot).map((url) => whoseDataverse(url, context)).join(", ")} (a raw copy of another finance and operations database)`);
  }
  if (kinds.has("linkMismatch") && snapshot.link !== undefined) signs.push(`the link points at ${whoseDataverse(snapshot.link.dataverseUrl, context)}`);
  if (signs.length === 0) return pass(id, title, "none found");
  return fail(id, title, signs.join("; "), refreshAdvice(pair));
}
