/**
 * Who may reach an environment, and what is installed in it, as `dwctl doctor` reads it: application
 * users with their security roles and the dual-write core solution in Dataverse; Microsoft Entra
 * applications and the users they act as in finance and operations. Seeded as a healthy estate
 * has them; tests break them with the helpers at the end.
 *
 * Sources (the same ones the client's src/doctor/facts.ts cites; the sandbox is written from them,
 * not from the client):
 * - Dataverse application users 00000015-0000-0000-c000-000000000000 and
 *   2e49aa60-1bd3-43b6-8ab6-03ada3d9f08b, with the Dual-Write App User and Dual-Write Runtime User
 *   roles (DW/requirements-and-prerequisites.md rev. 02/23/2024; DW/security-roles.md; DOMAIN.md §3).
 * - Finance and operations Microsoft Entra applications 6f7d0213-62b1-43a8-b7f4-ff2bb8b7b452 and
 *   2e49aa60-…, each acting as an enabled user (same page).
 * - The core solution msdyn_DualWriteCore, "Dual Write Core" (DOMAIN.md §6). Its version here is
 *   the sandbox's own; 1.0.16.0 is a version the same page names.
 * - Row shapes: Dataverse `systemuser` (applicationid, isdisabled, fullname), `role` (name), the
 *   `systemuserroles` intersect table and `solution` (docs power-apps reference/entities/*.md);
 *   finance and operations `SysAADClients` (AadClientId, Name, UserId) and `SystemUsers` (UserID,
 *   UserName, Enabled) as the community module d365bap.tools reads them [inferred].
 */
import { randomUUID } from "node:crypto";
import type Database from "better-sqlite3";
import { deleteRow, listRows, putRow } from "./rows.js";
import { sql, writeMeta } from "./sql.js";

export const USER_SET = "systemusers";
export const ROLE_SET = "roles";
/** The intersect table of the systemuserroles_association relationship. */
export const USER_ROLE_SET = "systemuserrolescollection";
export const AAD_CLIENT_SET = "SysAADClients";
export const FINOPS_USER_SET = "SystemUsers";

const APP_USER = "Dual-Write App User";
const RUNTIME_USER = "Dual-Write Runtime User";
const ROLES = ["System Administrator", APP_USER, RUNTIME_USER];

const APPLICATION_USERS = [
  { applicationid: "00000015-0000-0000-c000-000000000000", fullname: "# Dynamics 365 Finance and Operations" },
  { applicationid: "2e49aa60-1bd3-43b6-8ab6-03ada3d9f08b", fullname: "# Dynamics Data Integration" },
];

const FINOPS_ADMIN = "Admin";
const ENTRA_APPLICATIONS = [
  { AadClientId: "6f7d0213-62b1-43a8-b7f4-ff2bb8b7b452", Name: "Dual-write" },
  { AadClientId: "2e49aa60-1bd3-43b6-8ab6-03ada3d9f08b", Name: "Dynamics Data Integration" },
];

export const CORE_SOLUTION = "msdyn_DualWriteCore";
const CORE_SOLUTION_VERSION = "1.0.16.0";

/** Marks a database whose access rows were seeded, so an older database gets them once. */
const META_KEY = "accessSeeded";

function seeded(db: Database.Database): boolean {
  return sql(db, "SELECT 1 FROM meta WHERE key = ?").get(META_KEY) !== undefined;
}

/** Roles, the dual-write application users holding their roles, and the core solution. */
export function seedDataverseAccess(db: Database.Database, now: number): void {
  if (seeded(db)) return;
  const stamp = new Date(now).toISOString();
  const roleIds = new Map<string, string>();
  for (const name of ROLES) {
    const roleid = randomUUID();
    roleIds.set(name, roleid);
    putRow(db, ROLE_SET, roleid, { roleid, name, createdon: stamp, modifiedon: stamp });
  }
  for (const user of APPLICATION_USERS) {
    const systemuserid = randomUUID();
    putRow(db, USER_SET, systemuserid, { systemuserid, ...user, isdisabled: false, createdon: stamp, modifiedon: stamp });
    for (const role of [APP_USER, RUNTIME_USER]) {
      const roleid = roleIds.get(role) ?? "";
      const systemuserroleid = randomUUID();
      putRow(db, USER_ROLE_SET, systemuserroleid, { systemuserroleid, systemuserid, roleid });
    }
  }
  const microsoft = listRows(db, "publishers").find((row) => String(row.data["uniquename"] ?? "") === "microsoft");
  const solutionid = randomUUID();
  putRow(db, "solutions", solutionid, {
    solutionid,
    uniquename: CORE_SOLUTION,
    friendlyname: "Dual Write Core",
    version: CORE_SOLUTION_VERSION,
    ismanaged: true,
    ...(microsoft === undefined ? {} : { _publisherid_value: microsoft.id }),
    createdon: stamp,
    modifiedon: stamp,
    statecode: 0,
  });
  writeMeta(db, META_KEY, "1");
}

/** The F&O administrator user and the two Microsoft Entra applications acting as it. */
export function seedFinOpsAccess(db: Database.Database): void {
  if (seeded(db)) return;
  putRow(db, FINOPS_USER_SET, randomUUID(), { UserID: FINOPS_ADMIN, UserName: "Admin", Enabled: "Yes" });
  for (const application of ENTRA_APPLICATIONS) putRow(db, AAD_CLIENT_SET, randomUUID(), { ...application, UserId: FINOPS_ADMIN });
  writeMeta(db, META_KEY, "1");
}

/** A database from an older dwctl gets the access rows once, in one transaction. */
export function upgradeAccess(db: Database.Database, side: "finops" | "dataverse", now: number): void {
  if (seeded(db)) return;
  db.transaction(() => (side === "dataverse" ? seedDataverseAccess(db, now) : seedFinOpsAccess(db)))();
}

/** The roles assigned directly to a system user: what `$expand=systemuserroles_association` answers. */
export function rolesOf(db: Database.Database, systemUserId: string): { roleid: string; name: string }[] {
  const roles = new Map(listRows(db, ROLE_SET).map((row) => [row.id, String(row.data["name"] ?? "")]));
  return listRows(db, USER_ROLE_SET)
    .filter((row) => String(row.data["systemuserid"] ?? "").toLowerCase() === systemUserId.toLowerCase())
    .flatMap((row) => {
      const roleid = String(row.data["roleid"] ?? "");
      const name = roles.get(roleid);
      return name === undefined ? [] : [{ roleid, name }];
    });
}

// Breaking a healthy estate, for tests (the sandbox must be stopped, or these run inside a request).

/** Takes a security role away from the application user of an application id; returns how many assignments went. */
export function removeRole(db: Database.Database, applicationId: string, roleName: string): number {
  const users = listRows(db, USER_SET).filter((row) => String(row.data["applicationid"] ?? "").toLowerCase() === applicationId.toLowerCase());
  const roles = listRows(db, ROLE_SET).filter((row) => String(row.data["name"] ?? "").toLowerCase() === roleName.toLowerCase());
  let removed = 0;
  for (const link of listRows(db, USER_ROLE_SET)) {
    const user = String(link.data["systemuserid"] ?? "");
    const role = String(link.data["roleid"] ?? "");
    if (users.some((row) => row.id === user) && roles.some((row) => row.id === role) && deleteRow(db, USER_ROLE_SET, link.id)) removed++;
  }
  return removed;
}

/** Uninstalls a solution by unique name; returns whether it was there. */
export function removeSolution(db: Database.Database, uniqueName: string): boolean {
  const solution = listRows(db, "solutions").find((row) => String(row.data["uniquename"] ?? "").toLowerCase() === uniqueName.toLowerCase());
  return solution !== undefined && deleteRow(db, "solutions", solution.id);
}

/** Removes a Microsoft Entra application from finance and operations; returns whether it was there. */
export function removeEntraApplication(db: Database.Database, clientId: string): boolean {
  const row = listRows(db, AAD_CLIENT_SET).find((candidate) => String(candidate.data["AadClientId"] ?? "").toLowerCase() === clientId.toLowerCase());
  return row !== undefined && deleteRow(db, AAD_CLIENT_SET, row.id);
}
