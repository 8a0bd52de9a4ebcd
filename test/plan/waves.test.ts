import { describe, expect, it } from "vitest";
import type { PairDesired } from "../../src/model/pair-view.js";
import {
  contactKey,
  contactsMap,
  editFile,
  emptyLive,
  liveFromDesired,
  pairDesired,
  planEstate,
  planOf,
  steps,
  withLiveMap,
} from "./builders.js";

const customers = "maps/tablemaps/customers.yaml";

const withContacts = (keyColumns?: { contact: string; account: string }): PairDesired => {
  let files = editFile(
    planEstate({ "maps/tablemaps/contacts.yaml": contactsMap, "maps/keys/contact.yaml": contactKey }),
    customers,
    '  - { fo: ORGANIZATIONNAME, map: "=", dv: name }\n',
    '  - { fo: ORGANIZATIONNAME, map: "=", dv: name }\n  - { fo: CONTACTPERSONID, map: "=", dv: primarycontactid.msdyn_contactpersonid }\n',
  );
  if (keyColumns !== undefined) {
    files = editFile(
      files,
      "maps/keys/contact.yaml",
      "columns: [msdyn_contactpersonid, msdyn_company.cdm_companycode]",
      `columns: [${keyColumns.contact}]`,
    );
    files = editFile(
      files,
      "maps/keys/account.yaml",
      "columns: [accountnumber, msdyn_company.cdm_companycode]",
      `columns: [${keyColumns.account}]`,
    );
  }
  return pairDesired(files);
};

describe("waves", () => {
  it("runs keys, stops, saves, Apply Solution, initialise, versions, refresh tables, then starts by dependency level, pauses last", () => {
    const files = editFile(planEstate(), "maps/tablemaps/currencies.yaml", "fields:", "state: paused\nfields:");
    const pd = pairDesired(files);
    const live = emptyLive(pd);
    live.link = { ...(live.link ?? { connectionSet: "", dataverseUrl: "", powerAppsEnvironment: "" }), legalEntities: [] };
    live.maps = liveFromDesired(pd).maps.filter((m) => m.ref.table === "account");
    withLiveMap(live, "account", (m) => {
      m.definition = { ...m.definition, filters: {} };
    });
    const plan = planOf(pd, { live, lastApplied: undefined });
    expect(plan.waves.map((w) => w.title)).toEqual([
      "keys",
      "stop",
      "definitions",
      "apply solutions",
      "initialise",
      "versions",
      "refresh tables",
      "start 1",
      "start 2",
      "pause",
    ]);
    expect(steps(plan)).toEqual([
      "1 createAlternateKey account",
      "1 createAlternateKey cdm_company",
      "1 createAlternateKey transactioncurrency",
      "1 setIntegrationKey account",
      "1 setIntegrationKey cdm_company",
      "1 setIntegrationKey transactioncurrency",
      "2 stopMap customers",
      "3 saveMapDefinition currencies",
      "3 saveMapDefinition customers",
      "3 saveMapDefinition legal-entities",
      "4 applySolution",
      "5 initialiseMap currencies",
      "5 initialiseMap legal-entities",
      "6 activateMapVersion currencies",
      "6 activateMapVersion legal-entities",
      "7 refreshTables currencies",
      "7 refreshTables customers",
      "7 refreshTables legal-entities",
      "8 startMap currencies",
      "8 startMap legal-entities",
      "9 startMap customers",
      "10 pauseMap currencies",
    ]);
    // The new maps start with their first initial sync; the edited running map restarts without one.
    const syncs = plan.actions.flatMap((a) => (a.kind === "startMap" ? [`${a.map} ${a.initialSync?.reason ?? "no initial sync"}`] : []));
    expect(syncs).toEqual(["currencies first-start", "legal-entities first-start", "customers no initial sync"]);
  });

  it("treats a dependency that is already running as satisfied", () => {
    const pd = pairDesired(planEstate());
    const live = withLiveMap(liveFromDesired(pd), "account", (m) => {
      m.state = "stopped";
    });
    const plan = planOf(pd, { live });
    expect(plan.waves.map((w) => w.title)).toEqual(["start 1"]);
    expect(steps(plan)).toEqual(["1 startMap customers"]);
  });

  it("gives every action a unique id that names its wave, verb and subject", () => {
    const pd = withContacts();
    const plan = planOf(pd, { live: emptyLive(pd), lastApplied: undefined });
    const ids = plan.actions.map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain("wave1/create-key/contact:msdyn_contactpersonid_company");
    expect(ids.filter((id) => id.endsWith("/start/cdscontactsv2|contact"))).toHaveLength(2);
    for (const action of plan.actions) expect(action.id.startsWith(`wave${action.wave}/`)).toBe(true);
  });

  it("does not loop on a dependsOn cycle that validation would have refused, and refuses it", () => {
    const pd = pairDesired(planEstate());
    const dependsOn: Record<string, string[]> = { currencies: ["legal-entities"], "legal-entities": ["currencies"] };
    const looped: PairDesired = {
      ...pd,
      maps: pd.maps.map((m) => ({ ...m, map: { ...m.map, dependsOn: dependsOn[m.map.name] ?? m.map.dependsOn } })),
    };
    const plan = planOf(looped, { live: emptyLive(pd), lastApplied: undefined });
    expect(
      plan.actions
        .filter((a) => a.kind === "startMap")
        .map((a) => a.map)
        .sort(),
    ).toEqual(["currencies", "customers", "legal-entities"]);
    expect(plan.blockers.map((b) => b.path)).toEqual([["currencies", "legal-entities", "currencies"]]);
    expect(plan.blockers[0]?.message).toContain("made of dependsOn entries");
  });
});

describe("lookup cycles", () => {
  it("starts two maps that look each other up in two phases", () => {
    const pd = withContacts();
    const plan = planOf(pd, { live: emptyLive(pd), lastApplied: undefined });
    const contacts = steps(plan).filter((s) => s.endsWith(" contacts"));
    expect(contacts.map((s) => s.replace(/^\d+ /, ""))).toEqual([
      "saveMapDefinition contacts",
      "initialiseMap contacts",
      "activateMapVersion contacts",
      "refreshTables contacts",
      "startMap contacts",
      "stopMap contacts",
      "saveMapDefinition contacts",
      "refreshTables contacts",
      "startMap contacts",
    ]);
    // Phase 2 saves into the solution again, so it is applied again before the restart.
    expect(steps(plan).filter((s) => s.endsWith("applySolution"))).toHaveLength(2);
    const saves = plan.actions.filter((a) => a.kind === "saveMapDefinition" && a.map === "contacts");
    expect(saves.map((a) => (a.kind === "saveMapDefinition" ? a.lookupCycle : null))).toEqual([
      { phase: 1, fields: ["parentcustomerid.accountnumber"] },
      { phase: 2, fields: ["parentcustomerid.accountnumber"] },
    ]);
    const phase1 = saves[0];
    expect(phase1?.kind === "saveMapDefinition" && phase1.definition.fields.some((f) => f.dv === "parentcustomerid.accountnumber")).toBe(
      false,
    );
    const contactStart = plan.actions.find((a) => a.kind === "startMap" && a.map === "contacts");
    const customerStart = plan.actions.find((a) => a.kind === "startMap" && a.map === "customers");
    expect((contactStart?.wave ?? 0) < (customerStart?.wave ?? 0)).toBe(true);
    expect(plan.warnings.map((w) => w.code)).toContain("lookup-cycle");
    expect(plan.blockers).toEqual([]);
  });

  it("refuses, naming the path, when every field closing the cycle is part of a key", () => {
    const pd = withContacts({
      contact: "msdyn_contactpersonid, parentcustomerid.accountnumber, msdyn_company.cdm_companycode",
      account: "accountnumber, primarycontactid.msdyn_contactpersonid, msdyn_company.cdm_companycode",
    });
    const plan = planOf(pd, { live: emptyLive(pd), lastApplied: undefined });
    expect(plan.blockers).toHaveLength(1);
    expect(plan.blockers[0]?.kind).toBe("lookupCycle");
    expect(plan.blockers[0]?.path).toEqual(["contacts", "customers", "contacts"]);
    expect(plan.blockers[0]?.message).toContain("contacts -> customers via parentcustomerid.accountnumber");
    expect(plan.summary.blocked).toBe(true);
  });

  it("needs no phases when the maps of the cycle start without initial sync", () => {
    const pd = withContacts();
    const live = pd.maps.map((m) => ({ ...m, initialSync: { ...m.initialSync, enabled: false } }));
    const plan = planOf({ ...pd, maps: live }, { live: emptyLive(pd), lastApplied: undefined });
    expect(plan.actions.filter((a) => a.kind === "saveMapDefinition" && a.map === "contacts")).toHaveLength(1);
    expect(plan.blockers).toEqual([]);
    expect(plan.warnings.map((w) => w.code)).not.toContain("lookup-cycle");
  });
});
