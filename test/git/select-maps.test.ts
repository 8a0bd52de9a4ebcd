import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { recordLastApplied } from "../../src/apply/record-last-applied.js";
import type { Desired } from "../../src/model/desired.js";
import { mapKey } from "../../src/model/snapshot.js";
import { buildPlan } from "../../src/plan/build-plan.js";
import { buildSelectedPlan, recordedDesired, selectChangedMaps, type MapSelection } from "../../src/plan/select-maps.js";
import { createdAt, editFile, lastAppliedFor, liveFromDesired, loadDesired, pairDesired, planEstate, steps, withLiveMap } from "../plan/builders.js";

const root = "/repo";
const absolute = (file: string): string => join(root, file);
const changed = (...paths: string[]) => paths.map((path) => ({ path: absolute(path.replace(/^-/, "")), exists: !path.startsWith("-") }));

function names(selection: MapSelection): { whole: boolean; maps: string[]; tables: string[] } {
  return { whole: selection.whole, maps: [...selection.maps].sort(), tables: [...selection.tables].sort() };
}

/** The base estate with a second map on account (another entity): the two share account's key. */
function withSecondAccountMap(desired: Desired): Desired {
  const customers = desired.maps.find((m) => m.name === "customers");
  if (customers === undefined) throw new Error("the base estate has no customers map: fix the test");
  const b2b = { ...customers, name: "b2b-customers", file: "maps/tablemaps/b2b-customers.yaml", financeAndOperations: { ...customers.financeAndOperations, entity: "B2BCustomers" } };
  return { ...desired, maps: [...desired.maps, b2b] };
}

describe("selectChangedMaps", () => {
  const desired = loadDesired(planEstate());

  it("takes the maps whose files changed, and the keys of their tables", () => {
    expect(names(selectChangedMaps(desired, changed("maps/tablemaps/currencies.yaml"), absolute))).toEqual({ whole: false, maps: ["currencies"], tables: ["transactioncurrency"] });
    expect(names(selectChangedMaps(desired, changed(), absolute))).toEqual({ whole: false, maps: [], tables: [] });
  });

  it("takes the maps on a table whose integration key file changed", () => {
    expect(names(selectChangedMaps(desired, changed("maps/keys/account.yaml"), absolute))).toEqual({ whole: false, maps: ["customers"], tables: ["account"] });
  });

  it("names a deleted map or key by its file, so that prune can delete it", () => {
    expect(names(selectChangedMaps(desired, changed("-maps/tablemaps/vendors.yaml", "-maps/keys/msdyn_vendor.yaml", "-docs/notes.yaml"), absolute))).toEqual({
      whole: false,
      maps: ["vendors"],
      tables: ["msdyn_vendor"],
    });
  });

  it("takes every map when an environments file changed, or was deleted", () => {
    const all = { whole: true, maps: ["currencies", "customers", "legal-entities"], tables: ["account", "cdm_company", "transactioncurrency"] };
    expect(names(selectChangedMaps(desired, changed("maps/environments.yaml", "maps/tablemaps/currencies.yaml"), absolute))).toEqual(all);
    expect(names(selectChangedMaps(desired, changed("-maps/environments.yml"), absolute))).toEqual(all);
  });

  it("takes the maps that share a Dataverse table with a map in scope: they share its key", () => {
    const shared = withSecondAccountMap(desired);
    expect(names(selectChangedMaps(shared, changed("maps/tablemaps/customers.yaml"), absolute))).toEqual({ whole: false, maps: ["b2b-customers", "customers"], tables: ["account"] });
  });
});

describe("buildSelectedPlan", () => {
  const applied = pairDesired(planEstate());
  const record = lastAppliedFor(applied);
  const currencies: MapSelection = { whole: false, maps: new Set(["currencies"]), tables: new Set(["transactioncurrency"]) };
  const input = (desired: ReturnType<typeof pairDesired>, snapshot = liveFromDesired(applied), lastApplied = record, prune = false) => ({ desired, snapshot, lastApplied, options: { prune }, createdAt });

  it("plans the changed map only; an unchanged map edited and stopped live is held where it is", () => {
    const changedCurrencies = pairDesired(editFile(planEstate(), "maps/tablemaps/currencies.yaml", "scope: global\n", "scope: global\nstate: paused\n"));
    const drifted = withLiveMap(liveFromDesired(applied), "account", (map) => {
      map.state = "stopped";
      map.definition = { ...map.definition, filters: { dataverse: "statecode eq 0" } };
    });
    const whole = buildPlan(input(changedCurrencies, drifted));
    expect(steps(whole).some((s) => s.endsWith(" customers"))).toBe(true);
    const plan = buildSelectedPlan(input(changedCurrencies, drifted), currencies);
    expect(steps(plan)).toEqual(["1 pauseMap currencies"]);
    expect(plan.drift.filter((d) => d.map === "customers")).toEqual([]);
    expect(whole.drift.filter((d) => d.map === "customers").map((d) => d.kind)).toEqual(["definitionChanged", "stateChanged"]);
    expect(plan.pending.map((p) => p.message)).toEqual(["currencies: state changed in git from running to paused"]);
    expect(plan.desiredHash).toBe(whole.desiredHash);
    expect(plan.summary.actions).toBe(1);
    expect(plan.summary.drift).toBe(0);
  });

  it("creates no map and no key out of scope, and prunes only maps whose files the change deleted", () => {
    const withoutCustomers = planEstate({ "maps/tablemaps/customers.yaml": undefined, "maps/keys/account.yaml": undefined });
    // currencies is new in git, customers was deleted: neither is live-and-unchanged.
    const desired = pairDesired(withoutCustomers);
    const live = liveFromDesired(applied);
    live.maps = live.maps.filter((m) => m.ref.table !== "transactioncurrency");
    live.alternateKeys = live.alternateKeys.filter((k) => k.table !== "transactioncurrency");
    live.integrationKeys = live.integrationKeys.filter((k) => k.table !== "transactioncurrency");
    const nothing: MapSelection = { whole: false, maps: new Set(), tables: new Set() };
    expect(steps(buildSelectedPlan(input(desired, live, record, true), nothing))).toEqual([]);
    const deleted: MapSelection = { whole: false, maps: new Set(["customers"]), tables: new Set(["account"]) };
    expect(steps(buildSelectedPlan(input(desired, live, record, true), deleted))).toEqual(["1 stopMap customers", "2 deleteMap customers"]);
    const created = buildSelectedPlan(input(desired, live, record, true), currencies);
    expect(steps(created).filter((s) => s.includes("customers"))).toEqual([]);
    expect(steps(created)).toContain("1 createAlternateKey transactioncurrency");
    expect(steps(created).some((s) => s.endsWith("saveMapDefinition currencies"))).toBe(true);
  });

  it("is the whole plan when the whole estate is in scope", () => {
    const all: MapSelection = { whole: true, maps: new Set(), tables: new Set() };
    const drifted = withLiveMap(liveFromDesired(applied), "account", (map) => (map.state = "stopped"));
    expect(buildSelectedPlan(input(applied, drifted), all)).toEqual(buildPlan(input(applied, drifted)));
  });
});

describe("recordedDesired", () => {
  it("records the maps and keys in scope, and keeps what the previous record said of the others", () => {
    const applied = pairDesired(planEstate());
    const previous = lastAppliedFor(applied);
    const customersKey = mapKey({ entity: "CustomersV3", table: "account" });
    const drifted = withLiveMap(liveFromDesired(applied), "account", (map) => (map.definition = { ...map.definition, filters: { dataverse: "statecode eq 0" } }));
    const edited = { ...previous, keys: { ...previous.keys, account: { columns: ["accountnumber"], alternateKey: "old_key" } } };
    const selection: MapSelection = { whole: false, maps: new Set(["currencies"]), tables: new Set(["transactioncurrency"]) };
    const record = recordLastApplied({
      snapshot: drifted,
      desired: recordedDesired(applied, selection, edited),
      previous: edited,
      commit: "c".repeat(40),
      planHash: "p".repeat(64),
      desiredHash: "d".repeat(64),
      appliedAt: createdAt,
      actor: "test",
      runId: "1",
    });
    // customers drifted live and was out of scope: its previous entry stays, so the drift still shows.
    expect(record.maps[customersKey]).toEqual(edited.maps[customersKey]);
    expect(record.keys.account).toEqual({ columns: ["accountnumber"], alternateKey: "old_key" });
    expect(record.keys.transactioncurrency).toEqual(previous.keys.transactioncurrency);
    expect(Object.keys(record.maps).sort()).toEqual(Object.keys(previous.maps).sort());
  });
});
