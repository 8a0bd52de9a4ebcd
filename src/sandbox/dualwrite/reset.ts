import type { SandboxContext } from "../context.js";
import { environmentOfUrl } from "../context.js";
import { ApiError } from "../api/types.js";
import { deleteAllRows } from "../store/rows.js";
import type { EnvironmentHandles } from "../store/store.js";
import { writeLink } from "./link.js";
import { MAP_SET } from "./maps.js";
import { clearRuntime } from "./runtime.js";
import { REQUEST_STATUS, createRequest, isIdle, listMapStates } from "./state.js";

const MAX_LEGAL_ENTITIES = 40;

export interface ResetRequest {
  force: boolean;
  environments: readonly string[];
  legalEntities: readonly string[];
}

/**
 * Reset link (DOMAIN.md section 5): clears the dual-write configuration on both sides, deletes the
 * map definitions of the pair's Dataverse, and links the F&O environment to its own Dataverse again.
 */
export function resetLink(context: SandboxContext, environment: EnvironmentHandles, request: ResetRequest): string {
  const [finopsTarget, dataverseTarget] = request.environments;
  if (finopsTarget !== undefined && environmentOfUrl(finopsTarget, "finops") !== environment.name) {
    throw new ApiError(400, "BadRequest", `${finopsTarget} is not the finance and operations environment of this connection set.`);
  }
  if (dataverseTarget === undefined || environmentOfUrl(dataverseTarget, "dataverse") !== environment.name) {
    throw new ApiError(400, "LinkingMismatch", `The Dataverse environment ${dataverseTarget ?? "(none)"} is not the Power Platform integration environment of ${environment.name}.`);
  }
  const legalEntities = request.legalEntities.map((code) => code.toUpperCase());
  if (legalEntities.length === 0) throw new ApiError(400, "BadRequest", "Reset link needs at least one legal entity.");
  if (legalEntities.length > MAX_LEGAL_ENTITIES) throw new ApiError(400, "BadRequest", "Exceeds the maximum partitions allowed.");
  const running = listMapStates(environment.finops).filter((row) => !isIdle(row.state));
  if (running.length > 0 && !request.force) {
    throw new ApiError(409, "Conflict", `${running.length} table map(s) are running (for example ${running[0]?.entity ?? "?"}); stop them or use forceReset.`);
  }
  const now = context.now();
  clearRuntime(environment.finops, environment.dataverse);
  deleteAllRows(environment.dataverse, MAP_SET);
  writeLink(environment.finops, { dataverseEnv: environment.name, organizationId: environment.identity.organizationId, legalEntities, linkedAt: now });
  return createRequest(environment.finops, {
    pid: null,
    action: "reset",
    now,
    completeAt: now + context.timings.mapTransitionMs,
    status: REQUEST_STATUS.completed,
    message: "Reset link completed",
  });
}
