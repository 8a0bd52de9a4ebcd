import type { SandboxContext } from "../context.js";
import { dataverseUrl, dualwriteUrl, finopsUrl } from "../context.js";
import { MAP_SET, RUNTIME_SET } from "../dualwrite/definition.js";
import { STATE, connectionOfFinOps, integrationKeys, mapsOf } from "../dualwrite/service.js";
import { listKeys } from "../dataverse/keys.js";
import { countRows } from "../store/rows.js";
import { sql } from "../store/sql.js";
import type { EnvironmentHandles } from "../store/store.js";

/** GET /_sandbox/status: each environment's identity, F&O host, link and what its tables hold. */
export function sandboxStatus(context: SandboxContext, protectedEnvironments: ReadonlySet<string> = new Set()): Record<string, unknown> {
  return {
    url: context.origin(),
    dualwriteUrl: dualwriteUrl(context),
    environments: context.store.all().map((environment) => environmentStatus(context, environment, protectedEnvironments.has(environment.name))),
  };
}

function environmentStatus(context: SandboxContext, environment: EnvironmentHandles, isProtected: boolean): Record<string, unknown> {
  const service = context.store.service;
  const connection = connectionOfFinOps(service, environment.name);
  const linked = connection === undefined ? undefined : context.store.env(connection.dataverseEnv);
  const count = (table: string): number => (sql(environment.finops, `SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
  const meta = (key: string): string | undefined => (sql(environment.finops, "SELECT value FROM meta WHERE key = ?").get(key) as { value: string } | undefined)?.value;
  const maps = connection === undefined ? [] : mapsOf(service, connection.cid);
  const queued = maps.reduce((total, map) => total + (sql(service, "SELECT COUNT(*) AS n FROM change_queue WHERE map_seq = ?").get(map.seq) as { n: number }).n, 0);
  return {
    name: environment.name,
    protected: isProtected,
    organizationId: environment.identity.organizationId,
    financeAndOperationsHost: environment.financeAndOperationsHost,
    financeAndOperationsUrl: finopsUrl(context, environment.name),
    dataverseUrl: dataverseUrl(context, environment.name),
    changeTracking: meta("changeTracking") ?? "on",
    businessEventEndpoints: meta("businessEventEndpoints") ?? "present",
    link:
      connection === undefined
        ? null
        : {
            cid: connection.cid,
            connectionSet: connection.cname,
            dataverseEnvironment: connection.dataverseEnv,
            dataverseUrl: dataverseUrl(context, connection.dataverseEnv),
            organizationId: linked?.identity.organizationId ?? null,
            legalEntities: connection.legalEntities,
          },
    counts: {
      maps: maps.length,
      initialisedMaps: maps.filter((map) => map.pid !== null).length,
      mapRows: countRows(environment.dataverse, MAP_SET),
      runningMaps: maps.filter((map) => map.state === STATE.running).length,
      alternateKeys: listKeys(environment.dataverse).length,
      integrationKeys: connection === undefined ? 0 : integrationKeys(service, connection.cid).length,
      projectConfigurations: count("project_configs"),
      projectFieldConfigurations: count("project_field_configs"),
      businessEvents: count("business_events"),
      runtimeConfigurations: countRows(environment.dataverse, RUNTIME_SET),
      solutions: countRows(environment.dataverse, "solutions"),
      queuedChanges: queued,
    },
  };
}
