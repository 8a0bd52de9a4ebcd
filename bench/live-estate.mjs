// Shared by the snapshot, apply and memory benchmarks: a generated estate, the sandbox it is applied to,
// a gateway as the CLI builds it, and counters of the HTTP requests the gateway sends.
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { applyPlan } from "../dist/apply/apply-plan.js";
import { planFor } from "../dist/cli/plan-run.js";
import { readInputFiles } from "../dist/config/read-files.js";
import { validateSources } from "../dist/validate/validate-sources.js";
import { gatewayForPair } from "../dist/live/http-gateway.js";
import { desiredForPair } from "../dist/model/pair-view.js";
import { generateEstate } from "./generate-estate.mjs";
import { startSandboxProcess } from "./sandbox-process.mjs";

/** The CLI's defaults (src/cli/plan.ts and src/cli/apply.ts). */
export const PLAN_OPTIONS = { prune: false, maxStops: 10, confirm: undefined };
export const CLI_PARALLELISM = 16;

/**
 * Platform delays small enough that latency x requests is what remains; no request budget to run
 * into. Dataverse recommends (x-ms-dop-hint) the parallelism the CLI runs at, so that the floor's
 * concurrency is one the platform allows: dwctl follows the hint, and the sandbox's default of 8
 * would halve the Dataverse phases' concurrency.
 */
export const TINY_TIMINGS = { keyPendingMs: 2, keyBuildMs: 3, mapTransitionMs: 5, requestBudget: 1_000_000_000, dopHint: CLI_PARALLELISM };

export async function loadEstate({ maps, fields = 40, levels }) {
  const dir = await mkdtemp(join(tmpdir(), "dwctl-bench-live-"));
  await generateEstate(dir, { maps, fields, levels });
  const result = validateSources(await readInputFiles(["maps"], dir));
  const errors = result.diagnostics.filter((d) => d.severity === "error");
  if (errors.length > 0) throw new Error(`the generated estate has ${errors.length} errors, first: ${errors[0].message}`);
  const desired = result.desired;
  const pair = desired.pairs.find((p) => p.name === "prod");
  return { dir, desired, pair, remove: () => rm(dir, { recursive: true, force: true }) };
}

export async function startEstateSandbox(estate, timings = TINY_TIMINGS, execArgv = []) {
  const dataDir = join(estate.dir, "sandbox");
  await mkdir(dataDir, { recursive: true });
  return startSandboxProcess({ dataDir, timings, environments: [{ name: estate.pair.name, legalEntities: estate.pair.legalEntities }], execArgv });
}

/** A gateway as `dwctl plan/apply` builds it for a sandbox pair (no http or poll overrides), with request counters. */
export function openGateway(estate, sandbox) {
  const byRoute = new Map();
  let sent = [];
  const logger = (event) => {
    if (event.level !== "debug" || event.status === undefined) return;
    const route = routeOf(event.method, event.url);
    byRoute.set(route, (byRoute.get(route) ?? 0) + 1);
    sent.push({ method: event.method, url: event.url });
  };
  const gateway = gatewayForPair(estate.pair, {}, { sandbox: { url: sandbox.url, secret: sandbox.secret }, http: { logger } });
  const clients = [gateway.dataverse.http, gateway.finOps.http, gateway.dualWrite.http];
  return {
    gateway,
    /** HTTP requests sent by the gateway's three clients so far (HttpClient.stats.requestsSent, retries included). */
    requests: () => clients.reduce((sum, client) => sum + client.stats.requestsSent, 0),
    retries: () => clients.reduce((sum, client) => sum + client.stats.retries, 0),
    byRoute: () => new Map(byRoute),
    /** Method and URL of every request answered since the last clearRoutes. */
    sent: () => [...sent],
    clearRoutes: () => {
      byRoute.clear();
      sent = [];
    },
  };
}

/** A request's route with ids and per-map names folded, to see which calls scale with the maps. */
export function routeOf(method, url) {
  const path = url
    .replace(/^https?:\/\/[^/]+/, "")
    .replace(/\?.*$/, "")
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, "<id>")
    .replace(/bench_table\d+/g, "<table>")
    .replace(/bench_key\d+/g, "<key>")
    .replace(/Status\/[^/]+$/, "Status/<request>");
  return `${method} ${path}`;
}

/**
 * The sandbox registers a custom table when a row is first written to it, so keys can be created on it.
 * (Creating a key on an unknown table registers it under the raw `LogicalName='x'` segment, after which
 * the key's status reads 404 for ever: a sandbox bug, worked around here.) Writes and deletes one row per table.
 */
export async function registerTables(gateway, maps) {
  const ids = Array.from({ length: maps }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`);
  const http = gateway.dataverse.http;
  const put = await http.batch(ids.map((id, i) => ({ method: "PATCH", url: `bench_table${i}s(${id})`, body: { bench_key: "register" } })));
  const del = await http.batch(ids.map((id, i) => ({ method: "DELETE", url: `bench_table${i}s(${id})` })));
  const failed = [...put, ...del].filter((r) => r.status >= 300);
  if (failed.length > 0) throw new Error(`registering the bench tables failed: ${failed.length} operations, first ${failed[0].status}`);
}

export function planOf(estate, snapshot) {
  return planFor(estate.desired, estate.pair, snapshot, PLAN_OPTIONS, null).plan;
}

/** Applies a plan as `dwctl apply` does (src/cli/apply.ts): same parallelism, key polling and timeouts. */
export async function applyAsCli(estate, gateway, plan, runId, log = () => undefined) {
  return applyPlan(
    gateway,
    plan,
    { desired: desiredForPair(estate.desired, estate.pair), replan: (snapshot) => planOf(estate, snapshot) },
    {
      runsDir: join(estate.dir, "runs"),
      runId,
      command: "bench",
      actor: "bench",
      lockTtlMs: 15 * 60_000,
      parallelism: CLI_PARALLELISM,
      confirm: undefined,
      keyTimeoutMs: 30 * 60_000,
      pollMs: 250,
      log,
    },
  );
}

export function countKinds(plan) {
  const kinds = {};
  for (const action of plan.actions) kinds[action.kind] = (kinds[action.kind] ?? 0) + 1;
  return kinds;
}
