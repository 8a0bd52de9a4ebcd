import { ClientAssertionCredential, ClientSecretCredential, DeviceCodeCredential } from "@azure/identity";
import { afterEach, describe, expect, it } from "vitest";
import type { TokenCredential } from "@azure/core-auth";
import { AuthConfigurationError, RedactingCredential, SandboxCredential, StaticTokenCredential, credentialsFor } from "../../src/live/auth/index.js";
import { redact } from "../../src/live/http/index.js";
import { sendJson, startServer } from "./http/test-server.js";
import type { TestServer } from "./http/test-server.js";

let server: TestServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

function inner(credential: TokenCredential): TokenCredential {
  return credential instanceof RedactingCredential ? credential.inner : credential;
}

const ids = { tenantId: "00000000-0000-0000-0000-000000000001", clientId: "00000000-0000-0000-0000-000000000002" };

describe("credentialsFor", () => {
  it("names the missing client secret variable, never a value", () => {
    const pair = { name: "prod", auth: { method: "client-secret" as const, ...ids, clientSecretVariable: "DWCTL_PROD_SECRET" } };
    const error = (() => {
      try {
        credentialsFor(pair, { OTHER: "CANARY-TOKEN-5b1e" });
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(AuthConfigurationError);
    expect(String(error)).toContain("DWCTL_PROD_SECRET");
    expect((error as AuthConfigurationError).hint).toContain("DWCTL_PROD_SECRET");
    expect(JSON.stringify(error) + String(error)).not.toContain("CANARY");
    expect(() => credentialsFor(pair, { DWCTL_PROD_SECRET: "" })).toThrow(/DWCTL_PROD_SECRET/);
  });

  it("builds a client secret credential and registers the secret for redaction", () => {
    const pair = { name: "prod", auth: { method: "client-secret" as const, ...ids, clientSecretVariable: "S" } };
    const credentials = credentialsFor(pair, { S: "CANARY-SECRET-a1b2" });
    expect(inner(credentials.dataverse)).toBeInstanceOf(ClientSecretCredential);
    expect(credentials.financeAndOperations).toBe(credentials.dataverse);
    expect(credentials.dualWrite).toBe(credentials.dataverse);
    expect(redact("the secret CANARY-SECRET-a1b2 leaked")).toBe("the secret *** leaked");
  });

  it("federates the GitHub Actions OIDC token", () => {
    const credentials = credentialsFor({ name: "prod", auth: { method: "github-oidc", ...ids } }, {}, { getAssertion: async () => "assertion" });
    expect(inner(credentials.dataverse)).toBeInstanceOf(ClientAssertionCredential);
  });

  it("names a missing tenant id", () => {
    expect(() => credentialsFor({ name: "prod", auth: { method: "github-oidc", clientId: "c" } }, {})).toThrow(/auth\.tenantId/);
  });

  it("uses a delegated management token for the dual-write service when one is given", async () => {
    const pair = { name: "dev", auth: { method: "device-code" as const, tenantId: ids.tenantId, managementTokenVariable: "DW_TOKEN" } };
    const credentials = credentialsFor(pair, { DW_TOKEN: "CANARY-MGMT-77c1" }, { prompt: () => undefined });
    expect(inner(credentials.dataverse)).toBeInstanceOf(DeviceCodeCredential);
    expect(inner(credentials.dualWrite)).toBeInstanceOf(StaticTokenCredential);
    await expect(credentials.dualWrite.getToken("https://IntegratorApp.com/.default")).resolves.toMatchObject({ token: "CANARY-MGMT-77c1" });
    expect(redact("CANARY-MGMT-77c1")).toBe("***");
    expect(() => credentialsFor(pair, {})).toThrow(/DW_TOKEN/);
  });

  it("signs in the dual-write service with the Data Integrator app otherwise", () => {
    const credentials = credentialsFor({ name: "dev", auth: { method: "device-code", tenantId: ids.tenantId } }, {}, { prompt: () => undefined });
    expect(inner(credentials.dualWrite)).toBeInstanceOf(DeviceCodeCredential);
    expect(credentials.dualWrite).not.toBe(credentials.dataverse);
  });

  it("needs a running sandbox for a sandbox pair", () => {
    expect(() => credentialsFor({ name: "stage", sandbox: true }, {})).toThrow(/no sandbox is running/);
    expect(() => credentialsFor({ name: "stage" }, {})).toThrow(/no auth method/);
  });
});

describe("SandboxCredential", () => {
  it("posts the secret and scope once per scope and caches the token until it expires", async () => {
    const bodies: unknown[] = [];
    server = await startServer((request, response) => {
      bodies.push(JSON.parse(request.body) as unknown);
      sendJson(response, 200, { access_token: `CANARY-TOKEN-5b1e-${bodies.length}`, expires_in: 600, token_type: "Bearer" });
    });
    const origin = new URL(server.url).origin;
    let clock = 1_000_000;
    const credential = new SandboxCredential(origin, "sandbox-secret", { now: () => clock });
    const scope = `${origin}/stage/dataverse/.default`;
    const [first, second] = await Promise.all([credential.getToken(scope), credential.getToken(scope)]);
    expect(first.token).toBe("CANARY-TOKEN-5b1e-1");
    expect(second).toBe(first);
    expect(first.expiresOnTimestamp).toBe(clock + 600_000);
    await credential.getToken(scope);
    expect(bodies).toEqual([{ client_id: "dwctl", client_secret: "sandbox-secret", scope }]);
    expect(server.requests[0]).toMatchObject({ method: "POST", url: "/_sandbox/token" });

    await credential.getToken(`${origin}/dualwrite/.default`);
    expect(bodies).toHaveLength(2);
    clock += 600_000 - 30_000;
    await expect(credential.getToken(scope)).resolves.toMatchObject({ token: "CANARY-TOKEN-5b1e-3" });
    expect(redact("got CANARY-TOKEN-5b1e-3 and sandbox-secret")).toBe("got *** and ***");
  });

  it("reports a refused secret without the secret", async () => {
    server = await startServer((_request, response) => sendJson(response, 401, { error: { code: "Unauthorized", message: "bad secret" } }));
    const credential = new SandboxCredential(new URL(server.url).origin, "CANARY-SECRET-9d9d", { http: { maxAttempts: 1 } });
    const error = await credential.getToken("x/.default").catch((caught: unknown) => caught);
    expect(String(error)).toMatch(/401/);
    expect(JSON.stringify(error) + String(error)).not.toContain("CANARY-SECRET-9d9d");
  });
});

describe("StaticTokenCredential", () => {
  it("takes the expiry of a JWT from its exp claim", async () => {
    const payload = Buffer.from(JSON.stringify({ exp: 2_000_000_000 })).toString("base64url");
    const credential = new StaticTokenCredential(`eyJhbGciOiJub25lIn0.${payload}.sig`);
    await expect(credential.getToken()).resolves.toMatchObject({ expiresOnTimestamp: 2_000_000_000_000 });
  });
});
