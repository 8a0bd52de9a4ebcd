import { isRecord } from "../model/json.js";

/**
 * The steps of the refresh runbook, in order. They follow the documented refresh answer (the
 * dual-write FAQ: unlink, clean the four configuration tables, relink, reactivate the maps) in its
 * current form (DW/reset.md: Reset link does the unlink, clean and relink server-side), then rebuild
 * the pair from git.
 */
export const REFRESH_STEPS = ["stop", "reset", "clean", "solutions", "definitions", "start", "verify"] as const;

export type RefreshStep = (typeof REFRESH_STEPS)[number];

export interface RefreshStepState {
  status: "started" | "done";
  at: string;
  /** What the step did, or why it had nothing to do. */
  detail?: string;
}

/**
 * The runbook's progress, kept in the target environment itself (a record beside the lock), so that
 * `--resume` continues from any runner after a failure or a crash, and in the local journal.
 */
export interface RefreshRecord {
  format_version: "1";
  runId: string;
  pair: string;
  source: string;
  initialSync: "run" | "skip";
  startedAt: string;
  steps: Partial<Record<RefreshStep, RefreshStepState>>;
  /** Set once verify passed. */
  finishedAt?: string;
}

export function parseRefreshRecord(value: unknown): RefreshRecord | undefined {
  if (!isRecord(value) || value.format_version !== "1") return undefined;
  if (typeof value.runId !== "string" || typeof value.pair !== "string" || typeof value.source !== "string") return undefined;
  if (value.initialSync !== "run" && value.initialSync !== "skip") return undefined;
  if (typeof value.startedAt !== "string" || !isRecord(value.steps)) return undefined;
  return value as unknown as RefreshRecord;
}

/** The first step a run still has to do: the one that started and did not finish, or the next one. */
export function nextStep(record: RefreshRecord): RefreshStep | undefined {
  return REFRESH_STEPS.find((step) => record.steps[step]?.status !== "done");
}

export function isUnfinished(record: RefreshRecord | undefined): record is RefreshRecord {
  return record !== undefined && record.finishedAt === undefined;
}
