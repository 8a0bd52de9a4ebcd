import type { HttpClient } from "../http/index.js";
import { odataString, property, text } from "../dataverse/odata.js";

/**
 * The finance and operations OData calls of docs/live-api.md. Base URL: the environment's root
 * (`<finops url>/`), so that both `data/` and `metadata/` resolve against it.
 */

const PROJECT_CONFIGURATIONS =
  "data/DualWriteProjectConfigurations?cross-company=true&$select=ProjectName,ExternalEntityName,InternalEntityName,ExternalEnvironmentUrl,Status,PartitionMap,IntegrationKey";

export interface ProjectConfiguration {
  projectName: string;
  externalEntityName: string;
  internalEntityName: string;
  externalEnvironmentUrl: string;
  status: string;
  partitionMap: string;
  integrationKey: string;
}

export interface PublicEntity {
  name: string;
  entitySetName: string;
  properties: { name: string; dataType: string; isKey: boolean; isMandatory: boolean }[];
}

export interface PublicEnumeration {
  name: string;
  members: { name: string; value: number }[];
}

export class FinOpsClient {
  constructor(readonly http: HttpClient) {}

  async listProjectConfigurations(): Promise<ProjectConfiguration[]> {
    const rows = await this.http.getAllPages<unknown>(PROJECT_CONFIGURATIONS);
    return rows.map((row) => ({
      projectName: text(property(row, "ProjectName")),
      externalEntityName: text(property(row, "ExternalEntityName")),
      internalEntityName: text(property(row, "InternalEntityName")),
      externalEnvironmentUrl: text(property(row, "ExternalEnvironmentUrl")),
      status: text(property(row, "Status")),
      partitionMap: text(property(row, "PartitionMap")),
      integrationKey: text(property(row, "IntegrationKey")),
    }));
  }

  async deleteProjectConfiguration(row: Pick<ProjectConfiguration, "projectName" | "externalEntityName" | "internalEntityName">): Promise<void> {
    const key = [
      `ProjectName=${odataString(row.projectName)}`,
      `ExternalEntityName=${odataString(row.externalEntityName)}`,
      `InternalEntityName=${odataString(row.internalEntityName)}`,
    ].join(",");
    await this.http.request("DELETE", `data/DualWriteProjectConfigurations(${key})`);
  }

  /** Whether an entity holds any row in any legal entity: one row read. */
  async hasRows(entitySet: string): Promise<boolean> {
    const body = await this.http.getJson<unknown>(`data/${encodeURIComponent(entitySet)}?cross-company=true&$top=1`);
    const value = property(body, "value");
    return Array.isArray(value) && value.length > 0;
  }

  async publicEntity(name: string): Promise<PublicEntity> {
    const body = await this.http.getJson<unknown>(`metadata/PublicEntities(${odataString(name)})`);
    const properties = property(body, "Properties");
    return {
      name: text(property(body, "Name")),
      entitySetName: text(property(body, "EntitySetName")),
      properties: (Array.isArray(properties) ? properties : []).map((field: unknown) => ({
        name: text(property(field, "Name")),
        dataType: text(property(field, "DataType")),
        isKey: property(field, "IsKey") === true,
        isMandatory: property(field, "IsMandatory") === true,
      })),
    };
  }

  async publicEnumeration(name: string): Promise<PublicEnumeration> {
    const body = await this.http.getJson<unknown>(`metadata/PublicEnumerations(${odataString(name)})`);
    const members = property(body, "Members");
    return {
      name: text(property(body, "Name")),
      members: (Array.isArray(members) ? members : []).map((member: unknown) => ({
        name: text(property(member, "Name")),
        value: Number(property(member, "Value")),
      })),
    };
  }
}
