import type { EnvironmentGateway, MapActionRequest } from "../live/gateway.js";
import type { Action } from "../plan/plan.js";
import { solutionFor } from "../plan/solution-name.js";

export interface ExecuteOptions {
  keyTimeoutMs: number;
  /** Wait between key status reads. */
  pollMs: number;
  sleep: (ms: number) => Promise<void>;
  note: (message: string) => void;
}

/** An alternate key index ended Failed: the platform could not build it. */
export class KeyIndexFailedError extends Error {
  constructor(
    readonly table: string,
    readonly schemaName: string,
  ) {
    super(`the index of alternate key ${schemaName} on ${table} failed to build`);
    this.name = "KeyIndexFailedError";
  }
  get hint(): string {
    return "Usually a key column holds duplicate values or is not a supported type. Fix the data or the key, then run apply again: it reactivates the key.";
  }
}

/** Actions that send a map through the service's lifecycle: sent first, then awaited together. */
export type LifecycleAction = Extract<Action, { kind: "initialiseMap" | "stopMap" | "startMap" | "pauseMap" | "resumeMap" }>;

/** Actions performed one call each. */
export type SingleAction = Extract<Action, { kind: "saveMapDefinition" | "applySolution" | "activateMapVersion" | "refreshTables" | "deleteMap" }>;

export function isLifecycleAction(action: Action): action is LifecycleAction {
  return (
    action.kind === "initialiseMap" || action.kind === "stopMap" || action.kind === "startMap" || action.kind === "pauseMap" || action.kind === "resumeMap"
  );
}

/** Sends a lifecycle action to the service without waiting for it. */
export async function beginLifecycleAction(gateway: EnvironmentGateway, action: LifecycleAction): Promise<MapActionRequest> {
  const send = async (name: MapActionRequest["action"], options: Parameters<EnvironmentGateway["beginMapAction"]>[2] = {}): Promise<MapActionRequest> => ({
    ref: action.ref,
    action: name,
    requestId: await gateway.beginMapAction(action.ref, name, options),
  });
  switch (action.kind) {
    case "initialiseMap":
      return send("initialise");
    case "stopMap":
      return send("stop");
    case "startMap":
      return send("start", action.initialSync === null ? {} : { initialSync: { master: action.initialSync.master } });
    case "pauseMap":
      return send("pause");
    case "resumeMap":
      return send("resume", { queuedRecords: action.queuedRecords });
  }
}

/** Performs one plan action through the gateway. */
export async function executeAction(gateway: EnvironmentGateway, action: SingleAction): Promise<void> {
  switch (action.kind) {
    case "saveMapDefinition":
      await gateway.saveMapDefinition(action.definition, solutionFor(action.definition.version.publisher));
      return;
    case "applySolution":
      await gateway.applySolution(action.solution);
      return;
    case "activateMapVersion":
      await gateway.activateMapVersion(action.ref, action.version);
      return;
    case "refreshTables":
      await gateway.refreshTables(action.ref);
      return;
    case "deleteMap":
      await gateway.deleteMap(action.ref);
      return;
  }
}
