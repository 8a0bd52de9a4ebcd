import { afterEach, describe, expect, it } from "vitest";
import { SandboxCredential } from "../../src/live/auth/index.js";
import { AccessDeniedError } from "../../src/live/http/index.js";
import { sendJson, startServer, type TestServer } from "../live/http/test-server.js";

/** What a user reads when the sandbox refuses dwctl's own token request (a wrong sandbox secret). */

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe("a token request the sandbox refuses", () => {
  it("says the token request itself was refused (scope none, it needs no token), with the sandbox's reason, never the secret", async () => {
    server = await startServer((_request, response) => sendJson(response, 401, { error: { code: "Unauthorized", message: "wrong client secret" } }));
    const origin = new URL(server.url).origin;
    const credential = new SandboxCredential(origin, "sandbox-secret-m3-4e1a", { http: { maxAttempts: 1 } });
    const error = await credential.getToken(`${origin}/dataverse/.default`).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AccessDeniedError);
    const refused = error as AccessDeniedError;
    expect(refused.scope).toBe("none");
    expect(refused.message).toBe(
      `${new URL(origin).host} refused the token for scope none with 401 (wrong client secret); POST ${origin}/_sandbox/token, request id ${String(refused.requestId)}`,
    );
    expect(JSON.stringify(refused) + String(refused)).not.toContain("sandbox-secret-m3-4e1a");
  });
});
