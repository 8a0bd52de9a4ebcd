import { GatewayRefusedError } from "../gateway.js";
import { etagOf } from "../http/index.js";
import type { HttpClient } from "../http/index.js";
import type { AlternateKeyStatus } from "../../model/snapshot.js";
import type { MapRowFields } from "../mapping-json.js";
import { isHttpStatus, isObject, odataString, property, serverMessage, text } from "./odata.js";

/** The Dataverse Web API calls of docs/live-api.md. Base URL: `<dataverse url>/api/data/v9.2/`. */

const MAP_ROWS =
  "msdyn_dualwriteentitymaps?$select=msdyn_dualwriteentitymapid,msdyn_name,msdyn_mapping,msdyn_properties,msdyn_version,statecode";
const TABLES =
  "EntityDefinitions?$select=LogicalName,EntitySetName&$expand=Keys($select=SchemaName,LogicalName,DisplayName,KeyAttributes,EntityKeyIndexStatus)";
const RUNTIME_CONFIGS = "msdyn_dualwriteruntimeconfigs?$select=msdyn_dualwriteruntimeconfigid,msdyn_name,msdyn_unsecure";
const COMPANIES = "cdm_companies?$select=cdm_companyid,cdm_companycode";

const MAP_RUNNING = "0x80060888";
const KEY_EXISTS = "0x80048d04";

export interface WhoAmI {
  organizationId: string;
  userId: string;
  businessUnitId: string;
}

export interface MapRow {
  id: string;
  etag: string | undefined;
  name: string;
  mapping: unknown;
  properties: unknown;
  version: string;
  statecode: number | undefined;
}

export interface TableKeys {
  logicalName: string;
  entitySetName: string;
  keys: {
    schemaName: string;
    logicalName: string;
    displayName: string;
    attributes: string[];
    status: AlternateKeyStatus;
  }[];
}

export interface RuntimeConfigRow {
  id: string;
  name: string;
  source: string;
  destination: string;
}

export class DataverseClient {
  constructor(readonly http: HttpClient) {}

  async whoAmI(): Promise<WhoAmI> {
    const body = await this.http.getJson<unknown>("WhoAmI");
    return {
      organizationId: text(property(body, "OrganizationId")),
      userId: text(property(body, "UserId")),
      businessUnitId: text(property(body, "BusinessUnitId")),
    };
  }

  async listMapRows(): Promise<MapRow[]> {
    const rows = await this.http.getAllPages<unknown>(MAP_ROWS);
    return rows.map(toMapRow);
  }

  /**
   * Creates the row inside an unmanaged solution with the documented `MSCRM.SolutionUniqueName`
   * header (Power Apps docs, "Create a table row using the Web API", associate with a solution).
   */
  async createMapRow(fields: MapRowFields, solution?: string): Promise<MapRow> {
    const response = await this.http.request("POST", "msdyn_dualwriteentitymaps", {
      json: fields,
      prefer: ["return=representation"],
      ...(solution === undefined ? {} : { headers: { "MSCRM.SolutionUniqueName": solution } }),
    });
    const row = isObject(response.json) ? toMapRow(response.json) : undefined;
    const id = row?.id || idFromEntityUrl(response.headers.get("odata-entityid"));
    return { ...(row ?? toMapRow(fields)), id, etag: row?.etag ?? response.etag };
  }

  /** Refused with GatewayRefusedError while the map runs; PreconditionFailedError when the ETag is stale. */
  async updateMapRow(id: string, fields: MapRowFields, etag: string): Promise<void> {
    await refusingWhileRunning(this.http.request("PATCH", `msdyn_dualwriteentitymaps(${id})`, { json: fields, ifMatch: etag }));
  }

  /** The solution's id, or undefined when Dataverse has no solution of that unique name. */
  async findSolution(uniqueName: string): Promise<string | undefined> {
    const body = await this.http.getJson<unknown>(`solutions?$select=solutionid,uniquename&$filter=uniquename eq ${odataString(uniqueName)}`);
    const value = property(body, "value");
    const first: unknown = Array.isArray(value) ? value[0] : undefined;
    return first === undefined ? undefined : text(property(first, "solutionid"));
  }

  /**
   * The unique names, of those given, that Dataverse has a publisher for (lower case): one GET for
   * up to 50 names (`or` in `$filter`, as the Web API takes it), so a plan checks every publisher it
   * will save under before anything is written.
   */
  async existingPublishers(uniqueNames: readonly string[]): Promise<Set<string>> {
    const found = new Set<string>();
    for (let i = 0; i < uniqueNames.length; i += 50) {
      const filter = uniqueNames.slice(i, i + 50).map((name) => `uniquename eq ${odataString(name)}`).join(" or ");
      const body = await this.http.getJson<unknown>(`publishers?$select=uniquename&$filter=${filter}`);
      const value = property(body, "value");
      for (const row of Array.isArray(value) ? value : []) {
        const name: unknown = property(row, "uniquename");
        if (typeof name === "string") found.add(name.toLowerCase());
      }
    }
    return found;
  }

  async findPublisher(uniqueName: string): Promise<string | undefined> {
    const body = await this.http.getJson<unknown>(`publishers?$select=publisherid,uniquename&$filter=uniquename eq ${odataString(uniqueName)}`);
    const value = property(body, "value");
    const first: unknown = Array.isArray(value) ? value[0] : undefined;
    return first === undefined ? undefined : text(property(first, "publisherid"));
  }

  /** An unmanaged solution of this publisher (Web API `POST solutions`). */
  async createSolution(uniqueName: string, publisherId: string): Promise<void> {
    await this.http.request("POST", "solutions", {
      json: { uniquename: uniqueName, friendlyname: uniqueName, version: "1.0.0.0", "publisherid@odata.bind": `/publishers(${publisherId})` },
    });
  }

  async deleteMapRow(id: string): Promise<void> {
    await refusingWhileRunning(this.http.request("DELETE", `msdyn_dualwriteentitymaps(${id})`));
  }

  /** Every table with its alternate keys, in the one metadata request. */
  async listTables(): Promise<TableKeys[]> {
    const body = await this.http.getJson<unknown>(TABLES);
    const value = property(body, "value");
    return (Array.isArray(value) ? value : []).map((table: unknown) => {
      const keys = property(table, "Keys");
      const logicalName = text(property(table, "LogicalName"));
      return {
        logicalName,
        entitySetName: text(property(table, "EntitySetName")),
        keys: (Array.isArray(keys) ? keys : []).map((key: unknown) => ({
          schemaName: text(property(key, "SchemaName")),
          logicalName: text(property(key, "LogicalName")),
          displayName: labelText(property(key, "DisplayName")),
          attributes: arrayOfText(property(key, "KeyAttributes")),
          status: keyStatus(property(key, "EntityKeyIndexStatus")),
        })),
      };
    });
  }

  async createKey(table: string, key: { schemaName: string; displayName: string; attributes: string[] }): Promise<void> {
    try {
      await this.http.request("POST", `EntityDefinitions(LogicalName=${odataString(table)})/Keys`, {
        json: {
          "@odata.type": "Microsoft.Dynamics.CRM.EntityKeyMetadata",
          SchemaName: key.schemaName,
          DisplayName: { LocalizedLabels: [{ Label: key.displayName, LanguageCode: 1033 }] },
          KeyAttributes: key.attributes,
        },
      });
    } catch (error) {
      if (isHttpStatus(error, 400, KEY_EXISTS)) {
        throw new GatewayRefusedError(
          `the alternate key ${key.schemaName} already exists on table ${table}`,
          "refresh the plan: the key was created since it was read",
          error.requestId,
        );
      }
      throw error;
    }
  }

  /** The index build status, or undefined when the key does not exist. */
  async keyStatus(table: string, keyLogicalName: string): Promise<AlternateKeyStatus | undefined> {
    try {
      const body = await this.http.getJson<unknown>(
        `EntityDefinitions(LogicalName=${odataString(table)})/Keys(LogicalName=${odataString(keyLogicalName)})?$select=EntityKeyIndexStatus`,
      );
      return keyStatus(property(body, "EntityKeyIndexStatus"));
    } catch (error) {
      if (isHttpStatus(error, 404)) return undefined;
      throw error;
    }
  }

  async reactivateKey(table: string, keyLogicalName: string): Promise<void> {
    await this.http.request("POST", "ReactivateEntityKey", {
      json: { EntityLogicalName: table, EntityKeyLogicalName: keyLogicalName },
    });
  }

  async listRuntimeConfigs(): Promise<RuntimeConfigRow[]> {
    const rows = await this.http.getAllPages<unknown>(RUNTIME_CONFIGS);
    return rows.map((row) => {
      const unsecure = parseUnsecure(property(row, "msdyn_unsecure"));
      return {
        id: text(property(row, "msdyn_dualwriteruntimeconfigid")),
        name: text(property(row, "msdyn_name")),
        source: text(property(unsecure, "SourceEntityName")),
        destination: text(property(unsecure, "DestinationEntityName")),
      };
    });
  }

  /** Deletes in `$batch` requests; a row already gone counts as deleted. Returns how many went. */
  async deleteRuntimeConfigs(ids: readonly string[]): Promise<number> {
    if (ids.length === 0) return 0;
    const results = await this.http.batch(
      ids.map((id) => ({ method: "DELETE" as const, url: `msdyn_dualwriteruntimeconfigs(${id})` })),
      { continueOnError: true },
    );
    const failed = results.filter((result) => result.status >= 300 && result.status !== 404);
    if (failed.length > 0) {
      const first = failed[0];
      const message = text(property(property(first?.body, "error"), "message"));
      throw new GatewayRefusedError(
        `${failed.length} of ${ids.length} runtime configuration rows could not be deleted (first: ${first?.status ?? "?"} ${message})`,
        "check that the account has delete rights on msdyn_dualwriteruntimeconfig and run the step again",
        undefined,
      );
    }
    return results.filter((result) => result.status < 300).length;
  }

  /** Whether a table holds any row: one row read, not a count (counts are capped and slow on large tables). */
  async hasRows(entitySet: string): Promise<boolean> {
    const body = await this.http.getJson<unknown>(`${encodeURIComponent(entitySet)}?$top=1`);
    const value = property(body, "value");
    return Array.isArray(value) && value.length > 0;
  }

  async listCompanyCodes(): Promise<string[]> {
    const rows = await this.http.getAllPages<unknown>(COMPANIES);
    return rows.map((row) => text(property(row, "cdm_companycode"))).filter((code) => code !== "");
  }
}

function toMapRow(row: unknown): MapRow {
  const state = property(row, "statecode");
  return {
    id: text(property(row, "msdyn_dualwriteentitymapid")),
    etag: etagOf(row),
    name: text(property(row, "msdyn_name")),
    mapping: property(row, "msdyn_mapping"),
    properties: property(row, "msdyn_properties"),
    version: text(property(row, "msdyn_version")),
    statecode: typeof state === "number" ? state : undefined,
  };
}

async function refusingWhileRunning(request: Promise<unknown>): Promise<void> {
  try {
    await request;
  } catch (error) {
    if (isHttpStatus(error, 400, MAP_RUNNING)) {
      throw new GatewayRefusedError(serverMessage(error), "stop the map first, then save or delete it", error.requestId);
    }
    throw error;
  }
}

function idFromEntityUrl(url: string | null): string {
  const match = /\(([0-9a-f-]{36})\)\s*$/i.exec(url ?? "");
  return match?.[1] ?? "";
}

const STATUS_NAMES: Record<string, AlternateKeyStatus> = {
  pending: "pending",
  "0": "pending",
  inprogress: "inProgress",
  "1": "inProgress",
  active: "active",
  "2": "active",
  failed: "failed",
  "3": "failed",
};

function keyStatus(value: unknown): AlternateKeyStatus {
  return STATUS_NAMES[text(value).toLowerCase()] ?? "pending";
}

function labelText(label: unknown): string {
  if (typeof label === "string") return label;
  const user = property(property(label, "UserLocalizedLabel"), "Label");
  if (typeof user === "string") return user;
  const localized = property(label, "LocalizedLabels");
  const first: unknown = Array.isArray(localized) ? localized[0] : undefined;
  return text(property(first, "Label"));
}

function arrayOfText(value: unknown): string[] {
  return Array.isArray(value) ? value.map((item) => text(item)) : [];
}

function parseUnsecure(value: unknown): unknown {
  if (typeof value !== "string") return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return undefined;
  }
}
