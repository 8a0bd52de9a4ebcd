import { cp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { diffLines } from "diff";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { root, runCli, tempTree } from "../helpers/cli.js";

/*
 * Issue 13, item 2: a map dwctl manages already is updated in place. Git's maps/ (with comments a
 * person wrote) is applied to STAGE; then someone changes STAGE (here: another copy of the estate,
 * edited and applied, as a change in the UI would leave it). `dwctl import --env stage` updates the
 * files in maps/: only the lines of what changed differ, byte for byte, and a plan right after shows
 * no changes.
 */

const timings = JSON.stringify({ keyPendingMs: 10, keyBuildMs: 20, mapTransitionMs: 20 });
let gitDir = "";
let liveDir = "";
let env: Record<string, string> = {};
const before = new Map<string, string>();

const customers = "tablemaps/customers-v3-accounts.yaml";

/** The lines removed and added, as a line diff shows them (- and +). */
function changes(a: string, b: string): { removed: string[]; added: string[] } {
  const parts = diffLines(a, b);
  const lines = (value: string) => value.replace(/\n$/, "").split("\n");
  return {
    removed: parts.filter((p) => p.removed).flatMap((p) => lines(p.value)),
    added: parts.filter((p) => p.added).flatMap((p) => lines(p.value)),
  };
}

beforeAll(async () => {
  gitDir = await tempTree({});
  liveDir = await tempTree({});
  env = { DWCTL_SANDBOX_DIR: join(gitDir, "sb"), DWCTL_SANDBOX_TIMINGS: timings };
  await cp(join(root, "maps"), join(gitDir, "maps"), { recursive: true });
  // What a person adds to a file over time: a header, notes on lines, a blank line, a comment in the list.
  const path = join(gitDir, "maps", customers);
  const text = (await readFile(path, "utf8"))
    .replace("kind: TableMap\n", "# Owned by the sales team; ask #dual-write before changing the filters.\nkind: TableMap\n")
    .replace("scope: company\n", "scope: company   # striped by legal entity\n\n")
    .replace("fields:\n", "fields:\n  # The integration key first.\n")
    .replace('  - { fo: CREDITLIMIT, map: "=", dv: creditlimit }\n', '  - { fo: CREDITLIMIT, map: "=", dv: creditlimit }   # both ways for now\n')
    .replace("dependsOn:\n", "# Reference data first.\ndependsOn:\n");
  await writeFile(path, text);
  expect((await runCli(["apply", "--env", "stage", "--auto-approve"], gitDir, env)).code).toBe(0);
  // STAGE changes outside git: a field's direction, a removed field, a filter, a new version, a stopped map, a key's column order.
  await cp(join(root, "maps"), join(liveDir, "maps"), { recursive: true });
  const edit = async (file: string, change: (text: string) => string) => writeFile(join(liveDir, "maps", file), change(await readFile(join(liveDir, "maps", file), "utf8")));
  await edit(customers, (t) =>
    t
      .replace("number: 1.0.0.0", "number: 1.0.0.1")
      .replace('{ fo: CREDITLIMIT, map: "=", dv: creditlimit }', '{ fo: CREDITLIMIT, map: "<", dv: creditlimit }')
      .replace('  - { fo: PRIMARYCONTACTPHONE, map: "=", dv: telephone1 }\n', "")
      .replace("dataverse: 'customertypecode eq 3'", "dataverse: 'customertypecode eq 3 or customertypecode eq 1'"),
  );
  await edit("tablemaps/vendor-groups-msdyn-vendorgroups.yaml", (t) => t.replace("state: running", "state: stopped"));
  await edit("keys/contact.yaml", (t) => t.replace("columns: [msdyn_contactpersonid, msdyn_company.cdm_companycode]", "columns: [msdyn_company.cdm_companycode, msdyn_contactpersonid]"));
  const changed = await runCli(["apply", "--env", "stage", "--auto-approve"], liveDir, env);
  expect(changed.code, changed.stderr).toBe(0);
  for (const folder of ["tablemaps", "keys"]) {
    for (const file of await readdir(join(gitDir, "maps", folder))) before.set(`${folder}/${file}`, await readFile(join(gitDir, "maps", folder, file), "utf8"));
  }
  before.set("environments.yaml", await readFile(join(gitDir, "maps/environments.yaml"), "utf8"));
}, 120_000);

afterAll(async () => {
  await rm(gitDir, { recursive: true, force: true });
  await rm(liveDir, { recursive: true, force: true });
});

describe("import into files dwctl manages already", () => {
  it("git and STAGE differ before the import", async () => {
    expect((await runCli(["plan", "--env", "stage", "--detailed-exitcode"], gitDir, env)).code).toBe(2);
  });

  it("updates only the lines of what changed; every other byte of the three files, and every other file, stays", async () => {
    const result = await runCli(["import", "--env", "stage"], gitDir, env);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(`~ maps/${customers}  updated (version, filters, fields)`);
    expect(result.stdout).toContain("~ maps/tablemaps/vendor-groups-msdyn-vendorgroups.yaml  updated (state)");
    expect(result.stdout).toContain("~ maps/keys/contact.yaml  updated (columns)");
    expect(result.stdout).toContain("= 13 file(s) unchanged");
    const after = async (file: string) => readFile(join(gitDir, "maps", file), "utf8");
    expect(changes(before.get(customers) ?? "", await after(customers))).toEqual({
      removed: [
        "version: { publisher: contoso, number: 1.0.0.0 }",
        "  dataverse: 'customertypecode eq 3'",
        '  - { fo: CREDITLIMIT, map: "=", dv: creditlimit }   # both ways for now',
        '  - { fo: PRIMARYCONTACTPHONE, map: "=", dv: telephone1 }',
      ],
      added: [
        "version: { publisher: contoso, number: 1.0.0.1 }",
        "  dataverse: 'customertypecode eq 3 or customertypecode eq 1'",
        '  - { fo: CREDITLIMIT, map: "<", dv: creditlimit }   # both ways for now',
      ],
    });
    expect(changes(before.get("tablemaps/vendor-groups-msdyn-vendorgroups.yaml") ?? "", await after("tablemaps/vendor-groups-msdyn-vendorgroups.yaml"))).toEqual({
      removed: ["state: running"],
      added: ["state: stopped"],
    });
    expect(changes(before.get("keys/contact.yaml") ?? "", await after("keys/contact.yaml"))).toEqual({
      removed: ["columns: [msdyn_contactpersonid, msdyn_company.cdm_companycode]"],
      added: ["columns: [msdyn_company.cdm_companycode, msdyn_contactpersonid]"],
    });
    for (const [file, text] of before) {
      if ([customers, "tablemaps/vendor-groups-msdyn-vendorgroups.yaml", "keys/contact.yaml"].includes(file)) continue;
      expect(await after(file), file).toBe(text);
    }
  });

  it("a plan right after the import shows no changes, and a second import writes nothing", async () => {
    const plan = await runCli(["plan", "--env", "stage", "--detailed-exitcode"], gitDir, env);
    expect(plan.stdout).toContain("No changes");
    expect(plan.code, plan.stdout).toBe(0);
    const again = await runCli(["import", "--env", "stage"], gitDir, env);
    expect(again.stdout).toContain("Nothing to write: the files match the pair.");
  });
});
