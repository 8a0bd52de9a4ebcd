import { inspect } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import type { TokenCredential } from "@azure/core-auth";
import { HttpClient } from "../../../src/live/http/client.js";
import type { HttpLogEvent } from "../../../src/live/http/client.js";
import { HttpError } from "../../../src/live/http/errors.js";
import { registerSecret } from "../../../src/live/http/redact.js";
import { FakeCredential, recordingSleep, sendJson, startServer } from "./test-server.js";
import type { TestServer } from "./test-server.js";

const CANARY = "CANARY-SECRET-7f3a9c";
const JWT_CANARY = "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJjYW5hcnkiOiI3ZjNhOWMifQ.Q0FOQVJZLXNpZ25hdHVyZS03ZjNhOWM";
// Never handed to the client as a token, so only the patterns can catch these.
const FOREIGN_JWT = "eyJhbGciOiJub25lIn0.eyJmb3JlaWduIjoiOWQ0ZSJ9.Rk9SRUlHTi1zaWc";
const SIG_CANARY = "CANARY-SIG-55d1";
const CLIENT_SECRET_CANARY = "CANARY-CLIENT-SECRET-91b2";
const ALL_CANARIES = [CANARY, JWT_CANARY, FOREIGN_JWT, SIG_CANARY, CLIENT_SECRET_CANARY, "7f3a9c", "9d4e", "55d1"];

let server: TestServer | undefined;

afterEach(async () => {
  await server?.close();
});

function renderings(error: unknown): string[] {
  const asError = error instanceof Error ? error : new Error("not an error");
  return [asError.message, String(error), asError.stack ?? "", JSON.stringify(error), inspect(error, { depth: 10 })];
}

describe.each([
  ["an opaque token", CANARY],
  ["a JWT", JWT_CANARY],
])("with %s", (_label, token) => {
  it("never lets a secret reach an error or a log event", async () => {
    server = await startServer((request, response, raw) => {
      const route = new URL(request.url, "http://x").pathname.split("/").pop() ?? "";
      const authorization = request.headers.authorization ?? "";
      const bare = authorization.replace(/^Bearer /, "");
      switch (route) {
        case "echo-500":
          return sendJson(response, 500, {
            error: { code: "0x0", message: `bad request with Authorization: ${authorization}` },
            headers: request.headers,
          });
        case "echo-400":
          response.writeHead(400, { "Content-Type": "text/plain" });
          return response.end(`token ${bare} rejected; also saw ${FOREIGN_JWT}`);
        case "echo-401":
          return sendJson(response, 401, { error: { code: "401", message: `expired: ${bare}` } });
        case "echo-412":
          return sendJson(response, 412, { error: { code: "0x80060882", message: `etag mismatch for ${bare}` } });
        case "bad-json":
          response.writeHead(200, { "Content-Type": "application/json" });
          return response.end(`{"token":"${bare}"`);
        case "evil-next":
          return sendJson(response, 200, { value: [], "@odata.nextLink": `https://evil.example/steal?access_token=${bare}` });
        case "reset":
          return raw.socket.destroy();
        case "hang":
          return undefined;
        default:
          return sendJson(response, 404, { error: { code: "0x80040217", message: `not found: ${request.url}` } });
      }
    });
    const events: HttpLogEvent[] = [];
    const client = new HttpClient({
      baseUrl: server.url,
      credential: new FakeCredential([token]),
      scope: "https://org.crm.dynamics.com/.default",
      sleep: recordingSleep().sleep,
      logger: (event) => events.push(event),
      maxAttempts: 2,
    });

    const attempts: Promise<unknown>[] = [
      client.request("GET", "echo-500"),
      client.request("GET", "echo-400"),
      client.request("GET", "echo-401"),
      client.request("PATCH", "echo-412", { json: {}, ifMatch: 'W/"1"' }),
      client.request("GET", "bad-json"),
      client.getAllPages("evil-next"),
      client.request("GET", "reset"),
      client.request("GET", "hang", { timeoutMs: 100 }),
      client.request("GET", `files?sv=2022&sig=${SIG_CANARY}&se=2030`),
    ];
    const errors = await Promise.all(attempts.map((attempt) => attempt.then(() => undefined, (error: unknown) => error)));

    expect(errors.every((error) => error instanceof Error)).toBe(true);
    const echoed = errors.slice(0, 4);
    for (const error of echoed) {
      expect(error).toBeInstanceOf(HttpError);
      expect(error instanceof HttpError && error.bodyExcerpt.includes("***")).toBe(true);
    }
    const texts = [...errors.flatMap(renderings), ...events.map((event) => JSON.stringify(event))];
    expect(events.length).toBeGreaterThan(errors.length);
    for (const canary of ALL_CANARIES) {
      expect(texts.filter((text) => text.includes(canary))).toEqual([]);
    }
    // The canaries really reached the client: they were echoed and redacted, not absent.
    expect(texts.some((text) => text.includes("Authorization: ***"))).toBe(true);
  });
});

it("redacts a registered client secret from a credential failure and its cause", async () => {
  registerSecret(CLIENT_SECRET_CANARY);
  server = await startServer((_request, response) => sendJson(response, 200, {}));
  const credential: TokenCredential = {
    getToken: async () => {
      throw new Error(`AADSTS7000215: Invalid client secret provided: ${CLIENT_SECRET_CANARY}`, {
        cause: new Error(`body: client_id=x&client_secret=${CLIENT_SECRET_CANARY}`),
      });
    },
  };
  const client = new HttpClient({ baseUrl: server.url, credential, scope: "https://org.crm.dynamics.com/.default" });
  const error = await client.request("GET", "accounts").catch((caught: unknown) => caught);
  expect(error).toMatchObject({ name: "AuthenticationError" });
  const texts = renderings(error);
  expect(texts.some((text) => text.includes("AADSTS7000215"))).toBe(true);
  expect(texts.filter((text) => text.includes(CLIENT_SECRET_CANARY))).toEqual([]);
});
