import type { EnvironmentGateway } from "../live/gateway.js";
import type { Action } from "../plan/plan.js";

export interface ExecuteOptions {
  keyTimeoutMs: number;
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

/** Polls an alternate key until its index is Active. Dual-write needs an active key before Refresh tables or a start. */
export async function waitForKey(gateway: EnvironmentGateway, table: string, schemaName: string, options: ExecuteOptions): Promise<void> {
  const deadline = Date.now() + options.keyTimeoutMs;
  let last: string | undefined;
  for (;;) {
    const status = await gateway.alternateKeyStatus(table, schemaName);
    if (status === "active") return;
    if (status === "failed") throw new KeyIndexFailedError(table, schemaName);
    if (status !== last) options.note(`alternate key ${schemaName} on ${table}: ${status ?? "not found yet"}`);
    last = status;
    if (Date.now() > deadline) throw new Error(`alternate key ${schemaName} on ${table} is still ${status ?? "missing"} after ${Math.round(options.keyTimeoutMs / 1000)} s`);
    await options.sleep(options.pollMs);
  }
}

/** Performs one plan action through the gateway: the sequence the plan's kind names. */
export async function executeAction(gateway: EnvironmentGateway, action: Action, options: ExecuteOptions): Promise<void> {
  switch (action.kind) {
    case "createAlternateKey": {
      try {
        await gateway.createAlternateKey(action.table, { schemaName: action.schemaName, displayName: action.displayName, attributes: action.attributes });
      } catch (error) {
        // The plan was made from the live state, so the key was missing then; if the create is
        // refused because it exists now (another writer, a lost response), wait for that key
        // instead of failing. Anything else is a real failure.
        if ((await gateway.alternateKeyStatus(action.table, action.schemaName)) === undefined) throw error;
      }
      await waitForKey(gateway, action.table, action.schemaName, options);
      return;
    }
    case "reactivateAlternateKey":
      await gateway.reactivateAlternateKey(action.table, action.schemaName);
      await waitForKey(gateway, action.table, action.schemaName, options);
      return;
    case "setIntegrationKey":
      await gateway.setIntegrationKey(action.table, action.columns);
      return;
    case "setLegalEntities":
      await gateway.setLegalEntities(action.to);
      return;
    case "stopMap":
      await gateway.runMapAction(action.ref, "stop");
      return;
    case "saveMapDefinition":
      await gateway.saveMapDefinition(action.definition);
      return;
    case "activateMapVersion":
      await gateway.activateMapVersion(action.ref, action.version);
      return;
    case "deleteMap":
      await gateway.deleteMap(action.ref);
      return;
    case "startMap":
      await gateway.runMapAction(action.ref, "start", action.initialSync === null ? {} : { initialSync: action.initialSync });
      return;
    case "pauseMap":
      await gateway.runMapAction(action.ref, "pause");
      return;
    case "resumeMap":
      await gateway.runMapAction(action.ref, "resume");
      return;
    case "initialSync":
      await gateway.runMapAction(action.ref, "initialSync", { initialSync: { master: action.master } });
      return;
  }
}
