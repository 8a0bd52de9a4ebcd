import { setTimeout as sleep } from "node:timers/promises";
import { afterEach, expect, it } from "vitest";
import { HttpClient } from "../../../src/live/http/client.js";
import { FakeCredential, sendJson, startServer } from "./test-server.js";
import type { TestServer } from "./test-server.js";

let server: TestServer | undefined;

afterEach(async () => {
  await server?.close();
});

it("survives a 429 storm within the concurrency cap and without a request explosion", async () => {
  const logicalRequests = 200;
  const callers = 300;
  const cap = 10;
  let throttledByServer = 0;
  const attemptsByPath = new Map<string, number>();
  // Deterministic per logical request, whatever the arrival order: even ids are throttled once,
  // multiples of 4 twice, of 8 three times: 175 of 375 requests answer 429.
  const throttles = (id: number, attempt: number): boolean => id % 2 ** attempt === 0;
  server = await startServer(async (request, response) => {
    const attempt = (attemptsByPath.get(request.url) ?? 0) + 1;
    attemptsByPath.set(request.url, attempt);
    const id = Number(/\((\d+)\)/.exec(request.url)?.[1]);
    await sleep(2);
    if (attempt <= 3 && throttles(id, attempt)) {
      throttledByServer++;
      const error = { code: "0x80072326", message: "Number of concurrent requests exceeded the limit" };
      sendJson(response, 429, { error }, { "Retry-After": "1" });
    } else {
      sendJson(response, 200, { id: request.url });
    }
  });
  const client = new HttpClient({
    baseUrl: server.url,
    credential: new FakeCredential(),
    scope: "https://org.crm.dynamics.com/.default",
    maxConcurrency: cap,
    // Real waits, scaled down: Retry-After: 1 becomes about 10 ms.
    sleep: (ms, signal) => sleep(ms / 100, undefined, signal === undefined ? {} : { signal }),
  });

  const queue = Array.from({ length: logicalRequests }, (_, index) => `accounts(${index + 1})`);
  const completed: string[] = [];
  await Promise.all(
    Array.from({ length: callers }, async () => {
      for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
        const response = await client.request("GET", path);
        expect(response.status).toBe(200);
        completed.push(path);
      }
    }),
  );

  expect(completed).toHaveLength(logicalRequests);
  expect(server.peakInFlight()).toBeLessThanOrEqual(cap);
  expect(server.peakInFlight()).toBeGreaterThanOrEqual(cap / 2);
  expect(client.stats.peakInFlight).toBeLessThanOrEqual(cap);
  expect(server.requests.length).toBeLessThanOrEqual(2 * logicalRequests);
  expect(client.stats).toMatchObject({
    requestsSent: server.requests.length,
    throttled: throttledByServer,
    retries: server.requests.length - logicalRequests,
  });
  expect(throttledByServer).toBe(175);
  expect(server.requests).toHaveLength(375);
});
