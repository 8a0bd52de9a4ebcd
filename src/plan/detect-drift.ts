import { canonicalJson, sha256 } from "../model/fingerprint.js";
import type { LastAppliedRecord } from "../model/last-applied.js";
import type { PairDesired } from "../model/pair-view.js";
import { mapKey, type Snapshot } from "../model/snapshot.js";
import { mapTitle } from "./describe-action.js";
import { ignoresAnything } from "./match-ignore-rules.js";
import { definitionHash, sameDefinition } from "./normalise-definition.js";
import type { Drift } from "./plan.js";
import { CLEAN_COPIED_CONFIGURATION, linkMismatch, staleRuntimeUrls } from "./plan-link.js";
import { settledState, type MapPlan } from "./plan-map.js";

function linkDrift(pairDesired: PairDesired, snapshot: Snapshot): Drift[] {
  const out: Drift[] = [];
  const link = snapshot.link;
  const own = snapshot.identity.dataverseUrl;
  if (link !== undefined && linkMismatch(snapshot)) {
    out.push({
      kind: "linkMismatch",
      map: null,
      message: `the dual-write link of ${snapshot.identity.financeAndOperationsUrl} (connection set ${link.connectionSet}) points at the Dataverse ${link.dataverseUrl}, not at ${own}: ${CLEAN_COPIED_CONFIGURATION}.`,
    });
  }
  const stale = staleRuntimeUrls(snapshot);
  for (const url of stale) {
    const rows = snapshot.runtime.financeAndOperations.filter((r) => r.externalEnvironmentUrl === url).length;
    out.push({
      kind: "staleRuntimeConfiguration",
      map: null,
      message: `${rows} runtime configuration row(s) in finance and operations (DualWriteProjectConfiguration) point at ${url}, not at ${own}: ${CLEAN_COPIED_CONFIGURATION}`,
    });
  }
  return out;
}

/**
 * What apply does about a definition changed outside dwctl. A followed map is never saved: apply
 * only switches to the version its publishers' policy chooses (README, "Versions").
 */
function restores(plan: MapPlan, pair: string): string {
  const version = plan.pairMap.map.version;
  if (version.kind === "pin") return "; apply restores the definition in git";
  return `; ${plan.name} follows ${version.publishers.join(", ")}: apply only switches to the version they shipped last and never saves it, so an edit inside that version stays (dwctl import --env ${pair} --maps ${plan.name} takes it into git)`;
}

function mapDrift(snapshot: Snapshot, lastApplied: LastAppliedRecord | undefined, plans: readonly MapPlan[]): Drift[] {
  const out: Drift[] = [];
  const byKey = new Map(plans.map((p) => [mapKey(p.ref), p]));
  const live = new Map(snapshot.maps.map((m) => [mapKey(m.ref), m]));
  const keys = [...new Set([...live.keys(), ...Object.keys(lastApplied?.maps ?? {})])].sort();
  for (const key of keys) {
    const map = live.get(key);
    const plan = byKey.get(key);
    const entry = lastApplied?.maps[key];
    const name = plan?.name ?? entry?.name ?? null;
    if (map === undefined) {
      if (entry !== undefined)
        out.push({
          kind: "mapMissing",
          map: entry.name,
          message: `${entry.name} was applied but no longer exists live: it was deleted outside dwctl`,
        });
      continue;
    }
    const title = mapTitle(map.definition);
    const stateIgnored = plan?.ignored.state ?? false;
    const failed = map.lastRequest?.state === "error" ? map.lastRequest : undefined;
    if ((map.state === "error" || failed !== undefined) && !stateIgnored) {
      const what = failed === undefined ? "is in error" : `: its last ${failed.action} request ${failed.requestId} failed${failed.message === "" ? "" : ` (${failed.message})`}`;
      out.push({
        kind: "mapError",
        map: name,
        message: `${title} ${what}; see its errors (and, after a start, the Initial sync details tab) in the dual-write UI. dwctl does not re-run an initial sync by itself: set initialSync.rerun to a new token to ask for one`,
      });
    }
    if (entry === undefined) continue;
    const hash = definitionHash(map.definition);
    // The record's hash may also be of the definition as saved, not normalised.
    const changed = hash !== entry.definitionHash && sha256(canonicalJson(map.definition)) !== entry.definitionHash;
    const onlyIgnored = plan !== undefined && ignoresAnything(plan.ignored) && sameDefinition(plan.definition, map.definition);
    if (changed && !onlyIgnored) {
      out.push({
        kind: "definitionChanged",
        map: name ?? entry.name,
        message: `${title} was edited outside dwctl since the last apply (${lastApplied?.appliedAt ?? "?"} by ${lastApplied?.actor ?? "?"})${plan === undefined ? "" : restores(plan, snapshot.pair)}`,
      });
    }
    const state = settledState(map.state);
    if (state !== entry.state && !stateIgnored) {
      out.push({
        kind: "stateChanged",
        map: name ?? entry.name,
        message: `${title} is ${map.state} but was applied as ${entry.state}: changed outside dwctl`,
      });
    }
  }
  return out;
}

function keyDrift(snapshot: Snapshot, lastApplied: LastAppliedRecord | undefined): Drift[] {
  const out: Drift[] = [];
  for (const key of snapshot.alternateKeys.filter((k) => k.status === "failed")) {
    out.push({
      kind: "keyIndexFailed",
      map: null,
      message: `the index of alternate key ${key.schemaName} on ${key.table} failed to build; maps on ${key.table} cannot resolve rows by key until it is reactivated`,
    });
  }
  for (const [table, applied] of Object.entries(lastApplied?.keys ?? {}).sort(([a], [b]) => a.localeCompare(b))) {
    const current = snapshot.integrationKeys.find((k) => k.table === table);
    if (current?.columns.join(",") !== applied.columns.join(",")) {
      out.push({
        kind: "integrationKeyChanged",
        map: null,
        message: `the integration key of ${table} is ${current === undefined ? "missing" : current.columns.join(", ")} but was applied as ${applied.columns.join(", ")}`,
      });
    }
  }
  if (lastApplied !== undefined && snapshot.link !== undefined) {
    const live = [...snapshot.link.legalEntities].sort().join(", ");
    const applied = [...lastApplied.legalEntities].sort().join(", ");
    if (live.toUpperCase() !== applied.toUpperCase()) {
      out.push({
        kind: "legalEntitiesChanged",
        map: null,
        message: `the linked legal entities are ${live || "none"} but were applied as ${applied}`,
      });
    }
  }
  return out;
}

/** Live against last applied: what changed outside dwctl. Link and key index problems count whatever was applied. */
export function detectDrift(
  pairDesired: PairDesired,
  snapshot: Snapshot,
  lastApplied: LastAppliedRecord | undefined,
  plans: readonly MapPlan[],
): Drift[] {
  return [...linkDrift(pairDesired, snapshot), ...mapDrift(snapshot, lastApplied, plans), ...keyDrift(snapshot, lastApplied)];
}
