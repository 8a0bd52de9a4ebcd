import { describe, expect, it } from "vitest";
import { findingsFor, statusOf } from "../../src/drift/findings.js";
import type { Snapshot } from "../../src/model/snapshot.js";
import { lastAppliedFor, liveFromDesired, pairDesired, planEstate, planOf, withLiveMap } from "../plan/builders.js";

const pd = pairDesired(planEstate());

function findings(live: Snapshot): string[] {
  const withRecord = { ...live, lastApplied: { kind: "lastApplied" as const, value: lastAppliedFor(pd), etag: "1" } };
  return findingsFor(planOf(pd, { live: withRecord }), withRecord, pd).map((f) => `${f.severity} ${f.code} ${f.category}${f.map === null ? "" : ` ${f.map}`}`);
}

describe("drift findings", () => {
  it("an estate as applied has none", () => {
    expect(findings(liveFromDesired(pd))).toEqual([]);
  });

  it("a paused map warns that records queue and that their number cannot be read", () => {
    const live = withLiveMap(liveFromDesired(pd), "account", (m) => (m.state = "paused"));
    const out = findingsFor(planOf(pd, { live }), live, pd);
    const queued = out.find((f) => f.code === "records-queued");
    expect(queued?.severity).toBe("warning");
    expect(queued?.hint).toContain("no documented call");
    // The state change is drift too, and errors and warnings come before notes.
    expect(out.map((f) => f.code)).toContain("state-changed");
    expect(statusOf(out)).toBe("drift");
  });

  it("the service's latest failed start is an initial-sync failure; one still running is a note", () => {
    const failed = withLiveMap(liveFromDesired(pd), "account", (m) => (m.lastRequest = { requestId: "r-1", action: "start", state: "error", message: "Exceeds the maximum partitions allowed" }));
    expect(findings(failed).some((f) => f.startsWith("error initial-sync-failed runtimeHealth"))).toBe(true);
    const waiting = withLiveMap(liveFromDesired(pd), "account", (m) => (m.lastRequest = { requestId: "r-2", action: "initialise", state: "waiting", message: "" }));
    const out = findingsFor(planOf(pd, { live: waiting }), waiting, pd);
    expect(out.find((f) => f.code === "request-waiting")?.severity).toBe("info");
    expect(statusOf(out.filter((f) => f.code === "request-waiting"))).toBe("clean");
  });

  it("a failed key index and an unmanaged map in error are reported", () => {
    const live = liveFromDesired(pd);
    const key = live.alternateKeys[0];
    if (key === undefined) throw new Error("the estate has no key: fix the test");
    key.status = "failed";
    const other = live.maps[0];
    if (other === undefined) throw new Error("no map");
    live.maps.push({ ...other, ref: { entity: "SomethingElse", table: "other" }, state: "error" });
    const out = findings(live);
    expect(out.some((f) => f.startsWith("error key-index-failed runtimeHealth"))).toBe(true);
    expect(out).toContain("warning unmanaged-map-error runtimeHealth");
  });
});
