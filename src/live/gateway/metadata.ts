import type { ColumnMetadata, ColumnMetadataRequest, LiveEntity, LiveTable } from "../../model/column-metadata.js";
import { readTableColumns } from "../dataverse/columns.js";
import { readPublicEntities } from "../finops/public-entities.js";
import type { GatewayState } from "./state.js";

/**
 * The columns of the Dataverse tables and the fields of the finance and operations public entities
 * asked for: one metadata request for every ~75 tables and one for every ~100 entities, the two
 * apps read side by side. A name the app does not list comes back as `undefined`.
 */
export async function readColumnMetadata(state: GatewayState, request: ColumnMetadataRequest): Promise<ColumnMetadata> {
  const [tables, entities] = await Promise.all([
    request.tables.length === 0 ? [] : readTableColumns(state.clients.dataverse.http, request.tables),
    request.entities.length === 0 ? [] : readPublicEntities(state.clients.finOps.http, request.entities),
  ]);
  const byTable = new Map<string, LiveTable>(tables.map((table) => [table.logicalName, table]));
  const byEntity = new Map<string, LiveEntity>(entities.map((entity) => [entity.entitySet, entity]));
  return {
    tables: new Map(request.tables.map((name) => [name.toLowerCase(), byTable.get(name.toLowerCase())])),
    entities: new Map(request.entities.map((name) => [name, byEntity.get(name)])),
  };
}
