import type { Side } from "../../model/desired.js";
import { isHttpStatus } from "../dataverse/odata.js";
import { DualWriteProtocolError } from "../dualwrite/errors.js";
import type { DwDataset } from "../dualwrite/parse.js";
import type { ResetEnvironment } from "../dualwrite/client.js";
import type { GatewayState } from "./state.js";

/**
 * Reset link (dualwrite-service.md §5.13): the body is built from a fresh read of the connection
 * set, Dataverse entry first, with the legal entities the caller chose. Every cache is stale after.
 */
export async function resetLink(state: GatewayState, options: { force: boolean; legalEntities: string[] }): Promise<void> {
  const environment = await state.requireEnvironment();
  const connection = await state.connection(true);
  const call = `GET ConnectionSet/${environment.cname}`;
  const financeAndOperations = connection.financeAndOperations;
  if (financeAndOperations === undefined) throw new DualWriteProtocolError(call, "environments has no finance and operations entry (targetType AX), which Reset needs");
  const powerAppsEnvironmentName = connection.dataverse.powerAppsEnvironment;
  if (powerAppsEnvironmentName === undefined) {
    throw new DualWriteProtocolError(call, `environments.${connection.dataverse.name}.powerAppsEnvironment is absent, which Reset sends as powerAppsEnvironmentName`);
  }
  try {
    await state.clients.dualWrite.reset(environment.cid, options.force, {
      powerAppsEnvironmentName,
      environments: [resetEnvironment(connection.dataverse), resetEnvironment(financeAndOperations)],
      legalEntities: options.legalEntities,
    });
  } finally {
    state.environment = undefined;
    state.connectionSet = undefined;
    state.invalidateMaps();
    state.rows = undefined;
  }
}

/** §5.13 (ResetLinkEngine.cs:118-147): copied from the entry; `isDevInstance` false when the entry has none. */
function resetEnvironment(dataset: DwDataset): ResetEnvironment {
  return {
    targetType: dataset.targetType,
    name: dataset.name,
    ...(dataset.environmentDisplayName === undefined ? {} : { displayName: dataset.environmentDisplayName }),
    ...(dataset.powerAppsEnvironment === undefined ? {} : { id: dataset.powerAppsEnvironment }),
    isDevInstance: dataset.isDevInstance ?? false,
    ...(dataset.directUrl === undefined ? {} : { directUrl: dataset.directUrl }),
  };
}

/** Deletes the runtime configuration rows of one side (DOMAIN.md §5); returns how many were deleted. */
export async function cleanRuntimeConfiguration(state: GatewayState, side: Side): Promise<number> {
  const { dataverse, finOps } = state.clients;
  if (side === "dataverse") {
    const rows = await dataverse.listRuntimeConfigs();
    return dataverse.deleteRuntimeConfigs(rows.map((row) => row.id));
  }
  const rows = await finOps.listProjectConfigurations();
  const deleted = await Promise.all(
    rows.map(async (row) => {
      try {
        await finOps.deleteProjectConfiguration(row);
        return 1;
      } catch (error) {
        if (isHttpStatus(error, 404)) return 0;
        throw error;
      }
    }),
  );
  return deleted.reduce((total: number, count) => total + count, 0);
}
