import type { EnvironmentPair } from "../model/desired.js";
import type { LastAppliedRecord } from "../model/last-applied.js";
import type { EnvironmentIdentity, Snapshot } from "../model/snapshot.js";
import { sameUrl, staleRuntimeUrls } from "../plan/plan-link.js";
import { isUnfinished, nextStep, type RefreshRecord } from "./refresh-record.js";

/** Who the target really is, as its environments answer: printed before anything is done. */
export interface TargetIdentity {
  financeAndOperationsUrl: string;
  financeAndOperationsHost: string;
  dataverseUrl: string;
  dataverseOrganizationId: string;
  /** The service's connection set for the F&O host and the Dataverse it points at; undefined when not linked. */
  link: { connectionSet: string; dataverseUrl: string; legalEntities: string[] } | undefined;
  /** Rows of msdyn_dualwriteruntimeconfig. Which organization they were written for is not readable through the Web API. */
  dataverseRuntimeRows: number;
  /** The Dataverse URLs that DualWriteProjectConfiguration rows point at. */
  financeAndOperationsRuntimeUrls: string[];
  /** The pair named in the last-applied record that the target's Dataverse holds. */
  lastAppliedPair: string | undefined;
}

export type TargetState = "clean" | "copied" | "reset" | "resuming";

export interface TargetAssessment {
  identity: TargetIdentity;
  state: TargetState;
  /** Each sign behind the state, in words. */
  signs: string[];
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return url.toLowerCase();
  }
}

export function identityOf(snapshot: Snapshot, lastApplied: LastAppliedRecord | undefined): TargetIdentity {
  return {
    financeAndOperationsUrl: snapshot.identity.financeAndOperationsUrl,
    financeAndOperationsHost: hostOf(snapshot.identity.financeAndOperationsUrl),
    dataverseUrl: snapshot.identity.dataverseUrl,
    dataverseOrganizationId: snapshot.identity.dataverseOrganizationId,
    link:
      snapshot.link === undefined
        ? undefined
        : { connectionSet: snapshot.link.connectionSet, dataverseUrl: snapshot.link.dataverseUrl, legalEntities: [...snapshot.link.legalEntities] },
    dataverseRuntimeRows: snapshot.runtime.dataverse.length,
    financeAndOperationsRuntimeUrls: [...new Set(snapshot.runtime.financeAndOperations.map((row) => row.externalEnvironmentUrl))].sort(),
    lastAppliedPair: lastApplied?.pair,
  };
}

/**
 * What state the target is in: half-way through an earlier refresh, a copy of the source (each sign
 * listed), already reset (linked to its own Dataverse, no maps, no runtime configuration), or clean.
 */
export function assessTarget(input: {
  pair: EnvironmentPair;
  source: EnvironmentPair;
  snapshot: Snapshot;
  lastApplied: LastAppliedRecord | undefined;
  record: RefreshRecord | undefined;
}): TargetAssessment {
  const { pair, source, snapshot, lastApplied, record } = input;
  const identity = identityOf(snapshot, lastApplied);
  if (isUnfinished(record)) {
    return {
      identity,
      state: "resuming",
      signs: [`an earlier refresh (run ${record.runId}, from ${record.source}, started ${record.startedAt}) stopped before step ${nextStep(record) ?? "verify"}`],
    };
  }
  const signs: string[] = [];
  const own = snapshot.identity.dataverseUrl;
  const sourceDataverse = source.dataverse.url;
  for (const url of staleRuntimeUrls(snapshot)) {
    const whose = sameUrl(url, sourceDataverse) ? `${source.name}'s Dataverse` : "another Dataverse";
    const rows = snapshot.runtime.financeAndOperations.filter((row) => row.externalEnvironmentUrl === url).length;
    signs.push(`${rows} DualWriteProjectConfiguration row(s) in finance and operations point at ${url} (${whose}): a raw copy of the finance and operations database`);
  }
  if (lastApplied?.pair !== undefined && lastApplied.pair !== pair.name) {
    signs.push(`the Dataverse holds the last-applied record of pair ${lastApplied.pair}: a copy of ${lastApplied.pair}'s Dataverse`);
  }
  if (snapshot.link !== undefined && !sameUrl(snapshot.link.dataverseUrl, own)) {
    signs.push(`the dual-write link (connection set ${snapshot.link.connectionSet}) points at ${snapshot.link.dataverseUrl}, not at ${own}`);
  }
  if (signs.length > 0) return { identity, state: "copied", signs };
  const reset = snapshot.link !== undefined && snapshot.maps.length === 0 && snapshot.runtime.dataverse.length === 0 && snapshot.runtime.financeAndOperations.length === 0;
  if (reset) return { identity, state: "reset", signs: ["linked to its own Dataverse, with no maps and no runtime configuration"] };
  return { identity, state: "clean", signs: ["no sign of a database copy"] };
}

/** Why the runbook must not run against this target. Empty when it may. */
export function refusals(input: {
  pair: EnvironmentPair;
  source: EnvironmentPair;
  confirm: string | undefined;
  dryRun: boolean;
  target: EnvironmentIdentity;
  sourceIdentity: EnvironmentIdentity | undefined;
}): string[] {
  const { pair, source, confirm, dryRun, target, sourceIdentity } = input;
  const out: string[] = [];
  if (pair.protected === true) out.push(`${pair.name} is protected: the refresh runbook resets its dual-write link and never runs on a protected pair`);
  if (pair.name === source.name) out.push(`${pair.name} is its own source: name the pair it was copied from with --source or refreshedFrom`);
  if (!dryRun && confirm !== pair.name) out.push(`the refresh resets the dual-write link of ${pair.name}: pass --confirm ${pair.name} to say that this is the pair you mean`);
  if (sourceIdentity !== undefined) {
    const same: string[] = [];
    if (sourceIdentity.dataverseOrganizationId.toLowerCase() === target.dataverseOrganizationId.toLowerCase()) same.push(`Dataverse organization ${target.dataverseOrganizationId}`);
    if (hostOf(sourceIdentity.financeAndOperationsUrl) === hostOf(target.financeAndOperationsUrl)) same.push(`finance and operations host ${hostOf(target.financeAndOperationsUrl)}`);
    if (sameUrl(sourceIdentity.dataverseUrl, target.dataverseUrl)) same.push(`Dataverse ${target.dataverseUrl}`);
    if (same.length > 0) out.push(`${pair.name} answers as the same environment as ${source.name} (${same.join(", ")}): refusing to touch what may be ${source.name}`);
  }
  return out;
}
