import { access, copyFile, cp, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { gatewayForPair } from "../../src/live/http-gateway.js";
import { parseLastApplied } from "../../src/model/last-applied.js";
import { mapKey, type Snapshot } from "../../src/model/snapshot.js";
import type { Plan } from "../../src/plan/plan.js";
import { connectSandbox } from "../../src/sandbox/connect.js";
import { root, runCli, tempTree } from "../helpers/cli.js";
import { sandboxLog, type LoggedRequest } from "../helpers/sandbox-log.js";

const timings = JSON.stringify({ keyPendingMs: 10, keyBuildMs: 20, mapTransitionMs: 20 });
let dir = "";
let env: Record<string, string> = {};
const cli = (...args: string[]) => runCli(args, dir, env);

const oldName = "vendor-groups-msdyn-vendorgroups";
const newName = "vendor-groups";
const ref = { entity: "VendVendorGroup", table: "msdyn_vendorgroup" };
const vendors = () => join(dir, "maps/tablemaps/vendors-v2-msdyn-vendors.yaml");

async function planJson(...args: string[]): Promise<{ code: number; plan: Plan }> {
  const result = await cli("plan", "--env", "stage", "--format", "json", "--detailed-exitcode", ...args);
  return { code: result.code, plan: JSON.parse(result.stdout) as Plan };
}

async function snapshot(): Promise<Snapshot> {
  const connection = await connectSandbox({ dataDir: env.DWCTL_SANDBOX_DIR ?? "" });
  try {
    const gateway = gatewayForPair(
      { name: "stage", sandbox: true, auth: { method: "sandbox" }, financeAndOperations: { url: "http://stage.operations.localhost/stage/finops" }, dataverse: { url: "http://127.0.0.1/stage/dataverse" } },
      {},
      { sandbox: { url: connection.url, secret: connection.secret } },
    );
    return await gateway.snapshot();
  } finally {
    await connection.close();
  }
}

async function log(): Promise<LoggedRequest[]> {
  return sandboxLog(env.DWCTL_SANDBOX_DIR ?? "", "stage");
}

/** Renames the map in git: its file and name, the dependsOn that names it, and (when given) the moved entry. */
async function renameInGit(moved: boolean): Promise<void> {
  const from = join(dir, `maps/tablemaps/${oldName}.yaml`);
  const text = await readFile(from, "utf8");
  await rm(from);
  await writeFile(join(dir, `maps/tablemaps/${newName}.yaml`), text.replace(`name: ${oldName}`, `name: ${newName}`));
  await writeFile(vendors(), (await readFile(vendors(), "utf8")).replace(`- ${oldName}`, `- ${newName}`));
  if (moved) {
    await writeFile(
      join(dir, "maps/moved.yaml"),
      `# yaml-language-server: $schema=../schemas/moved.schema.json\nkind: Moved\nmoved:\n  # the map took the short name of the naming rule's label\n  - { from: ${oldName}, to: ${newName} }\n`,
    );
  }
}

beforeAll(async () => {
  dir = await tempTree({});
  await cp(join(root, "maps"), join(dir, "maps"), { recursive: true });
  env = { DWCTL_SANDBOX_DIR: join(dir, "sb"), DWCTL_SANDBOX_TIMINGS: timings };
  const applied = await cli("apply", "--env", "stage", "--auto-approve");
  expect(applied.code, applied.stderr).toBe(0);
}, 120_000);

describe("renaming a map with a moved entry, on the sandbox", () => {
  it("plans one rename and no stop; apply sends the platform nothing for it; the map keeps running under its new name", async () => {
    const before = await snapshot();
    expect(before.maps.find((m) => mapKey(m.ref) === mapKey(ref))?.state).toBe("running");
    await renameInGit(true);

    const planned = await planJson();
    expect(planned.code).toBe(2);
    expect(planned.plan.actions.map((a) => `${a.kind} ${"map" in a ? a.map : ""}`)).toEqual([`renameMap ${newName}`]);
    expect(planned.plan.actions[0]).toMatchObject({ from: oldName, ref, moved: { file: "maps/moved.yaml", line: 5, column: 5 } });
    expect(planned.plan.warnings).toEqual([]);
    const text = await cli("plan", "--env", "stage");
    expect(text.stdout).toContain("Plan: 0 to create, 0 to update, 0 to delete, 1 to rename; 0 lifecycle changes.");
    expect(text.stdout).toContain(`rename Vendor groups (msdyn_vendorgroups) from ${oldName} to ${newName}`);

    const seen = (await log()).length;
    const applied = await cli("apply", "--env", "stage", "--auto-approve");
    expect(applied.code, applied.stderr).toBe(0);
    const requests = (await log()).slice(seen);
    // The lock and the last-applied record are written, so the log is read and not empty.
    expect(requests.length).toBeGreaterThan(0);
    // No Start of any kind (action 4 is a stop, 1 a start), no save or delete of a map row, no Apply
    // Solution, version switch, Refresh tables or key write: only the lock and the records.
    expect(requests.filter((r) => r.action !== undefined)).toEqual([]);
    expect(requests.filter((r) => /Start|msdyn_dualwriteentitymap|RestoreTemplates|SwitchActive|Refresh|IntegrationKeys|EntityDefinitions/.test(r.path))).toEqual([]);
    expect(requests.every((r) => /environmentvariable(definition|value)s/.test(r.path)), JSON.stringify(requests)).toBe(true);

    const after = await snapshot();
    const map = after.maps.find((m) => mapKey(m.ref) === mapKey(ref));
    expect(map?.state).toBe("running");
    expect(map?.definition).toEqual(before.maps.find((m) => mapKey(m.ref) === mapKey(ref))?.definition);
    expect(parseLastApplied(after.lastApplied?.value)?.maps[mapKey(ref)]?.name).toBe(newName);

    const journal = /journal (\S+)/.exec(applied.stdout)?.[1] ?? "";
    const lines = (await readFile(journal, "utf8")).trim().split("\n").map((line) => JSON.parse(line) as { kind: string; event: string; outcome?: string });
    expect(lines.filter((l) => l.kind === "renameMap").map((l) => `${l.event} ${l.outcome ?? ""}`)).toEqual(["start ", "end ok"]);
  }, 120_000);

  it("has nothing to do on the next plan, and the moved entry can stay", async () => {
    const next = await planJson();
    expect(next.plan.actions).toEqual([]);
    expect(next.plan.warnings).toEqual([]);
    expect(next.plan.pending).toEqual([]);
    expect(next.code).toBe(0);
  }, 60_000);

  it("selects the map by its new name with --maps: an import names it from the last-applied record", async () => {
    await mkdir(join(dir, "imported"));
    await copyFile(join(dir, "maps/environments.yaml"), join(dir, "imported/environments.yaml"));
    const old = await cli("import", "--env", "stage", "--out", "imported", "--maps", oldName);
    expect(old.code).toBe(1);
    expect(old.stderr).toContain(newName);
    const imported = await cli("import", "--env", "stage", "--out", "imported", "--maps", newName);
    expect(imported.code, imported.stderr).toBe(0);
    await access(join(dir, `imported/tablemaps/${newName}.yaml`));
  }, 60_000);

  it("blocks a moved entry to a map of another entity, pointing at the entry", async () => {
    const file = join(dir, `maps/tablemaps/${newName}.yaml`);
    const text = await readFile(file, "utf8");
    await rm(file);
    await writeFile(join(dir, "maps/tablemaps/vendor-groups-v2.yaml"), text.replace(`name: ${newName}`, "name: vendor-groups-v2").replace("entity: VendVendorGroup,", "entity: VendVendorGroupV2,"));
    await writeFile(vendors(), (await readFile(vendors(), "utf8")).replace(`- ${newName}`, "- vendor-groups-v2"));
    const moved = join(dir, "maps/moved.yaml");
    const entries = await readFile(moved, "utf8");
    await writeFile(moved, `${entries}  - { from: ${newName}, to: vendor-groups-v2 }\n`);
    const blocked = await planJson();
    expect(blocked.code).toBe(1);
    const blocker = blocked.plan.blockers.find((b) => b.kind === "movedChangesMap");
    expect(blocker?.location).toEqual({ file: "maps/moved.yaml", line: 6, column: 5 });
    expect(blocker?.message).toContain("a moved entry cannot change them");
    expect(blocked.plan.actions.filter((a) => a.kind === "stopMap" || a.kind === "deleteMap")).toEqual([]);
    // Put the map back as it was applied.
    await rm(join(dir, "maps/tablemaps/vendor-groups-v2.yaml"));
    await writeFile(file, text);
    await writeFile(vendors(), (await readFile(vendors(), "utf8")).replace("- vendor-groups-v2", `- ${newName}`));
    await writeFile(moved, entries);
    expect((await planJson()).code).toBe(0);
  }, 60_000);
});

describe("deleting a map without a moved entry, on the sandbox", () => {
  it("is still a prune: a warning without --prune, a stop and a delete only with it", async () => {
    await rm(join(dir, `maps/tablemaps/${newName}.yaml`));
    await rm(join(dir, "maps/moved.yaml"));
    await writeFile(vendors(), (await readFile(vendors(), "utf8")).replace(`  - ${newName}\n`, ""));
    const kept = await planJson();
    expect(kept.plan.actions.filter((a) => "ref" in a && mapKey(a.ref) === mapKey(ref))).toEqual([]);
    expect(kept.plan.warnings.map((w) => `${w.code} ${w.map ?? ""}`)).toContain(`not-pruned ${newName}`);
    const pruned = await planJson("--prune");
    expect(pruned.plan.actions.filter((a) => "ref" in a && mapKey(a.ref) === mapKey(ref)).map((a) => a.kind)).toEqual(["stopMap", "deleteMap"]);
  }, 60_000);
});
