import { diffLines } from "diff";
import { describe, expect, it } from "vitest";
import { buildImport, nameLiveMaps, type ImportInput } from "../../src/import/build-import.js";
import { resolveDwHelper } from "../../src/import/dw-helper/resolve.js";
import { readDwHelperConfig } from "../../src/import/dw-helper/read-config.js";
import type { LiveMapSource } from "../../src/live/gateway.js";
import type { Desired } from "../../src/model/desired.js";
import { desiredForPair } from "../../src/model/pair-view.js";
import { mapKey, type LiveMap, type MapDefinition, type Snapshot } from "../../src/model/snapshot.js";
import { editFile, liveFromDesired, liveMap, loadDesired, planEstate, withLiveMap } from "../plan/builders.js";

/** FieldMappings carries defaults and value-map values as text (dualwrite-service.md §5.3; the sandbox does the same). */
function asText(definition: MapDefinition): MapDefinition {
  const text = (v: unknown) => (v === null || typeof v === "string" ? v : JSON.stringify(v));
  return {
    ...definition,
    fields: definition.fields.map((row) => ({
      ...row,
      ...(row.valueMap === undefined ? {} : { valueMap: Object.fromEntries(Object.entries(row.valueMap).map(([k, v]) => [k, text(v) as string | null])) }),
      ...("default" in row ? { default: text(row.default) as string | null } : {}),
    })),
  };
}

/** What the gateway reads for a live map: FieldMappings of its project, and its saved row. */
function sourceOf(map: LiveMap, options: { project?: MapDefinition | null; saved?: boolean } = {}): LiveMapSource {
  return {
    ref: map.ref,
    project: options.project === null ? undefined : { projectName: `DWM-${map.ref.table}`, definition: options.project ?? asText(map.definition) },
    versions: options.saved === false ? [] : [{ ...map.definition.version, definition: map.definition }],
  };
}

interface Arranged {
  files: Record<string, string>;
  desired: Desired;
  live: Snapshot;
}

function arrange(files: Record<string, string>, change: (live: Snapshot) => void = () => undefined): Arranged {
  const desired = loadDesired(files);
  const pair = desired.pairs.find((p) => p.name === "stage");
  if (pair === undefined) throw new Error("no stage");
  const live = liveFromDesired(desiredForPair(desired, pair));
  change(live);
  return { files, desired, live };
}

function run({ files, desired, live }: Arranged, sources: (map: LiveMap) => LiveMapSource = (map) => sourceOf(map), extra: Partial<ImportInput> = {}) {
  const pair = desired.pairs.find((p) => p.name === "stage");
  if (pair === undefined) throw new Error("no stage");
  return buildImport({
    pair,
    snapshot: live,
    maps: nameLiveMaps(live, desired),
    sources: new Map(live.maps.map((map) => [mapKey(map.ref), sources(map)])),
    estate: { desired, texts: new Map(Object.entries(files)) },
    newFile: (kind, stem) => ({ path: `maps/${kind === "TableMap" ? "tablemaps" : "keys"}/${stem}.yaml`, modeline: `# yaml-language-server: $schema=../../schemas/${kind}.json` }),
    ...extra,
  });
}

function changed(before: string, after: string): { removed: string[]; added: string[] } {
  const parts = diffLines(before, after);
  const lines = (value: string) => value.replace(/\n$/, "").split("\n");
  return { removed: parts.filter((p) => p.removed).flatMap((p) => lines(p.value)), added: parts.filter((p) => p.added).flatMap((p) => lines(p.value)) };
}

const fileOf = (result: ReturnType<typeof run>, path: string) => {
  const file = result.files.find((f) => f.path === path);
  if (file === undefined) throw new Error(`no ${path} in ${result.files.map((f) => f.path).join(", ")}`);
  return file;
};

describe("import against an estate that matches the pair", () => {
  it("writes nothing, and says each definition came from FieldMappings with the row's typed values", () => {
    const result = run(arrange(planEstate()));
    expect(result.files.filter((f) => f.action !== "unchanged")).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.sources.find((s) => s.name === "customers")?.from).toBe(
      "FieldMappings of project DWM-account, typed values and label, scope and alerts from the saved row contoso 1.0.0.3",
    );
  });
});

describe("updating a file in place", () => {
  it("a state the pair overrides is written to the override, not to the map's own state", () => {
    const files = editFile(planEstate(), "maps/tablemaps/customers.yaml", "state: running\n", "state: running\nenvironments:\n  stage: { state: paused }\n");
    const result = run(arrange(files, (live) => withLiveMap(live, "account", (m) => (m.state = "stopped"))));
    const file = fileOf(result, "maps/tablemaps/customers.yaml");
    expect(file.changed).toEqual(["environments"]);
    expect(changed(files["maps/tablemaps/customers.yaml"] ?? "", file.text)).toEqual({ removed: ["  stage: { state: paused }"], added: ["  stage: { state: stopped }"] });
  });

  it("keeps how a person wrote what means the same: a symbol as a word, a filter with other spacing", () => {
    let files = editFile(planEstate(), "maps/tablemaps/customers.yaml", '{ fo: ORGANIZATIONNAME, map: "=", dv: name }', "{ fo: ORGANIZATIONNAME, map: both, dv: name }");
    files = editFile(files, "maps/tablemaps/customers.yaml", "dataverse: customertypecode eq 3", "dataverse: (customertypecode  eq 3)");
    const result = run(arrange(files, (live) => withLiveMap(live, "account", (m) => (m.definition.filters = { ...m.definition.filters, dataverse: "customertypecode eq 3" }))));
    expect(fileOf(result, "maps/tablemaps/customers.yaml").action).toBe("unchanged");
  });

  it("leaves alone what the pair's ignore rules leave alone", () => {
    // stage is the last pair of the file: the rule goes to it.
    const files = planEstate();
    const onStage = { ...files, "maps/environments.yaml": `${files["maps/environments.yaml"] ?? ""}    ignore: [{ map: "*", aspects: [alerts, state] }]\n` };
    const result = run(
      arrange(onStage, (live) =>
        withLiveMap(live, "account", (m) => {
          m.state = "paused";
          m.definition.alerts = [{ errorType: "application", errors: 3, withinMinutes: 5, notify: ["ops@contoso.com"], action: "stop" }];
        }),
      ),
    );
    expect(fileOf(result, "maps/tablemaps/customers.yaml").action).toBe("unchanged");
  });

  it("a followed map keeps following: its definition is taken from the pair, its version is not pinned", () => {
    const files = editFile(planEstate(), "maps/tablemaps/customers.yaml", "version: { publisher: contoso, number: 1.0.0.3 }", "version: { follow: [contoso] }");
    const desired = loadDesired(files);
    const pair = desired.pairs.find((p) => p.name === "stage");
    if (pair === undefined) throw new Error("no stage");
    const live = withLiveMap(liveFromDesired(desiredForPair(loadDesired(planEstate()), pair)), "account", (m) => {
      m.definition = { ...m.definition, version: { publisher: "contoso", number: "1.0.0.4" }, fields: m.definition.fields.slice(1) };
    });
    const file = fileOf(run({ files, desired, live }), "maps/tablemaps/customers.yaml");
    expect(file.changed).toEqual(["fields"]);
    expect(file.text).toContain("version: { follow: [contoso] }");
  });

  it("a file that disables the map for the pair is left as it is, with a warning", () => {
    const files = editFile(planEstate(), "maps/tablemaps/currencies.yaml", "fields:\n", "environments:\n  stage: { enabled: false }\nfields:\n");
    const desired = loadDesired(files);
    const pair = desired.pairs.find((p) => p.name === "stage");
    if (pair === undefined) throw new Error("no stage");
    const everywhere = liveFromDesired(desiredForPair(loadDesired(planEstate()), pair));
    const result = run({ files, desired, live: everywhere });
    expect(fileOf(result, "maps/tablemaps/currencies.yaml").action).toBe("unchanged");
    expect(result.warnings).toContain(
      "maps/tablemaps/currencies.yaml: currencies runs in pair stage, but the file disables it there (environments.stage.enabled: false): left as it is",
    );
  });
});

describe("where the definition comes from", () => {
  it("the saved row's version is written when the service's project differs, with a warning", () => {
    const arranged = arrange(planEstate());
    const result = run(arranged, (map) =>
      map.ref.table === "account" ? sourceOf(map, { project: { ...asText(map.definition), fields: asText(map.definition).fields.slice(1) } }) : sourceOf(map),
    );
    expect(fileOf(result, "maps/tablemaps/customers.yaml").action).toBe("unchanged");
    expect(result.warnings).toEqual([
      "customers: the project the service runs (DWM-account, read with FieldMappings) differs from the saved active version contoso 1.0.0.3: the saved version is written, which is what plan compares and apply starts; the project takes it at the next Refresh tables and start",
    ]);
  });

  it("without a readable saved row, FieldMappings alone: values as text", () => {
    const arranged = arrange(planEstate());
    const result = run(arranged, (map) => sourceOf(map, { saved: false }));
    const file = fileOf(result, "maps/tablemaps/customers.yaml");
    expect(changed(arranged.files["maps/tablemaps/customers.yaml"] ?? "", file.text)).toEqual({
      removed: ['  - { fo: CREDITLIMITISMANDATORY, map: "><", dv: msdyn_creditlimitismandatory, valueMap: { "No": 0, "Yes": 1 } }', '  - { map: ">>", dv: customertypecode, default: 3 }'],
      added: ['  - { fo: CREDITLIMITISMANDATORY, map: "><", dv: msdyn_creditlimitismandatory, valueMap: { "No": "0", "Yes": "1" } }', '  - { map: ">>", dv: customertypecode, default: "3" }'],
    });
    expect(result.sources.find((s) => s.name === "customers")?.from).toMatch(/^FieldMappings of project DWM-account \(no readable saved row/);
  });
});

describe("new maps and keys", () => {
  function withNewLiveMap(name?: string): Arranged {
    return arrange(planEstate(), (live) => {
      const base = live.maps.find((m) => m.ref.table === "account");
      if (base === undefined) throw new Error("no account");
      const definition: MapDefinition = {
        ...structuredClone(base.definition),
        financeAndOperations: { entity: "CustomersV3Extra", label: "Currencies", scope: "company" },
        dataverse: { table: "msdyn_extra", entitySet: "transactioncurrencies", scope: "company" },
      };
      live.maps.push(liveMap(definition, "paused"));
      live.integrationKeys.push({ table: "msdyn_extra", columns: ["accountnumber", "msdyn_company.cdm_companycode"] });
      if (name === undefined) return;
      const maps = { [mapKey({ entity: "CustomersV3Extra", table: "msdyn_extra" })]: { name, definitionHash: "", state: "paused", protected: false } };
      const record = { format_version: "1", commit: null, planHash: "", desiredHash: "", appliedAt: "", actor: "", runId: "", maps, keys: {}, legalEntities: [] };
      live.lastApplied = { kind: "lastApplied", value: record, etag: "1" };
    });
  }

  it("a map no file declares gets the rule's name, suffixed when taken, and a key file whose alternate key is proposed", () => {
    const result = run(withNewLiveMap());
    const created = result.files.filter((f) => f.action === "create");
    expect(created.map((f) => f.path)).toEqual(["maps/tablemaps/currencies-transactioncurrencies.yaml", "maps/keys/msdyn_extra.yaml"]);
    expect(created[0]?.text).toContain("name: currencies-transactioncurrencies\n");
    expect(created[0]?.text).toContain("state: paused\n");
    expect(created[1]?.text).toBe(
      "# yaml-language-server: $schema=../../schemas/IntegrationKey.json\nkind: IntegrationKey\ntable: msdyn_extra\ncolumns: [accountnumber, msdyn_company.cdm_companycode]\nalternateKey: { schemaName: dwctl_msdyn_extra_key, displayName: Integration key of msdyn_extra }\n",
    );
    expect(result.warnings).toEqual([
      "msdyn_extra: no Dataverse alternate key has the columns of its integration key (accountnumber, msdyn_company): the key file names a new one, dwctl_msdyn_extra_key, which plan will create; rename it to your publisher's prefix",
    ]);
    const again = withNewLiveMap();
    const taken = nameLiveMaps(again.live, again.desired, new Set(["currencies-transactioncurrencies"]));
    expect(taken.find((n) => n.map.ref.table === "msdyn_extra")?.name).toBe("currencies-transactioncurrencies-customersv3extra");
  });

  it("the last-applied record's name wins over the rule", () => {
    const arranged = withNewLiveMap("extra-customers");
    const named = nameLiveMaps(arranged.live, arranged.desired);
    expect(named.find((n) => n.map.ref.table === "msdyn_extra")?.name).toBe("extra-customers");
  });
});

describe("legal entities", () => {
  it("the link's legal entities replace the pair's in environments.yaml, one line", () => {
    const arranged = arrange(planEstate(), (live) => {
      if (live.link !== undefined) live.link.legalEntities = ["USMF", "DEMF"];
    });
    const file = fileOf(run(arranged), "maps/environments.yaml");
    expect(changed(arranged.files["maps/environments.yaml"] ?? "", file.text)).toEqual({ removed: ["    legalEntities: [USMF]"], added: ["    legalEntities: [USMF, DEMF]"] });
    expect(file.text.indexOf("[USMF, DEMF]")).toBeGreaterThan(file.text.indexOf("name: stage"));
  });
});

describe("a pair that is not linked", () => {
  it("has no maps, keys or legal entities to import: nothing is written, and a warning says why", () => {
    const arranged = arrange(planEstate(), (live) => {
      live.link = undefined;
      live.maps = [];
      live.integrationKeys = [];
    });
    const result = run(arranged);
    expect(result.files).toEqual([]);
    expect(result.warnings).toEqual(["pair stage is not linked: the dual-write service lists no connection for it, so there are no maps, keys or legal entities to import"]);
  });
});

describe("resolving a DW Helper file against the pair", () => {
  const config = (maps: string, extra = "") =>
    readDwHelperConfig(`<configuration>${extra}<DWSettings><Groups><Group name="All" initialSync="true" targetState="Running"/></Groups><MapConfigs>${maps}</MapConfigs></DWSettings></configuration>`, "App.config");
  const liveWith = () => {
    const { live } = arrange(planEstate());
    const map = live.maps.find((m) => m.ref.table === "account");
    if (map === undefined) throw new Error("no account");
    map.templates = [
      { id: "t1", publisher: "contoso", number: "1.0.0.3" },
      { id: "t2", publisher: "contoso", number: "1.0.0.10" },
      { id: "t3", publisher: "fabrikam", number: "2.0.0.0" },
      { id: "t4", publisher: "Fabrikam", number: "2.0.0.0" },
    ];
    return [{ map, serviceName: "accounts - Customers V3" }];
  };
  const versionOf = (maps: string) => resolveDwHelper(config(maps), "App.config", liveWith(), "contoso-stage.sandbox.operations.dynamics.com").intents[0]?.version;

  it("chooses the template as DW Helper does: authors, exact version, highest, then author and id", () => {
    expect(versionOf('<Map mapName="accounts - Customers V3" version="latest" authors="Any" keys="" group="All"/>')).toEqual({ publisher: "Fabrikam", number: "2.0.0.0" });
    expect(versionOf('<Map mapName="accounts - Customers V3" version="latest" authors="contoso" keys="" group="All"/>')).toEqual({ publisher: "contoso", number: "1.0.0.10" });
    expect(versionOf('<Map mapName="accounts - Customers V3" version="1.0.0.3" authors="Any" keys="" group="All"/>')).toEqual({ publisher: "contoso", number: "1.0.0.3" });
  });

  it("asks to follow the named authors for their latest version, each once; not for Any or an exact version", () => {
    const resolve = (maps: string) => resolveDwHelper(config(maps), "App.config", liveWith(), "contoso-stage.sandbox.operations.dynamics.com");
    const followOf = (maps: string) => resolve(maps).intents[0]?.follow;
    expect(followOf('<Map mapName="accounts - Customers V3" version="latest" authors="contoso, Fabrikam, CONTOSO" keys="" group="All"/>')).toEqual(["contoso", "Fabrikam"]);
    expect(followOf('<Map mapName="accounts - Customers V3" version="latest" authors="Any" keys="" group="All"/>')).toBeUndefined();
    expect(followOf('<Map mapName="accounts - Customers V3" version="1.0.0.3" authors="contoso" keys="" group="All"/>')).toBeUndefined();
    const odd = resolve('<Map mapName="accounts - Customers V3" version="latest" authors="contoso, Fabrikam Ltd" keys="" group="All"/>');
    expect(odd.intents[0]?.follow).toBeUndefined();
    expect(odd.intents[0]?.version).toEqual({ publisher: "contoso", number: "1.0.0.10" });
    expect(odd.warnings).toContain(
      "App.config:1: accounts - Customers V3 follows the latest version of contoso, Fabrikam Ltd, but Fabrikam Ltd is no publisher unique name (letters, digits and underscores): the version it resolves to today is pinned instead",
    );
  });

  it("warns about a name that differs only in case, and a file written for another environment", () => {
    const resolved = resolveDwHelper(
      config('<Map mapName="Accounts - Customers V3" version="latest" authors="Any" keys="" group="All"/>', '<appSettings><add key="FOEnvironment" value="https://contoso-uat.sandbox.operations.dynamics.com/"/></appSettings>'),
      "App.config",
      liveWith(),
      "contoso-stage.sandbox.operations.dynamics.com",
    );
    expect(resolved.intents).toHaveLength(1);
    expect(resolved.warnings).toEqual([
      'App.config:1: "Accounts - Customers V3" differs in case from the service\'s "accounts - Customers V3"; DW Helper matches exactly and would skip it, this import takes it',
      "App.config: FOEnvironment is https://contoso-uat.sandbox.operations.dynamics.com/, but the pair's finance and operations host is contoso-stage.sandbox.operations.dynamics.com: the file may have been written for another environment",
    ]);
  });
});
