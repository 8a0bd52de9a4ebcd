import { afterEach, describe, expect, it } from "vitest";
import { HttpClient, etagOf } from "../../../src/live/http/client.js";
import type { HttpClientOptions, HttpLogEvent } from "../../../src/live/http/client.js";
import { HttpError, NetworkError, PreconditionFailedError, ProtocolError, TimeoutError } from "../../../src/live/http/errors.js";
import { FakeCredential, recordingSleep, sendJson, startServer } from "./test-server.js";
import type { Handler, TestServer } from "./test-server.js";

let server: TestServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function setup(handler: Handler, options: Partial<HttpClientOptions> = {}) {
  server = await startServer(handler);
  const credential = new FakeCredential(["token-1", "token-2", "token-3"]);
  const { delays, sleep } = recordingSleep();
  const events: HttpLogEvent[] = [];
  const client = new HttpClient({
    baseUrl: server.url,
    credential,
    scope: "https://org.crm.dynamics.com/.default",
    sleep,
    random: () => 0.5,
    logger: (event) => events.push(event),
    ...options,
  });
  return { server, client, credential, delays, events };
}

describe("retries", () => {
  it("retries 5xx until it succeeds", async () => {
    const statuses = [500, 502, 503, 504];
    const { server, client, delays } = await setup((request, response) => {
      const status = statuses[request.index - 1];
      if (status === undefined) sendJson(response, 200, { ok: true });
      else sendJson(response, status, { error: { code: "0x0", message: "transient" } });
    });
    const response = await client.request("GET", "accounts");
    expect(response.json).toEqual({ ok: true });
    expect(server.requests).toHaveLength(5);
    expect(delays).toEqual([250, 500, 1000, 2000]);
    expect(client.stats).toMatchObject({ requestsSent: 5, retries: 4, throttled: 0 });
  });

  it.each([400, 403, 404, 409])("does not retry %i", async (status) => {
    const { server, client, events } = await setup((_request, response) =>
      sendJson(response, status, { error: { code: "0x80040217", message: "Entity not found" } }, { "x-ms-service-request-id": "srv-42" }),
    );
    const error = await client.request("GET", "accounts(1)").catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(HttpError);
    expect(error).toMatchObject({ status, errorCode: "0x80040217", requestId: "srv-42", attempts: 1, method: "GET" });
    expect(String(error)).toContain("Entity not found");
    expect(server.requests).toHaveLength(1);
    expect(events.filter((event) => event.level === "error")).toEqual([expect.objectContaining({ status, requestId: "srv-42" })]);
  });

  it("gives up after maxAttempts with the last status", async () => {
    const { server, client } = await setup((_request, response) => sendJson(response, 503, {}), { maxAttempts: 3 });
    await expect(client.request("GET", "accounts")).rejects.toMatchObject({ name: "HttpError", status: 503, attempts: 3 });
    expect(server.requests).toHaveLength(3);
  });

  it("does not replay a POST after a 5xx but does after a 429", async () => {
    const { server, client } = await setup((request, response) => {
      if (request.index === 1) sendJson(response, 429, {}, { "Retry-After": "0" });
      else sendJson(response, 500, {});
    });
    await expect(client.request("POST", "tasks", { json: { subject: "x" } })).rejects.toMatchObject({ status: 500, attempts: 2 });
    expect(server.requests).toHaveLength(2);
    expect(server.requests[1]?.body).toBe('{"subject":"x"}');
  });

  it("honours Retry-After in seconds and as an HTTP-date", async () => {
    const inTenSeconds = new Date(Date.now() + 10_000).toUTCString();
    const { client, delays } = await setup((request, response) => {
      if (request.index === 1) sendJson(response, 429, {}, { "Retry-After": "3" });
      else if (request.index === 2) sendJson(response, 503, {}, { "Retry-After": inTenSeconds });
      else sendJson(response, 200, {});
    });
    await client.request("GET", "accounts");
    expect(delays).toHaveLength(2);
    expect(delays[0]).toBeGreaterThanOrEqual(3000);
    expect(delays[1]).toBeGreaterThanOrEqual(8000);
    expect(client.stats.throttled).toBe(1);
  });

  it("fails at once when Retry-After is longer than maxRetryAfterMs", async () => {
    const { server, client, delays } = await setup((_request, response) => sendJson(response, 429, {}, { "Retry-After": "3600" }), {
      maxRetryAfterMs: 60_000,
    });
    await expect(client.request("GET", "accounts")).rejects.toMatchObject({ status: 429 });
    expect(server.requests).toHaveLength(1);
    expect(delays).toEqual([]);
  });

  it("retries when the server destroys the socket", async () => {
    const { server, client } = await setup((request, response, raw) => {
      if (request.index <= 2) raw.socket.destroy();
      else sendJson(response, 200, { ok: true });
    });
    await expect(client.request("GET", "accounts")).resolves.toMatchObject({ status: 200 });
    expect(server.requests).toHaveLength(3);
  });

  it("reports a NetworkError with the request id once resets persist", async () => {
    const { client, events } = await setup((_request, _response, raw) => raw.socket.destroy(), { maxAttempts: 2 });
    const error = await client.request("GET", "accounts").catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(NetworkError);
    expect(error).not.toBeInstanceOf(TimeoutError);
    const failure = events.find((event) => event.level === "error");
    expect(failure?.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(String(error)).toContain(failure?.requestId);
  });

  it("times out a hanging server, retries, then reports a TimeoutError", async () => {
    const { server, client, delays } = await setup(() => undefined, { timeoutMs: 100, maxAttempts: 3 });
    const started = Date.now();
    const error = await client.request("GET", "accounts").catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ timeoutMs: 100, attempts: 3 });
    expect(String(error)).toMatch(/GET http:\/\/127\.0\.0\.1:\d+\/api\/data\/v9\.2\/accounts timed out after 100 ms/);
    expect(server.requests).toHaveLength(3);
    expect(delays).toHaveLength(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(280);
  });

  it("stops at once when the caller aborts", async () => {
    const { server, client } = await setup(() => undefined);
    const controller = new AbortController();
    const pending = client.request("GET", "accounts", { signal: controller.signal });
    setTimeout(() => controller.abort(new Error("cancelled by user")), 50);
    await expect(pending).rejects.toThrow("cancelled by user");
    expect(server.requests).toHaveLength(1);
  });
});

describe("headers and origin", () => {
  it("sends OData headers, a client request id per request and the Prefer header", async () => {
    const { server, client } = await setup((_request, response) => sendJson(response, 200, {}));
    await client.request("GET", "accounts", { prefer: ['odata.include-annotations="*"'] });
    await client.request("GET", "accounts");
    const [first, second] = server.requests;
    expect(first?.headers).toMatchObject({ "odata-version": "4.0", accept: "application/json", prefer: 'odata.include-annotations="*"' });
    expect(first?.headers["x-ms-client-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
    expect(first?.headers["x-ms-client-request-id"]).not.toBe(second?.headers["x-ms-client-request-id"]);
  });

  it("refuses to send the token to another origin", async () => {
    const { server, client } = await setup((_request, response) => sendJson(response, 200, {}));
    await expect(client.request("GET", "https://evil.example/steal")).rejects.toBeInstanceOf(ProtocolError);
    expect(server.requests).toHaveLength(0);
  });

  it("does not follow redirects", async () => {
    const { server, client } = await setup((_request, response) => {
      response.writeHead(302, { Location: "http://localhost:1/elsewhere" });
      response.end();
    });
    await expect(client.request("GET", "accounts")).rejects.toMatchObject({ status: 302 });
    expect(server.requests).toHaveLength(1);
  });

  it("releases the slot while a request waits in backoff", async () => {
    let releaseSleeper: () => void = () => undefined;
    const otherDone = new Promise<void>((resolve) => {
      releaseSleeper = resolve;
    });
    const { server, client } = await setup(
      (request, response) => {
        if (request.url.endsWith("throttled") && request.index === 1) sendJson(response, 429, {}, { "Retry-After": "1" });
        else sendJson(response, 200, {});
      },
      // The throttled request sleeps until the other one has finished: with the slot held, this would deadlock.
      { maxConcurrency: 1, sleep: () => otherDone },
    );
    const throttled = client.request("GET", "throttled");
    await new Promise((resolve) => setTimeout(resolve, 20));
    const other = client.request("GET", "other").then(() => releaseSleeper());
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise((_resolve, reject) => {
      timer = setTimeout(() => reject(new Error("deadlock: backoff held the slot")), 2000);
    });
    await Promise.race([Promise.all([throttled, other]), deadline]).finally(() => clearTimeout(timer));
    expect(server.requests.map((request) => request.url.split("/").pop())).toEqual(["throttled", "other", "throttled"]);
    expect(client.stats.peakInFlight).toBe(1);
  });

  it("records x-ms-dop-hint and lowers the concurrency to it", async () => {
    const { client } = await setup((_request, response) => sendJson(response, 200, {}, { "x-ms-dop-hint": "4" }), { maxConcurrency: 10 });
    await client.request("GET", "accounts");
    expect(client.stats.dopHint).toBe(4);
    expect(client.limiter.limit).toBe(4);
  });
});

describe("paging", () => {
  it("follows @odata.nextLink across three pages with Prefer: odata.maxpagesize", async () => {
    const { server, client } = await setup((request, response) => {
      const page = Number(new URL(request.url, "http://x").searchParams.get("page") ?? "1");
      const next = page < 3 ? { "@odata.nextLink": `${server.url}accounts?$select=name&page=${page + 1}` } : {};
      sendJson(response, 200, { value: [{ id: page * 10 + 1 }, { id: page * 10 + 2 }], ...next });
    });
    const rows = await client.getAllPages<{ id: number }>("accounts?$select=name", { maxPageSize: 2 });
    expect(rows.map((row) => row.id)).toEqual([11, 12, 21, 22, 31, 32]);
    expect(server.requests.map((request) => request.url)).toEqual([
      "/api/data/v9.2/accounts?$select=name",
      "/api/data/v9.2/accounts?$select=name&page=2",
      "/api/data/v9.2/accounts?$select=name&page=3",
    ]);
    expect(server.requests.every((request) => request.headers.prefer === "odata.maxpagesize=2")).toBe(true);
  });

  it("rejects a page size above 5,000, a missing value array and a looping nextLink", async () => {
    const { client } = await setup((request, response) => {
      if (request.url.includes("loop")) sendJson(response, 200, { value: [], "@odata.nextLink": `${server?.url ?? ""}loop` });
      else sendJson(response, 200, { rows: [] });
    });
    await expect(client.getAllPages("accounts", { maxPageSize: 5001 })).rejects.toBeInstanceOf(RangeError);
    await expect(client.getAllPages("accounts")).rejects.toBeInstanceOf(ProtocolError);
    await expect(client.getAllPages("loop")).rejects.toThrow(/loops back/);
  });

  it("refuses a nextLink on another origin", async () => {
    const { server, client } = await setup((_request, response) =>
      sendJson(response, 200, { value: [1], "@odata.nextLink": "https://evil.example/next" }),
    );
    await expect(client.getAllPages("accounts")).rejects.toBeInstanceOf(ProtocolError);
    expect(server.requests).toHaveLength(1);
  });
});

describe("ETags", () => {
  it("sends If-Match and surfaces 412 as PreconditionFailedError without retrying", async () => {
    const { server, client } = await setup((_request, response) =>
      sendJson(response, 412, { error: { code: "0x80060882", message: "The version of the existing record doesn't match" } }),
    );
    const etag = etagOf({ "@odata.etag": 'W/"12345"', name: "x" });
    expect(etag).toBe('W/"12345"');
    const error = await client
      .request("PATCH", "accounts(1)", { json: { name: "y" }, ifMatch: etag ?? "" })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PreconditionFailedError);
    expect(error).toBeInstanceOf(HttpError);
    expect(error).toMatchObject({ name: "PreconditionFailedError", status: 412, errorCode: "0x80060882" });
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]?.headers["if-match"]).toBe('W/"12345"');
  });

  it("sends If-None-Match: * and does not replay a conditional write after a 503", async () => {
    const { server, client } = await setup((_request, response) => sendJson(response, 503, {}));
    await expect(client.request("PATCH", "locks(1)", { json: {}, ifNoneMatch: "*" })).rejects.toMatchObject({ status: 503 });
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]?.headers["if-none-match"]).toBe("*");
  });

  it("returns the response ETag", async () => {
    const { client } = await setup((_request, response) => sendJson(response, 204, undefined, { ETag: 'W/"99"' }));
    await expect(client.request("PATCH", "accounts(1)", { json: {} })).resolves.toMatchObject({ status: 204, etag: 'W/"99"' });
  });
});

describe("tokens", () => {
  it("caches the token between calls and shares one fetch between concurrent callers", async () => {
    const { server, client, credential } = await setup((_request, response) => sendJson(response, 200, {}));
    await Promise.all(Array.from({ length: 10 }, () => client.request("GET", "accounts")));
    await client.request("GET", "accounts");
    expect(credential.calls).toBe(1);
    expect(client.stats.tokenFetches).toBe(1);
    expect(server.requests.every((request) => request.headers.authorization === "Bearer token-1")).toBe(true);
  });

  it("fetches a new token within two minutes of expiry", async () => {
    let now = 1_000_000;
    server = await startServer((_request, response) => sendJson(response, 200, {}));
    const credential = new FakeCredential(["token-1", "token-2"], 10 * 60_000, () => now);
    const client = new HttpClient({ baseUrl: server.url, credential, scope: "s", now: () => now });
    await client.request("GET", "a");
    now += 7 * 60_000;
    await client.request("GET", "a");
    expect(credential.calls).toBe(1);
    now += 60_001;
    await client.request("GET", "a");
    expect(credential.calls).toBe(2);
    expect(server.requests.map((request) => request.headers.authorization)).toEqual(["Bearer token-1", "Bearer token-1", "Bearer token-2"]);
  });

  it("refreshes the token once on 401 and retries", async () => {
    const { server, client, credential } = await setup((request, response) => {
      if (request.headers.authorization === "Bearer token-1") sendJson(response, 401, {});
      else sendJson(response, 200, { ok: true });
    });
    await expect(client.request("GET", "accounts")).resolves.toMatchObject({ json: { ok: true } });
    expect(credential.calls).toBe(2);
    expect(server.requests).toHaveLength(2);
  });

  it("refreshes at most once when 401 persists", async () => {
    const { server, client, credential } = await setup((_request, response) => sendJson(response, 401, {}));
    await expect(client.request("GET", "accounts")).rejects.toMatchObject({ status: 401 });
    expect(credential.calls).toBe(2);
    expect(server.requests).toHaveLength(2);
  });

  it("reports a credential failure as AuthenticationError without sending anything", async () => {
    server = await startServer((_request, response) => sendJson(response, 200, {}));
    const client = new HttpClient({
      baseUrl: server.url,
      scope: "https://org.crm.dynamics.com/.default",
      credential: { getToken: async () => null },
    });
    await expect(client.request("GET", "a")).rejects.toMatchObject({ name: "AuthenticationError" });
    expect(server.requests).toHaveLength(0);
  });
});

describe("batch over HTTP", () => {
  it("posts multipart batches to $batch and parses the results", async () => {
    const { server, client } = await setup((request, response) => {
      const count = request.body.split("Content-Type: application/http").length - 1;
      const parts = Array.from({ length: count }, (_, index) =>
        ["--batchresponse_r", "Content-Type: application/http", "", "HTTP/1.1 204 No Content", `X-Index: ${index}`, "", ""].join("\r\n"),
      );
      response.writeHead(200, { "Content-Type": "multipart/mixed; boundary=batchresponse_r" });
      response.end(`${parts.join("")}--batchresponse_r--\r\n`);
    });
    const operations = Array.from({ length: 5 }, (_, index) => ({ method: "DELETE" as const, url: `tasks(${index})` }));
    const results = await client.batch(operations, { maxOperations: 2, continueOnError: true });
    expect(results.map((result) => [result.status, result.headers["x-index"]])).toEqual([
      [204, "0"],
      [204, "1"],
      [204, "0"],
      [204, "1"],
      [204, "0"],
    ]);
    const sent = server.requests.map((request) => `${request.method} ${request.url}`);
    expect(sent).toEqual(Array.from({ length: 3 }, () => "POST /api/data/v9.2/$batch"));
    const first = server.requests[0];
    expect(first?.headers["content-type"]).toMatch(/^multipart\/mixed; boundary=batch_[0-9a-f-]{36}$/);
    expect(first?.headers.prefer).toBe("odata.continue-on-error");
    expect(first?.body).toContain(`DELETE ${server.url}tasks(0) HTTP/1.1`);
  });
});
