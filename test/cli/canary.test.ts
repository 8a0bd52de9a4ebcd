import { describe, expect, it } from "vitest";
import { runCli, tempTree } from "../helpers/cli.js";

const canary = "CANARY-SECRET-91ab7f";

const environments = `kind: Environments
pairs:
  - name: real
    financeAndOperations: { url: "https://127.0.0.1:9/finops" }
    dataverse: { url: "https://127.0.0.1:9/dataverse" }
    dualWrite: { url: "https://127.0.0.1:9/dw" }
    # A host outside Microsoft's service domains must be allowed explicitly (DW176); nothing listens there.
    allowedHosts: { financeAndOperations: ["127.0.0.1"], dataverse: ["127.0.0.1"], dualWrite: ["127.0.0.1"] }
    legalEntities: [USMF]
    auth: { method: client-secret, tenantId: 11111111-2222-3333-4444-555555555555, clientId: 66666666-7777-8888-9999-000000000000, clientSecretVariable: DWCTL_CLIENT_SECRET }
`;

describe("a canary client secret", () => {
  it("never appears in the output of a failing plan or apply, even with DWCTL_DEBUG stacks", async () => {
    const dir = await tempTree({ "maps/environments.yaml": environments });
    for (const args of [["plan", "--env", "real"], ["apply", "--env", "real", "--auto-approve"], ["lock", "status", "--env", "real"]]) {
      const result = await runCli(args, dir, { DWCTL_CLIENT_SECRET: canary, DWCTL_DEBUG: "1" });
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/^error: /m);
      expect(result.stderr).not.toContain("internal error");
      expect(`${result.stdout}${result.stderr}`).not.toContain(canary);
    }
  }, 120_000);

  it("a missing secret variable is named, not guessed", async () => {
    const dir = await tempTree({ "maps/environments.yaml": environments });
    const result = await runCli(["plan", "--env", "real"], dir, {});
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("environment variable DWCTL_CLIENT_SECRET is not set");
  });

  it("a secret pasted into YAML is refused before any environment is contacted, and not echoed", async () => {
    const dir = await tempTree({ "maps/environments.yaml": environments.replace("legalEntities: [USMF]", `legalEntities: [USMF]\n    description: "client_secret=${canary}"`) });
    const result = await runCli(["plan", "--env", "real"], dir, {});
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("DW180");
    expect(result.stderr).toContain("nothing was read from or written to any environment");
    expect(`${result.stdout}${result.stderr}`).not.toContain(canary);
  });
});
