import type { EnvironmentGateway } from "../live/gateway.js";
import { canonicalJson, fingerprint } from "../model/fingerprint.js";
import { integrityOf } from "../plan/seal-plan.js";
import { parseLastApplied } from "../model/last-applied.js";
import type { PairDesired } from "../model/pair-view.js";
import type { Snapshot } from "../model/snapshot.js";
import type { Action, Plan } from "../plan/plan.js";
import type { ExecuteOptions } from "./execute-action.js";
import { LockHeartbeat, LockLostError, announceTakeover, releaseAndRecord, reportLoss } from "./heartbeat.js";
import { Journal } from "./journal.js";
import { acquireLock, type HeldLock } from "./lock.js";
import { recordLastApplied } from "./record-last-applied.js";
import { PhaseFailure, runPhase, waitForKeys } from "./run-phase.js";

export interface ApplyOptions {
  runsDir: string;
  runId: string;
  command: string;
  actor: string;
  lockTtlMs: number;
  parallelism: number;
  confirm: string | undefined;
  keyTimeoutMs: number;
  pollMs: number;
  log: (line: string) => void;
  sleep?: (ms: number) => Promise<void>;
}

export interface ApplyResult {
  runId: string;
  actions: number;
  journal: string;
}

/** Apply was refused before anything was written; message and hint say why. */
export class ApplyRefusedError extends Error {
  constructor(
    message: string,
    readonly hint: string,
  ) {
    super(message);
    this.name = "ApplyRefusedError";
  }
}

/** An action failed part-way; what ran is in the journal. */
export class ApplyFailedError extends Error {
  constructor(
    readonly action: Action,
    readonly failure: unknown,
    readonly journal: string,
    readonly done: number,
    readonly total: number,
  ) {
    super(`${action.description}: ${failure instanceof Error ? failure.message : String(failure)}`);
    this.name = "ApplyFailedError";
  }
  get hint(): string {
    const inner = this.failure instanceof Error && "hint" in this.failure && typeof this.failure.hint === "string" ? `${this.failure.hint} ` : "";
    return `${inner}${this.done} of ${this.total} actions were applied before this one (journal: ${this.journal}). Fix the cause and run dwctl plan and apply again: the new plan starts from where this run stopped.`;
  }
}

function refuseIfUnsafe(plan: Plan, options: ApplyOptions): void {
  if (plan.blockers.length > 0) {
    throw new ApplyRefusedError(`the plan is blocked: ${plan.blockers.map((b) => b.message).join("; ")}`, "Resolve the blockers listed in the plan, then plan again.");
  }
  if (options.confirm !== undefined && options.confirm !== plan.pair) {
    throw new ApplyRefusedError(
      `--confirm names "${options.confirm}", but this plan is for "${plan.pair}"`,
      `A confirmation is for one pair: pass --confirm ${plan.pair} after reviewing the plan for ${plan.pair}.`,
    );
  }
  if (plan.confirmationsRequired.length > 0 && options.confirm !== plan.pair) {
    throw new ApplyRefusedError(
      `the plan needs confirmation: ${plan.confirmationsRequired.map((c) => c.message).join("; ")}`,
      `Review the plan, then pass --confirm ${plan.pair}.`,
    );
  }
}

/**
 * Checks a plan read from a file before anything else: its integrity hash, and that git still
 * asks for what it was made from. Whatever the file says is only what a reviewer saw; what runs is
 * derived again under the lock (see sameActions).
 */
export function checkSavedPlan(plan: Plan, desiredHash: string): void {
  // A plan without a hash never matches one.
  if (plan.integrity !== integrityOf(plan)) {
    throw new ApplyRefusedError(
      plan.integrity === undefined
        ? "the plan file has no integrity hash, so what it says cannot be matched to what was reviewed"
        : `the plan file was changed after dwctl wrote it: its content no longer matches its integrity hash ${plan.integrity.slice(0, 12)}`,
      `Make the plan again with dwctl plan --env ${plan.pair} --out <file>, review it, and apply that file unchanged.`,
    );
  }
  if (plan.desiredHash !== desiredHash) {
    throw new ApplyRefusedError(
      `the desired state in git changed since the plan was made (desired hash ${plan.desiredHash.slice(0, 12)} is now ${desiredHash.slice(0, 12)})`,
      `The plan does not describe what git asks for now. Run dwctl plan --env ${plan.pair} --out <file> on this commit, review it, and apply that.`,
    );
  }
}

/** Where two plans part, action by action: empty when they would do the same thing in the same order. */
export function actionDifferences(saved: Plan, now: Plan): string[] {
  const out: string[] = [];
  if (saved.prune !== now.prune) out.push(`  ! the file says prune is ${String(saved.prune)}`);
  if (canonicalJson(saved.waves) !== canonicalJson(now.waves)) out.push("  ! the waves differ");
  saved.actions.forEach((a, i) => {
    const b = now.actions[i];
    if (b === undefined) out.push(`  - ${a.description}`);
    else if (a.description !== b.description) out.push(`  - ${a.description}`, `  + ${b.description}`);
    else if (canonicalJson(a) !== canonicalJson(b)) out.push(`  ~ ${a.description} (what it writes differs)`);
  });
  for (const b of now.actions.slice(saved.actions.length)) out.push(`  + ${b.description}`);
  return out;
}

/** The order of kinds within a wave: the planner puts one map's steps in this order. */
const kindOrder: readonly Action["kind"][] = [
  "renameMap",
  "createAlternateKey",
  "reactivateAlternateKey",
  "setIntegrationKey",
  "stopMap",
  "saveMapDefinition",
  "deleteMap",
  "applySolution",
  "initialiseMap",
  "activateMapVersion",
  "switchMapVersion",
  "refreshTables",
  "startMap",
  "resumeMap",
  "pauseMap",
];

/**
 * Splits a wave into phases by kind: every save of the wave, then every activation, and so on.
 * Each map's steps keep their order, and the service's map list is read once after all the
 * saves instead of once per new map.
 */
export function phases(actions: readonly Action[]): Action[][] {
  return kindOrder.map((kind) => actions.filter((a) => a.kind === kind)).filter((phase) => phase.length > 0);
}

/**
 * Keys whose index a crashed run left building: starts must wait for them. A key this run creates
 * (on the same table, by the same schema name) is waited for by its own step.
 */
async function settleBuildingKeys(gateway: EnvironmentGateway, snapshot: Snapshot, plan: Plan, exec: ExecuteOptions): Promise<void> {
  const starting = new Set(plan.actions.filter((a) => a.kind === "startMap" || a.kind === "resumeMap").map((a) => a.ref.table));
  // Stryker disable next-line MethodExpression,ConditionalExpression: taking every action's table and schema name adds only keys that are not building (a reactivated key failed; other kinds have no schema name)
  const created = new Set(plan.actions.filter((a) => a.kind === "createAlternateKey").map((a) => `${a.table}:${a.schemaName}`));
  const building = snapshot.alternateKeys.filter(
    (key) => starting.has(key.table) && !created.has(`${key.table}:${key.schemaName}`) && (key.status === "pending" || key.status === "inProgress"),
  );
  const failure = (await waitForKeys(gateway, building, exec, () => undefined))[0];
  if (failure !== undefined) throw failure.error;
}

export async function applyPlan(
  gateway: EnvironmentGateway,
  plan: Plan,
  context: {
    desired: PairDesired;
    replan: (snapshot: Snapshot) => Plan;
    /** The plan came from a file: it is checked, and what runs is derived again under the lock. */
    saved: boolean;
  },
  options: ApplyOptions,
): Promise<ApplyResult> {
  refuseIfUnsafe(plan, options);
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const journal = new Journal(options.runsDir, options.runId);
  journal.attach("plan.json", JSON.stringify(plan, null, 2));
  let lock: HeldLock;
  try {
    lock = await acquireLock(gateway, { runId: options.runId, command: options.command, ttlMs: options.lockTtlMs });
  } catch (error) {
    journal.close();
    throw error;
  }
  // Renewed on a heartbeat however long a wait on the service takes, not only between waves.
  const heartbeat = new LockHeartbeat(gateway, lock, {
    ttlMs: options.lockTtlMs,
    journal: journal.file,
    onLost: (loss) => reportLoss(loss, options.log, journal),
    onRenewFailed: (error) => options.log(`  … could not renew the lock (${error instanceof Error ? error.message : String(error)}); trying again`),
  }).start();
  try {
    journal.write({ step: "lock", kind: "lock", event: "note", description: `lock ${lock.value.id} taken by ${lock.value.holder}` });
    announceTakeover(lock, options.log, journal);
    const snapshot = await gateway.snapshot();
    const live = fingerprint(snapshot);
    // What runs is always derived again from git and the snapshot read under the lock, and must
    // be the plan that was reviewed, action by action. A file is only ever a thing to compare.
    const now = live === plan.fingerprint && !context.saved ? plan : context.replan(snapshot);
    // Stryker disable next-line ConditionalExpression: an optimisation; the plan itself has no differences from itself, and passed refuseIfUnsafe above.
    if (now !== plan) {
      const differences = actionDifferences(plan, now);
      if (differences.length > 0 && live === plan.fingerprint) {
        throw new ApplyRefusedError(
          `the plan file does not match the plan dwctl derives from git and the live environment, which did not change since it was made:\n${differences.join("\n")}`,
          `Apply only a plan file written by dwctl plan, unchanged. Run dwctl plan --env ${plan.pair} --out <file> again and review it.`,
        );
      }
      if (differences.length > 0 || now.blockers.length > 0) {
        const drift = now.drift.map((d) => `  ! ${d.message}`);
        const blocked = now.blockers.map((b) => `  x ${b.message}`);
        throw new ApplyRefusedError(
          `the live environment changed since the plan was made (fingerprint ${plan.fingerprint.slice(0, 12)} is now ${live.slice(0, 12)}). A plan made now differs:\n${[...differences, ...blocked, ...drift].join("\n")}`,
          `Run dwctl plan --env ${plan.pair} again, review it, and apply the new plan.`,
        );
      }
      if (live !== plan.fingerprint) {
        // The platform moved on by itself (a key index went from pending to active, a started map
        // finished its initial sync) and a plan made now is the same plan: applying it is applying
        // what was reviewed. Refusing would stop a re-run after a crash from ever converging while
        // something the crashed run started is still settling.
        const note = `the live state changed since the plan was made (fingerprint ${plan.fingerprint.slice(0, 12)} is now ${live.slice(0, 12)}), but a plan made now is the same: applying it`;
        options.log(note);
        journal.write({ step: "fingerprint", kind: "check", event: "note", description: note });
      }
      // Confirmations are those of the plan made now, never the file's.
      refuseIfUnsafe(now, options);
    }
    const run = now;
    const exec: ExecuteOptions = {
      keyTimeoutMs: options.keyTimeoutMs,
      pollMs: options.pollMs,
      sleep,
      note: (m) => options.log(`  … ${m}`),
    };
    let done = 0;
    const total = run.actions.length;
    const started = new Map<string, number>();
    const tracker = {
      // Every action's first write waits for this: a run that lost its lock stops here.
      beforeStart: (action: Action): Promise<void> => heartbeat.ensure(`step ${action.id} (${action.description})`),
      started: (action: Action): void => {
        started.set(action.id, Date.now());
        journal.write({ step: action.id, kind: action.kind, event: "start", description: action.description });
      },
      ended: (action: Action, error?: unknown, requestIds?: string[]): void => {
        const durationMs = Date.now() - (started.get(action.id) ?? Date.now());
        const failedRequest = typeof error === "object" && error !== null && "requestId" in error && typeof error.requestId === "string" ? error.requestId : undefined;
        const ids = [...new Set([...(requestIds ?? []), ...(failedRequest === undefined ? [] : [failedRequest])])];
        const withIds = ids.length === 0 ? {} : { requestIds: ids };
        if (error === undefined) {
          done += 1;
          journal.write({ step: action.id, kind: action.kind, event: "end", outcome: "ok", durationMs, ...withIds });
          options.log(`  ✓ ${action.description} (${(durationMs / 1000).toFixed(1)} s)`);
          return;
        }
        journal.write({ step: action.id, kind: action.kind, event: "end", outcome: "failed", durationMs, error: error instanceof Error ? error.message : String(error), ...withIds });
      },
    };
    const firstStartWave = Math.min(...run.actions.filter((a) => a.kind === "startMap" || a.kind === "resumeMap").map((a) => a.wave));
    for (const wave of run.waves) {
      const actions = run.actions.filter((a) => a.wave === wave.index);
      if (actions.length === 0) continue;
      if (wave.index === firstStartWave) await settleBuildingKeys(gateway, snapshot, run, exec);
      options.log(`wave ${wave.index}/${run.waves.length}: ${wave.title} (${actions.length} action${actions.length === 1 ? "" : "s"})`);
      for (const phase of phases(actions)) {
        try {
          await runPhase(gateway, phase, options.parallelism, exec, tracker);
        } catch (error) {
          if (error instanceof PhaseFailure) throw new ApplyFailedError(error.action, error.failure, journal.file, done, total);
          throw error;
        }
      }
      // Progress renews the lock too (in turn with the heartbeat); a write that finds the lock
      // taken over stops the run here, before another wave runs without it.
      await heartbeat.renew(`the progress record after wave ${wave.index}`, { progress: { wave: wave.index, waves: run.waves.length, done, total } });
    }
    const after = await gateway.snapshot();
    const record = recordLastApplied({
      snapshot: after,
      desired: context.desired,
      previous: parseLastApplied(after.lastApplied?.value),
      commit: run.commit,
      planHash: integrityOf(plan),
      desiredHash: run.desiredHash,
      appliedAt: new Date().toISOString(),
      actor: options.actor,
      runId: options.runId,
    });
    await heartbeat.ensure("the last-applied record");
    await gateway.writeRecord("lastApplied", record, after.lastApplied === undefined ? { absent: true } : { etag: after.lastApplied.etag });
    journal.write({ step: "last-applied", kind: "record", event: "note", outcome: "ok", description: `last-applied record written (plan ${record.planHash.slice(0, 12)})` });
    return { runId: options.runId, actions: total, journal: journal.file };
  } catch (error) {
    if (error instanceof LockLostError) {
      journal.write({ step: "lock", kind: "lock", event: "note", outcome: "failed", description: `stopped before ${error.step}: the lock was lost` });
    }
    throw error;
  } finally {
    await releaseAndRecord(gateway, heartbeat, options.log, journal);
    journal.close();
  }
}
