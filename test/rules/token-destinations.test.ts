import { describe, expect, it } from "vitest";
import { estateWith, validate } from "../helpers/estate.js";
import { clientId, expectDiagnostics, tenantId, withEnvironments } from "./rule-helpers.js";

const gateway = "https://projectmanagementservice.weu.gateway.prod.island.powerapps.com";

/**
 * One real pair. Lines: 4 F&O URL (value at column 34), 5 Dataverse URL (23), 6 dual-write URL (23),
 * 8 auth; `extra` lines follow from line 9.
 */
function pair(options: { fo?: string; dv?: string; dw?: string; auth?: string; extra?: string } = {}): Record<string, string> {
  return withEnvironments(`kind: Environments
pairs:
  - name: prod
    financeAndOperations: { url: "${options.fo ?? "https://contoso.operations.dynamics.com"}" }
    dataverse: { url: "${options.dv ?? "https://contoso.crm.dynamics.com"}" }
    dualWrite: { url: "${options.dw ?? gateway}" }
    legalEntities: [USMF]
    auth: ${options.auth ?? `{ method: github-oidc, tenantId: ${tenantId}, clientId: ${clientId} }`}
${options.extra ?? ""}`);
}

describe("DW176 tokens go only to their service's hosts", () => {
  it("reports a dual-write URL on an unlisted host, at the URL, naming the service and the allow list", () => {
    const [d] = expectDiagnostics(pair({ dw: "https://collector.attacker.example" }), ["maps/environments.yaml:6:23 DW176"]);
    expect(d).toMatchObject({ code: "DW176", severity: "error", file: "maps/environments.yaml", line: 6, column: 23 });
    expect(d?.message).toBe("the dual-write management service token would be sent to collector.attacker.example, which is not a host of that service");
    expect(d?.hint).toContain("*.gateway.prod.island.powerapps.com");
    expect(d?.hint).toContain("allowedHosts.dualWrite");
    expect(d?.hint).toContain("CODEOWNERS");
  });

  it.each([
    ["a Dataverse host that only starts like one", { dv: "https://contoso.crm.dynamics.com.attacker.example" }, "maps/environments.yaml:5:23 DW176"],
    ["a finance and operations host that only starts like one", { fo: "https://contoso.operations.dynamics.com.attacker.example" }, "maps/environments.yaml:4:34 DW176"],
    ["a finance and operations URL on a Dataverse host", { fo: "https://contoso.crm.dynamics.com" }, "maps/environments.yaml:4:34 DW176"],
    ["a Dataverse URL on a finance and operations host", { dv: "https://contoso.operations.dynamics.com" }, "maps/environments.yaml:5:23 DW176"],
    ["a dual-write URL on a Dataverse host", { dw: "https://contoso.crm.dynamics.com" }, "maps/environments.yaml:6:23 DW176"],
  ])("reports %s", (_label, urls, expected) => {
    expectDiagnostics(pair(urls), [expected]);
  });

  it.each([
    ["GCC", { dv: "https://contoso.crm9.dynamics.com" }],
    ["a regional Dataverse", { dv: "https://contoso.crm4.dynamics.com" }],
    ["GCC High", { dv: "https://contoso.crm.microsoftdynamics.us" }],
    ["DoD", { dv: "https://contoso.crm.appsplatform.us" }],
    ["China", { dv: "https://contoso.crm.dynamics.cn" }],
    ["an F&O sandbox", { fo: "https://contoso-uat.sandbox.operations.dynamics.com" }],
    ["a cloud-hosted F&O box", { fo: "https://contosodevaos.cloudax.dynamics.com" }],
    ["a Dataverse host in upper case with a trailing dot", { dv: "https://CONTOSO.crm.dynamics.com." }],
  ])("passes %s", (_label, urls) => {
    expect(validate(pair(urls))).toEqual([]);
  });

  it("passes a host the pair lists in allowedHosts for that service, exactly or by *.suffix", () => {
    const extra = `    allowedHosts:\n      dualWrite: ["dw.contoso.example"]\n      financeAndOperations: ["*.operations.contoso-gov.example"]\n`;
    expect(validate(pair({ dw: "https://DW.contoso.example", fo: "https://prod.operations.contoso-gov.example", extra }))).toEqual([]);
  });

  it("does not let a host listed for one service receive another service's token", () => {
    const extra = `    allowedHosts:\n      dualWrite: ["dw.contoso.example"]\n`;
    expectDiagnostics(pair({ dv: "https://dw.contoso.example", extra }), ["maps/environments.yaml:5:23 DW176"]);
  });

  it("refuses an allow-list entry that is not a host pattern (schema)", () => {
    const extra = `    allowedHosts:\n      dualWrite: ["*"]\n`;
    expectDiagnostics(pair({ extra }), ["maps/environments.yaml:10:19 DW006"]);
  });

  it("leaves sandbox pairs to DW172 (the base estate)", () => {
    expect(validate(estateWith({}))).toEqual([]);
  });
});

describe("DW176 secrets come only from DWCTL_* variables", () => {
  it("reports a management token variable outside DWCTL_*, at the setting", () => {
    const auth = `{ method: device-code, tenantId: ${tenantId}, clientId: ${clientId}, managementTokenVariable: GITHUB_TOKEN }`;
    const [d] = expectDiagnostics(pair({ auth }), ["maps/environments.yaml:8:155 DW176"]);
    expect(d?.message).toBe("auth.managementTokenVariable names GITHUB_TOKEN, which is not a DWCTL_* variable");
    expect(d?.hint).toContain("DWCTL_GITHUB_TOKEN");
    expect(d?.hint).toContain("allowedSecretVariables");
  });

  it("reports a client secret variable outside DWCTL_*", () => {
    const auth = `{ method: client-secret, tenantId: ${tenantId}, clientId: ${clientId}, clientSecretVariable: AZURE_CLIENT_SECRET }`;
    const [d] = expectDiagnostics(pair({ auth }), ["maps/environments.yaml:8:154 DW176"]);
    expect(d?.message).toBe("auth.clientSecretVariable names AZURE_CLIENT_SECRET, which is not a DWCTL_* variable");
  });

  it("passes DWCTL_* variables, and a variable the pair lists in allowedSecretVariables", () => {
    expect(validate(pair({ auth: `{ method: client-secret, tenantId: ${tenantId}, clientId: ${clientId}, clientSecretVariable: DWCTL_CLIENT_SECRET }` }))).toEqual([]);
    const auth = `{ method: client-secret, tenantId: ${tenantId}, clientId: ${clientId}, clientSecretVariable: AZURE_CLIENT_SECRET }`;
    expect(validate(pair({ auth, extra: "    allowedSecretVariables: [AZURE_CLIENT_SECRET]\n" }))).toEqual([]);
  });
});
