import type { AlternateKeyStatus } from "../../model/snapshot.js";
import { GatewayRefusedError } from "../gateway.js";
import { ConcurrencyLimiter } from "../http/index.js";
import { TableNames } from "./rows.js";
import type { GatewayState } from "./state.js";

/** Up to this many keys are read one request each; more are read from one metadata listing. */
const SINGLE_READS = 8;
/** Integration-key writes in flight at once: the service's limits are [unknown] (dualwrite-service.md §2, §9.15). */
const KEY_WRITE_CONCURRENCY = 4;

export async function createAlternateKey(state: GatewayState, table: string, key: { schemaName: string; displayName: string; attributes: string[] }): Promise<void> {
  await state.clients.dataverse.createKey(table, key);
}

export async function alternateKeyStatus(state: GatewayState, table: string, schemaName: string): Promise<AlternateKeyStatus | undefined> {
  return state.clients.dataverse.keyStatus(table, schemaName.toLowerCase());
}

export async function alternateKeyStatuses(state: GatewayState, keys: readonly { table: string; schemaName: string }[]): Promise<(AlternateKeyStatus | undefined)[]> {
  if (keys.length <= SINGLE_READS) return Promise.all(keys.map((key) => alternateKeyStatus(state, key.table, key.schemaName)));
  const tables = await state.clients.dataverse.listTables();
  state.tables = new TableNames(tables);
  const statuses = new Map<string, AlternateKeyStatus>();
  for (const table of tables) {
    for (const key of table.keys) statuses.set(`${table.logicalName}|${(key.logicalName || key.schemaName).toLowerCase()}`, key.status);
  }
  return keys.map((key) => statuses.get(`${key.table}|${key.schemaName.toLowerCase()}`));
}

export async function reactivateAlternateKey(state: GatewayState, table: string, schemaName: string): Promise<void> {
  await state.clients.dataverse.reactivateKey(table, schemaName.toLowerCase());
}

/**
 * §5.8: one POST per table, keyed by the table's entity set, to the dataset of the connection
 * set's Dataverse entry. The connection set is stale afterwards.
 */
export async function setIntegrationKeys(state: GatewayState, keys: readonly { table: string; columns: string[] }[]): Promise<void> {
  if (keys.length === 0) return;
  const connection = await state.connection();
  const names = await state.tableNames();
  const writes = keys.map((key) => {
    const entitySet = names.entitySet(key.table);
    if (entitySet === undefined) {
      throw new GatewayRefusedError(
        `cannot set the integration key of table ${key.table}: Dataverse lists no such table (the service keys it by entity set name)`,
        "check the table's logical name in the map, or create the table first",
        undefined,
      );
    }
    return { entitySet, columns: key.columns };
  });
  const limiter = new ConcurrencyLimiter(KEY_WRITE_CONCURRENCY);
  try {
    await Promise.all(
      writes.map(async (write) => {
        const release = await limiter.acquire();
        try {
          await state.clients.dualWrite.setIntegrationKey(connection.dataverse.name, write.entitySet, write.columns);
        } finally {
          release();
        }
      }),
    );
  } finally {
    state.connectionSet = undefined;
  }
}
