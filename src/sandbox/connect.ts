import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { startSandbox } from "./index.js";
import type { EnvironmentSeed, SandboxTimings } from "./options.js";
import { isAlive } from "../process-alive.js";

export interface SandboxState {
  pid: number;
  port: number;
  url: string;
  startedAt: string;
}

export interface SandboxConnection {
  url: string;
  secret: string;
  /** true when this process started the sandbox and stops it in close(). */
  embedded: boolean;
  close(): Promise<void>;
}

export function readState(dataDir: string): SandboxState | undefined {
  const path = join(dataDir, "state.json");
  if (!existsSync(path)) return undefined;
  try {
    return JSON.parse(readFileSync(path, "utf8")) as SandboxState;
  } catch {
    return undefined;
  }
}


/** The running `dwctl sandbox up` server, when there is one that answers. */
export async function runningSandbox(dataDir: string): Promise<SandboxState | undefined> {
  const state = readState(dataDir);
  if (state === undefined || !isAlive(state.pid)) return undefined;
  try {
    const response = await fetch(`${state.url}/_sandbox/status`, { signal: AbortSignal.timeout(5000) });
    await response.arrayBuffer();
    return response.ok ? state : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Connects to the sandbox in dataDir: the background server when `dwctl sandbox up` started
 * one, or else one started inside this process for the length of the command. Both keep their
 * state in the same database files, so commands see the same estate either way.
 */
export async function connectSandbox(options: {
  dataDir: string;
  environments?: EnvironmentSeed[];
  timings?: Partial<SandboxTimings>;
}): Promise<SandboxConnection> {
  const running = await runningSandbox(options.dataDir);
  if (running !== undefined) {
    const secret = readFileSync(join(options.dataDir, "secret"), "utf8").trim();
    return { url: running.url, secret, embedded: false, close: async () => undefined };
  }
  const sandbox = await startSandbox({
    dataDir: options.dataDir,
    port: 0,
    ...(options.environments === undefined ? {} : { environments: options.environments }),
    ...(options.timings === undefined ? {} : { timings: options.timings }),
  });
  return { url: sandbox.url, secret: sandbox.secret, embedded: true, close: () => sandbox.stop() };
}
