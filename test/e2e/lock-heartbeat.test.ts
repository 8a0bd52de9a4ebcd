import { cp, readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { parseLock, type LockValue } from "../../src/apply/lock.js";
import { REFRESH_STEPS } from "../../src/refresh/refresh-record.js";
import { gatewayForPair } from "../../src/live/http-gateway.js";
import type { EnvironmentGateway } from "../../src/live/gateway.js";
import type { EnvironmentPair } from "../../src/model/desired.js";
import { startSandbox, type RunningSandbox } from "../../src/sandbox/index.js";
import { root, runCli, tempTree, type RunResult } from "../helpers/cli.js";

/**
 * A wave can wait on the service far longer than the lock's TTL. Here the TTL is 1.5 s and every
 * map transition takes 4 s: the lock must be renewed during the wait, so a second apply started
 * while the first waits is refused (never takes the lock over), and a run whose lock is taken
 * over anyway stops before its next write with a user-facing error.
 *
 * The sandbox runs in this process as `dwctl sandbox up` runs it (state.json names it), so both
 * applies (in-process CLI runs) talk to the same estate.
 */

const TTL = "1500ms";
const TIMINGS = { keyPendingMs: 50, keyBuildMs: 100, mapTransitionMs: 4_000 };

let dir = "";
let sandboxDir = "";
let sandbox: RunningSandbox | undefined;
let gateway: EnvironmentGateway | undefined;

interface JournalLine {
  at: string;
  step: string;
  kind: string;
  event: string;
  outcome?: string;
  description?: string;
}

async function journalOf(runDir: string): Promise<JournalLine[]> {
  const text = await readFile(join(runDir, "journal.jsonl"), "utf8").catch(() => "");
  return text
    .split("\n")
    .filter((line) => line !== "")
    .map((line) => JSON.parse(line) as JournalLine);
}

async function runDirs(): Promise<string[]> {
  const runs = join(dir, ".dwctl", "runs");
  return (await readdir(runs).catch(() => [] as string[])).map((name) => join(runs, name));
}

/** Waits until a new run's journal shows an action that started `forMs` ago and has not ended: the run is waiting on the service. */
async function waitingOnService(before: readonly string[], forMs: number, run: Promise<RunResult>): Promise<{ runDir: string; step: string }> {
  let finished = false;
  void run.finally(() => (finished = true));
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline && !finished) {
    for (const runDir of (await runDirs()).filter((d) => !before.includes(d))) {
      const lines = await journalOf(runDir);
      const open = lines.filter((l) => l.event === "start" && !lines.some((e) => e.event === "end" && e.step === l.step));
      const waited = open.find((l) => Date.now() - Date.parse(l.at) >= forMs);
      if (waited !== undefined) return { runDir, step: waited.step };
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(finished ? `the apply ended before it waited ${forMs} ms on the service: ${JSON.stringify(await run)}` : "no apply waited on the service");
}

const apply = (): Promise<RunResult> =>
  runCli(["apply", "--env", "stage", "--auto-approve", "--lock-ttl", TTL], dir, { DWCTL_SANDBOX_DIR: sandboxDir, DWCTL_SANDBOX_TIMINGS: JSON.stringify(TIMINGS) });

beforeAll(async () => {
  // The starter estate cut to one map and its key: few waves, each with a long wait on the service.
  dir = await tempTree({});
  for (const file of ["environments.yaml", "keys/transactioncurrency.yaml", "tablemaps/currencies-transactioncurrencies.yaml"]) {
    await cp(join(root, "maps", file), join(dir, "maps", file), { recursive: true });
  }
  sandboxDir = join(dir, "sb");
  sandbox = await startSandbox({ dataDir: sandboxDir, port: 0, timings: TIMINGS });
  // What server-main writes for `dwctl sandbox up`: commands connect to this sandbox.
  await writeFile(join(sandboxDir, "state.json"), `${JSON.stringify({ pid: process.pid, port: sandbox.port, url: sandbox.url, startedAt: new Date().toISOString() })}\n`);
  // The starter estate's stage pair, as maps/environments.yaml declares it.
  const pair: EnvironmentPair = {
    name: "stage",
    sandbox: true,
    financeAndOperations: { url: "http://stage.operations.localhost/stage/finops" },
    dataverse: { url: "http://127.0.0.1/stage/dataverse" },
    legalEntities: ["USMF", "USRT", "DEMF"],
    auth: { method: "sandbox" },
    file: "maps/environments.yaml",
    index: 1,
  };
  gateway = gatewayForPair(pair, {}, { sandbox: { url: sandbox.url, secret: sandbox.secret } });
}, 60_000);

beforeEach(async () => {
  await sandbox?.reset();
});

afterAll(async () => {
  await sandbox?.stop();
});

function live(): EnvironmentGateway {
  if (gateway === undefined) throw new Error("no gateway");
  return gateway;
}

describe("the lock during a long wait on the service (TTL 1.5 s, map transitions 4 s)", () => {
  it("a second apply started while the first waits is refused, never takes the lock over; the first completes", async () => {
    const before = await runDirs();
    const first = apply();
    // The first run has waited on the service for longer than the TTL: without a heartbeat its lock has expired.
    const { runDir } = await waitingOnService(before, 2_200, first);
    const holder = parseLock(await live().readRecord("lock"));
    expect(holder?.id).toBe(runDir.split("/").at(-1));
    expect(Date.parse(holder?.expiresAt ?? "")).toBeGreaterThan(Date.now());
    const second = await apply();
    expect(second.code, second.stderr).toBe(1);
    expect(second.stderr).toContain(`error: environment pair "stage" is locked by ${holder?.holder ?? "?"} (run ${holder?.runId ?? "?"}, apply --env stage)`);
    expect(second.stderr).not.toContain("took over");
    expect(second.stderr).not.toContain("internal error");
    const done = await first;
    expect(done.code, done.stderr).toBe(0);
    expect(done.stdout).toMatch(/^Apply complete: \d+ action\(s\) on stage\./);
    expect(done.stderr).not.toContain("LOCK LOST");
    const journal = await journalOf(runDir);
    expect(journal.filter((l) => l.step === "lock").map((l) => l.description)).toEqual([expect.stringMatching(/^lock \S+ taken by /), "lock released"]);
    expect(await live().readRecord("lock")).toBeUndefined();
  }, 180_000);

  it("a run whose lock is taken over anyway stops before its next write, with a user error that names the step and the journal", async () => {
    const before = await runDirs();
    const first = apply();
    const { runDir, step } = await waitingOnService(before, 500, first);
    // Someone takes the lock over while the run waits (a runner elsewhere whose clock ran ahead, a
    // mistaken dwctl lock release and a new apply): written straight into the lock record.
    const current = await live().readRecord("lock");
    if (current === undefined) throw new Error("the run holds no lock");
    const now = new Date();
    const intruder: LockValue = {
      id: "run-intruder",
      holder: "mallory@elsewhere",
      host: "elsewhere",
      pid: 1,
      runId: "run-intruder",
      command: "apply --env stage",
      acquiredAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + 10 * 60_000).toISOString(),
    };
    await live().writeRecord("lock", intruder, { etag: current.etag });
    const result = await first;
    expect(result.code, result.stderr).toBe(1);
    expect(result.stderr).not.toContain("internal error");
    expect(result.stderr).not.toMatch(/\n\s+at /);
    const journalFile = join(runDir, "journal.jsonl");
    // Loud at once on stderr, then the user-facing error with the step and the journal.
    expect(result.stderr).toContain("warning: LOCK LOST: it was taken over by mallory@elsewhere (run run-intruder, apply --env stage)");
    expect(result.stderr).toMatch(
      /error: the lock on environment pair "stage" was lost: it was taken over by mallory@elsewhere \(run run-intruder, apply --env stage\) at \S+\. This run stopped before (step \S+ \(.+\)|the progress record after wave \d+|the last-applied record) and wrote nothing more\n/,
    );
    expect(result.stderr).toContain(`hint: What this run did is in its journal: ${journalFile}.`);
    expect(result.stderr).toContain("dwctl lock status --env stage; once that run has finished, run dwctl plan and apply again");
    const journal = await journalOf(runDir);
    const lost = journal.findIndex((l) => l.step === "lock" && l.description?.startsWith("lock lost: it was taken over by mallory@elsewhere") === true);
    expect(lost, JSON.stringify(journal, null, 1)).toBeGreaterThan(0);
    // Nothing started after the loss was found; the action in flight was followed to its end.
    expect(journal.slice(lost).filter((l) => l.event === "start")).toEqual([]);
    expect(journal.some((l) => l.step === step && l.event === "end")).toBe(true);
    expect(journal.some((l) => l.step === "last-applied")).toBe(false);
    expect(journal.some((l) => l.step === "lock" && l.outcome === "failed" && l.description?.startsWith("stopped before ") === true)).toBe(true);
    expect(journal.at(-1)?.description).toBe("lock was not ours any more: held by mallory@elsewhere (run run-intruder, apply --env stage)");
    // The intruder's lock is left alone, and no last-applied record was written.
    expect(parseLock(await live().readRecord("lock"))?.id).toBe("run-intruder");
    expect(await live().readRecord("lastApplied")).toBeUndefined();
  }, 180_000);

  it("the refresh runbook keeps its lock alive through a slow step, and stops before recording the step done when the lock is taken over", async () => {
    const applied = await apply();
    expect(applied.code, applied.stderr).toBe(0);
    const before = await runDirs();
    const refresh = runCli(["refresh", "--env", "stage", "--confirm", "stage", "--lock-ttl", TTL], dir, {
      DWCTL_SANDBOX_DIR: sandboxDir,
      DWCTL_SANDBOX_TIMINGS: JSON.stringify(TIMINGS),
    });
    const { runDir, step } = await waitingOnService(before, 2_200, refresh);
    // One of the steps run under the refresh's own lock (stop, reset, clean, solutions) waits on the service.
    const waiting = step.replace(/^refresh\//, "");
    expect(["stop", "reset", "clean", "solutions"]).toContain(waiting);
    const current = await live().readRecord("lock");
    const held = parseLock(current);
    expect(held?.id).toBe(runDir.split("/").at(-1));
    // Renewed during the wait: without the heartbeat it would have expired 0.7 s ago.
    expect(Date.parse(held?.expiresAt ?? "")).toBeGreaterThan(Date.now());
    if (current === undefined || held === undefined) throw new Error("the refresh holds no lock");
    const now = new Date();
    const intruder: LockValue = { ...held, id: "run-intruder", runId: "run-intruder", holder: "mallory@elsewhere", host: "elsewhere", pid: 1, command: "apply --env stage", acquiredAt: now.toISOString() };
    await live().writeRecord("lock", intruder, { etag: current.etag });
    const result = await refresh;
    expect(result.code, result.stderr).toBe(1);
    expect(result.stderr).not.toContain("internal error");
    expect(result.stderr).toContain("warning: LOCK LOST: it was taken over by mallory@elsewhere (run run-intruder, apply --env stage)");
    expect(result.stderr).toContain(`This run stopped before recording refresh step ${waiting} done and wrote nothing more`);
    expect(result.stderr).toContain(`hint: What this run did is in its journal: ${join(runDir, "journal.jsonl")}.`);
    expect(result.stderr).toContain("once that run has finished, continue with dwctl refresh --env stage --resume --confirm stage");
    // The step is left started, so a resumed run repeats it; the intruder's lock is left alone.
    const record = (await live().readRecord("refresh"))?.value as { steps: Record<string, { status: string }> } | undefined;
    const next = REFRESH_STEPS[REFRESH_STEPS.indexOf(waiting as (typeof REFRESH_STEPS)[number]) + 1] ?? "verify";
    expect(record?.steps[waiting]?.status).toBe("started");
    expect(record?.steps[next]).toBeUndefined();
    expect(parseLock(await live().readRecord("lock"))?.id).toBe("run-intruder");
    const journal = await journalOf(runDir);
    expect(journal.some((l) => l.description?.startsWith("lock lost: it was taken over by mallory@elsewhere") === true)).toBe(true);
    expect(journal.some((l) => l.step === `refresh/${next}`)).toBe(false);
    expect(journal.at(-1)?.description).toBe("lock was not ours any more: held by mallory@elsewhere (run run-intruder, apply --env stage)");
  }, 180_000);
});
