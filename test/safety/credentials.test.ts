import type { AccessToken, TokenCredential } from "@azure/core-auth";
import { ClientAssertionCredential } from "@azure/identity";
import { afterEach, describe, expect, it } from "vitest";
import {
  AuthConfigurationError,
  HostBoundCredential,
  RedactingCredential,
  SandboxCredential,
  StaticTokenCredential,
  TokenDestinationError,
  credentialsFor,
} from "../../src/live/auth/index.js";
import { ProtocolError, redact } from "../../src/live/http/index.js";
import { sendJson, startServer, type TestServer } from "../live/http/test-server.js";

/**
 * How dwctl gets its tokens, behaviour by behaviour: which credential a pair's auth settings give,
 * what a user is told when a setting is wrong, and how tokens are cached, refreshed and masked.
 */

const urls = {
  financeAndOperations: { url: "https://contoso.operations.dynamics.com" },
  dataverse: { url: "https://contoso.crm.dynamics.com" },
  dualWrite: { url: "https://projectmanagementservice.weu.gateway.prod.island.powerapps.com" },
};
const ids = { tenantId: "00000000-0000-0000-0000-000000000001", clientId: "00000000-0000-0000-0000-000000000002" };

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** The error `run` throws, or a failure when it throws none. */
function thrown(run: () => unknown): AuthConfigurationError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(AuthConfigurationError);
    return error as AuthConfigurationError;
  }
  throw new Error("nothing was thrown");
}

/** The credential a service's credential hands its token requests to, below the host binding and redaction. */
function innermost(credential: TokenCredential): TokenCredential {
  if (credential instanceof HostBoundCredential) return innermost(credential.inner);
  return credential instanceof RedactingCredential ? innermost(credential.inner) : credential;
}

describe("a pair's auth settings", () => {
  it("github-oidc: builds an app credential from the job's OIDC token by default, as in GitHub Actions", () => {
    const credentials = credentialsFor({ name: "prod", ...urls, auth: { method: "github-oidc", ...ids } }, {});
    expect(innermost(credentials.dataverse)).toBeInstanceOf(ClientAssertionCredential);
    expect(innermost(credentials.dualWrite)).toBe(innermost(credentials.dataverse));
  });

  it("sandbox: one sandbox credential for the three services, asking for tokens as the pair", async () => {
    const bodies: unknown[] = [];
    server = await startServer((request, response) => {
      bodies.push(JSON.parse(request.body) as unknown);
      sendJson(response, 200, { access_token: "sandbox-token-61aa", expires_in: 600 });
    });
    const sandbox = { url: new URL(server.url).origin, secret: "sandbox-secret-61aa" };
    const credentials = credentialsFor({ name: "stage", sandbox: true }, {}, { sandbox });
    expect(credentials.dataverse).toBeInstanceOf(SandboxCredential);
    expect(credentials.financeAndOperations).toBe(credentials.dataverse);
    expect(credentials.dualWrite).toBe(credentials.dataverse);
    await expect(credentials.dataverse.getToken("scope/.default")).resolves.toMatchObject({ token: "sandbox-token-61aa" });
    expect(bodies).toEqual([{ client_id: "stage", client_secret: "sandbox-secret-61aa", scope: "scope/.default" }]);
  });

  it("names the fix when there is no auth method, or no sandbox running", () => {
    const none = thrown(() => credentialsFor({ name: "stage" }, {}));
    expect(none.name).toBe("AuthConfigurationError");
    expect(none.message).toBe("pair stage has no auth method");
    expect(none.hint).toBe("add auth.method (github-oidc, client-secret, device-code or sandbox) to the pair in environments.yaml");
    const sandbox = thrown(() => credentialsFor({ name: "stage", sandbox: true }, {}));
    expect(sandbox.message).toBe("pair stage uses the sandbox, but no sandbox is running");
    expect(sandbox.hint).toBe("start it with `dwctl sandbox start`, or point the pair at real environments");
  });

  it.each(["tenantId", "clientId"] as const)("names an empty auth.%s, with the pair's method", (setting) => {
    const error = thrown(() => credentialsFor({ name: "prod", auth: { method: "github-oidc", ...ids, [setting]: "" } }, {}));
    expect(error.message).toBe(`pair prod uses auth method github-oidc but has no auth.${setting}`);
    expect(error.hint).toBe(`add auth.${setting} to the pair in environments.yaml`);
  });

  it("refuses an empty delegated management token, naming the variable and what it should hold", () => {
    const auth = { method: "github-oidc" as const, ...ids, managementTokenVariable: "DWCTL_DW_TOKEN" };
    const error = thrown(() => credentialsFor({ name: "prod", ...urls, auth }, { DWCTL_DW_TOKEN: "" }));
    expect(error.message).toBe("environment variable DWCTL_DW_TOKEN is not set (dual-write management token of pair prod)");
    expect(error.hint).toBe("set DWCTL_DW_TOKEN to a delegated token for https://IntegratorApp.com, or remove auth.managementTokenVariable");
  });

  it("says how to store a secret it refuses to read", () => {
    const auth = { method: "client-secret" as const, ...ids, clientSecretVariable: "AZURE_SECRET" };
    const error = thrown(() => credentialsFor({ name: "prod", ...urls, auth }, { AZURE_SECRET: "x" }));
    expect(error.hint).toBe(
      "store the secret as DWCTL_AZURE_SECRET, or list AZURE_SECRET in the pair's allowedSecretVariables in environments.yaml (protected by CODEOWNERS)",
    );
  });
});

describe("where a token may go", () => {
  it("refuses a token for a service the pair has no URL for", async () => {
    const pair = { name: "prod", financeAndOperations: urls.financeAndOperations, dataverse: urls.dataverse, auth: { method: "device-code" as const, managementTokenVariable: "DWCTL_DW_TOKEN" } };
    const credentials = credentialsFor(pair, { DWCTL_DW_TOKEN: "mgmt-token-73c2" }, { prompt: () => undefined });
    const refused = await credentials.dualWrite.getToken("https://IntegratorApp.com/.default").catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(TokenDestinationError);
    expect((refused as Error).name).toBe("TokenDestinationError");
    expect(String(refused)).toContain("refusing to send the dual-write management service token of pair prod to : it is not a host of that service");
  });
});

describe("RedactingCredential", () => {
  const handing = (token: AccessToken | null): TokenCredential => ({ getToken: async () => token });

  it("registers every token it hands out, so that it is masked everywhere", async () => {
    const credential = new RedactingCredential(handing({ token: "handed-out-token-0c4f", expiresOnTimestamp: 1 }));
    await credential.getToken("scope");
    expect(redact("leaked handed-out-token-0c4f here")).toBe("leaked *** here");
  });

  it("passes on a credential that has no token", async () => {
    await expect(new RedactingCredential(handing(null)).getToken("scope")).resolves.toBeNull();
  });
});

describe("SandboxCredential", () => {
  async function tokenServer(answers: (() => { status: number; body: unknown })[]): Promise<string> {
    let calls = 0;
    server = await startServer((_request, response) => {
      const answer = answers[Math.min(calls++, answers.length - 1)];
      if (answer === undefined) throw new Error("no answer");
      const { status, body } = answer();
      sendJson(response, status, body);
    });
    return new URL(server.url).origin;
  }

  it("asks for several scopes as one, space-separated", async () => {
    const bodies: unknown[] = [];
    server = await startServer((request, response) => {
      bodies.push(JSON.parse(request.body) as unknown);
      sendJson(response, 200, { access_token: "two-scopes-7d8e", expires_in: 60 });
    });
    const credential = new SandboxCredential(new URL(server.url).origin, "secret-7d8e");
    await expect(credential.getToken(["a/.default", "b/.default"])).resolves.toMatchObject({ token: "two-scopes-7d8e" });
    expect(bodies).toEqual([{ client_id: "dwctl", client_secret: "secret-7d8e", scope: "a/.default b/.default" }]);
  });

  it("asks again after a 5xx: asking for a token is harmless", async () => {
    const origin = await tokenServer([() => ({ status: 503, body: {} }), () => ({ status: 200, body: { access_token: "after-retry-1b2c", expires_in: 60 } })]);
    const credential = new SandboxCredential(origin, "secret-1b2c", { http: { sleep: async () => undefined } });
    await expect(credential.getToken("s")).resolves.toMatchObject({ token: "after-retry-1b2c" });
  });

  it.each([
    ["null", null],
    ["a string", "token"],
    ["no access_token", { expires_in: 60 }],
    ["an empty access_token", { access_token: "", expires_in: 60 }],
    ["a numeric access_token", { access_token: 42, expires_in: 60 }],
  ])("refuses an answer with %s, naming what is missing", async (_what, body) => {
    const origin = await tokenServer([() => ({ status: 200, body })]);
    const error = await new SandboxCredential(origin, "secret-5e6f").getToken("s").catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ProtocolError);
    expect(String(error)).toContain("the sandbox token endpoint returned no access_token");
  });

  it.each([
    ["seconds as a number", 120, 120_000],
    ["seconds as a string", "120", 120_000],
    ["no expiry: an hour", undefined, 3_600_000],
  ])("reads expires_in given as %s", async (_what, expiresIn, lifetimeMs) => {
    const origin = await tokenServer([() => ({ status: 200, body: { access_token: "t-9a8b", expires_in: expiresIn } })]);
    const credential = new SandboxCredential(origin, "secret-9a8b", { now: () => 5_000 });
    await expect(credential.getToken("s")).resolves.toEqual({ token: "t-9a8b", expiresOnTimestamp: 5_000 + lifetimeMs });
  });

  it.each([
    // A long-lived token is refreshed a minute before it expires; a short one a quarter of its life early.
    ["an hour", 3600, 3_540_000],
    ["two minutes", 120, 90_000],
  ])("refreshes a token of %s when its refresh time comes, not before", async (_what, seconds, refreshAt) => {
    let issued = 0;
    const origin = await tokenServer([() => ({ status: 200, body: { access_token: `t-${++issued}`, expires_in: seconds } })]);
    let clock = 0;
    const credential = new SandboxCredential(origin, "secret-3d4e", { now: () => clock });
    expect((await credential.getToken("s")).token).toBe("t-1");
    clock = refreshAt - 1;
    expect((await credential.getToken("s")).token).toBe("t-1");
    clock = refreshAt;
    expect((await credential.getToken("s")).token).toBe("t-2");
  });
});

describe("StaticTokenCredential", () => {
  const jwt = (claims: unknown): string => `eyJhbGciOiJub25lIn0.${Buffer.from(JSON.stringify(claims)).toString("base64url")}.sig`;

  it.each([
    ["an opaque token", "opaque-token-value-8f7e"],
    ["a JWT without exp", jwt({ sub: "x" })],
    ["a JWT whose exp is not a number", jwt({ exp: "2000000000" })],
    ["a JWT whose payload is not an object", jwt("2000000000")],
    ["a JWT whose payload is not JSON", "eyJhbGciOiJub25lIn0.bm90LWpzb24.sig"],
  ])("takes %s to last an hour from now", async (_what, token) => {
    const before = Date.now();
    const { expiresOnTimestamp } = await new StaticTokenCredential(token).getToken();
    expect(expiresOnTimestamp).toBeGreaterThanOrEqual(before + 3_600_000);
    expect(expiresOnTimestamp).toBeLessThanOrEqual(Date.now() + 3_600_000);
  });

  it("registers the token for redaction", async () => {
    const credential = new StaticTokenCredential("static-token-value-2a1b");
    await credential.getToken();
    expect(redact("x static-token-value-2a1b y")).toBe("x *** y");
  });
});
