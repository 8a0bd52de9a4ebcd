import type { Side } from "../model/desired.js";
import type { MapDefinition } from "../model/snapshot.js";
import type { ActionBody, ActionDraft, DefinitionChanges } from "./plan.js";

/** The map as the dual-write UI names it, for example Customers V3 (accounts). */
export function mapTitle(definition: MapDefinition): string {
  return `${definition.financeAndOperations.label} (${definition.dataverse.entitySet})`;
}

export function sideName(side: Side): string {
  return side === "dataverse" ? "Dataverse" : "finance and operations";
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The changes of a saved definition as short phrases: "3 field mappings changed", "Dataverse filter changed". */
export function changePhrases(changes: DefinitionChanges): string[] {
  const out: string[] = [];
  if (changes.fieldsChanged > 0) out.push(`${plural(changes.fieldsChanged, "field mapping")} changed`);
  if (changes.fieldsAdded > 0) out.push(`${plural(changes.fieldsAdded, "field mapping")} added`);
  if (changes.fieldsRemoved > 0) out.push(`${plural(changes.fieldsRemoved, "field mapping")} removed`);
  for (const side of changes.filters) out.push(`${sideName(side)} filter changed`);
  if (changes.alerts) out.push("alert rules changed");
  if (changes.sides) out.push("entity labels or scope changed");
  return out;
}

function version(v: { publisher: string; number: string }): string {
  return `${v.number} (${v.publisher})`;
}

const refreshReason: Record<"definition" | "key" | "new", string> = {
  definition: "its definition or version changed",
  key: "the integration key of its table changed",
  new: "a new map",
};

const queuedRecords: Record<"replay" | "skip-and-keep" | "skip-and-discard", string> = {
  replay: "the queued records are replayed in order",
  "skip-and-keep": "straight to live sync; the queued records are kept for a retry",
  "skip-and-discard": "straight to live sync; the queued records are DISCARDED",
};

function initialSyncReason(sync: { reason: "first-start" | "rerun" | "cycle" | "refresh"; token?: string }): string {
  if (sync.reason === "first-start") return "its first start";
  if (sync.reason === "refresh") return "the first start after a refresh";
  if (sync.reason === "cycle") return "lookup cycle, phase 2";
  return `rerun requested with token ${sync.token ?? ""}`;
}

/** One line for people, for example "stop Customers V3 (accounts)". Pure function of the action's data. */
export function describeAction(action: ActionDraft): string {
  switch (action.kind) {
    case "createAlternateKey":
      return `create alternate key ${action.schemaName} on ${action.table} (${action.attributes.join(", ")}) and wait until its index is active`;
    case "reactivateAlternateKey":
      return `reactivate alternate key ${action.schemaName} on ${action.table} (its index build failed) and wait until it is active`;
    case "setIntegrationKey":
      return action.from === null
        ? `set the integration key of ${action.table} to ${action.columns.join(", ")}`
        : `change the integration key of ${action.table} from ${action.from.join(", ")} to ${action.columns.join(", ")}`;
    case "stopMap":
      return `stop ${action.title}`;
    case "saveMapDefinition": {
      const phrases = changePhrases(action.changes);
      const what = phrases.length > 0 ? `: ${phrases.join(", ")}` : "";
      const v = version(action.definition.version);
      const cycle = action.lookupCycle;
      if (cycle?.phase === 1) return `save ${action.title} ${v} without ${cycle.fields.join(", ")} (lookup cycle, phase 1)`;
      if (cycle?.phase === 2)
        return `save the full definition of ${action.title} ${v}, with ${cycle.fields.join(", ")} (lookup cycle, phase 2)`;
      if (action.changes.version?.from === null)
        return `create ${action.title} as version ${v} with ${plural(action.definition.fields.length, "field mapping")}`;
      if (action.change === "create") return `save ${action.title} as new version ${v}${what}`;
      if (action.changes.version !== null) return `overwrite saved version ${v} of ${action.title}${what}`;
      return `update ${action.title} ${v} in place${what}`;
    }
    case "applySolution":
      return `apply solution ${action.solution} (Apply Solution), so that the dual-write service can use the versions saved in it`;
    case "initialiseMap":
      return `initialise ${action.title} in the dual-write service (it has no project yet)`;
    case "activateMapVersion":
      return `make version ${version(action.version)} of ${action.title} active`;
    case "switchMapVersion":
      return `switch ${action.title} from ${action.from.publisher} ${action.from.number} to ${action.to.publisher} ${action.to.number}`;
    case "refreshTables":
      return `refresh tables for ${action.title} (${refreshReason[action.reason]})`;
    case "deleteMap":
      return `delete ${action.title} (no longer in git)`;
    case "startMap":
      return action.initialSync === null
        ? `start ${action.title} without initial sync`
        : `start ${action.title} WITH INITIAL SYNC, ${sideName(action.initialSync.master)} as master (${initialSyncReason(action.initialSync)})`;
    case "pauseMap":
      return `pause ${action.title}`;
    case "resumeMap":
      return `resume ${action.title} (${queuedRecords[action.queuedRecords]})`;
    case "renameMap":
      return `rename ${action.title} from ${action.from} to ${action.map} (only the name dwctl tracks changes; nothing is sent to the platform for it)`;
  }
}

export function described(draft: ActionDraft): ActionBody {
  return { ...draft, description: describeAction(draft) };
}
