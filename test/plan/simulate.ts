import type { Plan } from "../../src/plan/plan.js";
import { mapKey, type LiveMap, type MapDefinition, type Snapshot } from "../../src/model/snapshot.js";

const stoppedStates = new Set(["stopped", "notRunning"]);

/**
 * What executing a plan does to a snapshot, by the gateway's contract: the effect of each action,
 * checking the preconditions a real environment enforces (a map is stopped before it is edited).
 */
function same(a: { publisher: string; number: string }, b: { publisher: string; number: string }): boolean {
  return a.publisher.toLowerCase() === b.publisher.toLowerCase() && a.number === b.number;
}

/** The active version becomes `version`: the template of the old one keeps its definition (its row), the new one's is the map's. */
function switchTo(map: LiveMap, version: { publisher: string; number: string }, definition: MapDefinition): void {
  const old = map.templates.find((t) => same(t, map.definition.version));
  if (old !== undefined) old.definition = map.definition;
  const next = map.templates.find((t) => same(t, version));
  if (next !== undefined) delete next.definition;
  map.definition = definition;
}

export function simulate(before: Snapshot, plan: Plan): Snapshot {
  const s = structuredClone(before);
  const parked = new Map<string, MapDefinition>();
  const unapplied = new Set<string>();
  const find = (ref: { entity: string; table: string }): LiveMap => {
    const map = s.maps.find((m) => mapKey(m.ref) === mapKey(ref));
    if (map === undefined) throw new Error(`no live map ${mapKey(ref)}`);
    return map;
  };
  const requireState = (map: LiveMap, allowed: string[], action: string): void => {
    if (!allowed.includes(map.state)) throw new Error(`${action}: ${mapKey(map.ref)} is ${map.state}`);
  };
  for (const action of plan.actions) {
    switch (action.kind) {
      case "createAlternateKey":
        s.alternateKeys.push({
          table: action.table,
          schemaName: action.schemaName,
          displayName: action.displayName,
          attributes: [...action.attributes],
          status: "active",
        });
        break;
      case "reactivateAlternateKey": {
        const key = s.alternateKeys.find((k) => k.table === action.table && k.schemaName === action.schemaName);
        if (key === undefined) throw new Error(`no key ${action.schemaName}`);
        key.status = "active";
        break;
      }
      case "setIntegrationKey":
        s.integrationKeys = [
          ...s.integrationKeys.filter((k) => k.table !== action.table),
          { table: action.table, columns: [...action.columns] },
        ];
        break;
      case "stopMap": {
        const map = find(action.ref);
        requireState(map, ["running", "paused", "initializing", "resuming", "error"], "stop");
        map.state = "stopped";
        break;
      }
      case "saveMapDefinition": {
        const definition = structuredClone(action.definition);
        const existing = s.maps.find((m) => mapKey(m.ref) === mapKey(action.ref));
        if (existing === undefined) {
          if (action.change !== "create") throw new Error(`update of missing map ${action.map}`);
          // A new map reaches the service only through Apply Solution, and has no project until it is initialised.
          s.maps.push({
            ref: { ...action.ref },
            definition,
            versions: [{ id: `v-${definition.version.number}`, ...definition.version }],
            templates: [],
            initialised: false,
            state: "notRunning",
          });
          unapplied.add(mapKey(action.ref));
          break;
        }
        if (!stoppedStates.has(existing.state)) throw new Error(`save: ${action.map} is ${existing.state}`);
        const v = definition.version;
        const exists = existing.versions.some((x) => x.publisher === v.publisher && x.number === v.number);
        if (exists !== (action.change === "update")) throw new Error(`save ${action.change}: version ${v.number} exists=${exists}`);
        if (!exists) existing.versions.push({ id: `v-${v.number}`, ...v });
        unapplied.add(mapKey(action.ref));
        const active = existing.definition.version;
        if (active.publisher === v.publisher && active.number === v.number) existing.definition = definition;
        else {
          parked.set(`${mapKey(action.ref)}@${v.publisher}/${v.number}`, definition);
          // A snapshot reads a template's definition from its row: the row now holds this one.
          for (const template of existing.templates) if (template.publisher === v.publisher && template.number === v.number) template.definition = definition;
        }
        break;
      }
      case "applySolution": {
        for (const name of action.maps) {
          const map = s.maps.find((m) => plan.actions.some((a) => "map" in a && a.map === name && mapKey(a.ref) === mapKey(m.ref)));
          if (map === undefined) throw new Error(`apply solution: no saved map ${name}`);
          for (const version of map.versions)
            if (!map.templates.some((t) => t.number === version.number && t.publisher === version.publisher)) map.templates.push({ ...version });
          unapplied.delete(mapKey(map.ref));
        }
        break;
      }
      case "initialiseMap": {
        const map = find(action.ref);
        if (map.initialised) throw new Error(`initialise: ${action.map} is initialised already`);
        if (map.templates.length === 0) throw new Error(`initialise: ${action.map} is not known to the service (no applied solution)`);
        map.initialised = true;
        map.state = "stopped";
        break;
      }
      case "refreshTables": {
        const map = find(action.ref);
        if (!map.initialised) throw new Error(`refresh: ${action.map} has no project`);
        if (!stoppedStates.has(map.state)) throw new Error(`refresh: ${action.map} is ${map.state}`);
        break;
      }
      case "activateMapVersion": {
        const map = find(action.ref);
        if (!stoppedStates.has(map.state)) throw new Error(`activate: ${action.map} is ${map.state}`);
        if (!map.initialised) throw new Error(`activate: ${action.map} has no project`);
        const v = action.version;
        if (!map.templates.some((t) => t.number === v.number && t.publisher === v.publisher)) throw new Error(`activate: ${v.number} of ${action.map} is not a template`);
        if (map.definition.version.publisher === v.publisher && map.definition.version.number === v.number) break;
        const definition = parked.get(`${mapKey(action.ref)}@${v.publisher}/${v.number}`);
        if (definition === undefined) throw new Error(`activate: version ${v.number} of ${action.map} has no known definition`);
        switchTo(map, v, definition);
        break;
      }
      case "switchMapVersion": {
        const map = find(action.ref);
        if (!stoppedStates.has(map.state)) throw new Error(`switch: ${action.map} is ${map.state}`);
        if (!map.initialised) throw new Error(`switch: ${action.map} has no project`);
        const { from, to } = action;
        if (!same(map.definition.version, from)) throw new Error(`switch: ${action.map} is at ${map.definition.version.number}, not ${from.number}`);
        const template = map.templates.find((t) => same(t, to));
        if (template === undefined) throw new Error(`switch: ${to.publisher} ${to.number} of ${action.map} is not a template`);
        if (unapplied.has(mapKey(map.ref))) throw new Error(`switch: ${action.map} has a save whose solution was not applied`);
        if (template.definition === undefined) throw new Error(`switch: ${to.number} of ${action.map} has no known definition`);
        switchTo(map, to, template.definition);
        break;
      }
      case "deleteMap": {
        const map = find(action.ref);
        if (!stoppedStates.has(map.state)) throw new Error(`delete: ${action.map} is ${map.state}`);
        s.maps = s.maps.filter((m) => m !== map);
        break;
      }
      case "startMap": {
        const map = find(action.ref);
        requireState(map, ["stopped", "notRunning"], "start");
        if (!map.initialised) throw new Error(`start: ${action.map} has no project`);
        if (unapplied.has(mapKey(map.ref))) throw new Error(`start: ${action.map} was saved but its solution not applied`);
        map.state = "running";
        break;
      }
      case "pauseMap": {
        const map = find(action.ref);
        // The planner counts a map in error as running: the service keeps trying to run it.
        requireState(map, ["running", "error"], "pause");
        map.state = "paused";
        break;
      }
      case "resumeMap": {
        const map = find(action.ref);
        requireState(map, ["paused"], "resume");
        map.state = "running";
        break;
      }
    }
  }
  return s;
}
