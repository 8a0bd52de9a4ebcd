import { copyFile, cp, mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { parse } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DwHelperConfigError, readDwHelperConfig } from "../../src/import/dw-helper/read-config.js";
import type { Plan } from "../../src/plan/plan.js";
import { root, runCli, tempTree, type RunResult } from "../helpers/cli.js";

/*
 * Issue 13, item 8: coming over from Microsoft's DW Helper (github microsoft/Dual-write-automations).
 * Its configuration file is .NET XML: <configuration><DWSettings> with <Solutions>, <Groups> and
 * <MapConfigs> (DWLibary/DWSettings.cs); a <Map> names the service's map (`<entity set> - <label>`),
 * a version (latest or a.b.c.d), authors (Any or a list), integration key columns, a group and a
 * master (DWLibary/Struct/MapConfig.cs); a <Group> gives initialSync and the target state Running,
 * Stopped or Keep (DWLibary/Struct/Groups.cs). The file below is written for this test in that format.
 */

const MFA_SECRET = "JBSWY3DPEHPK3PXPdwctlmfa";
const ADO_TOKEN = "dwctladopat0123456789";

const config = `<?xml version="1.0" encoding="utf-8" ?>
<configuration>
  <configSections>
    <section name="DWSettings" type="DWLibary.DWSettings, DWLibary"/>
  </configSections>
  <appSettings>
    <add key="FOEnvironment" value="stage.operations.localhost"/>
    <add key="runMode" value="deployment"/>
    <add key="MFASecretKey" value="${MFA_SECRET}"/>
  </appSettings>
  <DWSettings>
    <ADOWikiParameters>
      <add key="AccessToken" value="${ADO_TOKEN}"/>
    </ADOWikiParameters>
    <Solutions>
      <Solution name="Dynamics365FinanceAndOperationsDualWriteMaps"/>
    </Solutions>
    <Groups>
      <!-- reference data first -->
      <Group name="Reference" initialSync="true" targetState="Running" exceptionHandling="skip" retry="true"/>
      <Group name="Parked" initialSync="false" targetState="Stopped" exceptionHandling="ignore"/>
      <Group name="AsIs" initialSync="false" targetState="Keep"/>
    </Groups>
    <MapConfigs>
      <Map mapName="accounts - Customers V3" version="latest" authors="Any" keys="accountnumber, msdyn_company.cdm_companycode" group="Reference" master="CE"/>
      <Map mapName="msdyn_customergroups - Customer groups" version="1.0.0.0" authors="contoso" keys="msdyn_groupid,msdyn_company.cdm_companycode" group="Reference" master="CE"/>
      <Map mapName="msdyn_vendorgroups - Vendor groups" version="latest" authors="Any" keys="" group="Parked" master="CE"/>
      <Map mapName="contacts - CDS Contacts V2" version="latest" authors="Contoso" keys="msdyn_company.cdm_companycode,msdyn_contactpersonid" group="AsIs" master="FO"/>
      <Map mapName="msdyn_paymentterms - Terms of payment" version="2.0.0.0" authors="contoso" keys="" group="AsIs" master="CE"/>
      <Map mapName="transactioncurrencies - Currencies" version="latest" authors="Any" keys="isocurrencycode" group="Nightly" master="CE"/>
      <Map mapName="uoms - Units" version="latest" authors="Any" keys="msdyn_symbol" group="Reference" master="CE"/>
    </MapConfigs>
  </DWSettings>
</configuration>
`;

describe("reading a DW Helper configuration file", () => {
  it("reads maps, versions, authors, keys, groups, masters and solutions, and nothing of the secrets beside them", () => {
    const read = readDwHelperConfig(config, "App.config");
    expect(read.maps.map((m) => [m.mapName, m.version, m.authors, m.keys, m.group, m.master])).toEqual([
      ["accounts - Customers V3", { kind: "latest", written: "latest" }, [], ["accountnumber", "msdyn_company.cdm_companycode"], "Reference", "dataverse"],
      ["msdyn_customergroups - Customer groups", { kind: "exact", number: "1.0.0.0" }, ["contoso"], ["msdyn_groupid", "msdyn_company.cdm_companycode"], "Reference", "dataverse"],
      ["msdyn_vendorgroups - Vendor groups", { kind: "latest", written: "latest" }, [], [], "Parked", "dataverse"],
      ["contacts - CDS Contacts V2", { kind: "latest", written: "latest" }, ["Contoso"], ["msdyn_company.cdm_companycode", "msdyn_contactpersonid"], "AsIs", "financeAndOperations"],
      ["msdyn_paymentterms - Terms of payment", { kind: "exact", number: "2.0.0.0" }, ["contoso"], [], "AsIs", "dataverse"],
      ["transactioncurrencies - Currencies", { kind: "latest", written: "latest" }, [], ["isocurrencycode"], "Nightly", "dataverse"],
      ["uoms - Units", { kind: "latest", written: "latest" }, [], ["msdyn_symbol"], "Reference", "dataverse"],
    ]);
    expect(read.groups.map((g) => [g.name, g.initialSync, g.targetState, g.unsupported])).toEqual([
      ["Reference", true, "running", ["exceptionHandling=skip", "retry=true"]],
      ["Parked", false, "stopped", ["exceptionHandling=ignore"]],
      ["AsIs", false, "keep", []],
    ]);
    expect(read.solutions).toEqual(["Dynamics365FinanceAndOperationsDualWriteMaps"]);
    expect(read.foEnvironment).toBe("stage.operations.localhost");
    expect(read.warnings).toEqual([]);
    expect(JSON.stringify(read)).not.toContain(MFA_SECRET);
    expect(JSON.stringify(read)).not.toContain(ADO_TOKEN);
  });

  it("warns, with the line, about what DW Helper would refuse or read otherwise; .NET's clear and remove apply", () => {
    const read = readDwHelperConfig(
      `<configuration><DWSettings>
<Groups><Group name="G" initialSync="maybe" targetState="Paused"/></Groups>
<MapConfigs>
  <Map mapName="a - A" version="0.0.0.1" authors="Any" keys="" group="G" colour="blue"/>
  <Map mapName="a - A" version="latest" authors="Any" keys="" group="G"/>
  <Map mapName="b - B" version="1.2" authors="x, y" keys="" group="G" master="XX"/>
  <Map mapName="c - C" version="latest" authors="Any" keys="" group="G"/>
  <remove mapName="c - C"/>
</MapConfigs>
</DWSettings></configuration>`,
      "helper.config",
    );
    expect(read.maps.map((m) => [m.mapName, m.version.kind, m.authors, m.master])).toEqual([
      ["a - A", "latest", [], "dataverse"],
      ["b - B", "latest", ["x", "y"], "dataverse"],
    ]);
    expect(read.groups[0]).toMatchObject({ initialSync: false, targetState: "keep" });
    expect(read.warnings).toEqual([
      "helper.config:2: group G has targetState Paused, which DW Helper does not deploy to (it knows Running, Stopped and Keep): read as Keep, the live state",
      'helper.config:2: initialSync="maybe" is not true or false: read as false',
      "helper.config:5: a second <Map mapName=\"a - A\">: DW Helper refuses a duplicate entry; the first one is used",
      "helper.config:4: <Map> has the attribute colour, which DW Helper does not know (it refuses the file): ignored",
      "helper.config:4: a - A asks for version 0.0.0.1: DW Helper filters on a version only when its major part is not 0, so it deploys the latest; so does this import",
      'helper.config:6: b - B has version "1.2", which is neither latest nor major.minor.build.revision: DW Helper applies the latest then, and so does this import',
      "helper.config:6: b - B has master XX: DW Helper knows CE and FO; read as CE (Dataverse)",
    ]);
  });

  it("refuses what is not a DW Helper configuration: not XML, another root, no DWSettings, a DOCTYPE", () => {
    expect(() => readDwHelperConfig("kind: TableMap\n", "x.yaml")).toThrow(DwHelperConfigError);
    expect(() => readDwHelperConfig("<settings/>", "x.config")).toThrow(/root element <settings>/);
    expect(() => readDwHelperConfig("<configuration><appSettings/></configuration>", "x.config")).toThrow(/no <DWSettings>/);
    expect(() => readDwHelperConfig('<!DOCTYPE x [<!ENTITY a "aaaa">]><configuration/>', "x.config")).toThrow(/DOCTYPE is not accepted/);
    expect(() => readDwHelperConfig("<configuration><DWSettings a='&bogus;'/></configuration>", "x.config")).toThrow(/unknown entity/);
  });
});

const timings = JSON.stringify({ keyPendingMs: 10, keyBuildMs: 20, mapTransitionMs: 20 });
let dir = "";
let env: Record<string, string> = {};
let imported: RunResult;
let plan: Plan;

beforeAll(async () => {
  dir = await tempTree({ "App.config": config });
  await cp(join(root, "maps"), join(dir, "maps"), { recursive: true });
  env = { DWCTL_SANDBOX_DIR: join(dir, "sb"), DWCTL_SANDBOX_TIMINGS: timings };
  expect((await runCli(["apply", "--env", "stage", "--auto-approve"], dir, env)).code).toBe(0);
  // A second version of Customer groups, without the payment terms lookup: 1.0.0.0 is parked, 1.0.0.1 active.
  const file = join(dir, "maps/tablemaps/customer-groups-msdyn-customergroups.yaml");
  const text = await readFile(file, "utf8");
  const edited = text.replace("number: 1.0.0.0", "number: 1.0.0.1").replace(/^ {2}- \{ fo: PAYMENTTERMID.*\n/m, "");
  expect(edited).not.toBe(text.replace("number: 1.0.0.0", "number: 1.0.0.1"));
  await writeFile(file, edited);
  const second = await runCli(["apply", "--env", "stage", "--auto-approve"], dir, env);
  expect(second.code, second.stderr).toBe(0);
  await mkdir(join(dir, "imported"));
  await copyFile(join(dir, "maps/environments.yaml"), join(dir, "imported/environments.yaml"));
  imported = await runCli(["import", "--env", "stage", "--out", "imported", "--from-dw-helper", "App.config"], dir, env);
  const planned = await runCli(["plan", "--env", "stage", "--format", "json", "imported"], dir, env);
  expect(planned.code, planned.stderr).toBe(0);
  plan = JSON.parse(planned.stdout) as Plan;
}, 120_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const mapFile = async (name: string) => parse(await readFile(join(dir, "imported/tablemaps", `${name}.yaml`), "utf8")) as Record<string, unknown>;

describe("dwctl import --from-dw-helper on the sandbox STAGE", () => {
  it("writes the maps the file lists that the pair has, and their keys; warns about the rest", async () => {
    expect(imported.code, imported.stderr).toBe(0);
    expect((await readdir(join(dir, "imported/tablemaps"))).sort()).toEqual([
      "cds-contacts-v2-contacts.yaml",
      "currencies-transactioncurrencies.yaml",
      "customer-groups-msdyn-customergroups.yaml",
      "customers-v3-accounts.yaml",
      "terms-of-payment-msdyn-paymentterms.yaml",
      "vendor-groups-msdyn-vendorgroups.yaml",
    ]);
    expect((await readdir(join(dir, "imported/keys"))).sort()).toEqual([
      "account.yaml",
      "contact.yaml",
      "msdyn_customergroup.yaml",
      "msdyn_paymentterm.yaml",
      "msdyn_vendorgroup.yaml",
      "transactioncurrency.yaml",
    ]);
    const warnings = imported.stderr.split("\n").filter((line) => line.startsWith("warning: "));
    expect(warnings).toEqual([
      "warning: App.config:29: msdyn_paymentterms - Terms of payment asks for 2.0.0.0 by contoso, which the service does not list among its versions: DW Helper would find no template; the live version contoso 1.0.0.0 is kept",
      "warning: App.config:30: transactioncurrencies - Currencies names the group Nightly, which the file does not define: DW Helper then uses its defaults (target state Running, no initial sync), and so does this import",
      'warning: App.config:31: the dual-write service of this pair lists no map "uoms - Units": skipped, as DW Helper skips it ("MapConfig not found in maps")',
      "warning: App.config:20: group Reference sets exceptionHandling=skip, retry=true: dwctl has no such setting (a failed start stops the apply, and initialSync.rerun runs an initial sync again); not carried over",
      "warning: App.config:21: group Parked sets exceptionHandling=ignore: dwctl has no such setting (a failed start stops the apply, and initialSync.rerun runs an initial sync again); not carried over",
      "warning: App.config: DW Helper applies the solutions Dynamics365FinanceAndOperationsDualWriteMaps before each run; dwctl applies only the solutions it saves map versions into (dwctl_<publisher>). Apply those in the dual-write UI (Apply Solution) when their versions should be templates",
    ]);
    expect(imported.stdout + imported.stderr).not.toContain(MFA_SECRET);
    expect(imported.stdout + imported.stderr).not.toContain(ADO_TOKEN);
  });

  it("pins versions: a pinned parked version is written with that version's own fields", async () => {
    const groups = await mapFile("customer-groups-msdyn-customergroups");
    expect(groups["version"]).toEqual({ publisher: "contoso", number: "1.0.0.0" });
    expect((groups["fields"] as { fo?: string }[]).some((f) => f.fo === "PAYMENTTERMID")).toBe(true);
    expect((await mapFile("customers-v3-accounts"))["version"]).toEqual({ publisher: "contoso", number: "1.0.0.0" });
    expect((await mapFile("terms-of-payment-msdyn-paymentterms"))["version"]).toEqual({ publisher: "contoso", number: "1.0.0.0" });
  });

  it("writes the latest version of named authors as a follow, so that plan keeps choosing as DW Helper does; Any stays a pin", async () => {
    expect((await mapFile("cds-contacts-v2-contacts"))["version"]).toEqual({ follow: ["Contoso"] });
    expect((await mapFile("vendor-groups-msdyn-vendorgroups"))["version"]).toEqual({ publisher: "contoso", number: "1.0.0.0" });
    // Round trip: the followed map plans to nothing (its latest contoso version is the active one).
    expect(plan.actions.filter((a) => "map" in a && a.map === "cds-contacts-v2-contacts")).toEqual([]);
    expect(plan.warnings.filter((w) => w.code === "followed-definition-differs")).toEqual([]);
  });

  it("writes target states and initial sync from the groups, masters from the maps, keys from the file", async () => {
    expect(await mapFile("customers-v3-accounts")).toMatchObject({ state: "running", initialSync: { enabled: true, master: "dataverse" } });
    expect(await mapFile("vendor-groups-msdyn-vendorgroups")).toMatchObject({ state: "stopped", initialSync: { enabled: false, master: "dataverse" } });
    expect(await mapFile("cds-contacts-v2-contacts")).toMatchObject({ state: "running", initialSync: { enabled: false, master: "financeAndOperations" } });
    expect(await mapFile("currencies-transactioncurrencies")).toMatchObject({ state: "running", initialSync: { enabled: false, master: "dataverse" } });
    const contact = parse(await readFile(join(dir, "imported/keys/contact.yaml"), "utf8")) as Record<string, unknown>;
    expect(contact).toEqual({
      kind: "IntegrationKey",
      table: "contact",
      columns: ["msdyn_company.cdm_companycode", "msdyn_contactpersonid"],
      alternateKey: { schemaName: "msdyn_contactpersonid_company", displayName: "Contact person ID and company" },
    });
    const vendorGroup = parse(await readFile(join(dir, "imported/keys/msdyn_vendorgroup.yaml"), "utf8")) as Record<string, unknown>;
    expect(vendorGroup["columns"]).toEqual(["msdyn_vendorgroup", "msdyn_company.cdm_companycode"]);
  });

  it("then plan shows exactly what DW Helper would do differently from the pair: the pin, the stop, the key", () => {
    const actions = plan.actions.map((a) => `${a.kind} ${"map" in a ? a.map : "table" in a ? a.table : "solution" in a ? a.solution : ""}`);
    expect(actions).toEqual(
      expect.arrayContaining([
        "setIntegrationKey contact",
        "stopMap vendor-groups-msdyn-vendorgroups",
        "switchMapVersion customer-groups-msdyn-customergroups",
      ]),
    );
    // The pinned version is a template whose row holds the imported definition: one switch, nothing saved or applied.
    expect(actions.filter((a) => a.startsWith("saveMapDefinition") || a.startsWith("applySolution") || a.startsWith("activateMapVersion"))).toEqual([]);
    expect(plan.actions.find((a) => a.kind === "switchMapVersion")?.description).toBe("switch Customer groups (msdyn_customergroups) from contoso 1.0.0.1 to contoso 1.0.0.0");
    const maps = new Set(plan.actions.flatMap((a) => ("map" in a && typeof a.map === "string" ? [a.map] : [])));
    expect([...maps].sort()).toEqual(["customer-groups-msdyn-customergroups", "vendor-groups-msdyn-vendorgroups"]);
    expect(plan.actions.filter((a) => a.kind === "setIntegrationKey").map((a) => ("table" in a ? a.table : ""))).toEqual(["contact"]);
  });
});
