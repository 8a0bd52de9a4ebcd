import type { ApplicationUser, EntraApplication, FinOpsUser } from "../live/probe/probe.js";
import { fail, pass, warn, type DoctorCheck } from "./check.js";
import { APP_USER_ROLE, DATAVERSE_APPLICATIONS, FINOPS_APPLICATIONS, RUNTIME_USER_ROLE, SYSTEM_ADMINISTRATOR_ROLE, type DualWriteApplication } from "./facts.js";

export const DATAVERSE_USERS = { id: "users.dataverse", title: "Dataverse application users of dual-write hold their roles" };
export const FINOPS_USERS = { id: "users.finops", title: "Finance and operations lists the dual-write Microsoft Entra applications" };

const named = (app: DualWriteApplication): string => `${app.name} (${app.id})`;
const has = (roles: readonly string[], role: string): boolean => roles.some((held) => held.toLowerCase() === role.toLowerCase());

/** The roles an application user lacks: the app user role always, the runtime user role unless it is an administrator. */
export function missingRoles(roles: readonly string[]): string[] {
  const missing: string[] = [];
  if (!has(roles, APP_USER_ROLE)) missing.push(APP_USER_ROLE);
  if (!has(roles, RUNTIME_USER_ROLE) && !has(roles, SYSTEM_ADMINISTRATOR_ROLE)) missing.push(RUNTIME_USER_ROLE);
  return missing;
}

/**
 * The application users dual-write needs in Dataverse, enabled, each with Dual-Write App User and
 * Dual-Write Runtime User (or System Administrator) assigned directly (facts.ts). Roles held through
 * a team are not read.
 */
export function assessDataverseUsers(users: readonly ApplicationUser[]): DoctorCheck {
  const { id, title } = DATAVERSE_USERS;
  const failures: string[] = [];
  const fixes: string[] = [];
  const warnings: string[] = [];
  const fine: string[] = [];
  for (const app of DATAVERSE_APPLICATIONS) {
    const found = users.filter((user) => user.applicationId.toLowerCase() === app.id);
    const user = found.find((candidate) => !candidate.disabled) ?? found[0];
    if (user === undefined) {
      const text = `no application user for ${named(app)}`;
      const fix = `create an application user for application id ${app.id} (Power Platform admin center > the environment > Settings > Users + permissions > Application users > New app user) with the security roles ${APP_USER_ROLE} and ${RUNTIME_USER_ROLE}`;
      if (app.required) {
        failures.push(text);
        fixes.push(fix);
      } else {
        warnings.push(`${text}: ${app.note ?? "optional"}`);
      }
      continue;
    }
    if (user.disabled) {
      failures.push(`the application user of ${named(app)} is disabled`);
      fixes.push(`activate the application user ${user.fullName || app.id} (Application users > Activate)`);
    }
    const missing = missingRoles(user.roles);
    if (missing.length > 0) {
      failures.push(`${named(app)} lacks the role${missing.length === 1 ? "" : "s"} ${missing.join(" and ")}${user.roles.length === 0 ? " (it holds none)" : ` (it holds ${user.roles.join(", ")})`}`);
      fixes.push(`give the application user of ${app.id} the security role${missing.length === 1 ? "" : "s"} ${missing.join(" and ")} (Application users > the user > Edit security roles)`);
    } else if (!user.disabled) {
      fine.push(`${named(app)}: ${user.roles.join(", ")}`);
    }
  }
  const source = "(DW/requirements-and-prerequisites.md, DW/security-roles.md)";
  if (failures.length > 0) return fail(id, title, failures.join("; "), `${fixes.join("; ")} ${source}`);
  if (warnings.length > 0) {
    return warn(id, title, [...fine, ...warnings].join("; "), `if the environment is Microsoft-managed, create the missing application user with the roles ${APP_USER_ROLE} and ${RUNTIME_USER_ROLE} ${source}`);
  }
  return pass(id, title, fine.join("; "));
}

/**
 * The Microsoft Entra applications finance and operations needs for dual-write, each acting as a user
 * that exists and is enabled (facts.ts). Which security role that user needs is not documented, so
 * roles are not judged.
 */
export function assessFinOpsApplications(applications: readonly EntraApplication[], users: readonly FinOpsUser[]): DoctorCheck {
  const { id, title } = FINOPS_USERS;
  const failures: string[] = [];
  const fixes: string[] = [];
  const fine: string[] = [];
  const userOf = (userId: string): FinOpsUser | undefined => users.find((user) => user.userId.toLowerCase() === userId.toLowerCase());
  for (const app of FINOPS_APPLICATIONS) {
    const row = applications.find((candidate) => candidate.clientId.toLowerCase() === app.id);
    const setUp = `System administration > Setup > Microsoft Entra applications: add client id ${app.id} with an enabled user that has the privileges dual-write needs`;
    if (row === undefined) {
      failures.push(`${named(app)} is not listed under Microsoft Entra applications`);
      fixes.push(setUp);
      continue;
    }
    if (row.userId === "") {
      failures.push(`${named(app)} acts as no user`);
      fixes.push(setUp);
      continue;
    }
    const user = userOf(row.userId);
    if (user === undefined) {
      failures.push(`${named(app)} acts as user ${row.userId}, which does not exist`);
      fixes.push(`create or pick an existing user for client id ${app.id} (Microsoft Entra applications)`);
      continue;
    }
    if (user.enabled === false) {
      failures.push(`${named(app)} acts as user ${row.userId}, which is disabled`);
      fixes.push(`enable user ${row.userId} (System administration > Users), or map client id ${app.id} to an enabled user`);
      continue;
    }
    fine.push(`${named(app)} as user ${row.userId}${user.enabled === undefined ? " (whether it is enabled was not answered)" : ""}`);
  }
  const source = "(DW/requirements-and-prerequisites.md)";
  if (failures.length > 0) return fail(id, title, failures.join("; "), `${fixes.join("; ")} ${source}`);
  return pass(id, title, `${fine.join("; ")}; the F&O security roles these users need are not documented, so roles are not checked`);
}
