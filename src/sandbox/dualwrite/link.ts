import type Database from "better-sqlite3";
import type { SandboxContext } from "../context.js";
import type { EnvironmentHandles } from "../store/store.js";
import { sql } from "../store/sql.js";
import { cidFor } from "./ids.js";

export interface Link {
  dataverseEnv: string;
  organizationId: string;
  legalEntities: string[];
  linkedAt: number;
}

interface LinkRow {
  dataverse_env: string;
  dataverse_org: string;
  legal_entities: string;
  linked_at: number;
}

export function readLink(finops: Database.Database): Link | undefined {
  const row = sql(finops, "SELECT dataverse_env, dataverse_org, legal_entities, linked_at FROM link WHERE id = 1").get() as LinkRow | undefined;
  if (row === undefined) return undefined;
  const legalEntities: unknown = JSON.parse(row.legal_entities);
  return {
    dataverseEnv: row.dataverse_env,
    organizationId: row.dataverse_org,
    legalEntities: Array.isArray(legalEntities) ? legalEntities.filter((code): code is string => typeof code === "string") : [],
    linkedAt: row.linked_at,
  };
}

export function writeLink(finops: Database.Database, link: Link): void {
  sql(finops, "INSERT OR REPLACE INTO link (id, dataverse_env, dataverse_org, legal_entities, linked_at) VALUES (1, ?, ?, ?, ?)").run(
    link.dataverseEnv,
    link.organizationId,
    JSON.stringify(link.legalEntities),
    link.linkedAt,
  );
}

/** The finance and operations environment a connection set id names. */
export function environmentOfCid(context: SandboxContext, cid: string): EnvironmentHandles | undefined {
  const wanted = cid.toLowerCase();
  return context.store.all().find((environment) => cidFor(environment.name) === wanted);
}

/** The Dataverse the link points at, when it is an environment of this sandbox. */
export function linkedDataverse(context: SandboxContext, environment: EnvironmentHandles): { link: Link; dataverse: EnvironmentHandles } | undefined {
  const link = readLink(environment.finops);
  if (link === undefined) return undefined;
  const dataverse = context.store.env(link.dataverseEnv);
  return dataverse === undefined ? undefined : { link, dataverse };
}
