import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { ApplyFailedError, ApplyRefusedError, actionDifferences, applyPlan, checkSavedPlan, phases, type ApplyOptions } from "../../src/apply/apply-plan.js";
import type { PairDesired } from "../../src/model/pair-view.js";
import type { Snapshot } from "../../src/model/snapshot.js";
import type { Action, Plan } from "../../src/plan/plan.js";
import { sealPlan } from "../../src/plan/seal-plan.js";
import { emptyLive, lastAppliedFor, liveFromDesired, pairDesired, planEstate, planOf, withLiveMap } from "../plan/builders.js";
import { frozenClockAndTempDirs, recordingGateway, type FakeOptions, type RecordingGateway } from "./fake-gateway.js";

/**
 * What apply-plan.ts decides on its own, beyond the whole runs of apply-run.test.ts: the hint of a
 * failed step, the message of a changed plan file, how two plans are compared action by action,
 * which building key indexes the starts wait for, waves without actions, its own clock, and the
 * compare-and-swap condition of the last-applied record.
 */

const START = Date.parse("2026-03-01T10:00:00.000Z");
const dirs = frozenClockAndTempDirs(START);

const pd = pairDesired(planEstate());

function optionsFor(changes: Partial<ApplyOptions> = {}): ApplyOptions & { lines: string[] } {
  const runsDir = mkdtempSync(join(tmpdir(), "dwctl-m1-"));
  dirs.push(runsDir);
  const lines: string[] = [];
  return {
    runsDir,
    runId: "run-1",
    command: "apply --env stage",
    actor: "tester",
    lockTtlMs: 600_000,
    parallelism: 4,
    confirm: undefined,
    keyTimeoutMs: 600_000,
    pollMs: 1,
    log: (line) => lines.push(line),
    sleep: async () => undefined,
    lines,
    ...changes,
  };
}

async function run(
  plan: Plan,
  live: Snapshot,
  desired: PairDesired = pd,
  fake: FakeOptions = {},
  replan: (snapshot: Snapshot) => Plan = (snapshot) => planOf(desired, { live: snapshot, lastApplied: undefined }),
): Promise<{ gateway: RecordingGateway; lines: string[]; outcome: unknown }> {
  const gateway = recordingGateway(plan.pair, live, fake);
  const options = optionsFor();
  const outcome = await applyPlan(gateway, plan, { desired, replan, saved: false }, options).catch((error: unknown) => error);
  return { gateway, lines: options.lines, outcome };
}

describe("the hint of a failed step", () => {
  const action = { id: "wave2/save/x", kind: "saveMapDefinition", wave: 2, description: "create X" } as unknown as Action;

  it("takes the cause's own hint only from an Error", () => {
    const thrown = { message: "not an Error", hint: "a hint nobody vouches for" };
    const error = new ApplyFailedError(action, thrown, "/runs/run-1/journal.jsonl", 3, 7);
    expect(error.message).toBe("create X: [object Object]");
    expect(error.hint).toBe(
      "3 of 7 actions were applied before this one (journal: /runs/run-1/journal.jsonl). Fix the cause and run dwctl plan and apply again: the new plan starts from where this run stopped.",
    );
  });

  it("still says how far the run got when nothing but null was thrown", () => {
    const error = new ApplyFailedError(action, null, "j.jsonl", 0, 1);
    expect(error.message).toBe("create X: null");
    expect(error.hint).toMatch(/^0 of 1 actions were applied before this one \(journal: j\.jsonl\)\./);
  });
});

describe("a plan file changed after dwctl wrote it", () => {
  it("is refused with the first 12 characters of the hash it claims, not the whole hash", () => {
    const plan = sealPlan(planOf(pd, { live: liveFromDesired(pd), lastApplied: undefined }));
    const claimed = plan.integrity ?? "";
    expect(claimed).toHaveLength(64);
    let refused: unknown;
    try {
      checkSavedPlan({ ...plan, prune: true }, plan.desiredHash);
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(ApplyRefusedError);
    expect((refused as ApplyRefusedError).message).toBe(`the plan file was changed after dwctl wrote it: its content no longer matches its integrity hash ${claimed.slice(0, 12)}`);
    expect((refused as ApplyRefusedError).hint).toBe("Make the plan again with dwctl plan --env stage --out <file>, review it, and apply that file unchanged.");
  });
});

describe("where a plan file and the plan made now part", () => {
  const base = planOf(pd, { live: emptyLive(pd), lastApplied: undefined });
  const [a, b, c] = base.actions as [Action, Action, Action];
  const withActions = (actions: Action[]): Plan => ({ ...base, actions });

  it("finds nothing between a plan and an identical copy", () => {
    expect(actionDifferences(base, structuredClone(base))).toEqual([]);
  });

  it("names an action the plan made now adds at the end, and only that one", () => {
    expect(actionDifferences(withActions([a, b]), withActions([a, b, c]))).toEqual([`  + ${c.description}`]);
  });

  it("names an action the file has at the end that the plan made now has not", () => {
    expect(actionDifferences(withActions([a, b, c]), withActions([a, b]))).toEqual([`  - ${c.description}`]);
  });

  it("names both sides where another action stands at the same place, and keeps going", () => {
    expect(actionDifferences(withActions([a, b]), withActions([b, b]))).toEqual([`  - ${a.description}`, `  + ${b.description}`]);
    expect(actionDifferences(withActions([a, b, a]), withActions([a, c, a, c]))).toEqual([`  - ${b.description}`, `  + ${c.description}`, `  + ${c.description}`]);
  });

  it("marks an action that reads the same but writes something else", () => {
    const changed = { ...b, id: `${b.id}-changed` } as Action;
    expect(actionDifferences(withActions([a, b, c]), withActions([a, changed, c]))).toEqual([`  ~ ${b.description} (what it writes differs)`]);
  });
});

describe("building key indexes the starts wait for", () => {
  /** Live: the pair as applied, with the currencies map stopped (so it is started). */
  function stoppedCurrencies(): Snapshot {
    return withLiveMap(liveFromDesired(pd), "transactioncurrency", (m) => {
      m.state = "stopped";
    });
  }

  it("leaves a key this run creates on a started table to its own step, even where a building key of that name is there", async () => {
    const live = stoppedCurrencies();
    const key = live.alternateKeys.find((k) => k.table === "transactioncurrency");
    if (key === undefined) throw new Error("no currencies key");
    // Another key of the same name, on other columns, still building: the planner creates the one git wants.
    key.attributes = ["transactioncurrencyid"];
    key.status = "pending";
    const plan = planOf(pd, { live, lastApplied: lastAppliedFor(pd) });
    expect(plan.actions.map((x) => x.kind)).toEqual(expect.arrayContaining(["createAlternateKey", "startMap"]));
    const applied = await run(plan, live, pd, {}, (snapshot) => planOf(pd, { live: snapshot, lastApplied: lastAppliedFor(pd) }));
    expect(applied.outcome).toMatchObject({ actions: plan.actions.length });
    // Read once, by the create step; not again before the start.
    expect(applied.gateway.statusReads).toEqual([["msdyn_isocurrencycode_key"]]);
    expect(applied.gateway.timeline.filter((t) => t.startsWith("status") || t.startsWith("start") || t.startsWith("createKey"))).toEqual([
      "createKey transactioncurrency msdyn_isocurrencycode_key (isocurrencycode)",
      "status msdyn_isocurrencycode_key",
      "start Currencies",
    ]);
  });

  it("waits for a building key on a started table though this run creates a key of the same name on another table", async () => {
    const live = stoppedCurrencies();
    // The account key is gone (this run creates it); the currencies key, building, has the same schema name.
    live.alternateKeys = live.alternateKeys.filter((k) => k.table !== "account");
    const currencies = live.alternateKeys.find((k) => k.table === "transactioncurrency");
    if (currencies === undefined) throw new Error("no currencies key");
    currencies.schemaName = "msdyn_accountnumber_company";
    currencies.status = "inProgress";
    const plan = planOf(pd, { live, lastApplied: lastAppliedFor(pd) });
    const applied = await run(plan, live, pd, {}, (snapshot) => planOf(pd, { live: snapshot, lastApplied: lastAppliedFor(pd) }));
    expect(applied.outcome).toMatchObject({ actions: plan.actions.length });
    // The create step reads its key's status on account; the start of currencies waits for the index on transactioncurrency.
    expect(applied.gateway.timeline.filter((t) => t.startsWith("status") || t.startsWith("start") || t.startsWith("createKey"))).toEqual([
      "createKey account msdyn_accountnumber_company (accountnumber,msdyn_company)",
      "status msdyn_accountnumber_company",
      "status msdyn_accountnumber_company",
      "start Currencies",
    ]);
  });
});

describe("the phases of a wave", () => {
  it("give every kind of action the plan format has a phase, so that no action of a wave is left out", () => {
    // schemas/plan.schema.json: definitions.action is one of the action definitions, each with its kind.
    const schema = JSON.parse(readFileSync(new URL("../../schemas/plan.schema.json", import.meta.url), "utf8")) as {
      definitions: Record<string, { oneOf?: { $ref: string }[]; properties?: { kind?: { const?: string } } }>;
    };
    const kinds = (schema.definitions.action?.oneOf ?? []).map((ref) => schema.definitions[ref.$ref.replace("#/definitions/", "")]?.properties?.kind?.const ?? ref.$ref);
    expect(kinds.length).toBeGreaterThanOrEqual(13);
    const actions = kinds.map((kind, i) => ({ id: `a${i}`, wave: 1, kind, description: kind }) as unknown as Action);
    const phased = phases(actions);
    expect(phased.flat().map((a) => a.kind).sort()).toEqual([...kinds].sort());
    for (const phase of phased) expect(phase).toHaveLength(1);
  });
});

describe("a wave with no actions", () => {
  it("is skipped: no line for it and no progress record", async () => {
    const live = withLiveMap(liveFromDesired(pd), "account", (m) => {
      m.state = "stopped";
    });
    const made = planOf(pd, { live, lastApplied: lastAppliedFor(pd) });
    const empty = Math.max(...made.waves.map((w) => w.index)) + 1;
    const plan: Plan = { ...made, waves: [...made.waves, { ...made.waves[0], index: empty, title: "nothing" } as Plan["waves"][number]] };
    const applied = await run(plan, live, pd, {}, () => plan);
    expect(applied.outcome).toMatchObject({ actions: 1 });
    expect(applied.lines.filter((l) => l.startsWith("wave"))).toEqual([`wave ${made.actions[0]?.wave ?? 0}/${plan.waves.length}: ${made.waves.find((w) => w.index === made.actions[0]?.wave)?.title ?? ""} (1 action)`]);
    expect(applied.lines.some((l) => l.includes("nothing"))).toBe(false);
    expect(applied.gateway.lockValues.filter((v) => v.progress !== undefined)).toHaveLength(1);
  });
});

describe("waiting without a clock of the caller's", () => {
  it("polls a building key index on a real timer, pollMs apart", async () => {
    vi.useFakeTimers({ toFake: ["Date", "setTimeout", "clearTimeout", "setInterval", "clearInterval"] });
    vi.setSystemTime(START);
    const live = withLiveMap(liveFromDesired(pd), "account", (m) => {
      m.state = "stopped";
    });
    const key = live.alternateKeys.find((k) => k.table === "account");
    if (key === undefined) throw new Error("no account key");
    key.status = "pending";
    const plan = planOf(pd, { live, lastApplied: undefined });
    const gateway = recordingGateway("stage", live, { keyStatuses: (keys, read) => keys.map(() => (read < 2 ? "pending" : "active")) });
    const { sleep: _sleep, ...options } = optionsFor({ pollMs: 5_000 });
    let settled = false;
    const outcome = applyPlan(gateway, plan, { desired: pd, replan: () => plan, saved: false }, options).finally(() => {
      settled = true;
    });
    await vi.advanceTimersByTimeAsync(4_900);
    expect(gateway.statusReads).toHaveLength(1);
    expect(gateway.writes).toEqual([]);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(200);
    await expect(outcome).resolves.toMatchObject({ actions: 1 });
    expect(gateway.statusReads).toHaveLength(2);
    expect(gateway.writes).toEqual([expect.stringMatching(/^start CustomersV3/)]);
  });
});

describe("the last-applied record's write", () => {
  it("is made only if no record is there on a first apply, and over the ETag read on a later one", async () => {
    const live = liveFromDesired(pd);
    const plan = planOf(pd, { live, lastApplied: undefined });
    const gateway = recordingGateway("stage", live);
    const conditions: unknown[] = [];
    const write = gateway.writeRecord.bind(gateway);
    gateway.writeRecord = async (kind, value, condition) => {
      if (kind === "lastApplied") conditions.push(condition);
      return write(kind, value, condition);
    };
    await applyPlan(gateway, plan, { desired: pd, replan: () => plan, saved: false }, optionsFor());
    const first = gateway.records.get("lastApplied")?.etag;
    await applyPlan(gateway, plan, { desired: pd, replan: () => plan, saved: false }, optionsFor({ runId: "run-2" }));
    expect(first).toMatch(/^W\//);
    expect(conditions).toEqual([{ absent: true }, { etag: first }]);
  });
});
