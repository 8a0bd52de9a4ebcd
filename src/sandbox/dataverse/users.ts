import type { SandboxContext } from "../context.js";
import { json } from "../api/respond.js";
import type { ApiRequest, ApiResponse } from "../api/types.js";
import { ApiError } from "../api/types.js";
import { applySelect, compileFilter, expandList, pageOf, selectList } from "../odata/query.js";
import { USER_SET, rolesOf } from "../store/access.js";
import { etagOf, listRows } from "../store/rows.js";
import type { EnvironmentHandles } from "../store/store.js";

const ROLES = "systemuserroles_association";

/**
 * `GET systemusers` with `$expand=systemuserroles_association($select=…)`: the users with the security
 * roles assigned to them directly, through the N:N relationship of systemuser and role (docs power-apps
 * reference/entities/systemuser.md). Other requests on systemusers go to the generic rows.
 */
export function listSystemUsers(_context: SandboxContext, environment: EnvironmentHandles, request: ApiRequest, base: string): ApiResponse {
  const query = request.url.searchParams;
  const expand = expandList(query);
  for (const name of expand.keys()) {
    if (name !== ROLES) throw new ApiError(400, "0x80060888", `Could not find a property named '${name}' on type 'Microsoft.Dynamics.CRM.systemuser'.`);
  }
  const db = environment.dataverse;
  const filter = compileFilter(query);
  const select = selectList(query);
  const rows = listRows(db, USER_SET).filter((row) => filter(row.data));
  const page = pageOf(rows, request);
  const value = page.items.map((row) => {
    const rendered = applySelect({ "@odata.etag": etagOf(row.version), ...row.data }, select, ["systemuserid"]);
    if (!expand.has(ROLES)) return rendered;
    const roleSelect = expand.get(ROLES);
    return { ...rendered, [ROLES]: rolesOf(db, row.id).map((role) => applySelect({ ...role }, roleSelect, ["roleid"])) };
  });
  const body: Record<string, unknown> = { "@odata.context": `${base}$metadata#${USER_SET}`, value };
  if (page.nextLink !== undefined) body["@odata.nextLink"] = page.nextLink;
  return json(200, body, page.headers);
}
