import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { FEDERATION_AUDIENCE, githubOidcAssertion } from "../../src/live/auth/github-oidc.js";
import { sendJson, startServer, type TestServer } from "../live/http/test-server.js";

/**
 * The GitHub Actions path of auth.method github-oidc, run for real: @actions/core asks the
 * job's OIDC endpoint (ACTIONS_ID_TOKEN_REQUEST_URL, with the bearer ACTIONS_ID_TOKEN_REQUEST_TOKEN)
 * for a token, here a local server standing in for GitHub's.
 *
 * The audience is the one Microsoft Entra ID expects of a federated credential's assertion:
 * "api://AzureADTokenExchange", the default (and recommended) audience of a federated identity
 * credential ("Configure an app to trust an external identity provider", Microsoft Entra docs;
 * the Azure/login action asks GitHub for the same). README.md ("Connecting to a real estate",
 * step 4) documents it as the audience of the federated credential dwctl needs.
 */

const REQUEST_TOKEN = "CANARY-REQUEST-TOKEN-4e7a";
const ID_TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJhcGk6Ly9BenVyZUFEVG9rZW5FeGNoYW5nZSJ9.c2lnbmVkLWJ5LWdpdGh1Yg";

let server: TestServer | undefined;

beforeEach(() => {
  // @actions/core writes workflow commands (::debug::, ::add-mask::) to stdout; keep the test output clean.
  vi.spyOn(process.stdout, "write").mockImplementation(() => true);
});

afterEach(async () => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
  await server?.close();
  server = undefined;
});

async function githubOidcEndpoint(): Promise<TestServer> {
  server = await startServer((request, response) => {
    if (request.headers.authorization !== `Bearer ${REQUEST_TOKEN}`) return sendJson(response, 401, { message: "bad request token" });
    return sendJson(response, 200, { value: ID_TOKEN });
  });
  // GitHub's request URL already carries a query (api-version); @actions/core appends &audience=.
  vi.stubEnv("ACTIONS_ID_TOKEN_REQUEST_URL", `${server.url.replace(/\/api\/data\/v9\.2\/$/, "")}/_apis/token?api-version=2.0`);
  vi.stubEnv("ACTIONS_ID_TOKEN_REQUEST_TOKEN", REQUEST_TOKEN);
  return server;
}

describe("the GitHub Actions OIDC token", () => {
  it("is requested for Entra ID's federation audience, api://AzureADTokenExchange", async () => {
    const endpoint = await githubOidcEndpoint();
    await expect(githubOidcAssertion()).resolves.toBe(ID_TOKEN);
    expect(endpoint.requests).toHaveLength(1);
    const request = endpoint.requests[0];
    const url = new URL(request?.url ?? "", "http://x");
    expect(request?.method).toBe("GET");
    expect(url.pathname).toBe("/_apis/token");
    expect(url.searchParams.get("api-version")).toBe("2.0");
    expect(url.searchParams.getAll("audience")).toEqual(["api://AzureADTokenExchange"]);
    expect(FEDERATION_AUDIENCE).toBe("api://AzureADTokenExchange");
    expect(request?.headers.authorization).toBe(`Bearer ${REQUEST_TOKEN}`);
  });

  it("fails, naming the missing variable, outside a job with id-token: write", async () => {
    vi.stubEnv("ACTIONS_ID_TOKEN_REQUEST_URL", "");
    vi.stubEnv("ACTIONS_ID_TOKEN_REQUEST_TOKEN", "");
    await expect(githubOidcAssertion()).rejects.toThrow(/ACTIONS_ID_TOKEN_REQUEST_URL/);
  });

  it("fails when GitHub answers without a token, and never shows the request token", async () => {
    server = await startServer((_request, response) => sendJson(response, 200, { notValue: true }));
    vi.stubEnv("ACTIONS_ID_TOKEN_REQUEST_URL", `${server.url}?api-version=2.0`);
    vi.stubEnv("ACTIONS_ID_TOKEN_REQUEST_TOKEN", REQUEST_TOKEN);
    const error = await githubOidcAssertion().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Error);
    expect(String(error)).not.toContain(REQUEST_TOKEN);
    expect(String(error)).toMatch(/ID Token/);
  });
});
