import type { Action, ActionBody, Wave } from "./plan.js";

/**
 * The stages of a plan, in run order. They follow DW Helper's redeploy (dualwrite-service.md §6.1,
 * §6.2): keys first, then stop, save, Apply Solution, initialise maps without a project, switch
 * the version, Refresh tables, and start again.
 */
export type Stage =
  | "rename"
  | "keys"
  | "stop"
  | "definitions"
  | "solutions"
  | "initialise"
  | "activate"
  | "refresh"
  | "start"
  | "cycleStop"
  | "cycleDefinitions"
  | "cycleSolutions"
  | "cycleRefresh"
  | "cycleStart"
  | "pause";

export interface Step {
  stage: Stage;
  /** Start level (0-based) for stage start; 0 otherwise. */
  level: number;
  action: ActionBody;
}

const stageOrder: Stage[] = [
  // A rename sends nothing to the platform; it comes first so that the steps after it name the map by its new name.
  "rename",
  "keys",
  "stop",
  "definitions",
  "solutions",
  "initialise",
  "activate",
  "refresh",
  "start",
  "cycleStop",
  "cycleDefinitions",
  "cycleSolutions",
  "cycleRefresh",
  "cycleStart",
  "pause",
];

const stageTitle: Record<Stage, string> = {
  rename: "rename",
  keys: "keys",
  stop: "stop",
  definitions: "definitions",
  solutions: "apply solutions",
  initialise: "initialise",
  activate: "versions",
  refresh: "refresh tables",
  start: "start",
  cycleStop: "cycle phase 2: stop",
  cycleDefinitions: "cycle phase 2: definitions",
  cycleSolutions: "cycle phase 2: apply solutions",
  cycleRefresh: "cycle phase 2: refresh tables",
  cycleStart: "cycle phase 2: start",
  pause: "pause",
};

const verb: Record<Action["kind"], string> = {
  createAlternateKey: "create-key",
  reactivateAlternateKey: "reactivate-key",
  setIntegrationKey: "set-key",
  stopMap: "stop",
  saveMapDefinition: "save",
  applySolution: "apply-solution",
  initialiseMap: "initialise",
  activateMapVersion: "activate",
  switchMapVersion: "switch",
  refreshTables: "refresh",
  deleteMap: "delete",
  startMap: "start",
  pauseMap: "pause",
  resumeMap: "resume",
  renameMap: "rename",
};

function subject(action: ActionBody): string {
  if ("ref" in action) return `${action.ref.entity.toLowerCase()}|${action.ref.table}`;
  if (action.kind === "createAlternateKey" || action.kind === "reactivateAlternateKey") return `${action.table}:${action.schemaName}`;
  if (action.kind === "setIntegrationKey") return action.table;
  return action.solution;
}

/**
 * Numbers the non-empty waves in run order and gives every action a stable id
 * (wave<n>/<verb>/<subject>). Steps keep their order within a wave.
 */
export function assembleWaves(steps: readonly Step[]): { waves: Wave[]; actions: Action[] } {
  const groups = new Map<string, { title: string; steps: Step[]; order: number }>();
  for (const step of steps) {
    const key = `${step.stage}/${step.level}`;
    const title = step.stage === "start" ? `start ${step.level + 1}` : stageTitle[step.stage];
    const group = groups.get(key) ?? { title, steps: [], order: stageOrder.indexOf(step.stage) * 10_000 + step.level };
    group.steps.push(step);
    groups.set(key, group);
  }
  const waves: Wave[] = [];
  const actions: Action[] = [];
  const ids = new Set<string>();
  for (const group of [...groups.values()].sort((a, b) => a.order - b.order)) {
    const index = waves.length + 1;
    waves.push({ index, title: group.title });
    for (const { action } of group.steps) {
      const base = `wave${index}/${verb[action.kind]}/${subject(action)}`;
      let id = base;
      for (let n = 2; ids.has(id); n += 1) id = `${base}#${n}`;
      ids.add(id);
      actions.push({ id, wave: index, ...action });
    }
  }
  return { waves, actions };
}
