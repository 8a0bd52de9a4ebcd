import { describe, expect, it } from "vitest";
import { estateWith, validate } from "../helpers/estate.js";
import { clientId, dualWrite, expectDiagnostics, tenantId, withEnvironments } from "./rule-helpers.js";

const auth = `auth: { method: github-oidc, tenantId: ${tenantId}, clientId: ${clientId} }`;

/** One real pair: line 4 is the F&O URL (value at column 34), line 5 the Dataverse URL (column 23). */
function onePair(fo: string, dv: string, service = dualWrite): Record<string, string> {
  return withEnvironments(`kind: Environments
pairs:
  - name: prod
    financeAndOperations: { url: "${fo}" }
    dataverse: { url: "${dv}" }
    legalEntities: [USMF]
    ${auth}
    ${service}
`);
}

const fo = "https://contoso.operations.dynamics.com";
const dv = "https://contoso.crm.dynamics.com";

describe("DW172 environments are reached over https", () => {
  it("reports http on a non-loopback host, at the URL", () => {
    const [d] = expectDiagnostics(onePair(fo, "http://contoso.crm.dynamics.com"), ["maps/environments.yaml:5:23 DW172"]);
    expect(d).toMatchObject({ code: "DW172", severity: "error", file: "maps/environments.yaml", line: 5, column: 23 });
    expect(d?.message).toBe("http is not allowed for a real environment");
    expect(d?.hint).toContain("https://");
  });

  it("reports http on loopback when the pair is not marked sandbox, hinting at sandbox: true", () => {
    const [d] = expectDiagnostics(onePair("http://127.0.0.1/prod/finops", dv), ["maps/environments.yaml:4:34 DW172"]);
    expect(d?.hint).toContain("sandbox: true");
  });

  it("reports an http dual-write service URL", () => {
    const files = onePair(fo, dv, 'dualWrite: { url: "http://projectmanagementservice.weu.gateway.prod.island.powerapps.com" }');
    expectDiagnostics(files, ["maps/environments.yaml:8:23 DW172"]);
  });

  it("reports a real pair without a dual-write service URL, at its name", () => {
    const [d] = expectDiagnostics(onePair(fo, dv, ""), ["maps/environments.yaml:3:11 DW172"]);
    expect(d?.message).toBe('pair "prod" has no dualWrite.url');
  });

  it("reports a sandbox pair that points at a real host", () => {
    const files = estateWith({
      "maps/environments.yaml": `kind: Environments
pairs:
  - name: stage
    sandbox: true
    financeAndOperations: { url: "http://127.0.0.1/stage/finops" }
    dataverse: { url: "https://contoso.crm.dynamics.com" }
    legalEntities: [USMF]
`,
    });
    const [d] = expectDiagnostics(files, ["maps/environments.yaml:6:23 DW172"]);
    expect(d?.message).toBe('sandbox pair "stage" points at contoso.crm.dynamics.com, which is not loopback');
  });

  it("reports credentials inside the URL without echoing them", () => {
    const [d] = expectDiagnostics(onePair(fo, "https://admin:Hunter2hunter@contoso.crm.dynamics.com"), ["maps/environments.yaml:5:23 DW172"]);
    expect(d?.message).toBe("URL must not carry a user name or password");
    expect(d?.message).not.toContain("Hunter2hunter");
  });

  it("passes https on every URL", () => {
    expect(validate(onePair(fo, dv))).toEqual([]);
  });

  it("passes http on loopback for a sandbox pair (the base estate)", () => {
    expect(validate(estateWith({}))).toEqual([]);
  });

  it("reports a file: URL on a real pair", () => {
    const [d] = expectDiagnostics(onePair(fo, "file:///etc/passwd"), ["maps/environments.yaml:5:23 DW172"]);
    expect(d?.message).toBe("file is not allowed for a real environment");
    expect(d?.hint).toContain("https://");
  });

  it.each([
    ["file:///tmp/stage/dataverse", "file"],
    ["ftp://127.0.0.1/stage/dataverse", "ftp"],
  ])("reports %s on a sandbox pair: the sandbox is reached over http on loopback", (url, scheme) => {
    const files = estateWith({
      "maps/environments.yaml": `kind: Environments
pairs:
  - name: stage
    sandbox: true
    financeAndOperations: { url: "http://stage.operations.localhost/stage/finops" }
    dataverse: { url: "${url}" }
    legalEntities: [USMF]
`,
    });
    const [d] = expectDiagnostics(files, ["maps/environments.yaml:6:23 DW172"]);
    expect(d?.message).toBe(`sandbox pair "stage" uses ${scheme}:, not http: or https:`);
    expect(d?.hint).toContain("http://127.0.0.1/");
  });
});
