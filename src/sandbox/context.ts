import type { SandboxTimings } from "./options.js";
import type { Store } from "./store/store.js";

export interface SyncLogEntry {
  at: string;
  pid: string;
  direction: "toDataverse" | "toFinOps";
  /** The environment whose side was written. */
  environment: string;
  entitySet: string;
  id: string;
  replayed: boolean;
  values: Record<string, unknown>;
}

/** What every router and service function shares: the databases, the clock and the current origin. */
export interface SandboxContext {
  store: Store;
  timings: SandboxTimings;
  now: () => number;
  /** `http://127.0.0.1:<port>`: URLs are rendered with the current port, never stored with it. */
  origin: () => string;
  syncLog: SyncLogEntry[];
}

export const SYNC_LOG_LIMIT = 500;

export function dataverseUrl(context: SandboxContext, environment: string): string {
  return `${context.origin()}/${environment}/dataverse`;
}

export function finopsUrl(context: SandboxContext, environment: string): string {
  return `${context.origin()}/${environment}/finops`;
}

export function dualwriteUrl(context: SandboxContext): string {
  return `${context.origin()}/dualwrite`;
}

/** `http://host:port/<env>/<side>[/...]` -> `<env>` when the path names that side; the host is not checked. */
export function environmentOfUrl(url: string, side: "dataverse" | "finops"): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  const [environment, named] = parsed.pathname.split("/").filter((part) => part !== "");
  return named === side ? environment : undefined;
}
