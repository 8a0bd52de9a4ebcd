import { describe, expect, it } from "vitest";
import type { LastAppliedRecord } from "../../src/model/last-applied.js";
import { mapKey, type LiveMapState, type MapDefinition, type Snapshot } from "../../src/model/snapshot.js";
import { definitionHash } from "../../src/plan/normalise-definition.js";
import type { Plan } from "../../src/plan/plan.js";
import { lastAppliedFor, liveFromDesired, liveMap, pairDesired, planEstate, planOf } from "../plan/builders.js";

/**
 * What --prune may delete, asserted on the plan's actions: only maps dwctl applied before and git
 * no longer has, only with --prune, never a map that was applied as protected, and on a protected
 * pair only with --confirm.
 */

function dropped(entity: string, table: string): MapDefinition {
  return {
    financeAndOperations: { entity, label: `${entity} label`, scope: "company" },
    dataverse: { table, entitySet: `${table}s`, scope: "company" },
    version: { publisher: "contoso", number: "1.0.0.1" },
    filters: {},
    fields: [{ fo: "CODE", map: "=", dv: `${table}_code` }],
    alerts: [],
  };
}

interface Extra {
  name: string;
  definition: MapDefinition;
  state: LiveMapState;
  /** How the last-applied record lists it: protected or not, or not at all (never managed). */
  applied: "protected" | "unprotected" | "never";
}

/** The pair deployed from git, plus live maps git no longer has. */
function estate(pair: string, extras: readonly Extra[]): { live: Snapshot; last: LastAppliedRecord } {
  const pd = pairDesired(planEstate(), pair);
  const live = liveFromDesired(pd);
  const last = lastAppliedFor(pd);
  for (const extra of extras) {
    live.maps.push(liveMap(extra.definition, extra.state));
    if (extra.applied !== "never") {
      const ref = { entity: extra.definition.financeAndOperations.entity, table: extra.definition.dataverse.table };
      last.maps[mapKey(ref)] = { name: extra.name, definitionHash: definitionHash(extra.definition), state: "running", protected: extra.applied === "protected" };
    }
  }
  return { live, last };
}

function plan(pair: string, extras: readonly Extra[], options: { prune: boolean; confirm?: string }): Plan {
  const { live, last } = estate(pair, extras);
  return planOf(pairDesired(planEstate(), pair), { live, lastApplied: last, ...options });
}

const steps = (p: Plan): string[] => p.actions.map((a) => `${a.kind} ${"map" in a ? a.map : ""}`.trim());
const warnings = (p: Plan): string[] => p.warnings.map((w) => `${w.code} ${w.map ?? ""}`);

const vendors = (applied: Extra["applied"], state: LiveMapState = "running"): Extra => ({ name: "vendors", definition: dropped("VendorsV2", "msdyn_vendor"), state, applied });
const orders = (applied: Extra["applied"], state: LiveMapState = "running"): Extra => ({ name: "orders", definition: dropped("SalesOrderHeadersV2", "salesorder"), state, applied });

describe("--prune on an unprotected pair", () => {
  it("deletes nothing without --prune, and says what it would delete", () => {
    const p = plan("stage", [vendors("unprotected"), orders("protected")], { prune: false });
    expect(steps(p)).toEqual([]);
    expect(warnings(p)).toEqual(["not-pruned orders", "not-pruned vendors"]);
  });

  it("stops and deletes a running map dwctl applied, unprotected, that git no longer has", () => {
    const p = plan("stage", [vendors("unprotected")], { prune: true });
    expect(steps(p)).toEqual(["stopMap vendors", "deleteMap vendors"]);
    const [stop, remove] = p.actions.map((a) => a.wave);
    expect(stop).toBeLessThan(remove ?? 0);
    expect(p.confirmationsRequired).toEqual([]);
    expect(p.unmanaged).toEqual([]);
  });

  it("deletes a stopped one without stopping it", () => {
    expect(steps(plan("stage", [vendors("unprotected", "stopped")], { prune: true }))).toEqual(["deleteMap vendors"]);
  });

  it.each(["running", "stopped", "paused"] as const)("never deletes or stops a %s map that was applied as protected", (state) => {
    const p = plan("stage", [orders("protected", state), vendors("unprotected")], { prune: true, confirm: "stage" });
    expect(steps(p).filter((s) => s.endsWith(" orders"))).toEqual([]);
    expect(steps(p)).toContain("deleteMap vendors");
    expect(warnings(p)).toEqual(["prune-protected orders"]);
    expect(p.warnings[0]?.message).toBe(
      "SalesOrderHeadersV2 label (salesorders) is no longer in git but was applied as protected, so dwctl does not delete it; delete it by hand or put it back in git",
    );
  });

  it("never deletes a map dwctl did not apply: it is listed as unmanaged", () => {
    const p = plan("stage", [vendors("never"), orders("never", "paused")], { prune: true });
    expect(steps(p)).toEqual([]);
    expect(warnings(p)).toEqual([]);
    expect(p.unmanaged).toEqual([
      { ref: { entity: "SalesOrderHeadersV2", table: "salesorder" }, title: "SalesOrderHeadersV2 label (salesorders)", state: "paused" },
      { ref: { entity: "VendorsV2", table: "msdyn_vendor" }, title: "VendorsV2 label (msdyn_vendors)", state: "running" },
    ]);
  });

  it("deletes nothing when there is no last-applied record at all", () => {
    const { live } = estate("stage", [vendors("never")]);
    const p = planOf(pairDesired(planEstate(), "stage"), { live, lastApplied: undefined, prune: true });
    expect(p.actions.filter((a) => a.kind === "deleteMap")).toEqual([]);
    expect(p.unmanaged.map((m) => m.ref.entity)).toEqual(["VendorsV2"]);
  });

  it("never deletes a map that git still has", () => {
    const p = plan("stage", [], { prune: true });
    expect(steps(p)).toEqual([]);
  });
});

describe("--prune on a protected pair", () => {
  it("needs --confirm <pair> to delete, and still never deletes a protected map", () => {
    const p = plan("prod", [vendors("unprotected"), orders("protected")], { prune: true });
    expect(steps(p)).toEqual(["stopMap vendors", "deleteMap vendors"]);
    expect(p.confirmationsRequired.map((c) => `${c.reason}: ${c.message}`)).toEqual([
      "protectedPair: prod is protected and apply stops 1 map(s): VendorsV2 label (msdyn_vendors)",
      "protectedPair: prod is protected and apply deletes 1 map(s): VendorsV2 label (msdyn_vendors)",
    ]);
    expect(p.confirmed).toBe(false);
    expect(plan("prod", [vendors("unprotected"), orders("protected")], { prune: true, confirm: "prod" }).confirmed).toBe(true);
  });

  it("needs --confirm to delete a map that is already stopped", () => {
    const p = plan("prod", [vendors("unprotected", "stopped")], { prune: true });
    expect(steps(p)).toEqual(["deleteMap vendors"]);
    expect(p.confirmationsRequired.map((c) => c.message)).toEqual(["prod is protected and apply deletes 1 map(s): VendorsV2 label (msdyn_vendors)"]);
  });
});
