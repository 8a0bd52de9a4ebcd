import type { EnvironmentGateway, MapActionRequest } from "../live/gateway.js";
import type { Action } from "../plan/plan.js";
import { KeyIndexFailedError, beginLifecycleAction, executeAction, isLifecycleAction, type ExecuteOptions, type LifecycleAction, type SingleAction } from "./execute-action.js";

/** How a phase reports each action: started, then ended (ok or with the error that failed it). */
export interface PhaseTracker {
  started(action: Action): void;
  /** `requestIds`: the platform's ids of the step's requests, for a support case. */
  ended(action: Action, error?: unknown, requestIds?: string[]): void;
  /**
   * Called before an action starts (before its first write); what it throws stops the phase
   * before that action, as it is (not as the action's failure): the run lost its lock.
   */
  beforeStart?(action: Action): Promise<void>;
}

/** The first action of a phase that failed, with why. */
export class PhaseFailure extends Error {
  constructor(
    readonly action: Action,
    readonly failure: unknown,
  ) {
    super(failure instanceof Error ? failure.message : String(failure));
    this.name = "PhaseFailure";
  }
}

type KeyAction = Extract<Action, { kind: "createAlternateKey" | "reactivateAlternateKey" }>;
type IntegrationKeyAction = Extract<Action, { kind: "setIntegrationKey" }>;

/**
 * Runs the actions of one phase (one kind, one wave) as the platform allows it best:
 * - integration keys go in a few requests, since the service merges them by table;
 * - alternate keys are all created first, then their indexes are awaited together: the
 *   platform builds them concurrently, and one listing answers for many;
 * - lifecycle actions are all sent, then followed together by the gateway;
 * - anything else runs action by action, `parallelism` at a time.
 * Every action that started is followed to its end before a failure is reported, so the journal
 * never leaves one open.
 */
export async function runPhase(gateway: EnvironmentGateway, phase: readonly Action[], parallelism: number, exec: ExecuteOptions, tracker: PhaseTracker): Promise<void> {
  const first = phase[0];
  if (first === undefined) return;
  if (first.kind === "setIntegrationKey") return setIntegrationKeys(gateway, phase as IntegrationKeyAction[], tracker);
  if (first.kind === "createAlternateKey" || first.kind === "reactivateAlternateKey") return buildKeys(gateway, phase as KeyAction[], parallelism, exec, tracker);
  if (isLifecycleAction(first)) return runLifecycle(gateway, phase as LifecycleAction[], parallelism, tracker);
  // Apply Solution goes one solution at a time, each to its end (dualwrite-service.md §5.6: DW Helper's
  // comment says applying several at once creates duplicates).
  await pool(phase as SingleAction[], first.kind === "applySolution" ? 1 : parallelism, async (action) => {
    await tracker.beforeStart?.(action);
    tracker.started(action);
    try {
      await executeAction(gateway, action);
    } catch (error) {
      tracker.ended(action, error);
      throw new PhaseFailure(action, error);
    }
    tracker.ended(action);
  });
}

async function setIntegrationKeys(gateway: EnvironmentGateway, phase: readonly IntegrationKeyAction[], tracker: PhaseTracker): Promise<void> {
  const keys = phase.map((action) => ({ table: action.table, columns: action.columns }));
  for (const action of phase) await tracker.beforeStart?.(action);
  for (const action of phase) tracker.started(action);
  try {
    await gateway.setIntegrationKeys(keys);
  } catch (error) {
    for (const action of phase) tracker.ended(action, error);
    throw new PhaseFailure(phase[0] as Action, error);
  }
  for (const action of phase) tracker.ended(action);
}

async function buildKeys(gateway: EnvironmentGateway, phase: readonly KeyAction[], parallelism: number, exec: ExecuteOptions, tracker: PhaseTracker): Promise<void> {
  const sent: KeyAction[] = [];
  const sendFailure = await settle(
    pool(phase, parallelism, async (action) => {
      await tracker.beforeStart?.(action);
      tracker.started(action);
      try {
        if (action.kind === "reactivateAlternateKey") await gateway.reactivateAlternateKey(action.table, action.schemaName);
        else await createKey(gateway, action);
      } catch (error) {
        tracker.ended(action, error);
        throw new PhaseFailure(action, error);
      }
      sent.push(action);
    }),
  );
  const failures = await waitForKeys(gateway, sent, exec, (action, error) => tracker.ended(action, error));
  const first = failures[0];
  const failure = sendFailure ?? (first === undefined ? undefined : new PhaseFailure(first.key, first.error));
  if (failure !== undefined) throw failure;
}

async function createKey(gateway: EnvironmentGateway, action: Extract<Action, { kind: "createAlternateKey" }>): Promise<void> {
  try {
    await gateway.createAlternateKey(action.table, { schemaName: action.schemaName, displayName: action.displayName, attributes: action.attributes });
  } catch (error) {
    // The plan was made from the live state, so the key was missing then; if the create is
    // refused because it exists now (another writer, a lost response), wait for that key
    // instead of failing. Anything else is a real failure.
    if ((await gateway.alternateKeyStatus(action.table, action.schemaName)) === undefined) throw error;
  }
}

/**
 * Polls alternate keys until each index is Active (dual-write needs an active key before a start),
 * calling `done` for each as it settles; returns the keys that failed (a Failed index, a timeout).
 */
export async function waitForKeys<K extends { table: string; schemaName: string }>(
  gateway: EnvironmentGateway,
  keys: readonly K[],
  options: ExecuteOptions,
  done: (key: K, error?: unknown) => void,
): Promise<{ key: K; error: Error }[]> {
  const deadline = Date.now() + options.keyTimeoutMs;
  const failures: { key: K; error: Error }[] = [];
  const fail = (key: K, error: Error): void => {
    failures.push({ key, error });
    done(key, error);
  };
  const seen = new Map<K, string | undefined>();
  let pending = [...keys];
  while (pending.length > 0) {
    let statuses: Awaited<ReturnType<EnvironmentGateway["alternateKeyStatuses"]>>;
    try {
      statuses = await gateway.alternateKeyStatuses(pending);
    } catch (error) {
      // The status read failed for good (after its retries): every key still waiting ends with it.
      for (const key of pending) fail(key, error instanceof Error ? error : new Error(String(error)));
      break;
    }
    const waiting: K[] = [];
    pending.forEach((key, index) => {
      const status = statuses[index];
      if (status === "active") return done(key);
      if (status === "failed") return fail(key, new KeyIndexFailedError(key.table, key.schemaName));
      if (!seen.has(key) || seen.get(key) !== status) options.note(`alternate key ${key.schemaName} on ${key.table}: ${status ?? "not found yet"}`);
      seen.set(key, status);
      waiting.push(key);
    });
    pending = waiting;
    if (pending.length === 0) break;
    if (Date.now() > deadline) {
      const seconds = Math.round(options.keyTimeoutMs / 1000);
      for (const key of pending) fail(key, new Error(`alternate key ${key.schemaName} on ${key.table} is still ${seen.get(key) ?? "missing"} after ${seconds} s`));
      break;
    }
    await options.sleep(options.pollMs);
  }
  return failures;
}

async function runLifecycle(gateway: EnvironmentGateway, phase: readonly LifecycleAction[], parallelism: number, tracker: PhaseTracker): Promise<void> {
  const begun: { action: LifecycleAction; request: MapActionRequest }[] = [];
  const sendFailure = await settle(
    pool(phase, parallelism, async (action) => {
      await tracker.beforeStart?.(action);
      tracker.started(action);
      try {
        begun.push({ action, request: await beginLifecycleAction(gateway, action) });
      } catch (error) {
        tracker.ended(action, error);
        throw new PhaseFailure(action, error);
      }
    }),
  );
  let failure = sendFailure;
  const open = new Map(begun.map((entry) => [entry.request, entry.action]));
  const end = (request: MapActionRequest, error?: unknown): void => {
    const action = open.get(request);
    if (action === undefined) return;
    open.delete(request);
    if (error !== undefined) failure ??= new PhaseFailure(action, error);
    tracker.ended(action, error, [request.requestId]);
  };
  try {
    if (begun.length > 0) {
      await gateway.followMapActions(
      begun.map((entry) => entry.request),
        (request, error) => end(request, error),
      );
    }
  } catch (error) {
    // The service could not be asked (after retries): what was sent may still be running.
    for (const request of [...open.keys()]) end(request, error);
  }
  if (failure !== undefined) throw failure;
}

/** Waits for a promise and returns what it threw, if anything. */
async function settle(promise: Promise<void>): Promise<unknown> {
  try {
    await promise;
    return undefined;
  } catch (error) {
    return error;
  }
}

/** Runs `run` over the items, `limit` at a time; after a failure no new item starts, and the first failure is thrown once the running ones end. */
export async function pool<T>(items: readonly T[], limit: number, run: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  let failure: { error: unknown } | undefined;
  const worker = async (): Promise<void> => {
    while (failure === undefined && next < items.length) {
      const item = items[next++] as T;
      try {
        await run(item);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  if (failure !== undefined) throw failure.error;
}
