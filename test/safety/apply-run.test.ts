import { mkdtempSync, readFileSync } from "node:fs";
import { hostname, tmpdir, userInfo } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ApplyFailedError, ApplyRefusedError, applyPlan, type ApplyOptions } from "../../src/apply/apply-plan.js";
import { KeyIndexFailedError } from "../../src/apply/execute-action.js";
import { LockLostError } from "../../src/apply/heartbeat.js";
import { LockedError } from "../../src/apply/lock.js";
import { parseLastApplied } from "../../src/model/last-applied.js";
import type { PairDesired } from "../../src/model/pair-view.js";
import type { Snapshot } from "../../src/model/snapshot.js";
import type { Plan } from "../../src/plan/plan.js";
import { integrityOf } from "../../src/plan/seal-plan.js";
import { editFile, emptyLive, lastAppliedFor, liveFromDesired, pairDesired, planEstate, planOf, withLiveMap } from "../plan/builders.js";
import { frozenClockAndTempDirs, journalEntries, recordingGateway, type FakeOptions, type RecordingGateway } from "./fake-gateway.js";

/**
 * A whole apply through the public applyPlan, against an in-memory pair: what it writes and in
 * which order, what it tells the user (stderr) and the journal, the records it leaves, and when it
 * refuses or stops.
 */

const START = Date.parse("2026-03-01T10:00:00.000Z");
const holder = `${userInfo().username}@${hostname()}`;

const dirs = frozenClockAndTempDirs(START);

interface Run {
  gateway: RecordingGateway;
  log: string[];
  outcome: unknown;
  /** The journal's lines without their times. */
  journal: Record<string, unknown>[];
}

async function apply(
  plan: Plan,
  live: Snapshot,
  pd: PairDesired,
  settings: { saved?: boolean; confirm?: string; fake?: FakeOptions; replan?: (snapshot: Snapshot) => Plan; sleep?: false; parallelism?: number; lockTtlMs?: number; pollMs?: number } = {},
): Promise<Run> {
  const runsDir = mkdtempSync(join(tmpdir(), "dwctl-apply-run-"));
  dirs.push(runsDir);
  const gateway = recordingGateway(plan.pair, live, settings.fake);
  const log: string[] = [];
  const options: ApplyOptions = {
    runsDir,
    runId: "run-1",
    command: `apply --env ${plan.pair}`,
    actor: "tester",
    lockTtlMs: settings.lockTtlMs ?? 60_000,
    parallelism: settings.parallelism ?? 4,
    confirm: settings.confirm,
    keyTimeoutMs: 60_000,
    pollMs: settings.pollMs ?? 1,
    log: (line) => log.push(line),
    ...(settings.sleep === false ? {} : { sleep: async () => undefined }),
  };
  const replan = settings.replan ?? ((snapshot: Snapshot): Plan => planOf(pd, { live: snapshot, lastApplied: undefined }));
  const outcome = await applyPlan(gateway, plan, { desired: pd, replan, saved: settings.saved ?? false }, options).catch((error: unknown) => error);
  let journal: Record<string, unknown>[] = [];
  try {
    journal = journalEntries(join(runsDir, "run-1", "journal.jsonl"));
  } catch {
    // No journal: refused before it was opened.
  }
  return { gateway, log, outcome, journal };
}

const pd = pairDesired(planEstate());

describe("applying a plan to a new pair", () => {
  const live = emptyLive(pd);
  const plan = { ...planOf(pd, { live, lastApplied: undefined }), commit: "4f3c2a1e9b8d7c6f5e4d3c2b1a0f9e8d7c6b5a49" };
  const slowSave = (write: string): number => (write.startsWith("applySolution") ? 1_500 : 0);

  it("runs the waves in order, each kind in its phase, every start with its initial sync choice", async () => {
    const run = await apply(plan, live, pd, { fake: { after: liveFromDesired(pd) } });
    expect(run.outcome).toMatchObject({ runId: "run-1", actions: 22 });
    expect(run.gateway.writes).toEqual([
      "createKey account msdyn_accountnumber_company (accountnumber,msdyn_company)",
      "createKey cdm_company cdm_companycode_key (cdm_companycode)",
      "createKey transactioncurrency msdyn_isocurrencycode_key (isocurrencycode)",
      "integrationKeys account(accountnumber,msdyn_company.cdm_companycode) cdm_company(cdm_companycode) transactioncurrency(isocurrencycode)",
      "save Currencies into dwctl_contoso",
      "save CustomersV3 into dwctl_contoso",
      "save LegalEntities into dwctl_contoso",
      "applySolution dwctl_contoso",
      "initialise Currencies",
      "initialise CustomersV3",
      "initialise LegalEntities",
      "activate Currencies 1.0.0.0",
      "activate CustomersV3 1.0.0.3",
      "activate LegalEntities 1.0.0.0",
      "refresh Currencies",
      "refresh CustomersV3",
      "refresh LegalEntities",
      "start Currencies with initial sync (dataverse master)",
      "start LegalEntities with initial sync (financeAndOperations master)",
      "start CustomersV3 with initial sync (dataverse master)",
    ]);
    // The new keys' indexes are awaited together, once; no index is awaited before the starts (none is building).
    expect(run.gateway.statusReads).toEqual([["msdyn_accountnumber_company", "cdm_companycode_key", "msdyn_isocurrencycode_key"]]);
  });

  it("tells the user each wave and each step as it ends, with how long it took", async () => {
    const run = await apply(plan, live, pd, { fake: { takes: slowSave } });
    const waves = run.log.filter((line) => line.startsWith("wave"));
    expect(waves).toEqual([
      "wave 1/8: keys (6 actions)",
      "wave 2/8: definitions (3 actions)",
      "wave 3/8: apply solutions (1 action)",
      "wave 4/8: initialise (3 actions)",
      "wave 5/8: versions (3 actions)",
      "wave 6/8: refresh tables (3 actions)",
      "wave 7/8: start 1 (2 actions)",
      "wave 8/8: start 2 (1 action)",
    ]);
    const done = run.log.filter((line) => line.startsWith("  ✓"));
    expect(done).toHaveLength(22);
    expect(done).toContain("  ✓ create Customers V3 (accounts) as version 1.0.0.3 (contoso) with 6 field mappings (0.0 s)");
    expect(done).toContain("  ✓ apply solution dwctl_contoso (Apply Solution), so that the dual-write service can use the versions saved in it (1.5 s)");
    expect(run.log.filter((line) => !line.startsWith("wave") && !line.startsWith("  ✓"))).toEqual([]);
  });

  it("journals the lock, every step's start and end (with the service's request ids), the record and the release", async () => {
    const run = await apply(plan, live, pd, { fake: { takes: slowSave, after: liveFromDesired(pd) } });
    const [first, ...rest] = run.journal;
    expect(first).toEqual({ step: "lock", kind: "lock", event: "note", description: `lock run-1 taken by ${holder}` });
    expect(rest.slice(0, 2)).toEqual([
      {
        step: "wave1/create-key/account:msdyn_accountnumber_company",
        kind: "createAlternateKey",
        event: "start",
        description: "create alternate key msdyn_accountnumber_company on account (accountnumber, msdyn_company) and wait until its index is active",
      },
      {
        step: "wave1/create-key/cdm_company:cdm_companycode_key",
        kind: "createAlternateKey",
        event: "start",
        description: "create alternate key cdm_companycode_key on cdm_company (cdm_companycode) and wait until its index is active",
      },
    ]);
    const ends = run.journal.filter((e) => e.event === "end");
    expect(ends).toHaveLength(22);
    expect(ends.every((e) => e.outcome === "ok")).toBe(true);
    expect(ends.find((e) => e.step === "wave3/apply-solution/dwctl_contoso")).toEqual({ step: "wave3/apply-solution/dwctl_contoso", kind: "applySolution", event: "end", outcome: "ok", durationMs: 1500 });
    expect(ends.find((e) => e.step === "wave2/save/currencies|transactioncurrency")).toEqual({ step: "wave2/save/currencies|transactioncurrency", kind: "saveMapDefinition", event: "end", outcome: "ok", durationMs: 0 });
    expect(ends.filter((e) => e.kind === "startMap").map((e) => e.requestIds)).toEqual([["request-4"], ["request-5"], ["request-6"]]);
    expect(ends.filter((e) => e.kind === "initialiseMap").map((e) => e.requestIds)).toEqual([["request-1"], ["request-2"], ["request-3"]]);
    expect(ends.filter((e) => e.kind === "saveMapDefinition").every((e) => !("requestIds" in e))).toBe(true);
    expect(run.journal.slice(-2)).toEqual([
      { step: "last-applied", kind: "record", event: "note", outcome: "ok", description: `last-applied record written (plan ${integrityOf(plan).slice(0, 12)})` },
      { step: "lock", kind: "lock", event: "note", description: "lock released" },
    ]);
  });

  it("records its progress in the lock after each wave, and releases the lock at the end", async () => {
    const run = await apply(plan, live, pd);
    const [taken, ...progress] = run.gateway.lockValues;
    expect(taken).toMatchObject({ id: "run-1", runId: "run-1", holder, command: "apply --env stage", pid: process.pid, acquiredAt: "2026-03-01T10:00:00.000Z", expiresAt: "2026-03-01T10:01:00.000Z" });
    expect(progress.map((v) => v.progress)).toEqual([
      { wave: 1, waves: 8, done: 6, total: 22 },
      { wave: 2, waves: 8, done: 9, total: 22 },
      { wave: 3, waves: 8, done: 10, total: 22 },
      { wave: 4, waves: 8, done: 13, total: 22 },
      { wave: 5, waves: 8, done: 16, total: 22 },
      { wave: 6, waves: 8, done: 19, total: 22 },
      { wave: 7, waves: 8, done: 21, total: 22 },
      { wave: 8, waves: 8, done: 22, total: 22 },
    ]);
    expect(run.gateway.records.get("lock")).toBeUndefined();
  });

  it("writes the last-applied record: the commit, the plan's integrity hash, who, when, and what it left", async () => {
    const run = await apply(plan, live, pd, { fake: { after: liveFromDesired(pd) } });
    const record = parseLastApplied(run.gateway.records.get("lastApplied")?.value);
    expect(record).toMatchObject({
      format_version: "1",
      pair: "stage",
      commit: "4f3c2a1e9b8d7c6f5e4d3c2b1a0f9e8d7c6b5a49",
      planHash: integrityOf(plan),
      desiredHash: plan.desiredHash,
      appliedAt: "2026-03-01T10:00:00.000Z",
      actor: "tester",
      runId: "run-1",
      legalEntities: ["USMF"],
    });
    expect(Object.values(record?.maps ?? {}).map((m) => `${m.name} ${m.state}`)).toEqual(["legal-entities running", "currencies running", "customers running"]);
  });

  it("replaces the last-applied record an earlier apply left", async () => {
    const before = { ...liveFromDesired(pd) };
    const gatewayPlan = planOf(pd, { live: before, lastApplied: undefined });
    const run = await apply(gatewayPlan, before, pd);
    expect(run.outcome).toMatchObject({ actions: 0 });
    const again = recordingGateway("stage", before);
    // A second apply on a pair that has a record: the record is replaced, not refused.
    await applyPlan(again, gatewayPlan, { desired: pd, replan: () => gatewayPlan, saved: false }, options(again));
    await applyPlan(again, gatewayPlan, { desired: pd, replan: () => gatewayPlan, saved: false }, options(again));
    expect(again.records.get("lastApplied")?.etag).not.toBe('W/"2"');
    expect(parseLastApplied(again.records.get("lastApplied")?.value)?.runId).toBe("run-2");
  });
});

function options(gateway: RecordingGateway): ApplyOptions {
  const runsDir = mkdtempSync(join(tmpdir(), "dwctl-apply-run-"));
  dirs.push(runsDir);
  return {
    runsDir,
    runId: `run-${gateway.lockValues.length === 0 ? 1 : 2}`,
    command: "apply",
    actor: "tester",
    lockTtlMs: 60_000,
    parallelism: 4,
    confirm: undefined,
    keyTimeoutMs: 1_000,
    pollMs: 1,
    log: () => undefined,
    sleep: async () => undefined,
  };
}

describe("a step that fails", () => {
  const live = emptyLive(pd);
  const plan = planOf(pd, { live, lastApplied: undefined });
  const refused = Object.assign(new Error("the service refused the definition (400)"), { hint: "Check the field names.", requestId: "req-77" });

  it("stops the run with the step, the cause, how far it got and where the journal is; nothing more is written", async () => {
    const run = await apply(plan, live, pd, { fake: { fail: (write) => (write.startsWith("save CustomersV3") ? refused : undefined) } });
    expect(run.outcome).toBeInstanceOf(ApplyFailedError);
    const error = run.outcome as ApplyFailedError;
    expect(error.name).toBe("ApplyFailedError");
    expect(error.message).toBe("create Customers V3 (accounts) as version 1.0.0.3 (contoso) with 6 field mappings: the service refused the definition (400)");
    const journal = join(dirs.at(-1) ?? "", "run-1", "journal.jsonl");
    expect(error.hint).toBe(
      `Check the field names. 8 of 22 actions were applied before this one (journal: ${journal}). Fix the cause and run dwctl plan and apply again: the new plan starts from where this run stopped.`,
    );
    // The saves of the wave were sent side by side; nothing of a later wave was.
    expect(run.gateway.writes.filter((w) => !w.startsWith("createKey") && !w.startsWith("integrationKeys"))).toEqual([
      "save Currencies into dwctl_contoso",
      "save CustomersV3 into dwctl_contoso",
      "save LegalEntities into dwctl_contoso",
    ]);
    expect(run.journal.find((e) => e.outcome === "failed")).toEqual({
      step: "wave2/save/customersv3|account",
      kind: "saveMapDefinition",
      event: "end",
      outcome: "failed",
      durationMs: 0,
      error: "the service refused the definition (400)",
      requestIds: ["req-77"],
    });
    expect(run.gateway.records.get("lastApplied")).toBeUndefined();
    expect(run.gateway.records.get("lock")).toBeUndefined();
    expect(run.journal.at(-1)).toEqual({ step: "lock", kind: "lock", event: "note", description: "lock released" });
    expect(run.log.some((line) => line.includes("create Customers V3"))).toBe(false);
  });

  it("says how far it got when the cause has no hint of its own, and names a cause that is not an Error", async () => {
    const plain = await apply(plan, live, pd, { fake: { fail: (write) => (write.startsWith("applySolution") ? new Error("503") : undefined) } });
    expect((plain.outcome as ApplyFailedError).hint).toMatch(/^9 of 22 actions were applied before this one \(journal: /);
    const odd = await apply(plan, live, pd, { fake: { fail: (write) => (write.startsWith("applySolution") ? "gone" : undefined) } });
    expect((odd.outcome as ApplyFailedError).message).toBe("apply solution dwctl_contoso (Apply Solution), so that the dual-write service can use the versions saved in it: gone");
    expect((odd.outcome as ApplyFailedError).hint).toMatch(/^9 of 22 actions were applied/);
    expect(odd.journal.find((e) => e.outcome === "failed")).toMatchObject({ error: "gone" });
    expect(odd.journal.find((e) => e.outcome === "failed")).not.toHaveProperty("requestIds");
    const nothing = await apply(plan, live, pd, { fake: { fail: (write) => (write.startsWith("applySolution") ? null : undefined) } });
    expect((nothing.outcome as ApplyFailedError).message).toMatch(/: null$/);
    expect(nothing.journal.find((e) => e.outcome === "failed")).toMatchObject({ error: "null" });
    const numbered = Object.assign(new Error("503"), { hint: 42, requestId: 42 });
    const weird = await apply(plan, live, pd, { fake: { fail: (write) => (write.startsWith("applySolution") ? numbered : undefined) } });
    expect((weird.outcome as ApplyFailedError).hint).toMatch(/^9 of 22 actions were applied/);
    expect(weird.journal.find((e) => e.outcome === "failed")).not.toHaveProperty("requestIds");
    for (const run of [plain, odd, nothing, weird]) expect(run.journal.filter((e) => String(e.description).includes("the lock was lost"))).toEqual([]);
  });

  it("journals a failed start with the service's request id, once", async () => {
    const failStart = (write: string): Error | undefined => (write === "start LegalEntities" ? Object.assign(new Error("DIPV1003: no integration key"), { requestId: "request-5" }) : undefined);
    const run = await apply(plan, live, pd, { fake: { failFollow: failStart } });
    expect(run.outcome).toBeInstanceOf(ApplyFailedError);
    expect(run.journal.find((e) => e.outcome === "failed")).toMatchObject({ kind: "startMap", error: "DIPV1003: no integration key", requestIds: ["request-5"] });
    expect(run.journal.find((e) => e.step === "wave7/start/currencies|transactioncurrency" && e.event === "end")).toMatchObject({ outcome: "ok", requestIds: ["request-4"] });
    expect(run.gateway.writes.at(-1)).toBe("start LegalEntities with initial sync (financeAndOperations master)");
  });
});

describe("refusals before anything is written", () => {
  const live = liveFromDesired(pd);

  it("refuses a blocked plan, naming every blocker", async () => {
    const plan = { ...planOf(pd, { live }), blockers: [{ kind: "linkMismatch", message: "linked to prod", path: [] }, { kind: "staleRuntimeConfiguration", message: "runtime rows of prod", path: [] }] } as Plan;
    const run = await apply(plan, live, pd);
    expect(run.outcome).toBeInstanceOf(ApplyRefusedError);
    expect(run.outcome).toMatchObject({ name: "ApplyRefusedError", message: "the plan is blocked: linked to prod; runtime rows of prod", hint: "Resolve the blockers listed in the plan, then plan again." });
    expect(run.gateway.lockValues).toEqual([]);
    expect(run.journal).toEqual([]);
  });

  it("refuses a --confirm that names another pair, even where nothing needs confirming", async () => {
    const plan = planOf(pd, { live });
    const run = await apply(plan, live, pd, { confirm: "prod" });
    expect(run.outcome).toMatchObject({
      message: '--confirm names "prod", but this plan is for "stage"',
      hint: "A confirmation is for one pair: pass --confirm stage after reviewing the plan for stage.",
    });
    expect(run.gateway.lockValues).toEqual([]);
  });

  it("names every confirmation a plan needs", async () => {
    const prod = pairDesired(planEstate(), "prod");
    const prodLive = liveFromDesired(prod);
    withLiveMap(prodLive, "account", (m) => {
      m.state = "stopped";
    });
    const edited = pairDesired(editFile(planEstate(), "maps/tablemaps/customers.yaml", '{ fo: ORGANIZATIONNAME, map: "=", dv: name }', '{ fo: ORGANIZATIONNAME, map: ">", dv: name }'), "prod");
    const plan = planOf(edited, { live: liveFromDesired(prod), maxStops: 0 });
    const run = await apply(plan, liveFromDesired(prod), edited);
    expect(run.outcome).toMatchObject({
      message: "the plan needs confirmation: prod is protected and apply stops 1 map(s): Customers V3 (accounts); apply stops 1 maps, more than the limit of 0 (--max-stops)",
      hint: "Review the plan, then pass --confirm prod.",
    });
  });
});

describe("a pair another run holds", () => {
  it("is refused with who holds it, and the journal is closed with nothing in it", async () => {
    const live = liveFromDesired(pd);
    const plan = planOf(pd, { live });
    const runsDir = mkdtempSync(join(tmpdir(), "dwctl-apply-run-"));
    dirs.push(runsDir);
    const gateway = recordingGateway("stage", live);
    await gateway.writeRecord("lock", { id: "run-9", holder: "ci@runner-7", host: "runner-7", pid: 4242, runId: "run-9", command: "apply", acquiredAt: "2026-03-01T09:59:00.000Z", expiresAt: "2026-03-01T10:30:00.000Z" }, { absent: true });
    const options = { runsDir, runId: "run-1", command: "apply", actor: "t", lockTtlMs: 60_000, parallelism: 4, confirm: undefined, keyTimeoutMs: 1, pollMs: 1, log: () => undefined };
    await expect(applyPlan(gateway, plan, { desired: pd, replan: () => plan, saved: false }, options)).rejects.toBeInstanceOf(LockedError);
    expect(readFileSync(join(runsDir, "run-1", "journal.jsonl"), "utf8")).toBe("");
    expect(gateway.records.get("lock")?.value).toMatchObject({ id: "run-9" });
  });
});

describe("a saved plan is derived again under the lock", () => {
  const before = liveFromDesired(pd);
  withLiveMap(before, "account", (m) => {
    m.state = "stopped";
  });
  const last = lastAppliedFor(pd);
  const plan = planOf(pd, { live: before, lastApplied: last });
  const replan = (snapshot: Snapshot): Plan => planOf(pd, { live: snapshot, lastApplied: last });
  const start = plan.actions[0]?.description ?? "";

  it("applies a file that matches the plan made now", async () => {
    const run = await apply(plan, before, pd, { saved: true, replan });
    expect(run.outcome).toMatchObject({ actions: 1 });
    expect(run.gateway.writes).toEqual(["start CustomersV3"]);
    expect(run.log.filter((l) => l.includes("fingerprint"))).toEqual([]);
  });

  it.each([
    ["an action left out", (p: Plan): Plan => ({ ...p, actions: [] }), [`  + ${start}`]],
    ["an action added", (p: Plan): Plan => ({ ...p, actions: [...p.actions, { ...(p.actions[0] as Plan["actions"][number]), id: "extra", description: "start something else" }] }), ["  - start something else"]],
    ["an action's content changed", (p: Plan): Plan => ({ ...p, actions: p.actions.map((a) => ({ ...a, wave: a.wave + 1 })) }), [`  ~ ${start} (what it writes differs)`]],
    ["an action replaced", (p: Plan): Plan => ({ ...p, actions: p.actions.map((a) => ({ ...a, description: "stop everything" })) }), ["  - stop everything", `  + ${start}`]],
    ["prune turned on", (p: Plan): Plan => ({ ...p, prune: true }), ["  ! the file says prune is true"]],
    ["the waves changed", (p: Plan): Plan => ({ ...p, waves: [...p.waves, { index: 9, title: "more" }] }), ["  ! the waves differ"]],
  ])("refuses a file with %s, though the live state did not change, and writes nothing", async (_what, tamper, lines) => {
    const run = await apply(tamper(plan), before, pd, { saved: true, replan });
    expect(run.outcome).toBeInstanceOf(ApplyRefusedError);
    expect((run.outcome as ApplyRefusedError).message).toBe(
      `the plan file does not match the plan dwctl derives from git and the live environment, which did not change since it was made:\n${lines.join("\n")}`,
    );
    expect((run.outcome as ApplyRefusedError).hint).toBe("Apply only a plan file written by dwctl plan, unchanged. Run dwctl plan --env stage --out <file> again and review it.");
    expect(run.gateway.writes).toEqual([]);
    expect(run.gateway.records.get("lock")).toBeUndefined();
  });

  it("takes its confirmations from the plan made now, never from the file", async () => {
    const prod = pairDesired(planEstate(), "prod");
    const prodLive = liveFromDesired(prod);
    const edited = pairDesired(editFile(planEstate(), "maps/tablemaps/customers.yaml", '{ fo: ORGANIZATIONNAME, map: "=", dv: name }', '{ fo: ORGANIZATIONNAME, map: ">", dv: name }'), "prod");
    const real = planOf(edited, { live: prodLive, lastApplied: undefined });
    const claimed = { ...real, confirmationsRequired: [] };
    const run = await apply(claimed, prodLive, edited, { saved: true });
    expect(run.outcome).toBeInstanceOf(ApplyRefusedError);
    expect((run.outcome as ApplyRefusedError).message).toMatch(/^the plan needs confirmation: prod is protected and apply stops 1 map\(s\)/);
    expect(run.gateway.writes).toEqual([]);
  });

  it("refuses when the live state changed and a plan made now differs, naming what changed, the blockers and the drift", async () => {
    const now = liveFromDesired(pd);
    withLiveMap(now, "transactioncurrency", (m) => {
      m.state = "paused";
    });
    const blocked = (snapshot: Snapshot): Plan => ({ ...replan(snapshot), blockers: [{ kind: "linkMismatch", message: "linked to prod", path: [] }] } as Plan);
    const run = await apply(plan, now, pd, { replan: blocked });
    const after = replan(now);
    const message = (run.outcome as ApplyRefusedError).message;
    expect(message).toBe(
      [
        `the live environment changed since the plan was made (fingerprint ${plan.fingerprint.slice(0, 12)} is now ${after.fingerprint.slice(0, 12)}). A plan made now differs:`,
        ...after.actions.map((a, i) => (i === 0 ? [`  - ${plan.actions[0]?.description ?? ""}`, `  + ${a.description}`] : [`  + ${a.description}`])).flat(),
        "  x linked to prod",
        ...after.drift.map((d) => `  ! ${d.message}`),
      ].join("\n"),
    );
    expect(after.drift.length).toBeGreaterThan(0);
    expect((run.outcome as ApplyRefusedError).hint).toBe("Run dwctl plan --env stage again, review it, and apply the new plan.");
    expect(run.gateway.writes).toEqual([]);
  });

  it("refuses when a plan made now has the same actions but is blocked", async () => {
    const blocked = (snapshot: Snapshot): Plan => ({ ...replan(snapshot), blockers: [{ kind: "linkMismatch", message: "linked to prod", path: [] }] } as Plan);
    const run = await apply(plan, before, pd, { saved: true, replan: blocked });
    expect((run.outcome as ApplyRefusedError).message).toBe(
      `the live environment changed since the plan was made (fingerprint ${plan.fingerprint.slice(0, 12)} is now ${plan.fingerprint.slice(0, 12)}). A plan made now differs:\n  x linked to prod\n  ! Customers V3 (accounts) is stopped but was applied as running: changed outside dwctl`,
    );
  });

  it("goes ahead, saying so, when the live state only settled and a plan made now is the same", async () => {
    const settled = structuredClone(before);
    settled.legalEntitiesInDataverse = [...settled.legalEntitiesInDataverse, "USRT"];
    const run = await apply(plan, settled, pd, { replan });
    const now = replan(settled);
    expect(now.fingerprint).not.toBe(plan.fingerprint);
    const note = `the live state changed since the plan was made (fingerprint ${plan.fingerprint.slice(0, 12)} is now ${now.fingerprint.slice(0, 12)}), but a plan made now is the same: applying it`;
    expect(run.log[0]).toBe(note);
    expect(run.journal[1]).toEqual({ step: "fingerprint", kind: "check", event: "note", description: note });
    expect(run.gateway.writes).toEqual(["start CustomersV3"]);
  });
});

describe("starts wait for key indexes a crashed run left building", () => {
  function building(status: "pending" | "inProgress", state: "stopped" | "paused"): Snapshot {
    const live = liveFromDesired(pd);
    withLiveMap(live, "account", (m) => {
      m.state = state;
    });
    const key = live.alternateKeys.find((k) => k.table === "account");
    if (key === undefined) throw new Error("no account key");
    key.status = status;
    return live;
  }

  it.each([
    ["pending", "stopped", "start CustomersV3"],
    ["inProgress", "paused", "resume CustomersV3 (replay)"],
  ] as const)("waits for a %s index before the %s map's start, and says so", async (status, state, write) => {
    const live = building(status, state);
    const plan = planOf(pd, { live, lastApplied: undefined });
    const run = await apply(plan, live, pd, { fake: { keyStatuses: (keys, read) => keys.map(() => (read < 3 ? status : "active")) } });
    expect(run.gateway.statusReads).toEqual([["msdyn_accountnumber_company"], ["msdyn_accountnumber_company"], ["msdyn_accountnumber_company"]]);
    expect(run.gateway.writes).toEqual([expect.stringMatching(new RegExp(`^${write.replace(/[()]/g, "\\$&")}`))]);
    expect(run.log).toContain(`  … alternate key msdyn_accountnumber_company on account: ${status}`);
  });

  it("waits with its own clock when given none", async () => {
    const live = building("pending", "stopped");
    const plan = planOf(pd, { live, lastApplied: undefined });
    const started = performance.now();
    const run = await apply(plan, live, pd, { sleep: false, pollMs: 40, fake: { keyStatuses: (keys, read) => keys.map(() => (read < 2 ? "pending" : "active")) } });
    expect(run.outcome).toMatchObject({ actions: 1 });
    expect(run.gateway.statusReads).toHaveLength(2);
    expect(performance.now() - started).toBeGreaterThanOrEqual(35);
  });

  it("waits before the first wave of starts, not before the waves ahead of it or after", async () => {
    // Everything stopped, customers' definition edited: stop nothing, save customers, then start
    // currencies and legal entities (wave one of the starts), then customers (wave two).
    const edited = pairDesired(editFile(planEstate(), "maps/tablemaps/customers.yaml", '{ fo: ORGANIZATIONNAME, map: "=", dv: name }', '{ fo: ORGANIZATIONNAME, map: ">", dv: name }'));
    const live = liveFromDesired(pd);
    for (const map of live.maps) map.state = "stopped";
    const key = live.alternateKeys.find((k) => k.table === "transactioncurrency");
    if (key === undefined) throw new Error("no currencies key");
    key.status = "pending";
    const plan = planOf(edited, { live, lastApplied: lastAppliedFor(pd) });
    const run = await apply(plan, live, edited, { replan: (snapshot) => planOf(edited, { live: snapshot, lastApplied: lastAppliedFor(pd) }) });
    expect(run.outcome).toMatchObject({ actions: plan.actions.length });
    const firstStart = run.gateway.timeline.findIndex((t) => t.startsWith("start"));
    expect(run.gateway.timeline.slice(0, firstStart + 1)).toEqual([
      ...run.gateway.writes.slice(0, firstStart - 1),
      "status msdyn_isocurrencycode_key",
      expect.stringMatching(/^start /),
    ]);
    expect(run.gateway.statusReads).toEqual([["msdyn_isocurrencycode_key"]]);
    expect(run.gateway.writes.filter((w) => w.startsWith("start")).length).toBe(3);
  });

  it("does not wait for a building index of a map that is only saved, not started", async () => {
    const edited = pairDesired(
      editFile(editFile(planEstate(), "maps/tablemaps/customers.yaml", '{ fo: ORGANIZATIONNAME, map: "=", dv: name }', '{ fo: ORGANIZATIONNAME, map: ">", dv: name }'), "maps/tablemaps/customers.yaml", "state: running", "state: stopped"),
    );
    const live = liveFromDesired(pd);
    withLiveMap(live, "account", (m) => {
      m.state = "stopped";
    });
    withLiveMap(live, "transactioncurrency", (m) => {
      m.state = "stopped";
    });
    const key = live.alternateKeys.find((k) => k.table === "account");
    if (key === undefined) throw new Error("no account key");
    key.status = "inProgress";
    const plan = planOf(edited, { live, lastApplied: lastAppliedFor(pd) });
    expect(plan.actions.some((a) => a.kind === "saveMapDefinition")).toBe(true);
    const run = await apply(plan, live, edited, { replan: (snapshot) => planOf(edited, { live: snapshot, lastApplied: lastAppliedFor(pd) }), fake: { keyStatuses: (keys) => keys.map(() => "failed") } });
    expect(run.gateway.statusReads).toEqual([]);
    expect(run.gateway.writes.filter((w) => w.startsWith("start"))).toEqual([expect.stringMatching(/^start Currencies/)]);
  });

  it("does not start a map whose key index failed", async () => {
    const live = building("pending", "stopped");
    const plan = planOf(pd, { live, lastApplied: undefined });
    const run = await apply(plan, live, pd, { fake: { keyStatuses: (keys) => keys.map(() => "failed") } });
    expect(run.outcome).toBeInstanceOf(KeyIndexFailedError);
    expect(run.gateway.writes).toEqual([]);
  });

  it("does not wait for a building index of a table whose map is not started", async () => {
    const live = liveFromDesired(pd);
    const key = live.alternateKeys.find((k) => k.table === "account");
    if (key === undefined) throw new Error("no account key");
    key.status = "inProgress";
    withLiveMap(live, "transactioncurrency", (m) => {
      m.state = "stopped";
    });
    const plan = planOf(pd, { live, lastApplied: undefined });
    const run = await apply(plan, live, pd, { fake: { keyStatuses: (keys) => keys.map(() => "failed") } });
    expect(run.gateway.statusReads).toEqual([]);
    expect(run.gateway.writes).toEqual([expect.stringMatching(/^start Currencies/)]);
  });
});

describe("the lock during a run", () => {
  const live = emptyLive(pd);
  const plan = planOf(pd, { live, lastApplied: undefined });
  const other = { id: "run-9", holder: "ci@runner-7", host: "runner-7", pid: 4242, runId: "run-9", command: "apply --env stage", acquiredAt: "2026-03-01T10:00:02.000Z", expiresAt: "2026-03-01T10:15:00.000Z" };
  // A TTL of 3 s renews within a second of expiry; the currencies save takes 2.5 s, so the next save renews first.
  const slow = (write: string): number => (write.startsWith("save Currencies") ? 2_500 : 0);

  it("is renewed before a step when it is about to expire, and a step does not start once it is lost", async () => {
    const run = await apply(plan, live, pd, { parallelism: 1, lockTtlMs: 3_000, fake: { takes: slow, lockWriteLost: (n) => (n === 3 ? { value: other } : undefined) } });
    expect(run.outcome).toBeInstanceOf(LockLostError);
    expect(run.outcome).toMatchObject({ step: "step wave2/save/customersv3|account (create Customers V3 (accounts) as version 1.0.0.3 (contoso) with 6 field mappings)" });
    expect(run.gateway.writes.filter((w) => w.startsWith("save"))).toEqual(["save Currencies into dwctl_contoso"]);
    expect(run.journal.some((e) => e.description === "stopped before step wave2/save/customersv3|account (create Customers V3 (accounts) as version 1.0.0.3 (contoso) with 6 field mappings): the lock was lost")).toBe(true);
  });

  it("goes on when a renewal fails for another reason while the lock still holds, and says so", async () => {
    const run = await apply(plan, live, pd, { parallelism: 1, lockTtlMs: 3_000, fake: { takes: slow, lockWriteFails: (n) => (n === 3 ? new Error("network down") : undefined) } });
    expect(run.outcome).toMatchObject({ actions: 22 });
    expect(run.log).toContain("  … could not renew the lock (network down); trying again");
  });

  it("is checked before the last-applied record is written", async () => {
    const run = await apply(plan, live, pd, { lockTtlMs: 3_000, fake: { afterTakes: 2_500, lockWriteLost: (n) => (n === 10 ? { value: other } : undefined) } });
    expect(run.outcome).toMatchObject({ name: "LockLostError", step: "the last-applied record" });
    expect(run.gateway.records.get("lastApplied")).toBeUndefined();
  });
});

describe("a run that loses its lock", () => {
  it("stops before its next write, says who took it, and leaves their lock alone", async () => {
    const live = emptyLive(pd);
    const plan = planOf(pd, { live, lastApplied: undefined });
    const other = { id: "run-9", holder: "ci@runner-7", host: "runner-7", pid: 4242, runId: "run-9", command: "apply --env stage", acquiredAt: "2026-03-01T10:00:30.000Z", expiresAt: "2026-03-01T10:15:30.000Z" };
    // The progress write after wave 1 (the second lock write) finds the lock taken over.
    const run = await apply(plan, live, pd, { fake: { lockWriteLost: (n) => (n === 2 ? { value: other } : undefined) } });
    expect(run.outcome).toBeInstanceOf(LockLostError);
    const reason = "it was taken over by ci@runner-7 (run run-9, apply --env stage) at 2026-03-01T10:00:30.000Z";
    expect(run.log).toContain(`warning: LOCK LOST: ${reason}. This run stops before its next write.`);
    expect(run.journal.slice(-3)).toEqual([
      { step: "lock", kind: "lock", event: "note", outcome: "failed", description: `lock lost: ${reason}; the run stops before its next write` },
      { step: "lock", kind: "lock", event: "note", outcome: "failed", description: "stopped before the progress record after wave 1: the lock was lost" },
      { step: "lock", kind: "lock", event: "note", description: "lock was not ours any more: held by ci@runner-7 (run run-9, apply --env stage)" },
    ]);
    expect(run.gateway.writes.some((w) => w.startsWith("save"))).toBe(false);
    expect(run.gateway.records.get("lock")?.value).toEqual(other);
  });
});
