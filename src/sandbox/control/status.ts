import type { SandboxContext } from "../context.js";
import { dataverseUrl, dualwriteUrl, finopsUrl } from "../context.js";
import { cidFor } from "../dualwrite/ids.js";
import { readIntegrationKeys } from "../dualwrite/integration-keys.js";
import { readLink } from "../dualwrite/link.js";
import { MAP_SET, RUNTIME_SET, serviceMaps } from "../dualwrite/maps.js";
import { STATE, listMapStates } from "../dualwrite/state.js";
import { listKeys } from "../dataverse/keys.js";
import { countRows } from "../store/rows.js";
import { sql } from "../store/sql.js";
import type { EnvironmentHandles } from "../store/store.js";

/** GET /_sandbox/status: each environment's identity, link and what its tables hold. */
export function sandboxStatus(context: SandboxContext): Record<string, unknown> {
  return {
    url: context.origin(),
    dualwriteUrl: dualwriteUrl(context),
    environments: context.store.all().map((environment) => environmentStatus(context, environment)),
  };
}

function environmentStatus(context: SandboxContext, environment: EnvironmentHandles): Record<string, unknown> {
  const link = readLink(environment.finops);
  const count = (table: string): number => (sql(environment.finops, `SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
  const states = listMapStates(environment.finops);
  return {
    name: environment.name,
    organizationId: environment.identity.organizationId,
    financeAndOperationsUrl: finopsUrl(context, environment.name),
    dataverseUrl: dataverseUrl(context, environment.name),
    cid: cidFor(environment.name),
    link:
      link === undefined
        ? null
        : { dataverseEnvironment: link.dataverseEnv, dataverseUrl: dataverseUrl(context, link.dataverseEnv), organizationId: link.organizationId, legalEntities: link.legalEntities },
    counts: {
      maps: serviceMaps(context, environment).length,
      mapVersions: countRows(environment.dataverse, MAP_SET),
      runningMaps: states.filter((row) => row.state === STATE.running).length,
      alternateKeys: listKeys(environment.dataverse).length,
      integrationKeys: Object.keys(readIntegrationKeys(environment.finops)).length,
      projectConfigurations: count("project_configs"),
      projectFieldConfigurations: count("project_field_configs"),
      businessEvents: count("business_events"),
      runtimeConfigurations: countRows(environment.dataverse, RUNTIME_SET),
      queuedChanges: count("change_queue"),
    },
  };
}
