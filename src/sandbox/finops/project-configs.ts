import type { SandboxContext } from "../context.js";
import { dataverseUrl } from "../context.js";
import { json, noContent } from "../api/respond.js";
import type { ApiRequest, ApiResponse } from "../api/types.js";
import { ApiError } from "../api/types.js";
import { applySelect, compileFilter, pageOf, selectList } from "../odata/query.js";
import { parseKeyPredicate } from "../odata/path.js";
import { checkPreconditions } from "../odata/etag.js";
import { etagOf } from "../store/rows.js";
import { sql } from "../store/sql.js";
import type { EnvironmentHandles } from "../store/store.js";

interface ConfigRow {
  project_name: string;
  external_entity: string;
  internal_entity: string;
  dataverse_env: string;
  status: string;
  partition_map: string;
  query_filter: string;
  integration_key: string;
  version: number;
}

export const PROJECT_CONFIGURATIONS = "DualWriteProjectConfigurations";

/** DualWriteProjectConfigurationEntity: the one OData-editable dual-write runtime table (read and delete). */
export function handleProjectConfigurations(context: SandboxContext, environment: EnvironmentHandles, request: ApiRequest, key: string | undefined, base: string): ApiResponse {
  const rows = sql(environment.finops, "SELECT * FROM project_configs ORDER BY project_name").all() as ConfigRow[];
  if (key === undefined) {
    if (request.method !== "GET") throw new ApiError(405, "MethodNotAllowed", `${request.method} is not allowed on ${PROJECT_CONFIGURATIONS}.`);
    const filter = compileFilter(request.url.searchParams);
    const select = selectList(request.url.searchParams);
    const all = rows.map((row) => render(context, row)).filter((row) => filter(row));
    const page = pageOf(all, request);
    const body: Record<string, unknown> = { "@odata.context": `${base}$metadata#${PROJECT_CONFIGURATIONS}`, value: page.items.map((row) => applySelect(row, select)) };
    if (page.nextLink !== undefined) body["@odata.nextLink"] = page.nextLink;
    return json(200, body, page.headers);
  }
  const predicate = parseKeyPredicate(key);
  if (predicate.kind !== "named") throw new ApiError(400, "BadRequest", "Address a project configuration by ProjectName, ExternalEntityName and InternalEntityName.");
  const row = rows.find(
    (candidate) =>
      candidate.project_name === predicate.values.get("ProjectName") &&
      candidate.external_entity === predicate.values.get("ExternalEntityName") &&
      candidate.internal_entity === predicate.values.get("InternalEntityName"),
  );
  if (row === undefined) throw new ApiError(404, "NotFound", `No ${PROJECT_CONFIGURATIONS} record matches (${key}).`);
  if (request.method === "GET") return json(200, render(context, row), { etag: etagOf(row.version) });
  if (request.method === "DELETE") {
    checkPreconditions(request, row);
    sql(environment.finops, "DELETE FROM project_configs WHERE project_name = ? AND external_entity = ? AND internal_entity = ?").run(
      row.project_name,
      row.external_entity,
      row.internal_entity,
    );
    return noContent();
  }
  throw new ApiError(405, "MethodNotAllowed", `${request.method} is not allowed on a ${PROJECT_CONFIGURATIONS} record.`);
}

function render(context: SandboxContext, row: ConfigRow): Record<string, unknown> {
  return {
    "@odata.etag": etagOf(row.version),
    ProjectName: row.project_name,
    ExternalEntityName: row.external_entity,
    InternalEntityName: row.internal_entity,
    ExternalEnvironmentUrl: dataverseUrl(context, row.dataverse_env),
    Status: row.status,
    EnableBatchLookup: "No",
    PartitionMap: row.partition_map,
    QueryFilterExpression: row.query_filter,
    IntegrationKey: row.integration_key,
    IsDelete: "No",
    IsDebugMode: "No",
    EnableCache: "Yes",
    DisablePerfEnhancements: "No",
    EnableFailureReconciliation: "No",
  };
}
