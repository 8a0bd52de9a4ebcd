import { copyFile, cp, mkdir, readdir, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { root, runCli, tempTree } from "../helpers/cli.js";

/*
 * Issue 13, item 2: what the user can get wrong is a user error with a hint, exit 1, and nothing
 * written: a folder that does not exist, a file that cannot be written, a map name --maps does not
 * know, a DW Helper file that is missing or is not one, an estate that does not load.
 */

const timings = JSON.stringify({ keyPendingMs: 10, keyBuildMs: 20, mapTransitionMs: 20 });
let dir = "";
let env: Record<string, string> = {};
const cli = (...args: string[]) => runCli(args, dir, env);

async function listing(folder: string): Promise<string[]> {
  return (await readdir(join(dir, folder), { recursive: true })).map(String).sort();
}

async function freshOut(name: string): Promise<void> {
  await mkdir(join(dir, name));
  await copyFile(join(dir, "maps/environments.yaml"), join(dir, name, "environments.yaml"));
}

beforeAll(async () => {
  dir = await tempTree({ "not-a-config.xml": "<settings><x/></settings>\n" });
  await cp(join(root, "maps"), join(dir, "maps"), { recursive: true });
  env = { DWCTL_SANDBOX_DIR: join(dir, "sb"), DWCTL_SANDBOX_TIMINGS: timings };
  expect((await cli("apply", "--env", "stage", "--auto-approve")).code).toBe(0);
}, 120_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("dwctl import: user errors, exit 1, nothing written", () => {
  it("a folder that does not exist", async () => {
    const result = await cli("import", "--env", "stage", "--out", "nowhere");
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("error: the folder nowhere does not exist\n  hint: Pass --out the folder of your estate");
    expect(await listing(".")).not.toContain("nowhere");
  });

  it("a folder without environments.yaml", async () => {
    await mkdir(join(dir, "empty"));
    const result = await cli("import", "--env", "stage", "--out", "empty");
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("error: empty has no environments.yaml\n  hint: Copy your environments.yaml into empty");
    expect(await listing("empty")).toEqual([]);
  });

  it("a map name --maps does not know: the hint names the ones it does", async () => {
    await freshOut("named");
    const result = await cli("import", "--env", "stage", "--out", "named", "--maps", "customers-v3-accounts,customers");
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("error: pair stage has no live map named customers\n");
    expect(result.stderr).toContain("cds-contacts-v2-contacts, currencies-transactioncurrencies, customer-groups-msdyn-customergroups, customers-v3-accounts");
    expect(await listing("named")).toEqual(["environments.yaml"]);
    const one = await cli("import", "--env", "stage", "--out", "named", "--maps", "customers-v3-accounts");
    expect(one.code, one.stderr).toBe(0);
    expect(await listing("named")).toEqual(["environments.yaml", "keys", "keys/account.yaml", "tablemaps", "tablemaps/customers-v3-accounts.yaml"]);
  });

  it("a file that cannot be written: the error names it, and the files already written in the first phase are taken back", async () => {
    await freshOut("blocked");
    // A folder has the name of the first key file; the maps' files would have been written before it.
    await mkdir(join(dir, "blocked/keys/account.yaml"), { recursive: true });
    const result = await cli("import", "--env", "stage", "--out", "blocked");
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      "error: cannot write blocked/keys/account.yaml: it is a folder; nothing was written\n  hint: A folder has that file's name: rename or remove it, then import again.\n",
    );
    expect(await listing("blocked")).toEqual(["environments.yaml", "keys", "keys/account.yaml"]);
  });

  it("an estate with a file that does not load: import would not know what it declares", async () => {
    await freshOut("broken");
    await mkdir(join(dir, "broken/tablemaps"));
    await writeFile(join(dir, "broken/tablemaps/half.yaml"), "kind: TableMap\nname: [unclosed\n");
    const result = await cli("import", "--env", "stage", "--out", "broken");
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("error: 1 file(s) in broken cannot be read as dwctl YAML (first: broken/tablemaps/half.yaml DW001");
    expect(await listing("broken")).toEqual(["environments.yaml", "tablemaps", "tablemaps/half.yaml"]);
  });

  it("a DW Helper file that is missing, or is not a DW Helper configuration", async () => {
    await freshOut("helper");
    const missing = await cli("import", "--env", "stage", "--out", "helper", "--from-dw-helper", "App.config");
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("error: cannot read App.config: no such file\n  hint: Pass the DW Helper configuration file");
    const wrong = await cli("import", "--env", "stage", "--out", "helper", "--from-dw-helper", "not-a-config.xml");
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain("error: not-a-config.xml has the root element <settings>, not <configuration>: not a .NET configuration file");
    expect(await listing("helper")).toEqual(["environments.yaml"]);
  });

  it("no pair, or a pair environments.yaml does not name", async () => {
    await freshOut("pairs");
    expect((await cli("import", "--out", "pairs")).stderr).toContain("error: no environment pair given\n  hint: Pass --env <pair>, one of: prod, stage.");
    expect((await cli("import", "--env", "qa", "--out", "pairs")).stderr).toContain('error: no environment pair named "qa"');
    expect(await listing("pairs")).toEqual(["environments.yaml"]);
  });
});
