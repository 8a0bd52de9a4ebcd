import { copyFile, cp, mkdir, readdir, readFile, rm } from "node:fs/promises";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { root, runCli, tempTree, type RunResult } from "../helpers/cli.js";
import { sandboxLog } from "../helpers/sandbox-log.js";
import { withSandbox } from "./helpers.js";

/*
 * Issue 13, item 6: DualWriteProjectFieldConfiguration can hold connection details (its
 * StorageAccountSASConnectionString and ServiceBusConnectionString columns, DOMAIN.md §6). Import
 * never reads them. The test puts a canary into those columns of STAGE's finance and operations
 * (rows a reader of that entity would get back, which the test proves first), runs the import with
 * an HTTP trace, and finds the canary in no output and no written file; the trace shows no request
 * for that entity or its columns, only GETs, and the sandbox's write log shows that import wrote
 * nothing.
 */

const CANARY = "dwctlcanary7f3a9c";
const CONNECTION_COLUMNS = ["StorageAccountSASConnectionString", "ServiceBusConnectionString", "ExternalLookupUrls"];
const timings = JSON.stringify({ keyPendingMs: 10, keyBuildMs: 20, mapTransitionMs: 20 });
let dir = "";
let env: Record<string, string> = {};
let result: RunResult;
let canaryReadBack = "";
let writesBefore = 0;
let writesAfter = 0;

async function filesUnder(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

beforeAll(async () => {
  dir = await tempTree({});
  await cp(join(root, "maps"), join(dir, "maps"), { recursive: true });
  env = { DWCTL_SANDBOX_DIR: join(dir, "sb"), DWCTL_SANDBOX_TIMINGS: timings };
  expect((await runCli(["apply", "--env", "stage", "--auto-approve"], dir, env)).code).toBe(0);
  canaryReadBack = await withSandbox(env.DWCTL_SANDBOX_DIR ?? "", async ({ call }) => {
    for (const project of ["customers-v3-accounts", "vendors-v2-msdyn-vendors"]) {
      const created = await call("stage", "finops", "POST", "DualWriteProjectFieldConfigurations", {
        ProjectName: `DWM-${project}`,
        FieldMap: "[]",
        DualWriteAlertSettings: "[]",
        ExternalLookupUrls: `https://${CANARY}-lookup.crm.dynamics.com/`,
        StorageAccountSASConnectionString: `BlobEndpoint=https://${CANARY}.blob.core.windows.net/;SharedAccessSignature=sv=2022-11-02&ss=b&sig=${CANARY}sig`,
        ServiceBusConnectionString: `Endpoint=sb://${CANARY}.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=${CANARY}key`,
      });
      expect(created.status).toBe(201);
    }
    const read = await call("stage", "finops", "GET", "DualWriteProjectFieldConfigurations?cross-company=true&$select=ProjectName,StorageAccountSASConnectionString,ServiceBusConnectionString");
    return read.text();
  });
  await mkdir(join(dir, "imported"));
  await copyFile(join(dir, "maps/environments.yaml"), join(dir, "imported/environments.yaml"));
  writesBefore = (await sandboxLog(env.DWCTL_SANDBOX_DIR ?? "", "stage")).length;
  result = await runCli(["--verbose", "import", "--env", "stage", "--out", "imported"], dir, env);
  writesAfter = (await sandboxLog(env.DWCTL_SANDBOX_DIR ?? "", "stage")).length;
}, 120_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("import never reads the connection details of DualWriteProjectFieldConfiguration", () => {
  it("the canary is there to be read: a client asking for those columns gets it", () => {
    expect(canaryReadBack).toContain(`${CANARY}.blob.core.windows.net`);
    expect(canaryReadBack).toContain(`${CANARY}.servicebus.windows.net`);
  });

  it("no output and no written file contains it", async () => {
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout + result.stderr).not.toContain(CANARY);
    const files = await filesUnder(join(dir, "imported"));
    expect(files.length).toBe(17);
    for (const file of files) expect(await readFile(file, "utf8"), relative(dir, file)).not.toContain(CANARY);
  });

  it("the HTTP trace has no request for that entity or its columns, and only GETs; every finance and operations read names its columns", () => {
    const trace = result.stderr.split("\n").filter((line) => line.startsWith("http: "));
    expect(trace.length).toBeGreaterThan(10);
    expect(trace.filter((line) => !line.startsWith("http: GET "))).toEqual([]);
    for (const line of trace) {
      expect(line).not.toMatch(/DualWriteProjectFieldConfiguration/i);
      for (const column of CONNECTION_COLUMNS) expect(line).not.toContain(column);
    }
    const finOps = trace.filter((line) => line.includes("/finops/"));
    expect(finOps.length).toBeGreaterThan(0);
    for (const line of finOps) expect(line).toMatch(/\$select=/);
  });

  it("the sandbox's write log shows that import wrote nothing", () => {
    expect(writesAfter).toBe(writesBefore);
  });

  it("no source of import or of the gateway names that entity set or those columns", async () => {
    const sources = [...(await filesUnder(join(root, "src/import"))), ...(await filesUnder(join(root, "src/live"))), join(root, "src/cli/import.ts")];
    for (const file of sources) {
      const text = await readFile(file, "utf8");
      expect(text, relative(root, file)).not.toContain("DualWriteProjectFieldConfigurations");
      for (const column of CONNECTION_COLUMNS) expect(text, relative(root, file)).not.toContain(column);
    }
  });
});
