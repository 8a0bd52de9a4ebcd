import { ClientAssertionCredential, ClientSecretCredential, DeviceCodeCredential } from "@azure/identity";
import { afterEach, describe, expect, it } from "vitest";
import type { TokenCredential } from "@azure/core-auth";
import { AuthConfigurationError, HostBoundCredential, RedactingCredential, TokenDestinationError, assertTokenDestination, SandboxCredential, StaticTokenCredential, credentialsFor } from "../../src/live/auth/index.js";
import { HttpClient, redact } from "../../src/live/http/index.js";
import { sendJson, startServer } from "./http/test-server.js";
import type { TestServer } from "./http/test-server.js";

let server: TestServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

function inner(credential: TokenCredential): TokenCredential {
  if (credential instanceof HostBoundCredential) return inner(credential.inner);
  return credential instanceof RedactingCredential ? credential.inner : credential;
}

/** The URLs of a real pair on its services' own hosts. */
const urls = {
  financeAndOperations: { url: "https://contoso.operations.dynamics.com" },
  dataverse: { url: "https://contoso.crm.dynamics.com" },
  dualWrite: { url: "https://projectmanagementservice.weu.gateway.prod.island.powerapps.com" },
};

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
    const pair = { name: "prod", auth: { method: "client-secret" as const, ...ids, clientSecretVariable: "DWCTL_S" } };
    const credentials = credentialsFor(pair, { DWCTL_S: "CANARY-SECRET-a1b2" });
    expect(inner(credentials.dataverse)).toBeInstanceOf(ClientSecretCredential);
    expect(inner(credentials.financeAndOperations)).toBe(inner(credentials.dataverse));
    expect(inner(credentials.dualWrite)).toBe(inner(credentials.dataverse));
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
    const pair = { name: "dev", ...urls, auth: { method: "device-code" as const, tenantId: ids.tenantId, managementTokenVariable: "DWCTL_DW_TOKEN" } };
    const credentials = credentialsFor(pair, { DWCTL_DW_TOKEN: "CANARY-MGMT-77c1" }, { prompt: () => undefined });
    expect(inner(credentials.dataverse)).toBeInstanceOf(DeviceCodeCredential);
    expect(inner(credentials.dualWrite)).toBeInstanceOf(StaticTokenCredential);
    await expect(credentials.dualWrite.getToken("https://IntegratorApp.com/.default")).resolves.toMatchObject({ token: "CANARY-MGMT-77c1" });
    expect(redact("CANARY-MGMT-77c1")).toBe("***");
    expect(() => credentialsFor(pair, {})).toThrow(/DWCTL_DW_TOKEN/);
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

describe("where tokens may go", () => {
  const appPair = { name: "stage", ...urls, auth: { method: "device-code" as const, tenantId: ids.tenantId, managementTokenVariable: "DWCTL_DW_TOKEN" } };

  it.each([
    ["clientSecretVariable", { method: "client-secret" as const, ...ids, clientSecretVariable: "GITHUB_TOKEN" }],
    ["managementTokenVariable", { method: "github-oidc" as const, ...ids, managementTokenVariable: "GITHUB_TOKEN" }],
  ])("refuses to read %s from a variable outside DWCTL_*, without reading it", (setting, auth) => {
    const env = new Proxy<Record<string, string | undefined>>({ GITHUB_TOKEN: "ghs_CANARY-5e2f" }, {
      get: (target, name) => {
        if (name === "GITHUB_TOKEN") throw new Error("GITHUB_TOKEN was read");
        return Reflect.get(target, name);
      },
    });
    const attempt = (): unknown => credentialsFor({ name: "stage", ...urls, auth }, env, { getAssertion: async () => "assertion" });
    expect(attempt).toThrow(AuthConfigurationError);
    expect(attempt).toThrow(`refusing to read GITHUB_TOKEN as a secret (auth.${setting} of pair stage)`);
  });

  it("reads a variable outside DWCTL_* that the pair lists in allowedSecretVariables", async () => {
    const pair = { ...appPair, auth: { ...appPair.auth, managementTokenVariable: "DW_TOKEN" }, allowedSecretVariables: ["DW_TOKEN"] };
    const credentials = credentialsFor(pair, { DW_TOKEN: "CANARY-MGMT-0a9d" }, { prompt: () => undefined });
    await expect(credentials.dualWrite.getToken("https://IntegratorApp.com/.default")).resolves.toMatchObject({ token: "CANARY-MGMT-0a9d" });
  });

  it("hands out no token for a service whose URL is not on that service's hosts", async () => {
    const pair = { ...appPair, dualWrite: { url: "https://collector.attacker.example" } };
    const credentials = credentialsFor(pair, { DWCTL_DW_TOKEN: "CANARY-MGMT-3c3c" }, { prompt: () => undefined });
    const refused = await credentials.dualWrite.getToken("https://IntegratorApp.com/.default").catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(TokenDestinationError);
    expect(String(refused)).toContain("refusing to send the dual-write management service token of pair stage to collector.attacker.example");
    expect((refused as TokenDestinationError).hint).toContain("allowedHosts.dualWrite");
    expect(String(refused)).not.toContain("CANARY");
  });

  it("hands out the token for a host the pair lists for that service, and no other", async () => {
    const pair = { ...appPair, dualWrite: { url: "https://dw.contoso.example" }, allowedHosts: { dualWrite: ["dw.contoso.example"] } };
    const credentials = credentialsFor(pair, { DWCTL_DW_TOKEN: "CANARY-MGMT-4d4d" }, { prompt: () => undefined });
    await expect(credentials.dualWrite.getToken("https://IntegratorApp.com/.default")).resolves.toMatchObject({ token: "CANARY-MGMT-4d4d" });
    expect(() => assertTokenDestination(credentials.dualWrite, new URL("https://elsewhere.example/api"))).toThrow(TokenDestinationError);
    expect(() => assertTokenDestination(credentials.dualWrite, new URL("https://dw.contoso.example/api"))).not.toThrow();
  });

  it("never sends a token to an unlisted host: a local listener records no Authorization header", async () => {
    server = await startServer((_request, response) => sendJson(response, 200, { value: [] }));
    const listener = new URL(server.url).origin;
    const pair = { ...appPair, financeAndOperations: { url: listener }, dataverse: { url: listener }, dualWrite: { url: listener } };
    const credentials = credentialsFor(pair, { DWCTL_DW_TOKEN: "CANARY-MGMT-5e5e" }, { prompt: () => undefined });
    for (const [service, credential] of Object.entries(credentials)) {
      const client = new HttpClient({ baseUrl: server.url, credential, scope: "https://IntegratorApp.com/.default", maxAttempts: 1, service });
      const error = await client.request("GET", "WhoAmI").catch((caught: unknown) => caught);
      expect(String(error)).toContain("refusing to send");
    }
    expect(server.requests.filter((request) => request.headers.authorization !== undefined)).toEqual([]);
    expect(server.requests).toEqual([]);
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
