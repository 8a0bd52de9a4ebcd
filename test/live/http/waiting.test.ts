import { afterEach, describe, expect, it } from "vitest";
import { HttpClient, type WaitEvent } from "../../../src/live/http/client.js";
import { HttpError } from "../../../src/live/http/errors.js";
import { RetryBudget } from "../../../src/live/http/retry.js";
import { FakeCredential, sendJson, startServer, type Handler, type TestServer } from "./test-server.js";

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A clock that moves only when the client sleeps. */
function fakeClock() {
  let now = 1_000_000;
  return { now: () => now, sleep: async (ms: number) => void (now += ms) };
}

async function setup(handler: Handler, extra: Partial<ConstructorParameters<typeof HttpClient>[0]> = {}) {
  server = await startServer(handler);
  const clock = fakeClock();
  const events: WaitEvent[] = [];
  const client = new HttpClient({
    baseUrl: server.url,
    credential: new FakeCredential(),
    scope: "https://org.crm.dynamics.com/.default",
    service: "Dataverse",
    random: () => 0,
    onWait: (event) => events.push(event),
    ...clock,
    ...extra,
  });
  return { server, client, clock, events };
}

const throttle: Handler = (_request, response) => sendJson(response, 429, { error: { code: "0x80072322", message: "Number of requests exceeded the limit" } }, { "Retry-After": "12" });

describe("a 429 storm with Retry-After", () => {
  it("is waited out for as long as the command's retry budget lasts, past the attempt limit", async () => {
    const { server, client, clock } = await setup(
      (request, response) => (request.index <= 20 ? throttle(request, response, undefined as never) : sendJson(response, 200, { ok: true })),
      { retryBudget: new RetryBudget(10 * 60_000, 1_000_000), maxAttempts: 6 },
    );
    const response = await client.request("GET", "accounts");
    expect(response.status).toBe(200);
    expect(server.requests).toHaveLength(21);
    expect(clock.now() - 1_000_000).toBe(20 * 12_000);
  });

  it("stops when the budget is spent and says so", async () => {
    const budget = new RetryBudget(60_000, 1_000_000);
    const { server, client } = await setup(throttle, { retryBudget: budget });
    const error = await client.request("GET", "accounts").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect(server.requests).toHaveLength(6);
    expect(String(error)).toContain("still throttled when the retry budget of 1 min ran out (--retry-budget)");
  });

  it("the budget is shared: a second client of the same command has what the first left", async () => {
    const budget = new RetryBudget(30_000, 1_000_000);
    const { client, clock } = await setup(throttle, { retryBudget: budget });
    await client.request("GET", "accounts").catch(() => undefined);
    const other = new HttpClient({ baseUrl: server?.url ?? "", credential: new FakeCredential(), scope: "s", random: () => 0, retryBudget: budget, ...clock });
    const error = await other.request("GET", "accounts").catch((e: unknown) => e);
    expect(String(error)).toContain("1 attempt)");
  });
});

describe("waiting visibly", () => {
  it("says when it waits on throttling, once per wait, and when the answer came", async () => {
    const { events } = await setup((request, response) => (request.index === 1 ? throttle(request, response, undefined as never) : sendJson(response, 200, {})), {
      retryBudget: new RetryBudget(60_000, 1_000_000),
    }).then(async (s) => {
      await s.client.request("GET", "accounts");
      return s;
    });
    expect(events).toEqual([
      { kind: "throttled", message: "waiting 12 s: Dataverse asked us to slow down (429)" },
      { kind: "answered", message: "Dataverse answered" },
    ]);
  });

  it("says when an answer is slow to come, naming the service and the request", async () => {
    const { client, events } = await setup(
      (_request, response) => {
        setTimeout(() => sendJson(response, 200, {}), 300);
      },
      { slowAfterMs: 50, sleep: async () => undefined, now: Date.now },
    );
    await client.request("GET", "accounts?$top=1");
    expect(events).toEqual([
      { kind: "slow", message: "waiting for Dataverse: no answer for 1 s to GET /api/data/v9.2/accounts?$top=1 (gives up after 30 s)" },
      { kind: "answered", message: "Dataverse answered" },
    ]);
  });
});
