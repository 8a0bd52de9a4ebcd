import type { MapAction } from "../gateway.js";
import type { LiveMapRequest, LiveMapState } from "../../model/snapshot.js";

/**
 * Start actions on the wire, sent as JSON strings (dualwrite-service.md §4, Dual-write-automations
 * DWLibary/Engines/DWMapEngine.cs:1713-1738, DWLibary/Struct/MapsHelper.cs:39-43). Not DW Helper's
 * own `StartStop` ordinals (DWLibary/DWEnums.cs:23-31).
 */
export const ACTION_CODES: Record<MapAction, string> = { start: "1", stop: "4", pause: "5", resume: "6", initialise: "8" };

const ACTION_NAMES: Record<string, LiveMapRequest["action"]> = { "1": "start", "4": "stop", "5": "pause", "6": "resume", "8": "initialise" };

export function actionName(code: string): LiveMapRequest["action"] {
  return ACTION_NAMES[code] ?? "other";
}

/**
 * `detail.state` (§4, DWLibary/DWEnums.cs:43-56): 0 None, 1 Stopped, 2 InitialSync, 3 CatchUp,
 * 4 Running, 5 Paused, 6 NotRunning. Initializing=2 and Resuming=3 are the md's [inferred] pairing
 * with the UI's statuses; 0 and 6 both read as "not running".
 */
const STATES: Record<string, LiveMapState> = {
  "0": "notRunning",
  "1": "stopped",
  "2": "initializing",
  "3": "resuming",
  "4": "running",
  "5": "paused",
  "6": "notRunning",
};

/** undefined for a code outside §4's list: the caller fails closed with the call and field. */
export function mapState(code: string): LiveMapState | undefined {
  return STATES[code];
}

/** §5.11: a start or resume is finished only once the map has left InitialSync (2) and CatchUp (3). */
export function isSettling(state: LiveMapState | undefined): boolean {
  return state === "initializing" || state === "resuming";
}

/** Request state (`lastRequests[].state`, solution `state`; §4, DWLibary/DWEnums.cs:58-63): 1 Waiting, 2 Completed, 3 Error. */
export type RequestState = "waiting" | "completed" | "error";

/** DW Helper compares only with "2" and "3" (DWMapEngine.cs:1893,1907,1910); anything else is still waiting. */
export function requestState(code: string): RequestState {
  return code === "2" ? "completed" : code === "3" ? "error" : "waiting";
}
