import type { MapState } from "./desired.js";
import { isRecord } from "./json.js";

export interface LastAppliedMap {
  name: string;
  definitionHash: string;
  state: MapState;
  protected: boolean;
  /** The initialSync.rerun token whose initial sync has run, so that the next plan does not run it again. */
  initialSyncRerun?: string;
}

/**
 * What dwctl last applied to an environment pair, kept in the environment itself. It is the
 * "last applied" of the three states: drift is live != this, pending is desired != this.
 */
export interface LastAppliedRecord {
  format_version: "1";
  /**
   * The pair it was written for. The record lives in the pair's Dataverse, so a copy of another
   * pair's Dataverse brings that pair's record along: a different name here is the sign of it.
   * Absent in records of older dwctl versions.
   */
  pair?: string;
  commit: string | null;
  planHash: string;
  desiredHash: string;
  appliedAt: string;
  actor: string;
  runId: string;
  /** Keyed by mapKey(ref): the maps dwctl manages here. Only these are ever pruned. */
  maps: Record<string, LastAppliedMap>;
  /** Keyed by table. */
  keys: Record<string, { columns: string[]; alternateKey: string }>;
  legalEntities: string[];
}

/** Reads a stored record defensively: a record written by a newer or broken dwctl is treated as absent. */
export function parseLastApplied(value: unknown): LastAppliedRecord | undefined {
  if (!isRecord(value) || value.format_version !== "1") return undefined;
  if (!isRecord(value.maps) || !isRecord(value.keys) || !Array.isArray(value.legalEntities)) return undefined;
  if (typeof value.planHash !== "string" || typeof value.desiredHash !== "string") return undefined;
  return value as unknown as LastAppliedRecord;
}
