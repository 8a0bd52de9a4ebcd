import { cp, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Report } from "../../src/generated/report.js";
import { validatorFor } from "../../src/config/schemas.js";
import { gatewayForPair } from "../../src/live/http-gateway.js";
import { connectSandbox } from "../../src/sandbox/connect.js";
import { root, runCli, tempTree } from "../helpers/cli.js";
import { sandboxLog } from "../helpers/sandbox-log.js";

const timings = JSON.stringify({ keyPendingMs: 10, keyBuildMs: 20, mapTransitionMs: 20 });
let dir = "";
let env: Record<string, string> = {};

async function cli(...args: string[]) {
  return runCli(args, dir, env);
}

async function driftJson(...args: string[]): Promise<{ code: number; report: Report; stderr: string }> {
  const result = await cli("drift", ...args, "--format", "json");
  const report = JSON.parse(result.stdout) as Report;
  const validate = validatorFor("Report");
  expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
  return { code: result.code, report, stderr: result.stderr };
}

function codes(report: Report, pair = "stage"): string[] {
  return (report.pairs.find((p) => p.pair === pair)?.findings ?? []).map((f) => `${f.severity} ${f.code}${f.map === null ? "" : ` ${f.map}`}`);
}

/** Requests other than reads that an environment received. */
async function writes(environment: string): Promise<number> {
  return (await sandboxLog(env.DWCTL_SANDBOX_DIR ?? "", environment)).filter((r) => r.method !== "GET").length;
}

async function stopOutsideDwctl(entity: string, table: string): Promise<void> {
  const connection = await connectSandbox({ dataDir: env.DWCTL_SANDBOX_DIR ?? "" });
  try {
    const gateway = gatewayForPair(
      { name: "stage", sandbox: true, auth: { method: "sandbox" }, financeAndOperations: { url: "http://stage.operations.localhost/stage/finops" }, dataverse: { url: "http://127.0.0.1/stage/dataverse" } },
      {},
      { sandbox: { url: connection.url, secret: connection.secret } },
    );
    await gateway.runMapAction({ entity, table }, "stop");
  } finally {
    await connection.close();
  }
}

beforeAll(async () => {
  dir = await tempTree({});
  await cp(join(root, "maps"), join(dir, "maps"), { recursive: true });
  env = { DWCTL_SANDBOX_DIR: join(dir, "sb"), DWCTL_SANDBOX_TIMINGS: timings };
  expect((await cli("apply", "--env", "stage", "--auto-approve")).code).toBe(0);
});

describe("dwctl drift", () => {
  it("is clean right after an apply, exits 0, and writes nothing (no lock either)", async () => {
    const before = await writes("stage");
    const { code, report } = await driftJson("--env", "stage");
    expect(codes(report).filter((c) => !c.startsWith("info"))).toEqual([]);
    expect(report.pairs[0]?.status).toBe("clean");
    expect(report.pairs[0]?.lastApplied?.planHash).toMatch(/^[0-9a-f]{64}$/);
    expect(code).toBe(0);
    expect(await writes("stage")).toBe(before);
  });

  it("reports a map stopped outside git as changed outside git, and exits 2", async () => {
    await stopOutsideDwctl("CustCustomerGroup", "msdyn_customergroup");
    const { code, report } = await driftJson("--env", "stage");
    expect(codes(report)).toContain("warning state-changed customer-groups-msdyn-customergroups");
    expect(report.pairs[0]?.findings.find((f) => f.code === "state-changed")?.category).toBe("changedOutsideGit");
    expect(code).toBe(2);
    const text = await cli("drift", "--env", "stage");
    expect(text.code).toBe(2);
    expect(text.stdout).toContain("state-changed [changed outside git] customer-groups-msdyn-customergroups");
    expect(text.stdout).toContain("hint: Run dwctl plan --env stage");
    const markdown = await cli("drift", "--env", "stage", "--format", "markdown");
    expect(markdown.stdout).toContain("| ⚠️ | `state-changed` | changed outside git | customer-groups-msdyn-customergroups |");
    expect((await cli("apply", "--env", "stage", "--auto-approve")).code).toBe(0);
  });

  it("reports a change merged in git and not applied as a pending deploy", async () => {
    const file = join(dir, "maps/tablemaps/currencies-transactioncurrencies.yaml");
    const original = await readFile(file, "utf8");
    await writeFile(file, original.replace("state: running", "state: paused"));
    const { code, report } = await driftJson("--env", "stage");
    expect(codes(report).some((c) => c.startsWith("warning pending-deploy"))).toBe(true);
    expect(code).toBe(2);
    await writeFile(file, original);
  });

  it("recognises a database copy and points at the refresh runbook; --all reads every pair", async () => {
    expect((await cli("apply", "--env", "prod", "--auto-approve", "--confirm", "prod")).code).toBe(0);
    expect((await cli("sandbox", "copy-db", "--from", "prod", "--to", "stage", "--variant", "raw")).code).toBe(0);
    const { code, report } = await driftJson("--all");
    expect(report.pairs.map((p) => `${p.pair} ${p.status}`)).toEqual(["prod clean", "stage drift"]);
    const stage = report.pairs.find((p) => p.pair === "stage");
    const copy = stage?.findings.filter((f) => ["copied-database", "link-mismatch", "stale-runtime-configuration"].includes(f.code)) ?? [];
    expect(copy.length).toBeGreaterThan(0);
    for (const finding of copy) expect(finding.hint).toContain("dwctl refresh --env stage --confirm stage");
    expect(report.summary).toMatchObject({ pairs: 2, clean: 1, drifted: 1, failed: 0 });
    expect(code).toBe(2);
  });

  it("refuses to run without --env or --all, and with both", async () => {
    const neither = await cli("drift");
    expect(neither.code).toBe(1);
    expect(neither.stderr).toContain("drift needs --env <pair> or --all");
    const both = await cli("drift", "--all", "--env", "stage");
    expect(both.code).toBe(1);
  });
});
