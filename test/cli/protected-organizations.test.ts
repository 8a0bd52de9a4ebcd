import { describe, expect, it } from "vitest";
import type { Io } from "../../src/cli/io.js";
import { organizationReader, protectedOrganizations } from "../../src/cli/context.js";
import type { Desired, EnvironmentPair } from "../../src/model/desired.js";

function pair(name: string, extra: Partial<EnvironmentPair>): EnvironmentPair {
  return {
    name,
    financeAndOperations: { url: `https://contoso-${name}.operations.dynamics.com` },
    dataverse: { url: `https://contoso-${name}.crm.dynamics.com` },
    dualWrite: { url: "https://projectmanagementservice.weu.gateway.prod.island.powerapps.com" },
    legalEntities: ["USMF"],
    file: "maps/environments.yaml",
    index: 0,
    ...extra,
  };
}

describe("reading the protected pairs' organizations before a plan", () => {
  it("never asks a person to sign in to a protected pair that uses device code, and says why it was not read", async () => {
    let stderr = "";
    const io: Io = { cwd: "/", env: {}, stdout: { write: () => true }, stderr: { write: (s: string) => (stderr += s) } };
    const prod = pair("prod", { protected: true, auth: { method: "device-code", tenantId: "11111111-2222-3333-4444-555555555555" } });
    const stage = pair("stage", {});
    const desired: Desired = { maps: [], keys: [], pairs: [prod, stage] };
    const found = await protectedOrganizations(desired, stage, io);
    expect(found.get("prod")).toBeInstanceOf(Error);
    await expect(organizationReader(found)(prod)).rejects.toThrow("prod signs in interactively (device code), so it is not read while planning stage");
    expect(stderr).toBe("");
  });

  it("reads nothing for a protected pair itself", async () => {
    const io: Io = { cwd: "/", env: {}, stdout: { write: () => true }, stderr: { write: () => true } };
    const prod = pair("prod", { protected: true });
    expect((await protectedOrganizations({ maps: [], keys: [], pairs: [prod, pair("stage", {})] }, prod, io)).size).toBe(0);
  });
});
