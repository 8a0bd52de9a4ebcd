import type { RecordKind, StoredRecord } from "../../model/snapshot.js";
import { isHttpStatus } from "../dataverse/odata.js";
import type { RowPresence } from "../gateway.js";
import type { GatewayState } from "./state.js";

export async function readRecord(state: GatewayState, kind: RecordKind): Promise<StoredRecord | undefined> {
  return state.clients.records.read(kind);
}

export async function writeRecord(state: GatewayState, kind: RecordKind, value: unknown, condition: { etag: string } | { absent: true }): Promise<StoredRecord> {
  return state.clients.records.write(kind, value, condition);
}

export async function deleteRecord(state: GatewayState, kind: RecordKind, etag: string): Promise<void> {
  await state.clients.records.delete(kind, etag);
}

/** Whether each map's F&O entity and Dataverse table hold rows; undefined for a side that cannot be read. */
export async function rowsOnBothSides(state: GatewayState, maps: readonly { entity: string; entitySet: string }[]): Promise<RowPresence[]> {
  const read = async (probe: () => Promise<boolean>): Promise<boolean | undefined> => {
    try {
      return await probe();
    } catch (error) {
      // An entity not exposed to OData, or no read permission: unknown, not an error of the plan.
      if (isHttpStatus(error, 400) || isHttpStatus(error, 403) || isHttpStatus(error, 404)) return undefined;
      throw error;
    }
  };
  return Promise.all(
    maps.map(async (map) => {
      const [financeAndOperations, dataverse] = await Promise.all([
        read(() => state.clients.finOps.hasRows(map.entity)),
        read(() => state.clients.dataverse.hasRows(map.entitySet)),
      ]);
      return { financeAndOperations, dataverse };
    }),
  );
}
