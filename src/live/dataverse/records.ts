import { RecordConflictError } from "../gateway.js";
import { PreconditionFailedError, etagOf, isAmbiguousFailure } from "../http/index.js";
import type { HttpClient } from "../http/index.js";
import type { RecordKind, StoredRecord } from "../../model/snapshot.js";
import { isHttpStatus, property, text } from "./odata.js";

/**
 * The lock and last-applied records [dwctl]: Dataverse environment variables with fixed ids,
 * written with ETag compare-and-swap (docs/live-api.md, "Lock and last-applied records").
 */

interface RecordIds {
  schemaName: string;
  displayName: string;
  definitionId: string;
  valueId: string;
}

export const RECORD_IDS: Record<RecordKind, RecordIds> = {
  lock: {
    schemaName: "dwctl_lock",
    displayName: "dwctl lock",
    definitionId: "6a1d2c8e-0b7f-4c52-9a44-2f1e3d4c5b01",
    valueId: "6a1d2c8e-0b7f-4c52-9a44-2f1e3d4c5b11",
  },
  lastApplied: {
    schemaName: "dwctl_lastapplied",
    displayName: "dwctl last applied",
    definitionId: "6a1d2c8e-0b7f-4c52-9a44-2f1e3d4c5b02",
    valueId: "6a1d2c8e-0b7f-4c52-9a44-2f1e3d4c5b12",
  },
  refresh: {
    schemaName: "dwctl_refresh",
    displayName: "dwctl refresh runbook",
    definitionId: "6a1d2c8e-0b7f-4c52-9a44-2f1e3d4c5b03",
    valueId: "6a1d2c8e-0b7f-4c52-9a44-2f1e3d4c5b13",
  },
};

const READ =
  "environmentvariablevalues?$select=environmentvariablevalueid,schemaname,value&$filter=schemaname eq 'dwctl_lock' or schemaname eq 'dwctl_lastapplied' or schemaname eq 'dwctl_refresh'";

/** Environment variable type String. */
const STRING_TYPE = 100000000;

export type Records = Record<RecordKind, StoredRecord | undefined>;

export class RecordStore {
  constructor(readonly http: HttpClient) {}

  async readAll(): Promise<Records> {
    const rows = await this.http.getAllPages<unknown>(READ);
    const records: Records = { lock: undefined, lastApplied: undefined, refresh: undefined };
    for (const kind of ["lock", "lastApplied", "refresh"] as const) {
      const row = rows.find((candidate) => text(property(candidate, "schemaname")) === RECORD_IDS[kind].schemaName);
      if (row !== undefined) records[kind] = { kind, value: parseValue(property(row, "value")), etag: etagOf(row) ?? "" };
    }
    return records;
  }

  async read(kind: RecordKind): Promise<StoredRecord | undefined> {
    return (await this.readAll())[kind];
  }

  /** Upserts the definition row; safe to repeat. */
  async ensureDefinition(kind: RecordKind): Promise<void> {
    const ids = RECORD_IDS[kind];
    await this.http.request("PATCH", `environmentvariabledefinitions(${ids.definitionId})`, {
      json: { schemaname: ids.schemaName, displayname: ids.displayName, type: STRING_TYPE },
    });
  }

  async write(kind: RecordKind, value: unknown, condition: { etag: string } | { absent: true }): Promise<StoredRecord> {
    const ids = RECORD_IDS[kind];
    const serialised = JSON.stringify(value ?? null);
    let etag: string | undefined;
    try {
      if ("absent" in condition) {
        await this.ensureDefinition(kind);
        const response = await this.http.request("PATCH", `environmentvariablevalues(${ids.valueId})`, {
          json: {
            schemaname: ids.schemaName,
            value: serialised,
            "EnvironmentVariableDefinitionId@odata.bind": `/environmentvariabledefinitions(${ids.definitionId})`,
          },
          ifNoneMatch: "*",
        });
        etag = response.etag;
      } else {
        const response = await this.http.request("PATCH", `environmentvariablevalues(${ids.valueId})`, {
          json: { value: serialised },
          ifMatch: condition.etag,
        });
        etag = response.etag;
      }
    } catch (error) {
      if (!isAmbiguousFailure(error)) throw conflictOr(error, kind);
      // A 5xx or a lost answer says nothing about whether the write happened: read it back.
      const current = await this.read(kind);
      if (current !== undefined && JSON.stringify(current.value) === serialised) return current;
      throw error;
    }
    if (etag !== undefined) return { kind, value: JSON.parse(serialised) as unknown, etag };
    // The server sent no ETag: read it back. If the value read differs, someone wrote after us.
    const current = await this.read(kind);
    if (current === undefined || JSON.stringify(current.value) !== serialised) throw new RecordConflictError(kind);
    return current;
  }

  async delete(kind: RecordKind, etag: string): Promise<void> {
    try {
      await this.http.request("DELETE", `environmentvariablevalues(${RECORD_IDS[kind].valueId})`, { ifMatch: etag });
    } catch (error) {
      throw conflictOr(error, kind);
    }
  }
}

function conflictOr(error: unknown, kind: RecordKind): unknown {
  // 404: the record this etag belonged to is gone, which is a conflict too.
  if (error instanceof PreconditionFailedError || isHttpStatus(error, 404)) return new RecordConflictError(kind);
  return error;
}

function parseValue(value: unknown): unknown {
  if (typeof value !== "string") return value ?? null;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}
