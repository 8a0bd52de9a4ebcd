import { describe, expect, it } from "vitest";
import { toMapDefinition } from "../../src/model/definition.js";
import { canonicalJson, sha256 } from "../../src/model/fingerprint.js";
import { mapKey } from "../../src/model/snapshot.js";
import { refOf } from "../../src/plan/plan-map.js";
import { editFile, lastAppliedFor, liveFromDesired, pairDesired, planEstate, planOf, steps, withLiveMap } from "./builders.js";

const pd = () => pairDesired(planEstate());

describe("keys", () => {
  it("reactivates a failed alternate key index, and reports it as drift", () => {
    const live = liveFromDesired(pd());
    const key = live.alternateKeys.find((k) => k.table === "account");
    if (key === undefined) throw new Error("fixture");
    key.status = "failed";
    const plan = planOf(pd(), { live });
    expect(steps(plan)).toEqual(["1 reactivateAlternateKey account"]);
    expect(plan.drift.map((d) => d.kind)).toEqual(["keyIndexFailed"]);
  });

  it("matches an alternate key by its attributes, whatever its schema name or attribute order", () => {
    const live = liveFromDesired(pd());
    live.alternateKeys = live.alternateKeys.map((k) =>
      k.table === "account" ? { ...k, schemaName: "other_name", attributes: ["msdyn_company", "accountnumber"] } : k,
    );
    expect(planOf(pd(), { live }).actions).toEqual([]);
  });

  it("warns about an index still building instead of acting", () => {
    const live = liveFromDesired(pd());
    live.alternateKeys = live.alternateKeys.map((k) => (k.table === "account" ? { ...k, status: "inProgress" as const } : k));
    const plan = planOf(pd(), { live });
    expect(plan.actions).toEqual([]);
    expect(plan.warnings.map((w) => w.code)).toEqual(["key-index-building"]);
  });

  it("changes integration key columns that differ, saying what they were", () => {
    const live = liveFromDesired(pd());
    live.integrationKeys = live.integrationKeys.map((k) => (k.table === "account" ? { ...k, columns: ["accountnumber"] } : k));
    const plan = planOf(pd(), { live });
    // DW Helper writes keys without restarting a running map (dualwrite-service.md §6.4); the plan says so.
    expect(plan.actions.map((a) => a.description)).toEqual([
      "change the integration key of account from accountnumber to accountnumber, msdyn_company.cdm_companycode",
    ]);
    expect(plan.warnings.map((w) => `${w.code} ${w.map ?? ""}`)).toEqual(["key-change-running-map customers"]);
    expect(plan.drift.map((d) => d.kind)).toEqual(["integrationKeyChanged"]);
  });

  it("refreshes tables after a key change of a stopped map, before it starts", () => {
    const live = withLiveMap(liveFromDesired(pd()), "account", (m) => {
      m.state = "stopped";
    });
    live.integrationKeys = live.integrationKeys.map((k) => (k.table === "account" ? { ...k, columns: ["accountnumber"] } : k));
    const plan = planOf(pd(), { live });
    expect(steps(plan)).toEqual(["1 setIntegrationKey account", "2 refreshTables customers", "3 startMap customers"]);
    const start = plan.actions.at(-1);
    expect(start?.kind === "startMap" ? start.initialSync : "not a start").toBeNull();
  });
});

describe("link and legal entities", () => {
  it("warns that linked legal entities differ, and changes nothing: no call changes them on a live link", () => {
    const desired = pd();
    const live = liveFromDesired(desired);
    if (live.link === undefined) throw new Error("fixture");
    live.link.legalEntities = ["USMF", "DEMF"];
    const plan = planOf(desired, { live });
    expect(plan.actions).toEqual([]);
    expect(plan.warnings.map((w) => w.code)).toEqual(["legal-entities"]);
    expect(plan.warnings[0]?.message).toContain("Reset the link");
    expect(plan.drift.map((d) => d.kind)).toEqual(["legalEntitiesChanged"]);
  });

  it("refuses a pair that is not linked", () => {
    const live = liveFromDesired(pd());
    live.link = undefined;
    const plan = planOf(pd(), { live });
    expect(plan.blockers.map((b) => b.kind)).toEqual(["notLinked"]);
    expect(plan.summary.blocked).toBe(true);
  });

  it("refuses a link whose connection set points at another Dataverse", () => {
    const live = liveFromDesired(pd());
    if (live.link === undefined) throw new Error("fixture");
    live.link.dataverseUrl = "https://contoso-prod.crm.dynamics.com";
    const plan = planOf(pd(), { live });
    expect(plan.blockers.map((b) => b.kind)).toEqual(["linkMismatch"]);
    expect(plan.drift.map((d) => d.kind)).toEqual(["linkMismatch"]);
  });
});

describe("map drift", () => {
  it("reports a map whose last request failed, and never re-runs an initial sync by itself", () => {
    const live = withLiveMap(liveFromDesired(pd()), "account", (m) => {
      m.lastRequest = { requestId: "r-1", action: "start", state: "error", message: "Initial sync failed for DEMF" };
    });
    const plan = planOf(pd(), { live });
    expect(plan.drift.map((d) => d.kind)).toEqual(["mapError"]);
    expect(plan.drift[0]?.message).toContain("r-1");
    expect(plan.drift[0]?.message).toContain("initialSync.rerun");
    expect(steps(plan)).toEqual([]);
  });

  it("reports a managed map deleted outside dwctl, and creates it again", () => {
    const live = liveFromDesired(pd());
    live.maps = live.maps.filter((m) => m.ref.table !== "account");
    const plan = planOf(pd(), { live });
    expect(plan.drift.map((d) => `${d.kind} ${d.map ?? ""}`)).toEqual(["mapMissing customers"]);
    expect(plan.actions.map((a) => a.kind)).toEqual([
      "saveMapDefinition",
      "applySolution",
      "initialiseMap",
      "activateMapVersion",
      "refreshTables",
      "startMap",
    ]);
  });

  it("does not see drift in the order the service returns field rows", () => {
    const live = withLiveMap(liveFromDesired(pd()), "account", (m) => {
      m.definition = { ...m.definition, fields: [...m.definition.fields].reverse() };
    });
    expect(planOf(pd(), { live }).drift).toEqual([]);
  });

  it("accepts a last-applied hash of the definition as saved, not normalised", () => {
    const record = lastAppliedFor(pd());
    for (const pm of pd().maps) {
      const entry = record.maps[mapKey(refOf(pm))];
      if (entry !== undefined) entry.definitionHash = sha256(canonicalJson(toMapDefinition(pm.map)));
    }
    expect(planOf(pd(), { lastApplied: record }).drift).toEqual([]);
  });

  it("has no drift, and one pending item, without a last-applied record", () => {
    const plan = planOf(pd(), { lastApplied: undefined });
    expect(plan.drift).toEqual([]);
    expect(plan.pending).toHaveLength(1);
    expect(plan.summary.pending).toBe(1);
  });
});

describe("confirmations", () => {
  const changedEverywhere = (name: string) =>
    pairDesired(
      editFile(
        planEstate(),
        "maps/tablemaps/customers.yaml",
        '{ fo: ORGANIZATIONNAME, map: "=", dv: name }',
        '{ fo: ORGANIZATIONNAME, map: ">", dv: name }',
      ),
      name,
    );

  it("needs --confirm for a stop or an initial sync on a protected pair, and records whether it was given", () => {
    const live = liveFromDesired(pairDesired(planEstate(), "prod"));
    const plan = planOf(changedEverywhere("prod"), { live });
    // An edit stops and restarts the map without an initial sync: one confirmation, for the stop.
    expect(plan.confirmationsRequired.map((c) => c.message)).toEqual(["prod is protected and apply stops 1 map(s): Customers V3 (accounts)"]);
    const rerun = pairDesired(editFile(planEstate(), "maps/tablemaps/customers.yaml", "initialSync: { enabled: true, master: dataverse }", "initialSync: { enabled: true, master: dataverse, rerun: T-1 }"), "prod");
    expect(planOf(rerun, { live }).confirmationsRequired.map((c) => c.message)).toEqual([
      "prod is protected and apply stops 1 map(s): Customers V3 (accounts)",
      "prod is protected and apply runs 1 initial sync(s): Customers V3 (accounts)",
    ]);
    expect(plan.confirmed).toBe(false);
    expect(planOf(changedEverywhere("prod"), { live, confirm: "prod" }).confirmed).toBe(true);
    expect(planOf(changedEverywhere("prod"), { live, confirm: "stage" }).confirmed).toBe(false);
  });

  it("needs nothing on an unprotected pair within the stop limit", () => {
    const live = liveFromDesired(pairDesired(planEstate()));
    expect(planOf(changedEverywhere("stage"), { live }).confirmationsRequired).toEqual([]);
  });

  it("needs --confirm above --max-stops anywhere, and to stop a protected map", () => {
    const live = liveFromDesired(pairDesired(planEstate()));
    expect(planOf(changedEverywhere("stage"), { live, maxStops: 0 }).confirmationsRequired.map((c) => c.reason)).toEqual(["maxStops"]);
    const files = editFile(planEstate(), "maps/tablemaps/customers.yaml", "state: running", "state: stopped\nprotected: true");
    const plan = planOf(pairDesired(files), { live });
    expect(plan.confirmationsRequired.map((c) => c.message)).toEqual(["customers is protected and apply stops it"]);
  });
});
