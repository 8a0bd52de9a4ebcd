import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DualWriteClient, dualWriteHeaders, stateFromCode } from "../../src/live/dualwrite/dualwrite-client.js";
import type { PollOptions } from "../../src/live/dualwrite/dualwrite-client.js";
import { GatewayRefusedError } from "../../src/live/gateway.js";
import type { ProgressEvent } from "../../src/live/gateway.js";
import { HttpClient } from "../../src/live/http/index.js";
import { sendJson } from "./http/test-server.js";
import { FAST_HTTP, FAST_POLL, FakeEstate, StaticCredential } from "./fake-estate.js";

let estate: FakeEstate;
let events: ProgressEvent[];

function client(poll: PollOptions = {}): DualWriteClient {
  const http = new HttpClient({
    ...FAST_HTTP,
    baseUrl: `${estate.dualWriteUrl}/api/DualWriteManagement/1.0/`,
    credential: new StaticCredential(),
    scope: `${estate.dualWriteUrl}/.default`,
    headers: dualWriteHeaders(),
  });
  return new DualWriteClient(http, { ...FAST_POLL, onProgress: (event) => events.push(event), ...poll });
}

beforeEach(async () => {
  estate = await new FakeEstate().start();
  events = [];
});

afterEach(async () => {
  await estate.stop();
});

describe("DualWriteClient", () => {
  it("sends the Origin header on every call and reads the link", async () => {
    const link = await client().link("https://contoso.operations.dynamics.com");
    expect(link).toEqual({
      cid: "cid-1",
      financeAndOperationsUrl: "fo",
      dataverseUrl: "dv",
      dataverseOrganizationId: "org-1",
      legalEntities: ["USMF"],
    });
    expect(estate.calls[0]).toMatchObject({
      service: "dualwrite",
      method: "GET",
      path: "Environments",
      query: { targetType: "AX", identifier: "https://contoso.operations.dynamics.com" },
    });
    expect(estate.calls[0]?.headers.origin).toBe("https://dataintegrator.trafficmanager.net");
    estate.link = undefined;
    await expect(client().link("x")).resolves.toBeUndefined();
  });

  it("reads maps with their state codes", async () => {
    estate.entities = [0, 1, 2, 3, 4, 5, 6].map((state) => ({
      detail: { pid: `p${state}`, tid: `t${state}`, name: "n", sourceSchema: "CustomersV3", destinationSchema: "accounts" },
      templates: [`t${state}`],
      state,
    }));
    estate.entities.push({ ...estate.entities[4], lastRequest: { requestId: "r", status: 3, message: "boom" } } as (typeof estate.entities)[number]);
    const maps = await client().maps("cid-1");
    expect(maps.map((map) => map.state)).toEqual(["notRunning", "stopped", "initializing", "resuming", "running", "paused", "notRunning", "error"]);
    expect(maps[1]).toMatchObject({ pid: "p1", tid: "t1", sourceSchema: "CustomersV3", destinationSchema: "accounts", templates: ["t1"] });
    expect(estate.calls[0]).toMatchObject({ path: "Entities", query: { targetType: "AX", cid: "cid-1" } });
    expect(stateFromCode(99)).toBe("notRunning");
  });

  it("sends an action and polls Status until it completes, reporting progress", async () => {
    estate.waitingPolls = 2;
    const detail = { tid: "t1", pid: "p1", cid: "cid-1", parameters: { skipInitialSync: true } };
    const c = client();
    const result = await c.waitFor(await c.sendAction("start", detail), { label: "start Customers V3", untilSettled: true });
    expect(result.state).toBe("running");
    expect(estate.calls[0]).toMatchObject({ method: "POST", path: "Start", body: { action: 1, details: [detail] } });
    expect(estate.calls.slice(1).map((call) => `${call.method} ${call.path}`)).toEqual([
      `GET Status/${result.requestId}`,
      `GET Status/${result.requestId}`,
      `GET Status/${result.requestId}`,
    ]);
    expect(estate.calls.every((call) => call.headers.origin === "https://dataintegrator.trafficmanager.net")).toBe(true);
    expect(events.map((event) => event.step)).toEqual(["start Customers V3", "start Customers V3", "start Customers V3"]);
    expect(events.at(-1)).toMatchObject({ fraction: 1 });
  });

  it("keeps polling while a completed request leaves the map initializing", async () => {
    let reads = 0;
    estate.overrides.push((call, response) => {
      if (!call.path.startsWith("Status/")) return false;
      reads++;
      sendJson(response, 200, { requestId: "r", status: 2, message: "Completed", state: reads < 3 ? 2 : 4 });
      return true;
    });
    const c = client();
    const result = await c.waitFor(await c.sendAction("start", { tid: "t", pid: "p", cid: "cid-1", parameters: {} }), { label: "start", untilSettled: true });
    expect(result.state).toBe("running");
    expect(reads).toBe(3);
    expect(events[0]?.message).toMatch(/waiting for the initial sync/);
  });

  it("uses the action codes of the contract", async () => {
    const detail = { tid: "t", pid: "p", cid: "cid-1", parameters: {} };
    for (const action of ["start", "stop", "pause", "resume", "initialSync"] as const) await client().sendAction(action, detail);
    const starts = estate.calls.filter((call) => call.path === "Start").map((call) => (call.body as { action: number }).action);
    expect(starts).toEqual([1, 4, 5, 6, 8]);
  });

  it("throws a GatewayRefusedError when the service reports an error", async () => {
    estate.statusOutcome = { status: 3, message: "Initial sync failed: 3 rows", state: 1 };
    const c = client();
    const requestId = await c.sendAction("initialSync", { tid: "t", pid: "p", cid: "cid-1", parameters: {} });
    const error = await c.waitFor(requestId, { label: "initial sync", untilSettled: true }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(GatewayRefusedError);
    expect(error).toMatchObject({ message: expect.stringContaining("Initial sync failed: 3 rows"), requestId: expect.stringMatching(/^req-/) });
  });

  it("polls with a growing interval up to its maximum, reporting what it waits for", async () => {
    const sleeps: number[] = [];
    const polling = client({ initialIntervalMs: 10, maxIntervalMs: 30, sleep: async (ms) => void sleeps.push(ms) });
    let reads = 0;
    await expect(polling.poll("3 map actions", async () => (++reads < 5 ? "the initial sync" : true))).resolves.toBe(true);
    expect(sleeps).toEqual([10, 15, 23, 30]);
    expect(events.at(-1)?.message).toMatch(/^3 map actions: waiting for the initial sync/);
  });

  it("gives up after the timeout", async () => {
    estate.waitingPolls = 1_000_000;
    let clock = 0;
    const slow = client({ timeoutMs: 1000, initialIntervalMs: 300, maxIntervalMs: 1000, now: () => clock, sleep: async (ms) => void (clock += ms) });
    const error = await slow.restoreTemplates("cid-1").catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(GatewayRefusedError);
    expect(String(error)).toMatch(/did not finish within 1 s/);
    expect(estate.calls[0]).toMatchObject({ method: "POST", path: "SolutionAware/cid-1/RestoreTemplates" });
    expect(estate.calls.length).toBeLessThan(10);
  });

  it("refuses a reset of running maps without force (409)", async () => {
    estate.overrides.push((call, response) => {
      if (!call.path.endsWith("/Reset")) return false;
      sendJson(response, 409, { error: { code: "Conflict", message: "Maps are running" } });
      return true;
    });
    const request = { force: false, powerAppsEnvironmentName: "org-1", environments: ["https://fo", "https://dv"] as [string, string], legalEntities: ["USMF"] };
    const error = await client().reset("cid-1", request).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(GatewayRefusedError);
    expect(error).toMatchObject({ hint: expect.stringMatching(/force/) });
    expect(estate.calls[0]).toMatchObject({
      method: "POST",
      path: "api/ConnectionSet/cid-1/Reset",
      query: { targetType: "AX", forceReset: "false" },
      body: { powerAppsEnvironmentName: "org-1", environments: ["https://fo", "https://dv"], legalEntities: ["USMF"] },
    });
  });

  it("resets, switches versions, sets keys and legal entities, reads prerequisites", async () => {
    const dw = client();
    await dw.reset("cid-1", { force: true, powerAppsEnvironmentName: "org-1", environments: ["a", "b"], legalEntities: ["USMF"] });
    expect(estate.calls[0]?.query).toEqual({ targetType: "AX", forceReset: "true" });
    await dw.switchActive("cid-1", "t2", "p1");
    expect(estate.calls.at(-1)).toMatchObject({ method: "POST", path: "SolutionAware/cid-1/SwitchActive/t2", query: { pid: "p1" }, body: undefined });
    await dw.setIntegrationKeys("cid-1", { account: ["accountnumber", "msdyn_company.cdm_companycode"] });
    expect(estate.calls.at(-1)).toMatchObject({
      path: "api/dataset/cid-1/IntegrationKeys",
      body: { datasetName: "cid-1", integrationKeys: { account: ["accountnumber", "msdyn_company.cdm_companycode"] } },
    });
    await expect(dw.integrationKeys("cid-1")).resolves.toEqual({ account: ["accountnumber", "msdyn_company.cdm_companycode"] });
    await dw.setLegalEntities("cid-1", ["USMF", "DEMF"]);
    expect(estate.calls.at(-1)).toMatchObject({ path: "api/ConnectionSet/cid-1/LegalEntities", body: { legalEntities: ["USMF", "DEMF"] } });
    await expect(dw.prerequisites("cid-1", ["t1"])).resolves.toEqual([{ tid: "t1", prerequisites: ["t0"] }]);
    expect(estate.calls.at(-1)).toMatchObject({ method: "POST", path: "GetTemplatePrerequisiteSequences/cid-1", body: { templateIds: ["t1"] } });
  });
});
