import { cp, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gatewayForPair } from "../../src/live/http-gateway.js";
import { connectSandbox } from "../../src/sandbox/connect.js";
import type { Plan } from "../../src/plan/plan.js";
import { root, runCli, tempTree } from "../helpers/cli.js";
import { sandboxLog } from "../helpers/sandbox-log.js";

const timings = JSON.stringify({ keyPendingMs: 10, keyBuildMs: 20, mapTransitionMs: 20 });

let dir = "";
let env: Record<string, string> = {};

async function cli(...args: string[]) {
  return runCli(args, dir, env);
}

async function sandboxRequests(environment: string) {
  return sandboxLog(env.DWCTL_SANDBOX_DIR ?? "", environment);
}

async function planJson(): Promise<Plan> {
  const result = await cli("plan", "--env", "stage", "--format", "json");
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as Plan;
}

beforeAll(async () => {
  dir = await tempTree({});
  await cp(join(root, "maps"), join(dir, "maps"), { recursive: true });
  env = { DWCTL_SANDBOX_DIR: join(dir, "sb"), DWCTL_SANDBOX_TIMINGS: timings };
});

describe("the pipeline on the sandbox", () => {
  it("applies maps/ to an empty STAGE; a plan right after shows no changes", async () => {
    const first = await cli("plan", "--env", "stage", "--detailed-exitcode");
    expect(first.code).toBe(2);
    expect(first.stdout).toContain("Plan: 16 to create, 8 to update, 0 to delete; 16 lifecycle changes.");
    const apply = await cli("apply", "--env", "stage", "--auto-approve");
    expect(apply.code, apply.stderr).toBe(0);
    expect(apply.stdout).toMatch(/^Apply complete: \d+ action\(s\) on stage\./);
    const again = await cli("plan", "--env", "stage", "--detailed-exitcode");
    expect(again.stdout).toContain("No changes");
    expect(again.code).toBe(0);
    const journal = (await readFile(apply.stdout.replace(/^.*journal (\S+)\n$/s, "$1"), "utf8"))
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { event: string; outcome?: string; step: string; kind: string; requestIds?: string[] });
    expect(journal.filter((e) => e.event === "end" && e.outcome === "ok").length).toBeGreaterThan(20);
    // Every start is journalled with the dual-write service's request id.
    const starts = journal.filter((e) => e.event === "end" && e.kind === "startMap");
    expect(starts.length).toBeGreaterThan(0);
    for (const end of starts) expect(end.requestIds?.[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(journal.some((e) => e.outcome === "failed")).toBe(false);
    expect(journal.at(-1)?.step).toBe("lock");
  });

  it("a changed field of a running map: stop, save, apply the solution, refresh tables, restart without initial sync", async () => {
    const file = join(dir, "maps/tablemaps/customers-v3-accounts.yaml");
    const text = await readFile(file, "utf8");
    await writeFile(file, text.replace("  - { fo: PRIMARYCONTACTURL, map: \"=\", dv: websiteurl }\n", "  - { fo: PRIMARYCONTACTURL, map: \">\", dv: websiteurl }\n"));
    const plan = await planJson();
    expect(plan.actions.map((a) => `${a.kind} ${"map" in a ? a.map : "solution" in a ? a.solution : ""}`)).toEqual([
      "stopMap customers-v3-accounts",
      "saveMapDefinition customers-v3-accounts",
      "applySolution dwctl_contoso",
      "refreshTables customers-v3-accounts",
      "startMap customers-v3-accounts",
    ]);
    const start = plan.actions.at(-1);
    expect(start?.kind === "startMap" ? start.initialSync : "not a start").toBeNull();
    const save = plan.actions[1];
    const diff = save !== undefined && "diff" in save ? (save.diff ?? "") : "";
    expect(diff).toContain('-  - { fo: PRIMARYCONTACTURL, map: "=", dv: websiteurl }');
    expect(diff).toContain('+  - { fo: PRIMARYCONTACTURL, map: ">", dv: websiteurl }');
    expect(diff.split("\n").filter((l) => /^[+-] /.test(l))).toHaveLength(2);
    const before = (await sandboxRequests("stage")).length;
    expect((await cli("apply", "--env", "stage", "--auto-approve")).code).toBe(0);
    // The sandbox's own write log: the apply sent one stop and one start, and the start skipped the initial sync.
    const sent = (await sandboxRequests("stage")).slice(before).filter((r) => r.path.endsWith("/Start"));
    expect(sent.map((r) => `${r.action ?? ""} ${String(r.initialSync ?? "-")}`)).toEqual(["4 -", "1 false"]);
    expect((await cli("plan", "--env", "stage", "--detailed-exitcode")).code).toBe(0);
  });

  it("a new initialSync.rerun token stops the map and starts it with an initial sync, once", async () => {
    const file = join(dir, "maps/tablemaps/currencies-transactioncurrencies.yaml");
    const text = await readFile(file, "utf8");
    await writeFile(file, text.replace(/initialSync: \{([^}]*)\}/, "initialSync: {$1, rerun: T-2026-11-29 }"));
    const plan = await planJson();
    expect(plan.actions.map((a) => (a.kind === "startMap" ? `start ${a.initialSync?.reason ?? "none"} ${a.initialSync?.token ?? ""}` : a.kind))).toEqual([
      "stopMap",
      "start rerun T-2026-11-29",
    ]);
    expect((await cli("apply", "--env", "stage", "--auto-approve")).code).toBe(0);
    expect((await cli("plan", "--env", "stage", "--detailed-exitcode")).code).toBe(0);
  });

  it("refuses a saved plan when the live environment changed since, and says what changed", async () => {
    const file = join(dir, "maps/tablemaps/currencies-transactioncurrencies.yaml");
    await writeFile(file, (await readFile(file, "utf8")).replace("state: running", "state: paused"));
    const saved = await cli("plan", "--env", "stage", "--out", "plan.json");
    expect(saved.code).toBe(0);
    // Someone stops a map in the UI after the plan was reviewed.
    const connection = await connectSandbox({ dataDir: env.DWCTL_SANDBOX_DIR ?? "" });
    try {
      const gateway = gatewayForPair(
        { name: "stage", sandbox: true, auth: { method: "sandbox" }, financeAndOperations: { url: "http://stage.operations.localhost/stage/finops" }, dataverse: { url: "http://127.0.0.1/stage/dataverse" } },
        {},
        { sandbox: { url: connection.url, secret: connection.secret } },
      );
      await gateway.runMapAction({ entity: "CustCustomerGroup", table: "msdyn_customergroup" }, "stop");
    } finally {
      await connection.close();
    }
    const apply = await cli("apply", "--env", "stage", "plan.json");
    expect(apply.code).toBe(1);
    expect(apply.stderr).toContain("the live environment changed since the plan was made");
    expect(apply.stderr).toContain("+ start Customer groups (msdyn_customergroups)");
    expect(apply.stderr).toContain("hint: Run dwctl plan --env stage again");
    // Nothing was written and the lock was released: a fresh plan applies.
    expect((await cli("lock", "status", "--env", "stage")).stdout).toBe("stage: not locked\n");
    expect((await cli("apply", "--env", "stage", "--auto-approve")).code).toBe(0);
    expect((await cli("plan", "--env", "stage", "--detailed-exitcode")).code).toBe(0);
  });

  it("a saved plan for another pair, or a file that is not a plan, is refused", async () => {
    await writeFile(join(dir, "bad.json"), JSON.stringify({ format_version: "1.1" }));
    const bad = await cli("apply", "--env", "stage", "bad.json");
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("bad.json: not a dwctl plan");
    const noApprove = await cli("apply", "--env", "stage");
    expect(noApprove.code).toBe(1);
    expect(noApprove.stderr).toContain("apply without a saved plan needs --auto-approve");
  });

  it("a protected pair needs --confirm <pair> for initial syncs, and applies with it", async () => {
    const refused = await cli("apply", "--env", "prod", "--auto-approve");
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("the plan needs confirmation");
    expect(refused.stderr).toContain("pass --confirm prod");
    expect((await cli("lock", "status", "--env", "prod")).stdout).toBe("prod: not locked\n");
    const confirmed = await cli("apply", "--env", "prod", "--auto-approve", "--confirm", "prod");
    expect(confirmed.code, confirmed.stderr).toBe(0);
  });

  it("a held lock stops a second apply, which names the holder; lock release frees it", async () => {
    const connection = await connectSandbox({ dataDir: env.DWCTL_SANDBOX_DIR ?? "" });
    const gateway = gatewayForPair(
      { name: "stage", sandbox: true, auth: { method: "sandbox" }, financeAndOperations: { url: "http://stage.operations.localhost/stage/finops" }, dataverse: { url: "http://127.0.0.1/stage/dataverse" } },
      {},
      { sandbox: { url: connection.url, secret: connection.secret } },
    );
    try {
      const expires = new Date(Date.now() + 600_000).toISOString();
      await gateway.writeRecord("lock", { id: "run-elsewhere", holder: "ci@runner-7", host: "runner-7", pid: 4242, runId: "run-elsewhere", command: "apply --env stage", acquiredAt: new Date().toISOString(), expiresAt: expires }, { absent: true });
    } finally {
      await connection.close();
    }
    const status = await cli("lock", "status", "--env", "stage");
    expect(status.stdout).toContain("stage: locked by ci@runner-7 (pid 4242)");
    const blocked = await cli("apply", "--env", "stage", "--auto-approve");
    expect(blocked.code).toBe(1);
    expect(blocked.stderr).toContain('environment pair "stage" is locked by ci@runner-7 (run run-elsewhere, apply --env stage)');
    expect(blocked.stderr).toContain("dwctl lock release --env stage --id run-elsewhere");
    const wrong = await cli("lock", "release", "--env", "stage", "--id", "not-it");
    expect(wrong.code).toBe(1);
    const released = await cli("lock", "release", "--env", "stage", "--id", "run-elsewhere");
    expect(released.stdout).toBe("stage: lock run-elsewhere released\n");
    expect((await cli("apply", "--env", "stage", "--auto-approve")).code).toBe(0);
  });

  it("a raw copy of PROD's finance and operations database into STAGE blocks the plan", async () => {
    expect((await cli("sandbox", "copy-db", "--from", "prod", "--to", "stage", "--side", "fo", "--variant", "raw")).code).toBe(0);
    const plan = await cli("plan", "--env", "stage", "--detailed-exitcode");
    expect(plan.code).toBe(1);
    expect(plan.stdout).toContain("Blocked: apply refuses this plan");
    expect(plan.stdout).toContain("DualWriteProjectConfiguration");
    const before = (await sandboxRequests("stage")).length;
    const apply = await cli("apply", "--env", "stage", "--auto-approve");
    expect(apply.code).toBe(1);
    expect(apply.stderr).toContain("the plan is blocked");
    expect((await sandboxRequests("stage")).slice(before).filter((r) => r.method !== "GET")).toEqual([]);
  });
});

afterAll(async () => {
  // The sandbox ran in-process per command; nothing to stop.
});
