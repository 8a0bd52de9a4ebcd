import type { Action, Plan } from "../generated/plan.js";

export type {
  Action,
  ActivateMapVersionAction,
  Blocker,
  Confirmation,
  CreateAlternateKeyAction,
  DefinitionChanges,
  DeleteMapAction,
  Drift,
  ApplySolutionAction,
  InitialiseMapAction,
  RefreshTablesAction,
  MapDefinition as PlanMapDefinition,
  PauseMapAction,
  Pending,
  Plan,
  ReactivateAlternateKeyAction,
  RenameMapAction,
  ResumeMapAction,
  SaveMapDefinitionAction,
  SetIntegrationKeyAction,
  StartMapAction,
  StopMapAction,
  SwitchMapVersionAction,
  Summary as PlanSummary,
  UnmanagedMap,
  Warning as PlanWarning,
  Wave,
} from "../generated/plan.js";

export type ActionKind = Action["kind"];
export type ActionOf<K extends ActionKind> = Extract<Action, { kind: K }>;
export type DriftKind = Plan["drift"][number]["kind"];

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** An action before it is placed in a wave. */
export type ActionBody = DistributiveOmit<Action, "id" | "wave">;
/** An action before it is described and placed in a wave. */
export type ActionDraft = DistributiveOmit<Action, "id" | "wave" | "description">;
