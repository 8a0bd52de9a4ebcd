import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { locateVersionBlockers } from "../../src/cli/plan-run.js";
import { anotherPublishersVersionHint } from "../../src/model/choose-version.js";
import { buildPlan } from "../../src/plan/build-plan.js";
import type { MapDefinition, Snapshot } from "../../src/model/snapshot.js";
import { createdAt, editFile, lastAppliedFor, liveFromDesired, pairDesired, planEstate, planOf, steps, withLiveMap } from "./builders.js";
import { simulate } from "./simulate.js";

const customers = "maps/tablemaps/customers.yaml";
const deployed = () => liveFromDesired(pairDesired(planEstate()));
const changed = (files = planEstate()) =>
  editFile(files, customers, '{ fo: ORGANIZATIONNAME, map: "=", dv: name }', '{ fo: ORGANIZATIONNAME, map: ">", dv: name }');

function saves(plan: ReturnType<typeof planOf>): { change: string; version: string }[] {
  return plan.actions.flatMap((a) => (a.kind === "saveMapDefinition" ? [{ change: a.change, version: a.definition.version.number }] : []));
}

describe("map versions", () => {
  it("same version, same content: nothing to do", () => {
    const pd = pairDesired(planEstate());
    expect(planOf(pd, { live: deployed() }).actions).toEqual([]);
  });

  it("same version, different content: the active version is updated in place, no activation", () => {
    const plan = planOf(pairDesired(changed()), { live: deployed() });
    expect(saves(plan)).toEqual([{ change: "update", version: "1.0.0.3" }]);
    expect(steps(plan)).toEqual(["1 stopMap customers", "2 saveMapDefinition customers", "3 applySolution", "4 refreshTables customers", "5 startMap customers"]);
  });

  it("a version number that does not exist live: saved as a new version, then activated", () => {
    const pd = pairDesired(editFile(changed(), customers, "number: 1.0.0.3", "number: 1.0.0.4"));
    const plan = planOf(pd, { live: deployed() });
    expect(saves(plan)).toEqual([{ change: "create", version: "1.0.0.4" }]);
    expect(steps(plan)).toEqual([
      "1 stopMap customers",
      "2 saveMapDefinition customers",
      "3 applySolution",
      "4 activateMapVersion customers",
      "5 refreshTables customers",
      "6 startMap customers",
    ]);
  });

  it("a parked version (for a rollback): overwritten with git's definition, then activated", () => {
    const pd = pairDesired(editFile(planEstate(), customers, "number: 1.0.0.3", "number: 1.0.0.2"));
    const live = withLiveMap(deployed(), "account", (m) => {
      m.versions.push({ id: "parked", publisher: "contoso", number: "1.0.0.2" });
    });
    const plan = planOf(pd, { live });
    expect(saves(plan)).toEqual([{ change: "update", version: "1.0.0.2" }]);
    expect(plan.actions.find((a) => a.kind === "activateMapVersion")?.description).toBe(
      "make version 1.0.0.2 (contoso) of Customers V3 (accounts) active",
    );
    const after = simulate(live, plan);
    expect(after.maps.find((m) => m.ref.table === "account")?.definition.version.number).toBe("1.0.0.2");
    expect(buildPlan({ desired: pd, snapshot: after, lastApplied: undefined, options: { prune: false }, createdAt }).actions).toEqual([]);
  });

  it("a different publisher with the same number is another version", () => {
    const pd = pairDesired(
      editFile(planEstate(), customers, "publisher: contoso, number: 1.0.0.3", "publisher: fabrikam, number: 1.0.0.3"),
    );
    expect(saves(planOf(pd, { live: deployed() }))).toEqual([{ change: "create", version: "1.0.0.3" }]);
  });

  it("a new map is saved as created and activated", () => {
    const pd = pairDesired(planEstate());
    const live = deployed();
    live.maps = live.maps.filter((m) => m.ref.table !== "account");
    const plan = planOf(pd, { live });
    expect(saves(plan)).toEqual([{ change: "create", version: "1.0.0.3" }]);
    expect(plan.summary).toMatchObject({ create: 1, update: 0, delete: 0, lifecycle: 2 });
  });
});

/** A copy of a definition under another version, as the service would list a template of it. */
function asVersion(definition: MapDefinition, publisher: string, number: string): MapDefinition {
  return { ...structuredClone(definition), version: { publisher, number } };
}

/** The deployed estate, with more templates of customers (each with the definition of its row). */
function withTemplates(templates: { id: string; publisher: string; number: string; definition?: MapDefinition }[]): Snapshot {
  return withLiveMap(deployed(), "account", (m) => {
    for (const template of templates) {
      m.templates.push(template);
      m.versions.push({ id: template.id, publisher: template.publisher, number: template.number });
    }
  });
}

const follow = (publishers: string) => editFile(planEstate(), customers, "version: { publisher: contoso, number: 1.0.0.3 }", `version: { follow: [${publishers}] }`);
const activeCustomers = () => deployed().maps.find((m) => m.ref.table === "account")?.definition as MapDefinition;

describe("a version switch is one action", () => {
  it("a pin to a template that holds git's definition: one switch between the stop and the start, nothing saved, no Apply Solution", () => {
    const pd = pairDesired(editFile(planEstate(), customers, "number: 1.0.0.3", "number: 1.0.0.4"));
    const live = withTemplates([{ id: "t-104", publisher: "contoso", number: "1.0.0.4", definition: asVersion(activeCustomers(), "contoso", "1.0.0.4") }]);
    const plan = planOf(pd, { live });
    expect(steps(plan)).toEqual(["1 stopMap customers", "2 switchMapVersion customers", "3 refreshTables customers", "4 startMap customers"]);
    const switched = plan.actions.find((a) => a.kind === "switchMapVersion");
    expect(switched).toMatchObject({ from: { publisher: "contoso", number: "1.0.0.3" }, to: { publisher: "contoso", number: "1.0.0.4" } });
    expect(switched?.description).toBe("switch Customers V3 (accounts) from contoso 1.0.0.3 to contoso 1.0.0.4");
    expect(plan.summary).toMatchObject({ create: 0, update: 1, delete: 0, lifecycle: 2 });
    const after = simulate(live, plan);
    expect(after.maps.find((m) => m.ref.table === "account")?.definition.version.number).toBe("1.0.0.4");
    expect(planOf(pd, { live: after }).actions).toEqual([]);
  });

  it("a pin to a template whose definition differs from git: saved over (its own publisher), applied, then activated, as before", () => {
    const pd = pairDesired(editFile(changed(), customers, "number: 1.0.0.3", "number: 1.0.0.4"));
    const live = withTemplates([{ id: "t-104", publisher: "contoso", number: "1.0.0.4", definition: asVersion(activeCustomers(), "contoso", "1.0.0.4") }]);
    const plan = planOf(pd, { live });
    expect(saves(plan)).toEqual([{ change: "update", version: "1.0.0.4" }]);
    expect(plan.actions.map((a) => a.kind)).toContain("activateMapVersion");
    expect(plan.actions.map((a) => a.kind)).not.toContain("switchMapVersion");
    expect(planOf(pd, { live: simulate(live, plan) }).actions).toEqual([]);
  });

  it("a pin to a template whose definition the snapshot does not hold (no readable row): saved first, as before", () => {
    const pd = pairDesired(editFile(planEstate(), customers, "number: 1.0.0.3", "number: 1.0.0.4"));
    const plan = planOf(pd, { live: withTemplates([{ id: "t-104", publisher: "contoso", number: "1.0.0.4" }]) });
    expect(saves(plan)).toEqual([{ change: "update", version: "1.0.0.4" }]);
    expect(plan.actions.map((a) => a.kind)).toEqual(["stopMap", "saveMapDefinition", "applySolution", "activateMapVersion", "refreshTables", "startMap"]);
  });

  it("a pin to another publisher's template with git's definition: switched to, never saved under that publisher", () => {
    const pd = pairDesired(editFile(planEstate(), customers, "publisher: contoso, number: 1.0.0.3", "publisher: microsoft, number: 2.0.0.0"));
    const live = withTemplates([{ id: "t-ms", publisher: "microsoft", number: "2.0.0.0", definition: asVersion(activeCustomers(), "microsoft", "2.0.0.0") }]);
    const plan = planOf(pd, { live });
    expect(saves(plan)).toEqual([]);
    expect(plan.actions.find((a) => a.kind === "switchMapVersion")?.description).toBe("switch Customers V3 (accounts) from contoso 1.0.0.3 to microsoft 2.0.0.0");
  });
});

describe("version: { follow }", () => {
  it("switches to the latest template of the followed publishers, in one action; nothing saved; the next plan is empty", () => {
    const pd = pairDesired(follow("contoso"));
    const live = withTemplates([
      { id: "t-105", publisher: "contoso", number: "1.0.0.5", definition: asVersion(activeCustomers(), "contoso", "1.0.0.5") },
      { id: "t-ms", publisher: "microsoft", number: "9.0.0.0", definition: asVersion(activeCustomers(), "microsoft", "9.0.0.0") },
    ]);
    const plan = planOf(pd, { live });
    expect(steps(plan)).toEqual(["1 stopMap customers", "2 switchMapVersion customers", "3 refreshTables customers", "4 startMap customers"]);
    expect(plan.actions.find((a) => a.kind === "switchMapVersion")?.description).toBe("switch Customers V3 (accounts) from contoso 1.0.0.3 to contoso 1.0.0.5");
    expect(plan.warnings.filter((w) => w.code === "followed-definition-differs")).toEqual([]);
    expect(plan.blockers).toEqual([]);
    expect(planOf(pd, { live: simulate(live, plan) }).actions).toEqual([]);
  });

  it("compares publishers without regard to case, and follows several of them", () => {
    const live = withTemplates([{ id: "t-ms", publisher: "microsoft", number: "9.0.0.0", definition: asVersion(activeCustomers(), "microsoft", "9.0.0.0") }]);
    expect(planOf(pairDesired(follow("Contoso")), { live }).actions).toEqual([]);
    const both = planOf(pairDesired(follow("CONTOSO, Microsoft")), { live });
    expect(both.actions.find((a) => a.kind === "switchMapVersion")).toMatchObject({ to: { publisher: "microsoft", number: "9.0.0.0" } });
  });

  it("keeps the active version when it is the latest: no actions", () => {
    const live = withTemplates([{ id: "t-102", publisher: "contoso", number: "1.0.0.2", definition: asVersion(activeCustomers(), "contoso", "1.0.0.2") }]);
    const plan = planOf(pairDesired(follow("contoso")), { live });
    expect(plan.actions).toEqual([]);
    expect(plan.warnings).toEqual([]);
  });

  it("never saves git's definition: a difference is a warning that names it and the two ways out", () => {
    const files = editFile(follow("contoso"), customers, '{ fo: ORGANIZATIONNAME, map: "=", dv: name }', '{ fo: ORGANIZATIONNAME, map: ">", dv: name }');
    const plan = planOf(pairDesired(files), { live: deployed() });
    expect(plan.actions).toEqual([]);
    const warning = plan.warnings.find((w) => w.code === "followed-definition-differs");
    expect(warning?.map).toBe("customers");
    expect(warning?.message).toContain("follows contoso 1.0.0.3, which is active");
    expect(warning?.message).toContain("1 field mapping changed");
    expect(warning?.message).toContain("dwctl import --env stage --maps customers");
    expect(warning?.message).toContain("pin a version of your own publisher");
  });

  it("warns before a switch too, when the followed version's definition differs from git's", () => {
    const other = asVersion(activeCustomers(), "contoso", "1.0.0.5");
    other.fields = other.fields.slice(1);
    const plan = planOf(pairDesired(follow("contoso")), { live: withTemplates([{ id: "t-105", publisher: "contoso", number: "1.0.0.5", definition: other }]) });
    expect(plan.actions.map((a) => a.kind)).toEqual(["stopMap", "switchMapVersion", "refreshTables", "startMap"]);
    expect(plan.warnings.find((w) => w.code === "followed-definition-differs")?.message).toContain("which becomes active, and git's definition differs from it: 1 field mapping added");
  });

  it("blocks, naming the map and the publishers, when the service lists no version by them", () => {
    const plan = planOf(pairDesired(follow("fabrikam, northwind")), { live: deployed() });
    expect(plan.actions).toEqual([]);
    expect(plan.summary.blocked).toBe(true);
    expect(plan.blockers).toHaveLength(1);
    expect(plan.blockers[0]).toMatchObject({ kind: "followedVersionMissing", path: ["customers"] });
    expect(plan.blockers[0]?.message).toContain("maps/tablemaps/customers.yaml: customers follows the latest version by fabrikam or northwind");
    expect(plan.blockers[0]?.message).toContain("(it lists contoso 1.0.0.3)");
    expect(plan.blockers[0]?.message).toContain("Apply the publisher's solution");
    expect(plan.blockers[0]?.message).toContain("pin a version of your own publisher");
  });

  it("blocks a map that does not exist live: following never saves a version under someone else's publisher", () => {
    const live = deployed();
    live.maps = live.maps.filter((m) => m.ref.table !== "account");
    const plan = planOf(pairDesired(follow("contoso")), { live });
    expect(plan.blockers.map((b) => [b.kind, b.path])).toEqual([["followedMapMissing", ["customers"]]]);
    expect(plan.blockers[0]?.message).toContain("does not exist in the dual-write service of this pair yet");
    expect(plan.actions.filter((a) => "map" in a && a.map === "customers")).toEqual([]);
  });

  it("leaves the version alone where the pair's ignore rules do", () => {
    const files = editFile(follow("contoso"), "maps/environments.yaml", "    refreshedFrom: prod\n", "    refreshedFrom: prod\n    ignore:\n      - { map: customers, aspects: [version] }\n");
    const live = withTemplates([{ id: "t-105", publisher: "contoso", number: "1.0.0.5", definition: asVersion(activeCustomers(), "contoso", "1.0.0.5") }]);
    expect(planOf(pairDesired(files), { live }).actions).toEqual([]);
  });

  it("drift: an edit of the followed version outside dwctl is reported, saying apply only switches and never saves", () => {
    const last = lastAppliedFor(pairDesired(planEstate()));
    const live = withLiveMap(deployed(), "account", (m) => {
      m.definition = { ...m.definition, fields: m.definition.fields.slice(1) };
    });
    const plan = planOf(pairDesired(follow("contoso")), { live, lastApplied: last });
    expect(plan.actions).toEqual([]);
    const drift = plan.drift.find((d) => d.kind === "definitionChanged");
    expect(drift?.map).toBe("customers");
    expect(drift?.message).toContain("customers follows contoso: apply only switches to the version they shipped last and never saves it");
    expect(drift?.message).toContain("dwctl import --env stage --maps customers");
  });

  it("a changed git definition of a followed map is no pending deploy (it is never deployed); a pinned one's is", () => {
    const edit = (files: Record<string, string>) => editFile(files, customers, '{ fo: ORGANIZATIONNAME, map: "=", dv: name }', '{ fo: ORGANIZATIONNAME, map: ">", dv: name }');
    const last = lastAppliedFor(pairDesired(planEstate()));
    expect(planOf(pairDesired(edit(follow("contoso"))), { live: deployed(), lastApplied: last }).pending).toEqual([]);
    expect(planOf(pairDesired(edit(planEstate())), { live: deployed(), lastApplied: last }).pending.map((p) => p.message)).toEqual(["customers: definition changed in git"]);
  });
});

describe("a save into another publisher's version blocks the plan (versionOfAnotherPublisher)", () => {
  const pin104 = () => pairDesired(editFile(planEstate(), customers, "number: 1.0.0.3", "number: 1.0.0.4"));
  /** Deployed, plus a row of 1.0.0.4 that names no publisher, which the service lists as microsoft's template. */
  const microsofts104 = (extra: (m: Snapshot["maps"][number]) => void = () => undefined) =>
    withLiveMap(deployed(), "account", (m) => {
      m.versions.push({ id: "row-104", publisher: "", number: "1.0.0.4" });
      m.templates.push({ id: "t-ms-104", publisher: "microsoft", number: "1.0.0.4" });
      extra(m);
    });

  it("blocks before apply would refuse the save: the map is neither stopped nor saved, the message names both publishers and the way out", () => {
    const plan = planOf(pin104(), { live: microsofts104() });
    expect(plan.blockers).toHaveLength(1);
    const blocker = plan.blockers[0];
    expect(blocker).toMatchObject({ kind: "versionOfAnotherPublisher", path: ["customers"] });
    expect(blocker?.message).toContain("maps/tablemaps/customers.yaml: customers pins version contoso 1.0.0.4, but version 1.0.0.4 of Customers V3 (accounts) is saved in a Dataverse row that names no publisher");
    expect(blocker?.message).toContain("lists it as microsoft's (microsoft 1.0.0.4)");
    expect(blocker?.message).toContain("nothing of this map is stopped or saved");
    expect(blocker?.message).toContain(anotherPublishersVersionHint("microsoft"));
    expect(plan.summary.blocked).toBe(true);
    // Without the blocker the map would be stopped, saved, applied and activated (see "a version number that does not exist live").
    expect(plan.actions).toEqual([]);
  });

  it("blocks a pin of the active version's number when its row names no publisher and the service lists it as another's", () => {
    const pd = pairDesired(planEstate());
    const live = withLiveMap(deployed(), "account", (m) => {
      m.definition = asVersion(m.definition, "microsoft", "1.0.0.3");
      m.versions = [{ id: "row-103", publisher: "", number: "1.0.0.3" }];
      m.templates = [{ id: "t-ms-103", publisher: "Microsoft", number: "1.0.0.3" }];
    });
    const plan = planOf(pd, { live });
    expect(plan.blockers.map((b) => [b.kind, b.path])).toEqual([["versionOfAnotherPublisher", ["customers"]]]);
    expect(plan.blockers[0]?.message).toContain("lists it as Microsoft's (Microsoft 1.0.0.3)");
    expect(plan.actions.filter((a) => a.kind === "stopMap")).toEqual([]);
    expect(plan.actions).toEqual([]);
  });

  it.each([
    ["a row of its own publisher's 1.0.0.4 (overwritten)", "update", (m: Snapshot["maps"][number]) => m.versions.push({ id: "row-contoso-104", publisher: "contoso", number: "1.0.0.4" })],
    ["a template of its own publisher's 1.0.0.4 (the unnamed row is its own)", "create", (m: Snapshot["maps"][number]) => m.templates.push({ id: "t-contoso-104", publisher: "Contoso", number: "1.0.0.4" })],
  ])("no blocker when the pinned publisher already has the version: %s", (_, change, own) => {
    const plan = planOf(pin104(), { live: microsofts104(own) });
    expect(plan.blockers).toEqual([]);
    expect(saves(plan)).toEqual([{ change, version: "1.0.0.4" }]);
    expect(plan.actions.map((a) => a.kind)).toEqual(["stopMap", "saveMapDefinition", "applySolution", "activateMapVersion", "refreshTables", "startMap"]);
  });

  it("no blocker without a row that names no publisher (a row of its own is created), nor when no other publisher lists the number", () => {
    const noRow = withLiveMap(deployed(), "account", (m) => m.templates.push({ id: "t-ms-104", publisher: "microsoft", number: "1.0.0.4" }));
    expect(planOf(pin104(), { live: noRow }).blockers).toEqual([]);
    expect(saves(planOf(pin104(), { live: noRow }))).toEqual([{ change: "create", version: "1.0.0.4" }]);
    const noTemplate = withLiveMap(deployed(), "account", (m) => m.versions.push({ id: "row-104", publisher: "", number: "1.0.0.4" }));
    expect(planOf(pin104(), { live: noTemplate }).blockers).toEqual([]);
  });

  describe("placed on version.number of the map's YAML file", () => {
    let dir: string | undefined;
    afterEach(async () => {
      if (dir !== undefined) await rm(dir, { recursive: true, force: true });
      dir = undefined;
    });

    it("plan reads the map's file again and gives the blocker its file, line and column", async () => {
      const files = editFile(planEstate(), customers, "number: 1.0.0.3", "number: 1.0.0.4");
      dir = await mkdtemp(join(tmpdir(), "dwctl-versions-"));
      for (const [path, text] of Object.entries(files)) {
        await mkdir(dirname(join(dir, path)), { recursive: true });
        await writeFile(join(dir, path), text);
      }
      const pd = pairDesired(files);
      const plan = planOf(pd, { live: microsofts104() });
      const located = await locateVersionBlockers(plan, pd, dir);
      const line = (files[customers] ?? "").split("\n").findIndex((l) => l.startsWith("version:")) + 1;
      const column = (files[customers] ?? "").split("\n")[line - 1]?.indexOf("1.0.0.4") ?? -1;
      expect(located.blockers[0]?.location).toEqual({ file: customers, line, column: column + 1 });
      expect(located.blockers[0]?.message.startsWith(`${customers}:${line}:${column + 1} customers pins version contoso 1.0.0.4`)).toBe(true);
      // Unreadable file: the blocker stays as plan made it.
      await rm(join(dir, customers));
      expect(await locateVersionBlockers(plan, pd, dir)).toEqual(plan);
      // No such blocker: nothing is read, the plan is returned as it is.
      const clean = planOf(pd, { live: deployed() });
      expect(await locateVersionBlockers(clean, pd, dir)).toBe(clean);
    });

    it("a followed map's blockers are placed on version.follow", async () => {
      const files = follow("fabrikam");
      dir = await mkdtemp(join(tmpdir(), "dwctl-versions-"));
      for (const [path, text] of Object.entries(files)) {
        await mkdir(dirname(join(dir, path)), { recursive: true });
        await writeFile(join(dir, path), text);
      }
      const pd = pairDesired(files);
      const lines = (files[customers] ?? "").split("\n");
      const line = lines.findIndex((l) => l.startsWith("version:")) + 1;
      const column = (lines[line - 1]?.indexOf("[fabrikam]") ?? -1) + 1;
      const missing = deployed();
      missing.maps = missing.maps.filter((m) => m.ref.table !== "account");
      for (const [live, kind] of [[deployed(), "followedVersionMissing"], [missing, "followedMapMissing"]] as const) {
        const located = await locateVersionBlockers(planOf(pd, { live }), pd, dir);
        expect(located.blockers.map((b) => [b.kind, b.location])).toEqual([[kind, { file: customers, line, column }]]);
        expect(located.blockers[0]?.message.startsWith(`${customers}:${line}:${column} customers follows the latest version by fabrikam`)).toBe(true);
      }
    });
  });
});
