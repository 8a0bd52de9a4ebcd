import { plural } from "../../plan/describe-action.js";
import type { Action, Plan, PlanSummary } from "../../plan/plan.js";


function side(name: "financeAndOperations" | "dataverse"): string {
  return name === "dataverse" ? "Dataverse" : "finance and operations";
}

/** "Plan: 2 to create, 1 to update, 0 to delete; 3 lifecycle changes." ("1 to rename" only when a map is renamed.) */
export function summaryLine(summary: PlanSummary): string {
  if (summary.actions === 0) return "No changes: apply has nothing to do.";
  const rename = summary.rename === undefined ? "" : `, ${summary.rename} to rename`;
  return `Plan: ${summary.create} to create, ${summary.update} to update, ${summary.delete} to delete${rename}; ${plural(summary.lifecycle, "lifecycle change")}.`;
}

/** Terraform-like marker: + create, ~ update, - delete, * lifecycle. */
export function marker(action: Action): "+" | "~" | "-" | "*" {
  switch (action.kind) {
    case "createAlternateKey":
      return "+";
    case "saveMapDefinition":
      return action.changes.version?.from === null && action.lookupCycle?.phase !== 2 ? "+" : "~";
    case "deleteMap":
      return "-";
    case "reactivateAlternateKey":
    case "setIntegrationKey":
    case "activateMapVersion":
    case "switchMapVersion":
    case "renameMap":
      return "~";
    default:
      return "*";
  }
}

function updateNouns(action: Extract<Action, { kind: "saveMapDefinition" }>): string[] {
  const c = action.changes;
  const nouns: string[] = [];
  if (c.fieldsChanged > 0) nouns.push(plural(c.fieldsChanged, "field mapping"));
  for (const s of c.filters) nouns.push(`the ${side(s)} filter`);
  if (c.alerts) nouns.push("the alert rules");
  if (c.sides) nouns.push("the entity labels");
  return nouns;
}

function join(parts: readonly string[]): string {
  if (parts.length <= 1) return parts.join("");
  return `${parts.slice(0, -1).join(", ")} and ${parts[parts.length - 1] ?? ""}`;
}

/** What one action does to its map, as a clause; `it` is the map's title the first time, then "it". */
function clauses(action: Action, it: string): string[] {
  switch (action.kind) {
    case "stopMap":
      return [`stop ${it}`];
    case "saveMapDefinition": {
      const c = action.changes;
      const v = action.definition.version.number;
      if (action.lookupCycle?.phase === 1) return [`save ${it} without ${join(action.lookupCycle.fields)} (lookup cycle)`];
      if (action.lookupCycle?.phase === 2) return [`save ${it} again with ${join(action.lookupCycle.fields)}`];
      if (c.version?.from === null)
        return [`create ${it} as version ${v} with ${plural(action.definition.fields.length, "field mapping")}`];
      const out: string[] = [];
      if (action.change === "create") out.push(`save ${it} as version ${v}`);
      const nouns = updateNouns(action);
      if (nouns.length > 0) out.push(out.length === 0 && it !== "it" ? `update ${it}: ${join(nouns)}` : `update ${join(nouns)}`);
      if (c.fieldsAdded > 0) out.push(`add ${plural(c.fieldsAdded, "field mapping")}`);
      if (c.fieldsRemoved > 0) out.push(`remove ${plural(c.fieldsRemoved, "field mapping")}`);
      if (out.length === 0) out.push(`save ${it} as version ${v}`);
      return out;
    }
    case "initialiseMap":
      return [`initialise ${it} in the dual-write service`];
    case "activateMapVersion":
      return [`switch ${it === "it" ? "" : `${it} `}to version ${action.version.number}`];
    case "switchMapVersion":
      return [`switch ${it === "it" ? "" : `${it} `}from ${action.from.publisher} ${action.from.number} to ${action.to.publisher} ${action.to.number}`];
    case "refreshTables":
      return [`refresh tables`];
    case "deleteMap":
      return [`delete ${it}`];
    case "startMap":
      return action.initialSync === null
        ? [`start ${it} without initial sync`]
        : [`start ${it}`, `INITIAL SYNC with ${side(action.initialSync.master)} as master (${action.initialSync.reason === "rerun" ? `rerun ${action.initialSync.token ?? ""}` : action.initialSync.reason})`];
    case "pauseMap":
      return [`pause ${it}`];
    case "renameMap":
      return [`rename ${it} from ${action.from} to ${action.map} (only the name dwctl tracks; nothing is sent to the platform)`];
    case "resumeMap":
      return [action.queuedRecords === "replay" ? `resume ${it}, replaying the queued records` : `resume ${it}, ${action.queuedRecords === "skip-and-keep" ? "skipping the queued records (kept)" : "DISCARDING the queued records"}`];
    default:
      return [action.description];
  }
}

/**
 * The plan as one sentence per map (or per key or link change), in the order each first runs:
 * "stop Customers V3 (accounts), update 3 field mappings, start it, initial sync with Dataverse as master".
 */
export function storyLines(plan: Plan): string[] {
  const lines: string[][] = [];
  const byMap = new Map<string, { parts: string[]; created: boolean }>();
  for (const action of plan.actions) {
    if (!("map" in action)) {
      lines.push([action.description]);
      continue;
    }
    const story = byMap.get(action.map);
    if (story === undefined) {
      const parts = clauses(action, action.title);
      byMap.set(action.map, { parts, created: action.kind === "saveMapDefinition" && action.changes.version?.from === null });
      lines.push(parts);
    } else if (!(action.kind === "activateMapVersion" && story.created)) {
      // A new map is activated as part of its creation, so that step goes unsaid.
      story.parts.push(...clauses(action, "it"));
    }
  }
  return lines.map((parts) => parts.join(", "));
}
