import type { PairDesired } from "../model/pair-view.js";
import type { Action, ActionOf, Confirmation } from "./plan.js";

function list(titles: readonly string[]): string {
  return [...new Set(titles)].join(", ");
}

/** Why apply needs --confirm <pair>: stops, deletes and initial syncs on a protected pair; stopping a protected map; too many stops. */
export function requireConfirmations(pairDesired: PairDesired, actions: readonly Action[], maxStops: number): Confirmation[] {
  const pair = pairDesired.pair.name;
  const stops = actions.filter((a) => a.kind === "stopMap");
  const deletes = actions.filter((a) => a.kind === "deleteMap");
  const syncs = actions.filter((a): a is ActionOf<"startMap"> => a.kind === "startMap" && a.initialSync !== null);
  const out: Confirmation[] = [];
  if (pairDesired.pair.protected === true) {
    if (stops.length > 0)
      out.push({
        reason: "protectedPair",
        message: `${pair} is protected and apply stops ${stops.length} map(s): ${list(stops.map((a) => a.title))}`,
      });
    if (deletes.length > 0)
      out.push({
        reason: "protectedPair",
        message: `${pair} is protected and apply deletes ${deletes.length} map(s): ${list(deletes.map((a) => a.title))}`,
      });
    if (syncs.length > 0)
      out.push({
        reason: "protectedPair",
        message: `${pair} is protected and apply runs ${syncs.length} initial sync(s): ${list(syncs.map((a) => a.title))}`,
      });
  }
  const protectedMaps = new Set(pairDesired.maps.filter((m) => m.map.protected).map((m) => m.map.name));
  for (const name of [...new Set(stops.map((a) => a.map))].filter((n) => protectedMaps.has(n))) {
    out.push({ reason: "protectedMap", message: `${name} is protected and apply stops it` });
  }
  if (stops.length > maxStops)
    out.push({ reason: "maxStops", message: `apply stops ${stops.length} maps, more than the limit of ${maxStops} (--max-stops)` });
  return out;
}
