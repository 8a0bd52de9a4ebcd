import type { Finding, LastApplied, PairReport } from "../generated/report.js";
import { parseLastApplied } from "../model/last-applied.js";
import type { PairDesired } from "../model/pair-view.js";
import { mapKey, type Snapshot } from "../model/snapshot.js";
import { matchIgnoreRules } from "../plan/match-ignore-rules.js";
import type { Blocker, DriftKind, Plan } from "../plan/plan.js";
import { fingerprint } from "../model/fingerprint.js";

export type { Finding, LastApplied, PairReport };

type Shape = Pick<Finding, "code" | "severity" | "category"> & { hint: string | null };

const refresh = (pair: string): string => `After a database copy, run the refresh runbook: dwctl refresh --env ${pair} --confirm ${pair}.`;
const replan = (pair: string): string => `Run dwctl plan --env ${pair} to see the difference; apply puts back what git says, or add an ignore rule for it in environments.yaml.`;

/** Every drift kind of the plan, as a finding. A Record, so a new kind cannot be forgotten here. */
const driftShapes: Record<DriftKind, (pair: string) => Shape> = {
  definitionChanged: (pair) => ({ code: "definition-changed", severity: "warning", category: "changedOutsideGit", hint: replan(pair) }),
  stateChanged: (pair) => ({ code: "state-changed", severity: "warning", category: "changedOutsideGit", hint: replan(pair) }),
  mapMissing: (pair) => ({ code: "map-missing", severity: "error", category: "changedOutsideGit", hint: `Someone deleted a map dwctl applied. Apply again to restore it: dwctl plan --env ${pair}.` }),
  mapError: () => ({
    code: "map-error",
    severity: "error",
    category: "runtimeHealth",
    hint: "Open the map in finance and operations (Data management > Dual-write) and read its error and the catch-up errors; fix the cause, then start it again.",
  }),
  initialSyncFailed: () => ({
    code: "initial-sync-failed",
    severity: "error",
    category: "runtimeHealth",
    hint: "Read the initial sync details of the map in finance and operations; fix the rows it names and run the initial sync again (initialSync.rerun in the map's YAML).",
  }),
  keyIndexFailed: (pair) => ({
    code: "key-index-failed",
    severity: "error",
    category: "runtimeHealth",
    hint: `The table holds rows that break the key (duplicates or empty values). Fix them, then apply: dwctl plan --env ${pair} reactivates the key.`,
  }),
  integrationKeyChanged: (pair) => ({ code: "integration-key-changed", severity: "warning", category: "changedOutsideGit", hint: replan(pair) }),
  legalEntitiesChanged: () => ({
    code: "legal-entities-changed",
    severity: "warning",
    category: "changedOutsideGit",
    hint: "The link's legal entities change only through Reset link in the dual-write UI; make environments.yaml and the link agree.",
  }),
  linkMismatch: (pair) => ({ code: "link-mismatch", severity: "error", category: "runtimeHealth", hint: refresh(pair) }),
  staleRuntimeConfiguration: (pair) => ({ code: "stale-runtime-configuration", severity: "error", category: "runtimeHealth", hint: refresh(pair) }),
};

const blockerShapes: Record<Blocker["kind"], (pair: string) => Shape> = {
  lookupCycle: () => ({ code: "lookup-cycle", severity: "error", category: "pendingDeploy", hint: "Break the cycle in git: one of the maps must not look the next one up during its initial sync." }),
  linkMismatch: driftShapes.linkMismatch,
  notLinked: () => ({ code: "not-linked", severity: "error", category: "runtimeHealth", hint: "Link the environments in finance and operations (Data management > Dual-write > Link to Dataverse), then run drift again." }),
  staleRuntimeConfiguration: driftShapes.staleRuntimeConfiguration,
  copiedDatabase: (pair) => ({ code: "copied-database", severity: "error", category: "runtimeHealth", hint: refresh(pair) }),
  sameEnvironment: () => ({
    code: "same-environment",
    severity: "error",
    category: "runtimeHealth",
    hint: "Two pairs of environments.yaml reach the same environment: correct the URLs so that each pair names its own.",
  }),
  // Raised by plan's column check (src/plan/check-columns.ts), which names the YAML line in its message.
  unknownColumn: () => ({ code: "unknown-column", severity: "error", category: "pendingDeploy", hint: "Fix the name in git, or create the table, column or field live first, then plan again." }),
  unknownPublisher: () => ({ code: "unknown-publisher", severity: "error", category: "pendingDeploy", hint: "Create the publisher in Dataverse, or name an existing publisher in version.publisher, then plan again." }),
  incompatibleColumn: () => ({ code: "incompatible-column", severity: "error", category: "pendingDeploy", hint: "Use a column whose type fits (a lookup to look up through, a key-compatible column in a key), then plan again." }),
  // Raised by plan-version.ts for `version: { follow }` (README, "Versions").
  followedMapMissing: () => ({
    code: "followed-map-missing",
    severity: "error",
    category: "pendingDeploy",
    hint: "Apply the solution of the publisher that ships the map (Apply Solution), or pin a version of your own publisher, then plan again.",
  }),
  followedVersionMissing: () => ({
    code: "followed-version-missing",
    severity: "error",
    category: "pendingDeploy",
    hint: "Apply the solution of a publisher the map follows (Apply Solution), or pin a version of your own publisher, then plan again.",
  }),
  // Raised by plan-version.ts: a pinned version saved into a row the service lists as another publisher's.
  versionOfAnotherPublisher: () => ({
    code: "version-of-another-publisher",
    severity: "error",
    category: "pendingDeploy",
    hint: "Pin a version number of your own that the other publisher does not use (version.number), or pin that publisher's version as it is (version.publisher), then plan again.",
  }),
  // Raised by plan-renames.ts: a moved entry that names a map of another entity or table.
  movedChangesMap: (pair) => ({
    code: "moved-changes-map",
    severity: "error",
    category: "pendingDeploy",
    hint: `Remove the moved entry: dwctl plan --env ${pair} then creates the new map, and deletes the old one with --prune.`,
  }),
};

const order: Record<Finding["severity"], number> = { error: 0, warning: 1, info: 2 };

/** Collects findings, once per code and map. */
function collector(): { out: Finding[]; add: (shape: Shape, map: string | null, message: string) => void } {
  const out: Finding[] = [];
  const seen = new Set<string>();
  const add = (shape: Shape, map: string | null, message: string): void => {
    const key = `${shape.code}|${map ?? ""}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ ...shape, map, message });
  };
  return { out, add };
}

function addPlanFindings(plan: Plan, add: ReturnType<typeof collector>["add"]): void {
  const pair = plan.pair;
  for (const b of plan.blockers) add(blockerShapes[b.kind](pair), null, b.message);
  for (const d of plan.drift) add(driftShapes[d.kind](pair), d.map, d.message);
  for (const p of plan.pending) {
    add({ code: "pending-deploy", severity: "warning", category: "pendingDeploy", hint: `Merged but not applied: dwctl plan --env ${pair}, then apply.` }, p.map, p.message);
  }
}

/**
 * What a plan alone shows, as findings: what it blocks on, its drift (live against last applied)
 * and its pending changes (git against last applied). For a report made from a saved plan, which
 * has no snapshot to read the runtime's health from.
 */
export function planFindings(plan: Plan): Finding[] {
  const { out, add } = collector();
  addPlanFindings(plan, add);
  return out.sort((a, b) => order[a.severity] - order[b.severity]);
}

/**
 * The three-way findings of one pair: the plan's drift (live against last applied), its pending
 * changes (git against last applied) and what it blocks on, then the runtime's health read from
 * the snapshot. Read-only: built from a plan that nothing applies.
 */
export function findingsFor(plan: Plan, snapshot: Snapshot, pairDesired: PairDesired): Finding[] {
  const pair = plan.pair;
  const { out, add } = collector();
  addPlanFindings(plan, add);

  const names = new Map(pairDesired.maps.map((m) => [mapKey({ entity: m.map.financeAndOperations.entity, table: m.map.dataverse.table }), m]));
  const lastApplied = parseLastApplied(snapshot.lastApplied?.value);
  for (const live of snapshot.maps) {
    const entry = names.get(mapKey(live.ref));
    const name = entry?.map.name ?? lastApplied?.maps[mapKey(live.ref)]?.name ?? null;
    const title = entry?.map.financeAndOperations.label ?? `${live.ref.entity} (${live.ref.table})`;
    const ignored = name === null ? false : matchIgnoreRules(pairDesired.pair, name).state;
    if (live.state === "paused" && !ignored) {
      add(
        {
          code: "records-queued",
          severity: entry?.state === "paused" ? "info" : "warning",
          category: "runtimeHealth",
          hint: "Resume the map before the queue reaches its limits (1 GB and 1 day; DOMAIN.md section 4, pause-for-maintenance.md). dwctl cannot read how many records wait: the service has no documented call for it.",
        },
        name,
        `${title} is paused: changes made meanwhile wait in its queue`,
      );
    }
    if (live.state === "error" && entry === undefined) {
      add(
        { code: "unmanaged-map-error", severity: "warning", category: "runtimeHealth", hint: "dwctl does not manage this map; look at it in finance and operations (Data management > Dual-write)." },
        null,
        `${title} is in error (not managed by dwctl)`,
      );
    }
    const request = live.lastRequest;
    if (request !== undefined && (request.action === "start" || request.action === "initialise")) {
      if (request.state === "error") {
        add(driftShapes.initialSyncFailed(pair), name, `${title}: the service's latest ${request.action} request ${request.requestId} failed${request.message === "" ? "" : `: ${request.message}`}`);
      } else if (request.state === "waiting") {
        add({ code: "request-waiting", severity: "info", category: "runtimeHealth", hint: null }, name, `${title}: the service's latest ${request.action} request ${request.requestId} has not finished`);
      }
    }
  }
  for (const key of snapshot.alternateKeys.filter((k) => k.status === "failed")) {
    add(driftShapes.keyIndexFailed(pair), null, `the index of alternate key ${key.schemaName} on ${key.table} failed`);
  }
  return out.sort((a, b) => order[a.severity] - order[b.severity]);
}

export function statusOf(findings: readonly Finding[]): PairReport["status"] {
  return findings.some((f) => f.severity !== "info") ? "drift" : "clean";
}

/** The header of the pair's last-applied record, as the report carries it; null when dwctl never applied. */
export function lastAppliedOf(snapshot: Snapshot): LastApplied | null {
  const record = parseLastApplied(snapshot.lastApplied?.value);
  return record === undefined ? null : { commit: record.commit, appliedAt: record.appliedAt, actor: record.actor, planHash: record.planHash };
}

/** One pair's report from its plan and snapshot: the findings, and the plan itself (which nothing applies). */
export function pairReport(plan: Plan, snapshot: Snapshot, pairDesired: PairDesired): PairReport {
  const findings = findingsFor(plan, snapshot, pairDesired);
  return {
    pair: plan.pair,
    status: statusOf(findings),
    fingerprint: fingerprint(snapshot),
    lastApplied: lastAppliedOf(snapshot),
    findings,
    plan,
  };
}

/** A pair that could not be read: one error finding, with the user-facing message and hint. */
export function failedPairReport(pair: string, message: string, hint: string | null): PairReport {
  return {
    pair,
    status: "failed",
    fingerprint: null,
    lastApplied: null,
    findings: [{ code: "read-failed", severity: "error", category: "runtimeHealth", map: null, message, hint }],
  };
}
