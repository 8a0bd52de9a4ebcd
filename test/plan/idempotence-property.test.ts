import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { MapState } from "../../src/model/desired.js";
import type { PairDesired } from "../../src/model/pair-view.js";
import type { LiveMapState, Snapshot } from "../../src/model/snapshot.js";
import { buildPlan } from "../../src/plan/build-plan.js";
import { contactKey, contactsMap, createdAt, editFile, lastAppliedFor, liveFromDesired, pairDesired, planEstate } from "./builders.js";
import { simulate } from "./simulate.js";

const estate = pairDesired(
  editFile(
    planEstate({ "maps/tablemaps/contacts.yaml": contactsMap, "maps/keys/contact.yaml": contactKey }),
    "maps/tablemaps/customers.yaml",
    '  - { fo: ORGANIZATIONNAME, map: "=", dv: name }\n',
    '  - { fo: ORGANIZATIONNAME, map: "=", dv: name }\n  - { fo: CONTACTPERSONID, map: "=", dv: primarycontactid.msdyn_contactpersonid }\n',
  ),
);

const liveStates: LiveMapState[] = ["notRunning", "running", "paused", "stopped", "error"];
const desiredStates: MapState[] = ["running", "paused", "stopped"];

const mapCase = fc.record({
  present: fc.boolean(),
  state: fc.constantFrom(...liveStates),
  desired: fc.constantFrom(...desiredStates),
  initialSync: fc.boolean(),
  tweak: fc.constantFrom("none", "dropField", "filter", "otherVersion", "parkedVersion"),
  failedSync: fc.boolean(),
});

const keyCase = fc.constantFrom("same", "missing", "failed", "otherColumns");

type MapCase = typeof mapCase extends fc.Arbitrary<infer T> ? T : never;

function arrange(cases: MapCase[], keys: string[], legalEntities: boolean): { pd: PairDesired; live: Snapshot } {
  const pd: PairDesired = {
    ...estate,
    maps: estate.maps.map((m, i) => {
      const c = cases[i];
      return c === undefined ? m : { ...m, state: c.desired, initialSync: { ...m.initialSync, enabled: c.initialSync } };
    }),
  };
  const live = liveFromDesired(estate);
  live.maps = live.maps.flatMap((map, i) => {
    const c = cases[i];
    if (c === undefined) return [map];
    if (!c.present) return [];
    map.state = c.state;
    if (c.failedSync) map.lastRequest = { requestId: "r-failed", action: "start", state: "error", message: "initial sync failed" };
    const d = map.definition;
    if (c.tweak === "dropField") d.fields = d.fields.slice(1);
    if (c.tweak === "filter") d.filters = { dataverse: "statecode eq 1" };
    if (c.tweak === "otherVersion" || c.tweak === "parkedVersion") {
      const parked = { ...d.version };
      d.version = { publisher: d.version.publisher, number: "9.9.9.9" };
      map.versions = [{ id: "v9", ...d.version }, ...(c.tweak === "parkedVersion" ? [{ id: "parked", ...parked }] : [])];
    }
    return [map];
  });
  keys.forEach((k, i) => {
    const table = estate.keys[i]?.table;
    if (table === undefined) return;
    if (k === "missing") {
      live.alternateKeys = live.alternateKeys.filter((a) => a.table !== table);
      live.integrationKeys = live.integrationKeys.filter((a) => a.table !== table);
    }
    if (k === "failed") live.alternateKeys = live.alternateKeys.map((a) => (a.table === table ? { ...a, status: "failed" as const } : a));
    if (k === "otherColumns")
      live.integrationKeys = live.integrationKeys.map((a) => (a.table === table ? { ...a, columns: [...a.columns].reverse() } : a));
  });
  if (legalEntities && live.link !== undefined) live.link.legalEntities = ["DEMF"];
  return { pd, live };
}

describe("idempotence, for any live state", () => {
  it("applying the plan and planning again gives zero actions, and every step is allowed when it runs", () => {
    fc.assert(
      fc.property(
        fc.array(mapCase, { minLength: estate.maps.length, maxLength: estate.maps.length }),
        fc.array(keyCase, { minLength: estate.keys.length, maxLength: estate.keys.length }),
        fc.boolean(),
        (cases, keys, legalEntities) => {
          const { pd, live } = arrange(cases, keys, legalEntities);
          const input = { desired: pd, snapshot: live, lastApplied: lastAppliedFor(estate), options: { prune: true }, createdAt };
          const first = buildPlan(input);
          const second = buildPlan({ ...input, snapshot: simulate(live, first) });
          expect(second.actions.map((a) => a.id)).toEqual([]);
        },
      ),
      { numRuns: 300 },
    );
  });
});
