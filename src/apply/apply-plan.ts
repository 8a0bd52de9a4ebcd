import type { EnvironmentGateway } from "../live/gateway.js";
import { canonicalJson, fingerprint, sha256 } from "../model/fingerprint.js";
import { parseLastApplied } from "../model/last-applied.js";
import type { PairDesired } from "../model/pair-view.js";
import type { Snapshot } from "../model/snapshot.js";
import type { Action, Plan } from "../plan/plan.js";
import type { ExecuteOptions } from "./execute-action.js";
import { Journal } from "./journal.js";
import { acquireLock, refreshLock, releaseLock, type HeldLock } from "./lock.js";
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

/** What a reviewer approves in a plan: all of it but when it was made, the fingerprint it was made from, and its warnings. */
function reviewed(plan: Plan): string {
  const { createdAt: _createdAt, fingerprint: _fingerprint, warnings: _warnings, summary: _summary, ...rest } = plan;
  return canonicalJson(rest);
}

function refuseIfUnsafe(plan: Plan, options: ApplyOptions): void {
  if (plan.blockers.length > 0) {
    throw new ApplyRefusedError(`the plan is blocked: ${plan.blockers.map((b) => b.message).join("; ")}`, "Resolve the blockers listed in the plan, then plan again.");
  }
  if (plan.confirmationsRequired.length > 0 && options.confirm !== plan.pair) {
    throw new ApplyRefusedError(
      `the plan needs confirmation: ${plan.confirmationsRequired.map((c) => c.message).join("; ")}`,
      `Review the plan, then pass --confirm ${plan.pair}.`,
    );
  }
}

/** The order of kinds within a wave: the planner puts one map's steps in this order. */
const kindOrder: readonly Action["kind"][] = [
  "createAlternateKey",
  "reactivateAlternateKey",
  "setIntegrationKey",
  "stopMap",
  "saveMapDefinition",
  "deleteMap",
  "applySolution",
  "initialiseMap",
  "activateMapVersion",
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

/** Keys whose index a crashed run left building: starts must wait for them. */
async function settleBuildingKeys(gateway: EnvironmentGateway, snapshot: Snapshot, plan: Plan, exec: ExecuteOptions): Promise<void> {
  const starting = new Set(plan.actions.filter((a) => a.kind === "startMap" || a.kind === "resumeMap").map((a) => ("ref" in a ? a.ref.table : "")));
  const created = new Set(plan.actions.filter((a) => a.kind === "createAlternateKey").map((a) => ("schemaName" in a ? a.schemaName : "")));
  const building = snapshot.alternateKeys.filter(
    (key) => starting.has(key.table) && !created.has(key.schemaName) && (key.status === "pending" || key.status === "inProgress"),
  );
  const failure = (await waitForKeys(gateway, building, exec, () => undefined))[0];
  if (failure !== undefined) throw failure.error;
}

export async function applyPlan(
  gateway: EnvironmentGateway,
  plan: Plan,
  context: { desired: PairDesired; replan: (snapshot: Snapshot) => Plan },
  options: ApplyOptions,
): Promise<ApplyResult> {
  refuseIfUnsafe(plan, options);
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const journal = new Journal(options.runsDir, options.runId);
  journal.attach("plan.json", JSON.stringify(plan, null, 2));
  let lock: HeldLock | undefined;
  try {
    lock = await acquireLock(gateway, { runId: options.runId, command: options.command, ttlMs: options.lockTtlMs });
  } catch (error) {
    journal.close();
    throw error;
  }
  journal.write({ step: "lock", kind: "lock", event: "note", description: `lock ${lock.value.id} taken by ${lock.value.holder}` });
  try {
    const snapshot = await gateway.snapshot();
    const now = fingerprint(snapshot) === plan.fingerprint ? plan : context.replan(snapshot);
    if (now !== plan && reviewed(now) === reviewed(plan)) {
      // The platform moved on by itself (a key index went from pending to active, a started map
      // finished its initial sync) and a plan made now is the same plan: applying it is applying
      // what was reviewed. Refusing would stop a re-run after a crash from ever converging while
      // something the crashed run started is still settling.
      const note = `the live state changed since the plan was made (fingerprint ${plan.fingerprint.slice(0, 12)} is now ${fingerprint(snapshot).slice(0, 12)}), but a plan made now is the same: applying it`;
      options.log(note);
      journal.write({ step: "fingerprint", kind: "check", event: "note", description: note });
    } else if (now !== plan) {
      const before = new Set(plan.actions.map((a) => a.description));
      const after = new Set(now.actions.map((a) => a.description));
      const gone = [...before].filter((d) => !after.has(d)).map((d) => `  - ${d}`);
      const added = [...after].filter((d) => !before.has(d)).map((d) => `  + ${d}`);
      const drift = now.drift.map((d) => `  ! ${d.message}`);
      throw new ApplyRefusedError(
        `the live environment changed since the plan was made (fingerprint ${plan.fingerprint.slice(0, 12)} is now ${fingerprint(snapshot).slice(0, 12)}). A plan made now differs:\n${[...gone, ...added, ...drift].join("\n") || "  (same actions; the live state differs in what they start from)"}`,
        `Run dwctl plan --env ${plan.pair} again, review it, and apply the new plan.`,
      );
    }
    const exec: ExecuteOptions = {
      keyTimeoutMs: options.keyTimeoutMs,
      pollMs: options.pollMs,
      sleep,
      note: (m) => options.log(`  … ${m}`),
    };
    let done = 0;
    const total = plan.actions.length;
    const started = new Map<string, number>();
    const tracker = {
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
    const firstStartWave = Math.min(...plan.actions.filter((a) => a.kind === "startMap" || a.kind === "resumeMap").map((a) => a.wave));
    for (const wave of plan.waves) {
      const actions = plan.actions.filter((a) => a.wave === wave.index);
      if (actions.length === 0) continue;
      if (wave.index === firstStartWave) await settleBuildingKeys(gateway, snapshot, plan, exec);
      options.log(`wave ${wave.index}/${plan.waves.length}: ${wave.title} (${actions.length} action${actions.length === 1 ? "" : "s"})`);
      for (const phase of phases(actions)) {
        try {
          await runPhase(gateway, phase, options.parallelism, exec, tracker);
        } catch (error) {
          if (error instanceof PhaseFailure) throw new ApplyFailedError(error.action, error.failure, journal.file, done, total);
          throw error;
        }
      }
      // Progress renews the lock too; a write that fails (the lock was taken over) stops the run
      // here, before another wave runs without it.
      if (lock !== undefined) lock = await refreshLock(gateway, lock, { progress: { wave: wave.index, waves: plan.waves.length, done, total } }, options.lockTtlMs);
    }
    const after = await gateway.snapshot();
    const record = recordLastApplied({
      snapshot: after,
      desired: context.desired,
      previous: parseLastApplied(after.lastApplied?.value),
      commit: plan.commit,
      planHash: sha256(canonicalJson(plan)),
      desiredHash: plan.desiredHash,
      appliedAt: new Date().toISOString(),
      actor: options.actor,
      runId: options.runId,
    });
    await gateway.writeRecord("lastApplied", record, after.lastApplied === undefined ? { absent: true } : { etag: after.lastApplied.etag });
    journal.write({ step: "last-applied", kind: "record", event: "note", outcome: "ok", description: `last-applied record written (plan ${record.planHash.slice(0, 12)})` });
    return { runId: options.runId, actions: total, journal: journal.file };
  } finally {
    if (lock !== undefined) {
      const released = await releaseLock(gateway, lock.value.id).catch(() => false);
      journal.write({ step: "lock", kind: "lock", event: "note", description: released ? "lock released" : "lock was not ours any more" });
    }
    journal.close();
  }
}
