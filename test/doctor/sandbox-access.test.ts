import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { AAD_CLIENT_SET, CORE_SOLUTION, ROLE_SET, USER_ROLE_SET, USER_SET, removeEntraApplication, removeRole, removeSolution, rolesOf, upgradeAccess } from "../../src/sandbox/store/access.js";
import { countRows, listRows } from "../../src/sandbox/store/rows.js";
import { DATAVERSE_SCHEMA, FINOPS_SCHEMA } from "../../src/sandbox/store/schema.js";
import { writeMeta } from "../../src/sandbox/store/sql.js";

function database(schema: string): Database.Database {
  const db = new Database(":memory:");
  db.exec(schema);
  writeMeta(db, "version", "0");
  return db;
}

describe("the sandbox's application users, roles and core solution", () => {
  it("gives a Dataverse seeded by an older dwctl its access rows once, and tests can take them away", () => {
    const db = database(DATAVERSE_SCHEMA);
    upgradeAccess(db, "dataverse", Date.now());
    upgradeAccess(db, "dataverse", Date.now());
    expect([countRows(db, ROLE_SET), countRows(db, USER_SET), countRows(db, USER_ROLE_SET), countRows(db, "solutions")]).toEqual([3, 2, 4, 1]);
    const integration = listRows(db, USER_SET).find((row) => row.data["applicationid"] === "2e49aa60-1bd3-43b6-8ab6-03ada3d9f08b");
    expect(rolesOf(db, integration?.id ?? "").map((role) => role.name).sort()).toEqual(["Dual-Write App User", "Dual-Write Runtime User"]);
    expect(removeRole(db, "2E49AA60-1BD3-43B6-8AB6-03ADA3D9F08B", "dual-write app user")).toBe(1);
    expect(rolesOf(db, integration?.id ?? "").map((role) => role.name)).toEqual(["Dual-Write Runtime User"]);
    expect(removeSolution(db, CORE_SOLUTION)).toBe(true);
    expect(removeSolution(db, CORE_SOLUTION)).toBe(false);
    db.close();
  });

  it("gives finance and operations the two Microsoft Entra applications, acting as an enabled Admin", () => {
    const db = database(FINOPS_SCHEMA);
    upgradeAccess(db, "finops", Date.now());
    upgradeAccess(db, "finops", Date.now());
    expect(listRows(db, AAD_CLIENT_SET).map((row) => [row.data["AadClientId"], row.data["UserId"]])).toEqual([
      ["6f7d0213-62b1-43a8-b7f4-ff2bb8b7b452", "Admin"],
      ["2e49aa60-1bd3-43b6-8ab6-03ada3d9f08b", "Admin"],
    ]);
    expect(listRows(db, "SystemUsers").map((row) => row.data)).toEqual([{ UserID: "Admin", UserName: "Admin", Enabled: "Yes" }]);
    expect(removeEntraApplication(db, "6f7d0213-62b1-43a8-b7f4-ff2bb8b7b452")).toBe(true);
    expect(countRows(db, AAD_CLIENT_SET)).toBe(1);
    db.close();
  });
});
