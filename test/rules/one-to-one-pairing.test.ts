import { describe, expect, it } from "vitest";
import { edit, validate } from "../helpers/estate.js";
import { clientId, dualWrite, expectDiagnostics, tenantId, withEnvironments } from "./rule-helpers.js";

function realPairs(prodDv: string, testDv: string): string {
  return `kind: Environments
pairs:
  - name: prod
    protected: true
    financeAndOperations: { url: "https://contoso.operations.dynamics.com" }
    dataverse: { url: "${prodDv}" }
    legalEntities: [USMF]
    auth: { method: github-oidc, tenantId: ${tenantId}, clientId: ${clientId} }
    ${dualWrite}
  - name: test
    financeAndOperations: { url: "https://contoso-test.sandbox.operations.dynamics.com" }
    dataverse: { url: "${testDv}" }
    legalEntities: [USMF]
    auth: { method: github-oidc, tenantId: ${tenantId}, clientId: ${clientId} }
    ${dualWrite}
`;
}

describe("DW171 each environment belongs to one pair", () => {
  it("reports two pairs sharing a Dataverse URL, at the second URL, naming the first pair", () => {
    const files = edit("maps/environments.yaml", 'dataverse: { url: "http://127.0.0.1/stage/dataverse" }', 'dataverse: { url: "http://127.0.0.1/prod/dataverse" }');
    const [d] = expectDiagnostics(files, ["maps/environments.yaml:14:23 DW171"]);
    expect(d).toMatchObject({ code: "DW171", severity: "error", file: "maps/environments.yaml", line: 14, column: 23 });
    expect(d?.message).toBe('Dataverse environment http://127.0.0.1/prod/dataverse is already paired in "prod"');
  });

  it("treats host case and a trailing slash as the same environment", () => {
    const files = withEnvironments(realPairs("https://contoso.crm.dynamics.com", "https://CONTOSO.crm.dynamics.com/"));
    const [d] = expectDiagnostics(files, ["maps/environments.yaml:12:23 DW171"]);
    expect(d?.message).toContain('already paired in "prod"');
  });

  it("reports a shared finance and operations URL", () => {
    const files = edit("maps/environments.yaml", 'financeAndOperations: { url: "http://stage.operations.localhost/stage/finops" }', 'financeAndOperations: { url: "http://prod.operations.localhost/prod/finops" }');
    const [d] = expectDiagnostics(files, ["maps/environments.yaml:13:34 DW171"]);
    expect(d?.message).toBe('finance and operations environment http://prod.operations.localhost/prod/finops is already paired in "prod"');
  });

  it("passes two real pairs with their own Dataverse environments", () => {
    const files = withEnvironments(realPairs("https://contoso.crm.dynamics.com", "https://contoso-test.crm.dynamics.com"));
    expect(validate(files)).toEqual([]);
  });

  it.each([
    ["a trailing dot", "https://contoso.crm.dynamics.com."],
    ["upper case", "https://CONTOSO.CRM.DYNAMICS.COM"],
    ["the default port", "https://contoso.crm.dynamics.com:443"],
    ["a path", "https://contoso.crm.dynamics.com/api/data/v9.2"],
  ])("treats a Dataverse URL with %s as the same environment", (_label, url) => {
    const [d] = expectDiagnostics(withEnvironments(realPairs("https://contoso.crm.dynamics.com", url)), ["maps/environments.yaml:12:23 DW171"]);
    expect(d?.message).toContain('already paired in "prod"');
    expect(d?.hint).toContain("own environment");
  });

  it("treats localhost and 127.0.0.1 as the same sandbox Dataverse", () => {
    const files = edit("maps/environments.yaml", 'dataverse: { url: "http://127.0.0.1/stage/dataverse" }', 'dataverse: { url: "http://localhost:8080/prod/dataverse/" }');
    expectDiagnostics(files, ["maps/environments.yaml:14:23 DW171"]);
  });

  it("treats a finance and operations host with a trailing dot, upper case or a port as the same environment", () => {
    const prodFo = 'financeAndOperations: { url: "https://contoso.operations.dynamics.com" }';
    for (const variant of ["https://contoso.operations.dynamics.com.", "https://Contoso.Operations.Dynamics.com:443/", "https://contoso.operations.dynamics.com:8443/other"]) {
      const text = realPairs("https://contoso.crm.dynamics.com", "https://contoso-test.crm.dynamics.com").replace(
        'financeAndOperations: { url: "https://contoso-test.sandbox.operations.dynamics.com" }',
        `financeAndOperations: { url: "${variant}" }`,
      );
      expect(text).toContain(prodFo);
      expectDiagnostics(withEnvironments(text), ["maps/environments.yaml:11:34 DW171"]);
    }
  });

  it("treats a sandbox finance and operations path as its environment even under another host", () => {
    const files = edit(
      "maps/environments.yaml",
      'financeAndOperations: { url: "http://stage.operations.localhost/stage/finops" }',
      'financeAndOperations: { url: "http://stage.operations.localhost/prod/finops" }',
    );
    const [d] = expectDiagnostics(files, ["maps/environments.yaml:13:34 DW171"]);
    expect(d?.message).toContain('already paired in "prod"');
  });
});
