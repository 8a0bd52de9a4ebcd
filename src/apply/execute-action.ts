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
export type SingleAction = Extract<Action, { kind: "saveMapDefinition" | "applySolution" | "activateMapVersion" | "switchMapVersion" | "refreshTables" | "deleteMap" | "renameMap" }>;

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
    case "switchMapVersion":
      // One SwitchActive (dualwrite-service.md §5.7) to the template of that author and version.
      await gateway.activateMapVersion(action.ref, action.to);
      return;
    case "refreshTables":
      await gateway.refreshTables(action.ref);
      return;
    case "deleteMap":
      await gateway.deleteMap(action.ref);
      return;
    case "renameMap":
      // The platform knows a map by its entity and table, not by dwctl's name: nothing to send. The
      // new name lands in the last-applied record written at the end of the run; until then (a
      // crash before it), the record keeps the old name and the next plan shows the rename again.
      return;
    default: {
      // Every kind of SingleAction has its case (checked at compile time here). A kind without one
      // fails its step instead of passing as done with nothing sent.
      const unknown: never = action;
      throw new Error(`apply has no way to perform a ${(unknown as Action).kind} action`);
    }
  }
}
