import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ApplyFailedError, applyPlan } from "../../src/apply/apply-plan.js";
import { executeAction, isLifecycleAction } from "../../src/apply/execute-action.js";
import { parseLastApplied, type LastAppliedRecord } from "../../src/model/last-applied.js";
import type { PairDesired } from "../../src/model/pair-view.js";
import { mapKey, type MapDefinition, type Snapshot, type StoredRecord } from "../../src/model/snapshot.js";
import type { Action, Plan } from "../../src/plan/plan.js";
import { editFile, lastAppliedFor, liveFromDesired, pairDesired, planEstate, planOf, withLiveMap } from "../plan/builders.js";
import { callRecorder, frozenClockAndTempDirs, journalEntries, recordingGateway, type FakeOptions, type RecordingGateway } from "./fake-gateway.js";

/**
 * The two action kinds of map versions and renames, as apply performs them: switchMapVersion is one
 * SwitchActive through the gateway's version switch (dualwrite-service.md §5.7), renameMap sends
 * nothing to the platform and changes only the journal and the last-applied record. First one by
 * one through executeAction, then through a whole applyPlan on the fake gateway.
 */

const ref = { entity: "CustomersV3", table: "account" };
const base = { id: "a", wave: 1, description: "d", map: "customers", ref, title: "Customers V3 (accounts)" };


describe("executeAction, one action", () => {
  it("a switch is one activateMapVersion with the map's ref and the version it switches to (publisher and number), nothing else", async () => {
    const { calls, gateway } = callRecorder();
    const action = { ...base, kind: "switchMapVersion", from: { publisher: "contoso", number: "1.0.0.3" }, to: { publisher: "Fabrikam", number: "1.0.0.4" } } as Action;
    expect(isLifecycleAction(action)).toBe(false);
    await expect(executeAction(gateway, action as Parameters<typeof executeAction>[1])).resolves.toBeUndefined();
    expect(calls).toEqual([["activateMapVersion", ref, { publisher: "Fabrikam", number: "1.0.0.4" }]]);
  });

  it("a rename makes no gateway call at all", async () => {
    const { calls, gateway } = callRecorder();
    const action = { ...base, kind: "renameMap", from: "old-customers", moved: null } as Action;
    expect(isLifecycleAction(action)).toBe(false);
    await expect(executeAction(gateway, action as Parameters<typeof executeAction>[1])).resolves.toBeUndefined();
    expect(calls).toEqual([]);
  });

  it("a kind it has no case for fails, naming it, and sends nothing: never passes as done", async () => {
    const { calls, gateway } = callRecorder();
    const action = { id: "k", wave: 1, description: "d", kind: "createAlternateKey", table: "account" } as unknown as Parameters<typeof executeAction>[1];
    await expect(executeAction(gateway, action)).rejects.toThrow(new Error("apply has no way to perform a createAlternateKey action"));
    expect(calls).toEqual([]);
  });
});

const dirs = frozenClockAndTempDirs(Date.parse("2026-03-01T10:00:00.000Z"));

interface Run {
  gateway: RecordingGateway;
  log: string[];
  outcome: unknown;
  /** The journal's lines without their times. */
  journal: Record<string, unknown>[];
}

/** applyPlan on the fake gateway, with the last-applied record `stored` already on the pair. */
async function apply(plan: Plan, live: Snapshot, pd: PairDesired, lastApplied: LastAppliedRecord | undefined, fake: FakeOptions = {}, stored?: StoredRecord): Promise<Run> {
  const runsDir = mkdtempSync(join(tmpdir(), "dwctl-new-kinds-"));
  dirs.push(runsDir);
  const gateway = recordingGateway(plan.pair, live, fake);
  if (stored !== undefined) gateway.records.set("lastApplied", stored);
  const log: string[] = [];
  const outcome = await applyPlan(
    gateway,
    plan,
    { desired: pd, replan: (snapshot) => planOf(pd, { live: snapshot, lastApplied }), saved: false },
    { runsDir, runId: "run-1", command: "apply --env stage", actor: "tester", lockTtlMs: 60_000, parallelism: 4, confirm: undefined, keyTimeoutMs: 60_000, pollMs: 1, log: (line) => log.push(line), sleep: async () => undefined },
  ).catch((error: unknown) => error);
  const journal = journalEntries(join(runsDir, "run-1", "journal.jsonl"));
  return { gateway, log, outcome, journal };
}

/** start and end lines of each action, as the journal writes them for a run where all went well. */
function journaled(actions: readonly Action[]): Record<string, unknown>[] {
  return actions.flatMap((a) => [
    { step: a.id, kind: a.kind, event: "start", description: a.description },
    { step: a.id, kind: a.kind, event: "end", outcome: "ok", durationMs: 0 },
  ]);
}

describe("a version switch through applyPlan", () => {
  const customers = "maps/tablemaps/customers.yaml";
  const pd = pairDesired(editFile(planEstate(), customers, "number: 1.0.0.3", "number: 1.0.0.4"));
  const deployed = pairDesired(planEstate());
  const last = lastAppliedFor(deployed);
  // The service already has contoso 1.0.0.4 as a template holding git's definition: one switch, no save.
  const live = withLiveMap(liveFromDesired(deployed), "account", (m) => {
    const definition: MapDefinition = { ...structuredClone(m.definition), version: { publisher: "contoso", number: "1.0.0.4" } };
    m.templates.push({ id: "t-104", publisher: "contoso", number: "1.0.0.4", definition });
    m.versions.push({ id: "t-104", publisher: "contoso", number: "1.0.0.4" });
  });
  const plan = planOf(pd, { live, lastApplied: last });
  const switched = plan.actions.find((a) => a.kind === "switchMapVersion");

  it("is planned as stop, switch, refresh, start", () => {
    expect(plan.actions.map((a) => a.kind)).toEqual(["stopMap", "switchMapVersion", "refreshTables", "startMap"]);
    expect(switched?.description).toBe("switch Customers V3 (accounts) from contoso 1.0.0.3 to contoso 1.0.0.4");
  });

  it("sends one version switch to the target version between the stop and the start, and journals it like every step", async () => {
    const run = await apply(plan, live, pd, last);
    expect(run.outcome).toMatchObject({ runId: "run-1", actions: 4 });
    expect(run.gateway.writes).toEqual(["stop CustomersV3", "activate CustomersV3 1.0.0.4", "refresh CustomersV3", "start CustomersV3"]);
    const steps = run.journal.filter((e) => e.event === "start" || e.event === "end");
    expect(steps.map((e) => `${String(e.kind)} ${String(e.event)} ${String(e.outcome ?? "")}`.trim())).toEqual([
      "stopMap start",
      "stopMap end ok",
      "switchMapVersion start",
      "switchMapVersion end ok",
      "refreshTables start",
      "refreshTables end ok",
      "startMap start",
      "startMap end ok",
    ]);
    // One call, no service request to follow: the switch's end names no request id.
    expect(steps.filter((e) => e.step === switched?.id)).toEqual(journaled([switched as Action]));
    expect(steps[2]).toEqual({ step: "wave2/switch/customersv3|account", kind: "switchMapVersion", event: "start", description: "switch Customers V3 (accounts) from contoso 1.0.0.3 to contoso 1.0.0.4" });
    expect(run.log).toContain("  ✓ switch Customers V3 (accounts) from contoso 1.0.0.3 to contoso 1.0.0.4 (0.0 s)");
  });

  it("a switch the service refuses stops the run at it: journaled as failed with the error, and nothing after it is sent", async () => {
    const run = await apply(plan, live, pd, last, { fail: (write) => (write === "activate CustomersV3 1.0.0.4" ? new Error("no template contoso 1.0.0.4") : undefined) });
    expect(run.outcome).toBeInstanceOf(ApplyFailedError);
    expect(run.gateway.writes).toEqual(["stop CustomersV3", "activate CustomersV3 1.0.0.4"]);
    expect(run.journal.find((e) => e.outcome === "failed")).toEqual({ step: switched?.id, kind: "switchMapVersion", event: "end", outcome: "failed", durationMs: 0, error: "no template contoso 1.0.0.4" });
    expect(run.gateway.records.get("lastApplied")).toBeUndefined();
  });
});

describe("a rename through applyPlan", () => {
  const oldFile = "maps/tablemaps/legal-entities.yaml";
  const newFile = "maps/tablemaps/legal-entities-cdm-companies.yaml";
  const before = pairDesired(planEstate());
  const files = planEstate();
  const pd = pairDesired(
    planEstate({
      [oldFile]: undefined,
      [newFile]: (files[oldFile] ?? "").replace("name: legal-entities", "name: legal-entities-cdm-companies"),
      "maps/moved.yaml": "kind: Moved\nmoved:\n  - { from: legal-entities, to: legal-entities-cdm-companies }\n",
    }),
  );
  const last = lastAppliedFor(before);
  const stored: StoredRecord = { kind: "lastApplied", value: last, etag: 'W/"0"' };
  const live: Snapshot = { ...liveFromDesired(before), lastApplied: stored };
  const plan = planOf(pd, { live, lastApplied: last });
  const key = mapKey({ entity: "LegalEntities", table: "cdm_company" });

  it("is planned as one renameMap", () => {
    expect(plan.actions.map((a) => a.kind)).toEqual(["renameMap"]);
    expect(last.maps[key]?.name).toBe("legal-entities");
  });

  it("sends nothing to the platform: it is journaled like every step and lands in the last-applied record", async () => {
    const run = await apply(plan, live, pd, last, {}, stored);
    expect(run.outcome).toMatchObject({ runId: "run-1", actions: 1 });
    expect(run.gateway.writes).toEqual([]);
    expect(run.journal.filter((e) => e.event === "start" || e.event === "end")).toEqual(journaled(plan.actions));
    expect(run.journal[1]).toEqual({
      step: "wave1/rename/legalentities|cdm_company",
      kind: "renameMap",
      event: "start",
      description: "rename Legal entities (cdm_companies) from legal-entities to legal-entities-cdm-companies (only the name dwctl tracks changes; nothing is sent to the platform for it)",
    });
    expect(run.log.filter((line) => line.startsWith("wave") || line.startsWith("  ✓"))).toEqual([
      "wave 1/1: rename (1 action)",
      "  ✓ rename Legal entities (cdm_companies) from legal-entities to legal-entities-cdm-companies (only the name dwctl tracks changes; nothing is sent to the platform for it) (0.0 s)",
    ]);
    const record = parseLastApplied(run.gateway.records.get("lastApplied")?.value);
    expect(record?.maps[key]?.name).toBe("legal-entities-cdm-companies");
    expect(record?.runId).toBe("run-1");
  });
});
