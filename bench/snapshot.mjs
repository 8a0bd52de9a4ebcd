// Snapshot of a pair holding N maps with their keys, under injected latency: requests per snapshot and
// wall time, against a floor that fetches the same resources with plain fetch + JSON.parse.
import { toMapRow } from "../dist/live/mapping-json.js";
import { solutionFor } from "../dist/plan/solution-name.js";
import { loadEstate, openGateway, planOf, registerTables, startEstateSandbox } from "./live-estate.mjs";
import { alternate, fmtMs, median } from "./stats.mjs";

/**
 * Writes the estate's maps, alternate keys and integration keys straight into the sandbox, in a few
 * $batch requests at no latency: what an apply would leave, minus the starts, in seconds instead of minutes.
 */
export async function fillSandbox(estate, sandbox, handle, maps) {
  await registerTables(handle.gateway, maps);
  const plan = planOf(estate, await handle.gateway.snapshot());
  const http = handle.gateway.dataverse.http;
  const of = (kind) => plan.actions.filter((a) => a.kind === kind);
  const saves = of("saveMapDefinition");
  const [first, ...rest] = saves;
  if (first === undefined) throw new Error("the estate has no maps to save");
  // The first save creates dwctl's solution for the publisher; the rest go into it in $batch.
  const solution = solutionFor(first.definition.version.publisher);
  await handle.gateway.saveMapDefinition(first.definition, solution);
  const rows = await http.batch(
    rest.map((a) => ({ method: "POST", url: "msdyn_dualwriteentitymaps", headers: { "MSCRM.SolutionUniqueName": solution }, body: toMapRow(a.definition) })),
    { maxOperations: 100 },
  );
  const keys = await http.batch(
    of("createAlternateKey").map((a) => ({
      method: "POST",
      url: `EntityDefinitions(LogicalName='${a.table}')/Keys`,
      body: {
        "@odata.type": "Microsoft.Dynamics.CRM.EntityKeyMetadata",
        SchemaName: a.schemaName,
        DisplayName: { LocalizedLabels: [{ Label: a.displayName, LanguageCode: 1033 }] },
        KeyAttributes: a.attributes,
      },
    })),
  );
  const failed = [...rows, ...keys].filter((r) => r.status >= 300);
  if (failed.length > 0) throw new Error(`filling the sandbox failed: ${failed.length} operations, first ${failed[0].status}`);
  // Apply Solution makes the saved versions the service's maps (dualwrite-service.md §5.6); keys go one table a call (§5.8).
  await handle.gateway.applySolution(solution);
  await handle.gateway.setIntegrationKeys(of("setIntegrationKey").map((a) => ({ table: a.table, columns: a.columns })));
}

/** The snapshot's GETs, replayed with plain fetch: the same URLs, tokens and dependency (link, then the maps). */
async function rawFloor(sandbox, urls) {
  const tokens = new Map();
  for (const audience of new Set(urls.map((u) => u.audience))) {
    const response = await globalThis.fetch(`${sandbox.url}/_sandbox/token`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ client_id: "bench", client_secret: sandbox.secret, scope: `${audience}/.default` }),
    });
    tokens.set(audience, (await response.json()).access_token);
  }
  const get = async ({ url, audience }) => {
    const headers = { authorization: `Bearer ${tokens.get(audience)}`, accept: "application/json", origin: "https://dataintegrator.trafficmanager.net" };
    const response = await globalThis.fetch(url, { headers });
    return JSON.parse(await response.text());
  };
  const first = urls.filter((u) => !u.afterLink);
  const second = urls.filter((u) => u.afterLink);
  return async () => {
    await Promise.all([
      ...first.filter((u) => !u.link).map(get),
      ...first.filter((u) => u.link).map(async (u) => {
        await get(u);
        await Promise.all(second.map(get));
      }),
    ]);
  };
}

export async function benchSnapshot({ maps = 1000, latencyMs = 20, runs = 7 } = {}) {
  const estate = await loadEstate({ maps, levels: 1 });
  const sandbox = await startEstateSandbox(estate);
  try {
    const handle = openGateway(estate, sandbox);
    const fillStart = performance.now();
    await fillSandbox(estate, sandbox, handle, maps);
    const fillMs = performance.now() - fillStart;
    await sandbox.setFaults({ latencyMs });
    // One snapshot to check the fill and to learn the URLs the floor replays.
    handle.clearRoutes();
    const { gateway } = handle;
    const check = await gateway.snapshot();
    if (check.maps.length !== maps + 1 || check.integrationKeys.length !== maps + 1) {
      throw new Error(`the filled sandbox shows ${check.maps.length} maps and ${check.integrationKeys.length} integration keys, expected ${maps + 1}`);
    }
    const urls = snapshotUrls(sandbox, handle.sent());
    const floor = await rawFloor(sandbox, urls);
    let counts = [];
    const snapshot = async () => {
      const start = handle.requests();
      await gateway.snapshot();
      counts.push(handle.requests() - start);
    };
    await floor();
    await snapshot(); // warm-up
    counts = [];
    const times = await alternate(runs, { floor, snapshot });
    const s = median(times.snapshot);
    const f = median(times.floor);
    const requests = Math.max(...counts);
    const ratio = s / f;
    const readEach = 2 * (maps + 1) + 2;
    console.log(
      `snapshot: ${maps + 1} maps (+ keys), ${latencyMs} ms latency: ${requests} HTTP requests per snapshot ${requests <= 10 ? "within target (<= 10)" : "OVER target (<= 10)"}, against 2N+2 = ${readEach} to read each map; ` +
        `median ${fmtMs(s)}; floor (the same ${urls.length} GETs, plain fetch + JSON.parse, link then maps) median ${fmtMs(f)}; ratio ${ratio.toFixed(2)}; latency alone 2 x ${latencyMs} ms = ${2 * latencyMs} ms; ${runs} runs (filling the sandbox took ${(fillMs / 1000).toFixed(1)} s)`,
    );
    return { requests, snapshotMs: s, floorMs: f, ratio };
  } finally {
    await sandbox.stop();
    await estate.remove();
  }
}

/** The snapshot's requests as sent, with the token audience of each and its place in the dependency (link, then maps). */
function snapshotUrls(sandbox, sent) {
  return sent.map(({ method, url }) => {
    if (method !== "GET") throw new Error(`a snapshot sent ${method} ${url}`);
    const path = new URL(url).pathname;
    const audience = path.startsWith("/dualwrite/") ? `${sandbox.url}/dualwrite` : `${sandbox.url}${path.split("/").slice(0, 3).join("/")}`;
    // The service's reads after Environments (it names the connection set): Entities and the connection set.
    return { url, audience, link: path.endsWith("/Environments"), afterLink: path.endsWith("/Entities") || path.includes("/api/ConnectionSet/") };
  });
}
