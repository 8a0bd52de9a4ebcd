import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ApplyRefusedError, applyPlan, type ApplyOptions } from "../../src/apply/apply-plan.js";
import type { PairDesired } from "../../src/model/pair-view.js";
import type { Snapshot } from "../../src/model/snapshot.js";
import { defaultMaxStops } from "../../src/plan/build-plan.js";
import type { Plan } from "../../src/plan/plan.js";
import { editFile, liveFromDesired, pairDesired, planEstate, planOf } from "../plan/builders.js";
import { recordingGateway } from "./fake-gateway.js";

/**
 * When apply needs --confirm <pair>, and that only the pair's own name confirms: through the
 * public applyPlan, with an in-memory pair standing in for the environment.
 */

/** An estate of `count` running global maps m0, m1, … (each with its key), and the planEstate's pairs. */
function manyMaps(count: number, edited: number): Record<string, string> {
  const files: Record<string, string> = { "maps/environments.yaml": planEstate()["maps/environments.yaml"] ?? "" };
  for (let i = 0; i < count; i++) {
    const direction = i < edited ? ">" : "=";
    files[`maps/tablemaps/m${i}.yaml`] = `kind: TableMap
name: m${i}
financeAndOperations: { entity: Entity${i}, label: Entity ${i} }
dataverse: { table: new_t${i}, entitySet: new_t${i}s }
scope: global
version: { publisher: contoso, number: 1.0.0.0 }
fields:
  - { fo: CODE, map: "=", dv: new_code }
  - { fo: NAME, map: "${direction}", dv: new_name }
`;
    files[`maps/keys/new_t${i}.yaml`] = `kind: IntegrationKey
table: new_t${i}
columns: [new_code]
alternateKey: { schemaName: new_code_key, displayName: Code }
`;
  }
  return files;
}

/** A plan on `pair` of the estate of `count` maps, `stops` of which were edited (so stopped and started again). */
function planWithStops(count: number, stops: number, options: { maxStops?: number; pair?: string } = {}): Plan {
  const pair = options.pair ?? "stage";
  const live = liveFromDesired(pairDesired(manyMaps(count, 0), pair));
  const plan = planOf(pairDesired(manyMaps(count, stops), pair), { live, ...(options.maxStops === undefined ? {} : { maxStops: options.maxStops }) });
  expect(plan.actions.filter((a) => a.kind === "stopMap")).toHaveLength(stops);
  return plan;
}

const reasons = (plan: Plan): string[] => plan.confirmationsRequired.map((c) => `${c.reason}: ${c.message}`);

describe("--max-stops: a plan that stops more maps than the limit needs --confirm", () => {
  it("is 10 by default", () => {
    expect(defaultMaxStops).toBe(10);
  });

  it.each([
    [0, 0, []],
    [1, 0, ["maxStops: apply stops 1 maps, more than the limit of 0 (--max-stops)"]],
    [1, 1, []],
    [2, 1, ["maxStops: apply stops 2 maps, more than the limit of 1 (--max-stops)"]],
    [3, 3, []],
    [3, 2, ["maxStops: apply stops 3 maps, more than the limit of 2 (--max-stops)"]],
  ] as const)("%i stops with --max-stops %i", (stops, maxStops, expected) => {
    expect(reasons(planWithStops(4, stops, { maxStops }))).toEqual(expected);
  });

  it("takes the default when none is given: 10 stops pass, 11 need --confirm", () => {
    expect(reasons(planWithStops(11, 10))).toEqual([]);
    expect(reasons(planWithStops(11, 11))).toEqual(["maxStops: apply stops 11 maps, more than the limit of 10 (--max-stops)"]);
  });

  it("counts only stops: starts, saves and the rest are free", () => {
    const plan = planWithStops(4, 2, { maxStops: 2 });
    expect(plan.actions.length).toBeGreaterThan(2);
    expect(plan.confirmationsRequired).toEqual([]);
  });

  it("adds to a protected pair's own confirmation", () => {
    expect(reasons(planWithStops(3, 3, { pair: "prod", maxStops: 2 }))).toEqual([
      "protectedPair: prod is protected and apply stops 3 map(s): Entity 0 (new_t0s), Entity 1 (new_t1s), Entity 2 (new_t2s)",
      "maxStops: apply stops 3 maps, more than the limit of 2 (--max-stops)",
    ]);
  });
});

describe("why a plan needs --confirm", () => {
  const customers = "maps/tablemaps/customers.yaml";

  it("names each reason: a protected pair's stops and initial syncs, a protected map's stop", () => {
    const live = liveFromDesired(pairDesired(planEstate(), "prod"));
    const rerun = pairDesired(editFile(planEstate(), customers, "initialSync: { enabled: true, master: dataverse }", "initialSync: { enabled: true, master: dataverse, rerun: T-1 }"), "prod");
    expect(reasons(planOf(rerun, { live }))).toEqual([
      "protectedPair: prod is protected and apply stops 1 map(s): Customers V3 (accounts)",
      "protectedPair: prod is protected and apply runs 1 initial sync(s): Customers V3 (accounts)",
    ]);
    const stage = liveFromDesired(pairDesired(planEstate()));
    const stopped = pairDesired(editFile(planEstate(), customers, "state: running", "state: stopped\nprotected: true"));
    expect(reasons(planOf(stopped, { live: stage }))).toEqual(["protectedMap: customers is protected and apply stops it"]);
  });
});

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function applyOptions(confirm: string | undefined): ApplyOptions {
  const runsDir = mkdtempSync(join(tmpdir(), "dwctl-confirm-"));
  dirs.push(runsDir);
  return {
    runsDir,
    runId: "run-1",
    command: "apply",
    actor: "test",
    lockTtlMs: 60_000,
    parallelism: 4,
    confirm,
    keyTimeoutMs: 1_000,
    pollMs: 1,
    log: () => undefined,
    sleep: async () => undefined,
  };
}

/** Applies `plan`, made from `live`, to an in-memory pair in that state; returns what was written, or the refusal. */
async function apply(pd: PairDesired, live: Snapshot, plan: Plan, confirm: string | undefined) {
  const gateway = recordingGateway(plan.pair, live);
  const replan = (snapshot: Snapshot): Plan => planOf(pd, { live: snapshot, lastApplied: undefined });
  // A plan made a moment ago in this process (apply --auto-approve), not read from a file.
  const context = { desired: pd, replan, saved: false };
  const outcome = await applyPlan(gateway, plan, context, applyOptions(confirm)).then(
    () => "applied",
    (error: unknown) => error,
  );
  return { outcome, writes: gateway.writes, lock: gateway.records.get("lock"), lastApplied: gateway.records.get("lastApplied") };
}

describe("apply --confirm", () => {
  const edited = (pair: string): PairDesired =>
    pairDesired(editFile(planEstate(), "maps/tablemaps/customers.yaml", '{ fo: ORGANIZATIONNAME, map: "=", dv: name }', '{ fo: ORGANIZATIONNAME, map: ">", dv: name }'), pair);

  /** prod is protected: the edit stops a map there, so the plan needs --confirm prod. */
  function protectedPlan(): { pd: PairDesired; live: Snapshot; plan: Plan } {
    const live = liveFromDesired(pairDesired(planEstate(), "prod"));
    const pd = edited("prod");
    const plan = planOf(pd, { live, lastApplied: undefined });
    expect(plan.confirmationsRequired.map((c) => c.reason)).toEqual(["protectedPair"]);
    return { pd, live, plan };
  }

  it.each([["stage"], ["PROD"], ["prod "], [""], [undefined]])("refuses a protected pair's plan with --confirm %j, and writes nothing", async (confirm) => {
    const { pd, live, plan } = protectedPlan();
    const result = await apply(pd, live, plan, confirm);
    expect(result.outcome).toBeInstanceOf(ApplyRefusedError);
    expect((result.outcome as ApplyRefusedError).hint).toContain("--confirm prod");
    expect(result.writes).toEqual([]);
    expect(result.lock).toBeUndefined();
    expect(result.lastApplied).toBeUndefined();
  });

  it("applies it with --confirm prod", async () => {
    const { pd, live, plan } = protectedPlan();
    const result = await apply(pd, live, plan, "prod");
    expect(result.outcome).toBe("applied");
    expect(result.writes).toEqual(["stop CustomersV3", "save CustomersV3 into dwctl_contoso", "applySolution dwctl_contoso", "refresh CustomersV3", "start CustomersV3"]);
    expect(result.lock).toBeUndefined();
    expect(result.lastApplied).toBeDefined();
  });

  it("needs the pair's own name above --max-stops on an unprotected pair too", async () => {
    const live = liveFromDesired(pairDesired(manyMaps(3, 0), "stage"));
    const pd = pairDesired(manyMaps(3, 3), "stage");
    const plan = planOf(pd, { live, lastApplied: undefined, maxStops: 2 });
    expect(plan.confirmationsRequired.map((c) => c.reason)).toEqual(["maxStops"]);
    const refused = await apply(pd, live, plan, "prod");
    expect(refused.outcome).toBeInstanceOf(ApplyRefusedError);
    expect(refused.writes).toEqual([]);
    const replan = (snapshot: Snapshot): Plan => planOf(pd, { live: snapshot, lastApplied: undefined, maxStops: 2 });
    const gateway = recordingGateway("stage", live);
    await applyPlan(gateway, plan, { desired: pd, replan, saved: false }, applyOptions("stage"));
    expect(gateway.writes.filter((w) => w.startsWith("stop "))).toEqual(["stop Entity0", "stop Entity1", "stop Entity2"]);
  });

  it("needs no --confirm for a plan without confirmations", async () => {
    const live = liveFromDesired(pairDesired(planEstate(), "stage"));
    const pd = edited("stage");
    const plan = planOf(pd, { live, lastApplied: undefined });
    expect(plan.confirmationsRequired).toEqual([]);
    const result = await apply(pd, live, plan, undefined);
    expect(result.outcome).toBe("applied");
    expect(result.writes).toContain("stop CustomersV3");
  });
});
