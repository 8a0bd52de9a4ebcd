import type { SandboxContext } from "../context.js";
import { dataverseUrl } from "../context.js";
import { errorResponse, json } from "../api/respond.js";
import type { ApiRequest, ApiResponse } from "../api/types.js";
import { ApiError } from "../api/types.js";
import { parseSegments } from "../odata/path.js";
import { cachedTransaction } from "../store/cache.js";
import type { EnvironmentHandles } from "../store/store.js";
import { handleBatch } from "./batch.js";
import { handleEntityDefinitions, reactivateEntityKey } from "./metadata.js";
import { handleRecords } from "./records.js";
import { listSystemUsers } from "./users.js";

/** The Dataverse Web API of one environment, below `/<env>/dataverse/api/data/v9.2/`. */
export function handleDataverse(context: SandboxContext, environment: EnvironmentHandles, request: ApiRequest): ApiResponse {
  const base = `${dataverseUrl(context, environment.name)}/api/data/v9.2/`;
  const response = route(context, environment, request, base);
  response.headers["odata-version"] = "4.0";
  response.headers["x-ms-dop-hint"] = String(context.timings.dopHint);
  return response;
}

function route(context: SandboxContext, environment: EnvironmentHandles, request: ApiRequest, base: string): ApiResponse {
  try {
    const segments = parseSegments(request.rest);
    const [first] = segments;
    if (first === undefined) return json(200, { "@odata.context": `${base}$metadata`, value: [] });
    if (first.name === "$batch" && request.method === "POST") {
      return handleBatch(context, request, base, (inner) => route(context, environment, inner, base));
    }
    if (first.name === "WhoAmI" && request.method === "GET") {
      return json(200, {
        "@odata.context": `${base}$metadata#Microsoft.Dynamics.CRM.WhoAmIResponse`,
        BusinessUnitId: environment.identity.businessUnitId,
        UserId: environment.identity.userId,
        OrganizationId: environment.identity.organizationId,
      });
    }
    if (first.name === "EntityDefinitions") return handleEntityDefinitions(context, environment, request, segments, base);
    if (first.name === "ReactivateEntityKey" && request.method === "POST") return reactivateEntityKey(context, environment, request);
    if (first.name === "systemusers" && first.key === undefined && segments.length === 1 && request.method === "GET") return cachedTransaction(environment.dataverse, () => listSystemUsers(context, environment, request, base));
    if (segments.length > 1) throw new ApiError(404, "0x80060888", `Resource not found for the segment '${segments[1]?.name ?? ""}'.`);
    if (!/^[a-z_][a-z0-9_]*$/i.test(first.name)) throw new ApiError(404, "0x80060888", `Resource not found for the segment '${first.name}'.`);
    return cachedTransaction(environment.dataverse, () => handleRecords(context, environment, request, first, base));
  } catch (error) {
    return errorResponse(error);
  }
}
