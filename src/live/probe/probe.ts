/**
 * Read-only calls for `dwctl doctor`, beside the EnvironmentGateway port rather than in it: nothing
 * here writes, and nothing the reconciler does needs them. Built on the gateway's own clients, so
 * they go through the same HTTP layer (token per service, retries, redaction) and name the same
 * service when a token is refused.
 *
 * Calls and their sources (docs/live-api.md, "dwctl doctor"):
 * - Dataverse `WhoAmI` [doc] (already the gateway's identity read).
 * - Dataverse `systemusers?$select=systemuserid,fullname,applicationid,isdisabled&$filter=applicationid eq <id> or …
 *   &$expand=systemuserroles_association($select=name,roleid)` [doc]: the systemuser table's
 *   `applicationid` and `isdisabled` columns and its N:N relationship `systemuserroles_association`
 *   with role (docs power-apps reference/entities/systemuser.md). The same query is what the
 *   community module d365bap.tools sends (d365collaborative/d365bap.tools
 *   functions/Get-PpacApplicationUser.ps1).
 * - Dataverse `solutions?$select=uniquename,friendlyname,version,ismanaged` [doc] (docs power-apps
 *   reference/entities/solution.md): every solution, compared without case here.
 * - Finance and operations `data/` [doc]: the OData service root (service document).
 * - Finance and operations `data/SysAADClients?$select=AadClientId,Name,UserId` and
 *   `data/SystemUsers?$select=UserID,UserName,Enabled&$filter=UserID eq '…'` [inferred]: the public
 *   entities behind "Microsoft Entra applications" (table SysAADClientTable) and users. Microsoft
 *   documents the form, not these entities; their names and fields are those d365bap.tools reads
 *   (functions/Get-FscmEntraApplication.ps1, Get-FscmUser.ps1, Get-FscmSecurityRoleMember.ps1).
 * - Finance and operations `data/LegalEntities?cross-company=true&$select=LegalEntityId` [doc]: the
 *   entity of Microsoft's Legal entities map (DW/includes/mapping-tables.md, field LEGALENTITYID).
 * - The dual-write service's `Environments?targetType=AX&identifier=<F&O host>` [inferred]
 *   (platform/dualwrite-service.md §5.1), the first call of every run.
 */
import type { Snapshot } from "../../model/snapshot.js";
import { odataString, property, text } from "../dataverse/odata.js";
import type { HttpEnvironmentGateway } from "../gateway/index.js";

export interface ApplicationUser {
  systemUserId: string;
  applicationId: string;
  fullName: string;
  disabled: boolean;
  /** Names of the security roles assigned to the user directly. */
  roles: string[];
}

export interface InstalledSolution {
  uniqueName: string;
  friendlyName: string;
  version: string;
  managed: boolean;
}

export interface EntraApplication {
  clientId: string;
  name: string;
  /** The finance and operations user the application acts as. */
  userId: string;
}

export interface FinOpsUser {
  userId: string;
  name: string;
  /** undefined when the answer does not say. */
  enabled: boolean | undefined;
}

/** What doctor reads from a pair, all of it GET. */
export interface EnvironmentProbe {
  readonly pair: string;
  whoAmI(): Promise<{ organizationId: string; userId: string }>;
  /** The number of entity sets the finance and operations OData service root lists. */
  finOpsServiceRoot(): Promise<number>;
  /** The dual-write connection the service finds for the pair's finance and operations host; undefined: not linked. */
  dualWriteConnection(): Promise<{ cid: string; connectionSet: string } | undefined>;
  applicationUsers(applicationIds: readonly string[]): Promise<ApplicationUser[]>;
  solutions(): Promise<InstalledSolution[]>;
  entraApplications(): Promise<EntraApplication[]>;
  finOpsUsers(userIds: readonly string[]): Promise<FinOpsUser[]>;
  finOpsLegalEntities(): Promise<string[]>;
  /** The gateway's snapshot: link, runtime configuration, companies, last-applied record. */
  snapshot(): Promise<Snapshot>;
}

const APPLICATION_USERS = "systemusers?$select=systemuserid,fullname,applicationid,isdisabled";
const ROLES = "$expand=systemuserroles_association($select=name,roleid)";
const SOLUTIONS = "solutions?$select=uniquename,friendlyname,version,ismanaged";

/** The probe of a pair over its HTTP gateway; `financeAndOperationsHost` is the bare host the service knows it by (§3). */
export function probeFor(gateway: HttpEnvironmentGateway, financeAndOperationsHost: string): EnvironmentProbe {
  const dataverse = gateway.dataverse.http;
  const finOps = gateway.finOps.http;
  return {
    pair: gateway.pair,
    async whoAmI() {
      const who = await gateway.dataverse.whoAmI();
      return { organizationId: who.organizationId, userId: who.userId };
    },
    async finOpsServiceRoot() {
      const value = property(await finOps.getJson<unknown>("data/"), "value");
      return Array.isArray(value) ? value.length : 0;
    },
    async dualWriteConnection() {
      const first = (await gateway.dualWrite.environments(financeAndOperationsHost))[0];
      return first === undefined ? undefined : { cid: first.cid, connectionSet: first.cname };
    },
    async applicationUsers(applicationIds) {
      if (applicationIds.length === 0) return [];
      const filter = applicationIds.map((id) => `applicationid eq ${id}`).join(" or ");
      const rows = await dataverse.getAllPages<unknown>(`${APPLICATION_USERS}&$filter=${filter}&${ROLES}`);
      return rows.map((row) => {
        const roles = property(row, "systemuserroles_association");
        return {
          systemUserId: text(property(row, "systemuserid")),
          applicationId: text(property(row, "applicationid")).toLowerCase(),
          fullName: text(property(row, "fullname")),
          disabled: property(row, "isdisabled") === true,
          roles: (Array.isArray(roles) ? roles : []).map((role: unknown) => text(property(role, "name"))).filter((name) => name !== ""),
        };
      });
    },
    async solutions() {
      const rows = await dataverse.getAllPages<unknown>(SOLUTIONS);
      return rows.map((row) => ({
        uniqueName: text(property(row, "uniquename")),
        friendlyName: text(property(row, "friendlyname")),
        version: text(property(row, "version")),
        managed: property(row, "ismanaged") === true,
      }));
    },
    async entraApplications() {
      const rows = await finOps.getAllPages<unknown>("data/SysAADClients?$select=AadClientId,Name,UserId");
      return rows.map((row) => ({
        clientId: text(property(row, "AadClientId")).toLowerCase(),
        name: text(property(row, "Name")),
        userId: text(property(row, "UserId")),
      }));
    },
    async finOpsUsers(userIds) {
      if (userIds.length === 0) return [];
      const filter = userIds.map((id) => `UserID eq ${odataString(id)}`).join(" or ");
      const rows = await finOps.getAllPages<unknown>(`data/SystemUsers?$select=UserID,UserName,Enabled&$filter=${filter}`);
      return rows.map((row) => ({ userId: text(property(row, "UserID")), name: text(property(row, "UserName")), enabled: flag(property(row, "Enabled")) }));
    },
    async finOpsLegalEntities() {
      const rows = await finOps.getAllPages<unknown>("data/LegalEntities?cross-company=true&$select=LegalEntityId");
      return rows.map((row) => text(property(row, "LegalEntityId"))).filter((code) => code !== "");
    },
    snapshot: () => gateway.snapshot(),
  };
}

/** F&O writes NoYes enums as "Yes"/"No" over OData; a boolean is read as it is. */
function flag(value: unknown): boolean | undefined {
  if (typeof value === "boolean") return value;
  if (typeof value === "string") {
    const lower = value.toLowerCase();
    if (lower === "yes" || lower === "true") return true;
    if (lower === "no" || lower === "false") return false;
  }
  return undefined;
}
