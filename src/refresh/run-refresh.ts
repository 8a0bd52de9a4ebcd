import { applyPlan, type ApplyResult } from "../apply/apply-plan.js";
import { Journal } from "../apply/journal.js";
import { LockHeartbeat, LockLostError, announceTakeover, releaseAndRecord, reportLoss } from "../apply/heartbeat.js";
import { acquireLock } from "../apply/lock.js";
import type { EnvironmentGateway } from "../live/gateway.js";
import type { EnvironmentPair } from "../model/desired.js";
import { parseLastApplied } from "../model/last-applied.js";
import type { PairDesired } from "../model/pair-view.js";
import type { Snapshot, StoredRecord } from "../model/snapshot.js";
import { sameUrl, staleRuntimeUrls } from "../plan/plan-link.js";
import { settledState } from "../plan/plan-map.js";
import type { Plan } from "../plan/plan.js";
import { REFRESH_STEPS, nextStep, parseRefreshRecord, type RefreshRecord, type RefreshStep } from "./refresh-record.js";

/** How the runbook plans the rebuild: every map stopped (step definitions), or as declared with the refresh's initial-sync choice (step start). */
export type RefreshPlanner = (snapshot: Snapshot, mode: { allStopped: boolean; initialSync: "run" | "skip" }) => Plan;

export interface RefreshContext {
  gateway: EnvironmentGateway;
  pair: EnvironmentPair;
  source: EnvironmentPair;
  desired: PairDesired;
  planner: RefreshPlanner;
  /** The dwctl solutions the estate's maps are saved in (one per publisher). */
  solutions: string[];
}

export interface RefreshOptions {
  runsDir: string;
  runId: string;
  actor: string;
  command: string;
  initialSync: "run" | "skip";
  lockTtlMs: number;
  parallelism: number;
  resume: boolean;
  log: (line: string) => void;
  keyTimeoutMs?: number;
  pollMs?: number;
}

/** A step found the environment in a state it cannot act on, or its postcondition did not hold. */
export class RefreshStepError extends Error {
  override name = "RefreshStepError";
  constructor(
    readonly step: RefreshStep,
    message: string,
    readonly hint: string,
  ) {
    super(`refresh step ${step}: ${message}`);
  }
}

export interface RefreshResult {
  runId: string;
  journal: string;
  steps: { step: RefreshStep; detail: string; skipped: boolean }[];
}

/** The refresh record in the target, kept with compare-and-swap. */
class Progress {
  #etag: string | undefined;
  constructor(
    private readonly gateway: EnvironmentGateway,
    public record: RefreshRecord,
    stored: StoredRecord | undefined,
  ) {
    this.#etag = stored?.etag;
  }

  async mark(step: RefreshStep, status: "started" | "done", detail?: string): Promise<void> {
    this.record = {
      ...this.record,
      steps: { ...this.record.steps, [step]: { status, at: new Date().toISOString(), ...(detail === undefined ? {} : { detail }) } },
    };
    await this.#write();
  }

  async finish(): Promise<void> {
    this.record = { ...this.record, finishedAt: new Date().toISOString() };
    await this.#write();
  }

  async #write(): Promise<void> {
    const written = await this.gateway.writeRecord("refresh", this.record, this.#etag === undefined ? { absent: true } : { etag: this.#etag });
    this.#etag = written.etag;
  }
}

function listOf(names: readonly string[]): string {
  return names.length === 0 ? "none" : names.join(", ");
}

/**
 * The refresh runbook as a resumable state machine. Each step checks its postcondition before it
 * acts (so a repeated step does nothing) and after, and records its state in the target's refresh
 * record and in the local journal before the next step runs.
 */
export async function runRefresh(context: RefreshContext, options: RefreshOptions): Promise<RefreshResult> {
  const { gateway, pair } = context;
  const stored = await gateway.readRecord("refresh");
  const earlier = parseRefreshRecord(stored?.value);
  const unfinished = earlier !== undefined && earlier.finishedAt === undefined;
  if (unfinished && !options.resume) {
    throw new RefreshStepError(
      nextStep(earlier) ?? "verify",
      `an earlier refresh of ${pair.name} (run ${earlier.runId}, started ${earlier.startedAt}) stopped before this step`,
      `Continue it: dwctl refresh --env ${pair.name} --resume --confirm ${pair.name}. Its journal is under .dwctl/runs/${earlier.runId}/ on the machine that ran it.`,
    );
  }
  if (!unfinished && options.resume) {
    throw new RefreshStepError("stop", `there is no unfinished refresh of ${pair.name} to resume`, `Start one: dwctl refresh --env ${pair.name} --confirm ${pair.name}.`);
  }
  const record: RefreshRecord =
    unfinished && earlier !== undefined
      ? earlier
      : {
          format_version: "1",
          runId: options.runId,
          pair: pair.name,
          source: context.source.name,
          initialSync: options.initialSync,
          startedAt: new Date().toISOString(),
          steps: {},
        };
  const progress = new Progress(gateway, record, stored);
  const journal = new Journal(options.runsDir, options.runId);
  const results: RefreshResult["steps"] = [];
  let heartbeat: LockHeartbeat | undefined;
  try {
    for (const step of REFRESH_STEPS) {
      if (progress.record.steps[step]?.status === "done") {
        results.push({ step, detail: progress.record.steps[step]?.detail ?? "done earlier", skipped: true });
        continue;
      }
      // The steps before the rebuild run under the pair's lock (a resumed run takes it at its first
      // step left); the rebuild's applies take it themselves.
      const locked = step === "stop" || step === "reset" || step === "clean" || step === "solutions";
      if (locked && heartbeat === undefined) {
        const lock = await acquireLock(gateway, { runId: options.runId, command: options.command, ttlMs: options.lockTtlMs });
        // Renewed on a heartbeat however long a step waits on the service.
        heartbeat = new LockHeartbeat(gateway, lock, {
          ttlMs: options.lockTtlMs,
          journal: journal.file,
          retry: `continue with dwctl refresh --env ${pair.name} --resume --confirm ${pair.name}: the step that was cut short runs again`,
          onLost: (loss) => reportLoss(loss, options.log, journal),
          onRenewFailed: (error) => options.log(`  … could not renew the lock (${error instanceof Error ? error.message : String(error)}); trying again`),
        }).start();
        journal.write({ step: "lock", kind: "lock", event: "note", description: `lock ${lock.value.id} taken by ${lock.value.holder}` });
        announceTakeover(lock, options.log, journal);
      }
      if (!locked && heartbeat !== undefined) {
        await heartbeat.ensure(`refresh step ${step}`);
        await releaseAndRecord(gateway, heartbeat, options.log, journal);
        heartbeat = undefined;
      }
      await heartbeat?.ensure(`refresh step ${step}`);
      journal.write({ step: `refresh/${step}`, kind: "refreshStep", event: "start" });
      options.log(`step ${REFRESH_STEPS.indexOf(step) + 1}/${REFRESH_STEPS.length}: ${step}`);
      await progress.mark(step, "started");
      let detail: string;
      try {
        const guard = heartbeat;
        const held = async (what: string): Promise<void> => guard?.ensure(`${what} (refresh step ${step})`);
        detail = await STEP_RUNNERS[step](context, options, progress.record, held);
      } catch (error) {
        journal.write({ step: `refresh/${step}`, kind: "refreshStep", event: "end", outcome: "failed", error: error instanceof Error ? error.message : String(error) });
        throw error;
      }
      // A step that finished after its lock was lost is not marked done: a resumed run repeats it.
      await heartbeat?.renew(`recording refresh step ${step} done`);
      await progress.mark(step, "done", detail);
      journal.write({ step: `refresh/${step}`, kind: "refreshStep", event: "end", outcome: "ok", description: detail });
      options.log(`  ✓ ${detail}`);
      results.push({ step, detail, skipped: false });
    }
    await progress.finish();
    return { runId: progress.record.runId, journal: journal.file, steps: results };
  } catch (error) {
    if (error instanceof LockLostError && error.journal === journal.file) {
      journal.write({ step: "lock", kind: "lock", event: "note", outcome: "failed", description: `stopped before ${error.step}: the lock was lost` });
    }
    throw error;
  } finally {
    if (heartbeat !== undefined) await releaseAndRecord(gateway, heartbeat, options.log, journal);
    journal.close();
  }
}

/** `held`: called before each write of a step under the lock; throws LockLostError once the lock is lost. */
type StepRunner = (context: RefreshContext, options: RefreshOptions, record: RefreshRecord, held: (what: string) => Promise<void>) => Promise<string>;

function running(snapshot: Snapshot): Snapshot["maps"] {
  return snapshot.maps.filter((map) => settledState(map.state) !== "stopped");
}

async function stopMaps({ gateway }: RefreshContext, _options: RefreshOptions, _record: RefreshRecord, held: (what: string) => Promise<void>): Promise<string> {
  const before = running(await gateway.snapshot());
  if (before.length === 0) return "no map was running";
  await held("the stops");
  const requests = await Promise.all(before.map(async (map) => ({ ref: map.ref, action: "stop" as const, requestId: await gateway.beginMapAction(map.ref, "stop") })));
  const failures: string[] = [];
  await gateway.followMapActions(requests, (request, failure) => {
    if (failure !== undefined) failures.push(`${request.ref.entity}: ${failure.message}`);
  });
  const still = running(await gateway.snapshot());
  if (failures.length > 0 || still.length > 0) {
    throw new RefreshStepError(
      "stop",
      `${still.length} map(s) still run after the stop (${listOf(still.map((m) => m.ref.entity))})${failures.length > 0 ? `: ${failures.join("; ")}` : ""}`,
      "Stop them in the dual-write page of finance and operations, then run the refresh again with --resume.",
    );
  }
  return `stopped ${before.length} map(s): ${listOf(before.map((m) => m.ref.entity))}`;
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const upper = (list: readonly string[]): string => [...list].map((x) => x.toUpperCase()).sort().join(",");
  return upper(a) === upper(b);
}

function isReset(snapshot: Snapshot, pair: EnvironmentPair): boolean {
  const link = snapshot.link;
  return link !== undefined && sameUrl(link.dataverseUrl, snapshot.identity.dataverseUrl) && snapshot.maps.length === 0 && sameSet(link.legalEntities, pair.legalEntities);
}

async function resetLink({ gateway, pair }: RefreshContext, _options: RefreshOptions, _record: RefreshRecord, held: (what: string) => Promise<void>): Promise<string> {
  const before = await gateway.snapshot();
  if (before.link === undefined) {
    throw new RefreshStepError(
      "reset",
      `the dual-write service finds no link for ${before.identity.financeAndOperationsUrl}`,
      "Link the pair (Lifecycle Services, Power Platform integration, Link to Power Platform environment), then run the refresh again with --resume.",
    );
  }
  if (isReset(before, pair)) return `the link already points at ${before.identity.dataverseUrl} with ${listOf(pair.legalEntities)} and no maps`;
  await held("Reset link");
  await gateway.resetLink({ force: false, legalEntities: [...pair.legalEntities] });
  const after = await gateway.snapshot();
  if (!isReset(after, pair)) {
    throw new RefreshStepError(
      "reset",
      `after Reset link the service shows ${after.maps.length} map(s) and a link to ${after.link?.dataverseUrl ?? "nothing"} with ${listOf(after.link?.legalEntities ?? [])}`,
      "Check the link in the dual-write page of finance and operations; run the refresh again with --resume once it is reset.",
    );
  }
  return `Reset link of connection set ${before.link.connectionSet}: it now points at ${after.identity.dataverseUrl} with legal entities ${listOf(pair.legalEntities)}; maps, keys and runtime configuration were cleared`;
}

async function clean({ gateway, pair }: RefreshContext, _options: RefreshOptions, _record: RefreshRecord, held: (what: string) => Promise<void>): Promise<string> {
  const before = await gateway.snapshot();
  await held("the clean-up");
  const dataverseRows = before.runtime.dataverse.length === 0 ? 0 : await gateway.cleanRuntimeConfiguration("dataverse");
  const finOpsRows = before.runtime.financeAndOperations.length === 0 ? 0 : await gateway.cleanRuntimeConfiguration("financeAndOperations");
  const copied = parseLastApplied(before.lastApplied?.value);
  let record = "";
  if (before.lastApplied !== undefined && copied?.pair !== undefined && copied.pair !== pair.name) {
    await gateway.deleteRecord("lastApplied", before.lastApplied.etag);
    record = `; deleted the last-applied record of pair ${copied.pair} that the copy brought along`;
  }
  const after = await gateway.snapshot();
  if (after.runtime.dataverse.length > 0 || after.runtime.financeAndOperations.length > 0 || staleRuntimeUrls(after).length > 0) {
    throw new RefreshStepError(
      "clean",
      `${after.runtime.dataverse.length} msdyn_dualwriteruntimeconfig and ${after.runtime.financeAndOperations.length} DualWriteProjectConfiguration row(s) are left`,
      "Delete them (Dataverse: Advanced find on Dual Write Runtime Configurations; finance and operations: the DualWriteProjectConfigurationEntity in the Excel add-in), then run the refresh again with --resume.",
    );
  }
  // DualWriteProjectFieldConfiguration and BusinessEventsDefinition are not exposed through OData;
  // Reset link clears them server-side (DW/reset.md), which the previous step did.
  return `deleted ${dataverseRows} msdyn_dualwriteruntimeconfig and ${finOpsRows} DualWriteProjectConfiguration row(s)${record}; DualWriteProjectFieldConfiguration and BusinessEventsDefinition were cleared by Reset link (not readable through OData)`;
}

async function applySolutions({ gateway, solutions }: RefreshContext, _options: RefreshOptions, _record: RefreshRecord, held: (what: string) => Promise<void>): Promise<string> {
  const applied: string[] = [];
  const missing: string[] = [];
  for (const solution of solutions) {
    if (await gateway.hasSolution(solution)) {
      await held(`Apply Solution ${solution}`);
      await gateway.applySolution(solution);
      applied.push(solution);
    } else {
      missing.push(solution);
    }
  }
  return `applied ${listOf(applied)}${missing.length > 0 ? `; not in this Dataverse yet (the rebuild creates them): ${listOf(missing)}` : ""}`;
}

async function applyWith(context: RefreshContext, options: RefreshOptions, record: RefreshRecord, step: "definitions" | "start"): Promise<ApplyResult | undefined> {
  const { gateway, desired, planner, pair } = context;
  const mode = { allStopped: step === "definitions", initialSync: record.initialSync };
  const plan = planner(await gateway.snapshot(), mode);
  if (plan.blockers.length > 0) {
    throw new RefreshStepError(step, `the rebuild is blocked: ${plan.blockers.map((b) => b.message).join("; ")}`, "Resolve what the plan names, then run the refresh again with --resume.");
  }
  if (plan.actions.length === 0) return undefined;
  return applyPlan(
    gateway,
    plan,
    { desired, replan: (snapshot) => planner(snapshot, mode), saved: false },
    {
      runsDir: options.runsDir,
      runId: `${record.runId}-${step}`,
      command: `refresh --env ${pair.name} (${step})`,
      actor: options.actor,
      lockTtlMs: options.lockTtlMs,
      parallelism: options.parallelism,
      confirm: pair.name,
      keyTimeoutMs: options.keyTimeoutMs ?? 30 * 60_000,
      pollMs: options.pollMs ?? 250,
      log: options.log,
    },
  );
}

async function rebuildDefinitions(context: RefreshContext, options: RefreshOptions, record: RefreshRecord): Promise<string> {
  const result = await applyWith(context, options, record, "definitions");
  return result === undefined ? "the definitions and keys in git are already in place" : `applied ${result.actions} action(s) from git with every map stopped (journal ${result.journal})`;
}

async function startMaps(context: RefreshContext, options: RefreshOptions, record: RefreshRecord): Promise<string> {
  const result = await applyWith(context, options, record, "start");
  const sync = record.initialSync === "run" ? "with an initial sync, unless a map says skip" : "without initial sync, unless a map says run";
  return result === undefined ? "every map is already in its declared state" : `started the maps in dependency order ${sync}: ${result.actions} action(s) (journal ${result.journal})`;
}

async function verify(context: RefreshContext, _options: RefreshOptions, record: RefreshRecord): Promise<string> {
  const { gateway, planner, pair } = context;
  const snapshot = await gateway.snapshot();
  const plan = planner(snapshot, { allStopped: false, initialSync: record.initialSync });
  const problems: string[] = [];
  if (plan.actions.length > 0) problems.push(`the pair still differs from git: ${plan.actions.map((a) => a.description).join("; ")}`);
  if (plan.blockers.length > 0) problems.push(...plan.blockers.map((b) => b.message));
  if (snapshot.link === undefined || !sameUrl(snapshot.link.dataverseUrl, snapshot.identity.dataverseUrl)) problems.push(`the link does not point at ${snapshot.identity.dataverseUrl}`);
  const stale = staleRuntimeUrls(snapshot);
  if (stale.length > 0) problems.push(`runtime configuration points at ${stale.join(", ")}`);
  const failed = snapshot.maps.filter((map) => map.lastRequest?.state === "error");
  if (failed.length > 0) problems.push(`map(s) in error: ${failed.map((m) => `${m.ref.entity} (${m.lastRequest?.message ?? ""})`).join(", ")}`);
  if (problems.length > 0) throw new RefreshStepError("verify", problems.join("; "), "Fix what is named, then run the refresh again with --resume: the steps already done are not repeated.");
  return `${pair.name} equals git (${snapshot.maps.length} map(s), ${snapshot.integrationKeys.length} integration key(s)), its link points at ${snapshot.identity.dataverseUrl}, and no runtime configuration of another environment is left`;
}

const STEP_RUNNERS: Record<RefreshStep, StepRunner> = {
  stop: stopMaps,
  reset: resetLink,
  clean,
  solutions: applySolutions,
  definitions: rebuildDefinitions,
  start: startMaps,
  verify,
};
