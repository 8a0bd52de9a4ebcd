import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { RunningSandbox } from "../../src/sandbox/index.js";
import { FaultInjector } from "../../src/sandbox/faults.js";
import { SandboxClient, dv, fo, removeDir, send, start, tempDir } from "./helpers.js";

describe("sandbox service protection and fault injection", () => {
  const dir = tempDir();
  let sandbox: RunningSandbox;
  let client: SandboxClient;
  beforeAll(async () => {
    sandbox = await start(dir);
    client = new SandboxClient(sandbox);
  });
  afterEach(() => sandbox.setFaults(undefined));
  afterAll(async () => {
    await sandbox.stop();
    removeDir(dir);
  });

  it("answers 429 with Retry-After beyond 52 concurrent requests, and counts them", async () => {
    await client.token(`${sandbox.url}/prod/dataverse`);
    sandbox.resetStats();
    // Long enough that all 60 requests are in flight together even on a loaded machine.
    sandbox.setFaults({ latencyMs: 1000 });
    const replies = await Promise.all(Array.from({ length: 60 }, () => client.call("GET", dv("prod", "WhoAmI"))));
    const throttled = replies.filter((reply) => reply.status === 429);
    expect(throttled.length).toBeGreaterThan(0);
    expect(replies.filter((reply) => reply.status === 200).length).toBeGreaterThanOrEqual(52);
    expect(throttled[0]?.headers.get("retry-after")).toMatch(/^\d+$/);
    // Concurrency: 0x80072326 (-2147015898), docs power-apps api-limits.md.
    expect(throttled[0]?.json["error"]).toMatchObject({ code: "0x80072326" });
    const stats = sandbox.stats();
    expect(stats.throttled).toBe(throttled.length);
    expect(stats.peakConcurrent).toBeGreaterThan(52);
    expect(stats.byKind["dataverse"]).toBe(60);
  });

  it("injects 429 storms, 503s, dropped connections and hangs, never on control endpoints", async () => {
    sandbox.setFaults({ throttleRatio: 1, retryAfterSeconds: 7 });
    const throttled = await client.call("GET", dv("prod", "WhoAmI"));
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get("retry-after")).toBe("7");
    expect((await client.control("GET", "status")).status).toBe(200);
    sandbox.setFaults({ errorRatio: 1 });
    expect((await client.call("GET", fo("prod", "data/DualWriteProjectConfigurations"))).status).toBe(503);
    sandbox.setFaults({ resetRatio: 1 });
    await expect(client.call("GET", dv("prod", "WhoAmI"))).rejects.toThrow();
    sandbox.setFaults({ hangRatio: 1 });
    const token = await client.token(`${sandbox.url}/prod/dataverse`);
    await expect(fetch(`${sandbox.url}${dv("prod", "WhoAmI")}`, { headers: { authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(150) })).rejects.toThrow();
  });

  it("adds latency to API responses and takes faults over HTTP", async () => {
    const put = await client.control("PUT", "faults", { latencyMs: 120 });
    expect(put.status).toBe(200);
    const started = Date.now();
    expect((await client.call("GET", dv("prod", "WhoAmI"))).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(110);
    expect((await client.control("DELETE", "faults")).status).toBe(204);
    expect((await client.control("PUT", "faults", { throttleRatio: 2 })).status).toBe(400);
  });

  it("repeats the same faults for the same seed", () => {
    const draw = (): string[] => {
      const injector = new FaultInjector();
      injector.set({ throttleRatio: 0.3, errorRatio: 0.3, seed: 42 });
      return Array.from({ length: 20 }, () => injector.decide());
    };
    const first = draw();
    expect(draw()).toEqual(first);
    expect(new Set(first).size).toBeGreaterThan(1);
  });

  it("reports stats by kind over HTTP", async () => {
    await client.token(`${sandbox.url}/stage/dataverse`);
    await client.token(`${sandbox.url}/stage/finops`);
    sandbox.resetStats();
    await client.call("GET", dv("stage", "WhoAmI"));
    await client.call("GET", fo("stage", "data/DualWriteProjectConfigurations"));
    const stats = await client.control("GET", "stats");
    expect(stats.json).toMatchObject({ byKind: { dataverse: 1, finops: 1, control: 1 }, throttled: 0 });
    expect((await client.control("DELETE", "stats")).status).toBe(204);
  });
});

describe("sandbox request budget", () => {
  const dir = tempDir();
  let sandbox: RunningSandbox;
  beforeAll(async () => {
    sandbox = await start(dir, { timings: { requestBudget: 5, requestWindowMs: 60_000 } });
  });
  afterAll(async () => {
    await sandbox.stop();
    removeDir(dir);
  });

  it("answers 429 once a service's budget for the window is spent, per service", async () => {
    const client = new SandboxClient(sandbox);
    for (let index = 0; index < 5; index++) expect((await client.call("GET", dv("prod", "WhoAmI"))).status).toBe(200);
    const over = await client.call("GET", dv("prod", "WhoAmI"));
    expect(over.status).toBe(429);
    // Request count: 0x80072322 (-2147015902), docs power-apps api-limits.md.
    expect(over.json["error"]).toMatchObject({ code: "0x80072322" });
    expect(Number(over.headers.get("retry-after"))).toBeGreaterThan(50);
    expect((await client.call("GET", dv("stage", "WhoAmI"))).status).toBe(200);
    const unauthenticated = await send(sandbox.url, "GET", dv("prod", "WhoAmI"));
    expect(unauthenticated.status).toBe(401);
  });
});

describe("the execution-time limit", () => {
  it("answers 429 0x80072321 with Retry-After once a client's serving time for the window is spent", async () => {
    const dir = tempDir();
    const sandbox = await start(dir, { timings: { executionBudgetMs: 150 } });
    try {
      const client = new SandboxClient(sandbox);
      await client.token(`${sandbox.url}/prod/dataverse`);
      sandbox.setFaults({ latencyMs: 200 });
      expect((await client.call("GET", dv("prod", "WhoAmI"))).status).toBe(200);
      sandbox.setFaults(undefined);
      const over = await client.call("GET", dv("prod", "WhoAmI"));
      expect(over.status).toBe(429);
      // Execution time: 0x80072321 (-2147015903), docs power-apps api-limits.md.
      expect(over.json["error"]).toMatchObject({ code: "0x80072321" });
      expect(Number(over.headers.get("retry-after"))).toBeGreaterThan(0);
      expect((await client.call("GET", dv("stage", "WhoAmI"))).status).toBe(200);
    } finally {
      await sandbox.stop();
      removeDir(dir);
    }
  });
});

describe("the parallelism Dataverse recommends", () => {
  it("is a sandbox timing, read from DWCTL_SANDBOX_TIMINGS like the others", async () => {
    const { timingsFromEnv } = await import("../../src/sandbox/settings.js");
    expect(timingsFromEnv({ DWCTL_SANDBOX_TIMINGS: '{"dopHint": 16}' })).toEqual({ dopHint: 16 });
    const dir = tempDir();
    const sandbox = await start(dir, { timings: { dopHint: 3 } });
    try {
      const reply = await new SandboxClient(sandbox).call("GET", dv("prod", "WhoAmI"));
      expect(reply.headers.get("x-ms-dop-hint")).toBe("3");
    } finally {
      await sandbox.stop();
      removeDir(dir);
    }
  });
});
