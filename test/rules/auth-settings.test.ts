import { describe, expect, it } from "vitest";
import { estateWith, validate } from "../helpers/estate.js";
import { clientId, expectDiagnostics, prodPair, tenantId } from "./rule-helpers.js";

describe("DW175 auth settings are complete references", () => {
  it("reports a real pair with no auth, at its name", () => {
    const [d] = expectDiagnostics(prodPair(""), ["maps/environments.yaml:3:11 DW175"]);
    expect(d).toMatchObject({ code: "DW175", severity: "error", file: "maps/environments.yaml", line: 3, column: 11 });
    expect(d?.message).toBe('pair "prod" has no auth settings');
  });

  it("reports github-oidc without clientId, at auth", () => {
    const [d] = expectDiagnostics(prodPair(`    auth: { method: github-oidc, tenantId: ${tenantId} }\n`), ["maps/environments.yaml:7:11 DW175"]);
    expect(d?.message).toBe("auth method github-oidc needs clientId");
  });

  it("reports client-secret without the variable that holds the secret", () => {
    const [d] = expectDiagnostics(prodPair(`    auth: { method: client-secret, tenantId: ${tenantId}, clientId: ${clientId} }\n`), [
      "maps/environments.yaml:7:11 DW175",
    ]);
    expect(d?.message).toBe("auth method client-secret needs clientSecretVariable");
  });

  it("reports the sandbox method on a real pair, at the method", () => {
    const [d] = expectDiagnostics(prodPair("    auth: { method: sandbox }\n"), ["maps/environments.yaml:7:21 DW175"]);
    expect(d?.message).toBe("auth method sandbox is only for sandbox pairs");
  });

  it("passes complete github-oidc and client-secret settings", () => {
    expect(validate(prodPair(`    auth: { method: github-oidc, tenantId: ${tenantId}, clientId: ${clientId} }\n`))).toEqual([]);
    expect(
      validate(prodPair(`    auth: { method: client-secret, tenantId: ${tenantId}, clientId: ${clientId}, clientSecretVariable: DWCTL_CLIENT_SECRET }\n`)),
    ).toEqual([]);
  });

  it("passes a sandbox pair with no auth (stage in the base estate)", () => {
    expect(validate(estateWith({}))).toEqual([]);
  });
});
