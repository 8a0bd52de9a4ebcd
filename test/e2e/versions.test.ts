import { cp, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { EnvironmentGateway } from "../../src/live/gateway.js";
import { gatewayForPair } from "../../src/live/http-gateway.js";
import type { LiveMap } from "../../src/model/snapshot.js";
import type { Plan } from "../../src/plan/plan.js";
import { connectSandbox } from "../../src/sandbox/connect.js";
import { root, runCli, tempTree } from "../helpers/cli.js";
import { sandboxLog, type LoggedRequest } from "../helpers/sandbox-log.js";

/*
 * Issue 13, item 4: a map with several templates by several publishers on the embedded sandbox.
 * Currencies is applied at contoso 1.0.0.0; then contoso 1.0.0.1 (the same definition) and
 * microsoft 9.0.0.0 (one field fewer) are saved into their solutions and applied (Apply Solution),
 * as a publisher shipping new versions would, so the service lists three templates for the map.
 */

const timings = JSON.stringify({ keyPendingMs: 10, keyBuildMs: 20, mapTransitionMs: 20 });
const MAP = "currencies-transactioncurrencies";
const FILE = `maps/tablemaps/${MAP}.yaml`;
const PIN = "version: { publisher: contoso, number: 1.0.0.0 }";
let dir = "";
let env: Record<string, string> = {};
let original = "";

async function cli(...args: string[]) {
  return runCli(args, dir, env);
}

async function withGateway<T>(use: (gateway: EnvironmentGateway) => Promise<T>): Promise<T> {
  const connection = await connectSandbox({ dataDir: env.DWCTL_SANDBOX_DIR ?? "" });
  try {
    const gateway = gatewayForPair(
      { name: "stage", sandbox: true, auth: { method: "sandbox" }, financeAndOperations: { url: "http://stage.operations.localhost/stage/finops" }, dataverse: { url: "http://127.0.0.1/stage/dataverse" } },
      {},
      { sandbox: { url: connection.url, secret: connection.secret } },
    );
    return await use(gateway);
  } finally {
    await connection.close();
  }
}

async function currencies(): Promise<LiveMap> {
  const map = await withGateway(async (gateway) => (await gateway.snapshot()).maps.find((m) => m.ref.table === "transactioncurrency"));
  if (map === undefined) throw new Error("no live Currencies map");
  return map;
}

async function version(text: string): Promise<void> {
  await writeFile(join(dir, FILE), original.replace(PIN, text));
}

async function plan(): Promise<{ code: number; plan: Plan }> {
  const result = await cli("plan", "--env", "stage", "--format", "json", "--detailed-exitcode");
  return { code: result.code, plan: JSON.parse(result.stdout) as Plan };
}

/** The writes stage receives while `run` runs. */
async function writesDuring(run: () => Promise<void>): Promise<LoggedRequest[]> {
  const before = (await sandboxLog(env.DWCTL_SANDBOX_DIR ?? "", "stage")).length;
  await run();
  return (await sandboxLog(env.DWCTL_SANDBOX_DIR ?? "", "stage")).slice(before).filter((r) => r.method !== "GET");
}

const switches = (writes: readonly LoggedRequest[]) => writes.filter((w) => w.path.includes("/SwitchActive/"));
const savesOrSolutions = (writes: readonly LoggedRequest[]) => writes.filter((w) => w.path.includes("msdyn_dualwriteentitymaps") || w.path.includes("RestoreTemplates"));

beforeAll(async () => {
  dir = await tempTree({});
  await cp(join(root, "maps"), join(dir, "maps"), { recursive: true });
  env = { DWCTL_SANDBOX_DIR: join(dir, "sb"), DWCTL_SANDBOX_TIMINGS: timings };
  original = await readFile(join(dir, FILE), "utf8");
  expect(original).toContain(PIN);
  const applied = await cli("apply", "--env", "stage", "--auto-approve");
  expect(applied.code, applied.stderr).toBe(0);
  await withGateway(async (gateway) => {
    const active = (await gateway.snapshot()).maps.find((m) => m.ref.table === "transactioncurrency")?.definition;
    if (active === undefined) throw new Error("Currencies was not applied");
    await gateway.saveMapDefinition({ ...active, version: { publisher: "contoso", number: "1.0.0.1" } }, "dwctl_contoso");
    await gateway.saveMapDefinition({ ...active, version: { publisher: "microsoft", number: "9.0.0.0" }, fields: active.fields.slice(0, -1) }, "dwctl_microsoft");
    await gateway.applySolution("dwctl_contoso");
    await gateway.applySolution("dwctl_microsoft");
  });
}, 120_000);

describe("map versions on the sandbox", () => {
  it("holds three templates by two publishers for the map; the first stays active", async () => {
    const map = await currencies();
    expect(map.templates.map((t) => `${t.publisher} ${t.number}`)).toEqual(["contoso 1.0.0.0", "contoso 1.0.0.1", "microsoft 9.0.0.0"]);
    expect(map.definition.version).toEqual({ publisher: "contoso", number: "1.0.0.0" });
    // The other templates carry the definitions of their rows, so that plan can compare them with git.
    expect(map.templates.find((t) => t.number === "9.0.0.0")?.definition?.fields).toHaveLength(map.definition.fields.length - 1);
  });

  it("follow: [contoso] plans one switch (with the stop and start of the running map); apply sends exactly one SwitchActive and saves nothing", async () => {
    const target = (await currencies()).templates.find((t) => t.publisher === "contoso" && t.number === "1.0.0.1");
    expect(target).toBeDefined();
    await version("version: { follow: [contoso] }");
    const planned = await plan();
    expect(planned.code).toBe(2);
    expect(planned.plan.blockers).toEqual([]);
    expect(planned.plan.actions.map((a) => `${a.kind} ${"map" in a ? a.map : ""}`)).toEqual([`stopMap ${MAP}`, `switchMapVersion ${MAP}`, `refreshTables ${MAP}`, `startMap ${MAP}`]);
    expect(planned.plan.actions.find((a) => a.kind === "switchMapVersion")?.description).toBe("switch Currencies (transactioncurrencies) from contoso 1.0.0.0 to contoso 1.0.0.1");

    const writes = await writesDuring(async () => {
      const applied = await cli("apply", "--env", "stage", "--auto-approve");
      expect(applied.code, applied.stderr).toBe(0);
    });
    // The sandbox answers a SwitchActive only for the map's own pid (src/sandbox/dualwrite/router.ts), so the one that went through carried it.
    expect(switches(writes).map((w) => `${w.method} ${w.path.replace(/^.*\/SolutionAware\/[^/]+/, "")}`)).toEqual([`POST /SwitchActive/${target?.id ?? ""}`]);
    expect(savesOrSolutions(writes)).toEqual([]);
    expect((await currencies()).definition.version).toEqual({ publisher: "contoso", number: "1.0.0.1" });

    const again = await plan();
    expect(again.plan.actions).toEqual([]);
    expect(again.plan.warnings.filter((w) => w.map === MAP)).toEqual([]);
    expect(again.code).toBe(0);
  });

  it("a pin back to contoso 1.0.0.0, whose template holds git's definition: one switch, nothing saved", async () => {
    const target = (await currencies()).templates.find((t) => t.publisher === "contoso" && t.number === "1.0.0.0");
    await version(PIN);
    const planned = await plan();
    expect(planned.plan.actions.filter((a) => a.kind === "switchMapVersion").map((a) => a.description)).toEqual([
      "switch Currencies (transactioncurrencies) from contoso 1.0.0.1 to contoso 1.0.0.0",
    ]);
    expect(planned.plan.actions.map((a) => a.kind)).not.toContain("saveMapDefinition");
    const writes = await writesDuring(async () => {
      expect((await cli("apply", "--env", "stage", "--auto-approve")).code).toBe(0);
    });
    expect(switches(writes).map((w) => w.path.split("/").pop())).toEqual([target?.id]);
    expect(savesOrSolutions(writes)).toEqual([]);
    expect((await plan()).plan.actions).toEqual([]);
  });

  it("follow: [microsoft] switches to its version without saving git's definition over it, and says what differs", async () => {
    await version("version: { follow: [microsoft] }");
    const planned = await plan();
    expect(planned.plan.actions.map((a) => a.kind)).toEqual(["stopMap", "switchMapVersion", "refreshTables", "startMap"]);
    const warning = planned.plan.warnings.find((w) => w.code === "followed-definition-differs");
    expect(warning?.message).toContain("follows microsoft 9.0.0.0, which becomes active, and git's definition differs from it: 1 field mapping added");
    const writes = await writesDuring(async () => {
      expect((await cli("apply", "--env", "stage", "--auto-approve")).code).toBe(0);
    });
    expect(switches(writes)).toHaveLength(1);
    expect(savesOrSolutions(writes)).toEqual([]);
    const after = await plan();
    expect(after.plan.actions).toEqual([]);
    expect(after.plan.warnings.find((w) => w.code === "followed-definition-differs")?.message).toContain("follows microsoft 9.0.0.0, which is active");
  });

  it("blocks a follow of publishers with no version of the map, and apply writes nothing", async () => {
    await version("version: { follow: [northwind] }");
    const planned = await plan();
    expect(planned.code).toBe(1);
    expect(planned.plan.blockers.map((b) => [b.kind, b.path])).toEqual([["followedVersionMissing", [MAP]]]);
    expect(planned.plan.blockers[0]?.message).toContain("(it lists contoso 1.0.0.0, contoso 1.0.0.1, microsoft 9.0.0.0)");
    const writes = await writesDuring(async () => {
      const applied = await cli("apply", "--env", "stage", "--auto-approve");
      expect(applied.code).toBe(1);
      expect(applied.stderr).toContain("the plan is blocked");
    });
    expect(writes).toEqual([]);
  });
});
