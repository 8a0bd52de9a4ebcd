import type { LiveMapState, MapRef } from "../../model/snapshot.js";
import { ACTION_CODES, isSettling, requestState } from "../dualwrite/codes.js";
import type { RequestState } from "../dualwrite/codes.js";
import type { StartDetail, StartParameters } from "../dualwrite/client.js";
import type { DwMap } from "../dualwrite/parse.js";
import { GatewayRefusedError } from "../gateway.js";
import type { MapAction, MapActionOptions, MapActionRequest } from "../gateway.js";
import { redact } from "../http/index.js";
import { describe } from "./rows.js";
import { activeTemplate, findMap } from "./state.js";
import type { GatewayState } from "./state.js";

/** Up to this many actions are followed one Status request each; more are read from one Entities listing. */
const SINGLE_READS = 8;

/** What a request's state looks like to the follower. */
interface Progress {
  state: RequestState;
  message: string;
  /** The map's state, when the answer lists the map. */
  mapState: LiveMapState | undefined;
}

/** Sends one Start for one map (dualwrite-service.md §5.11) and returns its request id. */
export async function beginMapAction(state: GatewayState, ref: MapRef, action: MapAction, options: MapActionOptions): Promise<string> {
  const { cid, map } = await state.serviceMap(ref);
  const template = activeTemplate(map, "GET Entities");
  let detail: StartDetail;
  if (action === "initialise") {
    // §5.11: action "8" carries no pid and no parameters (DWMapEngine.cs:1797-1799, 1814-1815).
    detail = { tid: template.id, cid };
  } else {
    if (map.pid === null) {
      throw new GatewayRefusedError(`${describe(ref)} is not initialised, so it cannot ${action}`, "initialise the map first", undefined);
    }
    const parameters = startParameters(action, options);
    detail = { tid: template.id, pid: map.pid, cid, ...(parameters === undefined ? {} : { parameters }) };
  }
  return state.clients.dualWrite.start(ACTION_CODES[action], [detail]);
}

/** §5.11 and §4: the parameters of each action, as DW Helper sends them. */
export function startParameters(action: MapAction, options: MapActionOptions): StartParameters | undefined {
  const master = options.initialSync?.master === "financeAndOperations" ? "AX" : "CRM";
  switch (action) {
    case "start":
      // conflictResolution.option is always "1" (DWMapEngine.cs:1809); its meaning is [unknown].
      return { skipInitialSync: options.initialSync === undefined, conflictResolution: { option: "1", master } };
    case "stop":
      // DW Helper sends the start parameters on stop too, with skipInitialSync true (DWMapEngine.cs:1804-1812).
      return { skipInitialSync: true, conflictResolution: { option: "1", master: "CRM" } };
    case "resume":
      // DWLibary/DWEnums.cs:33-41, DWMapEngine.cs:1759-1778: no parameter replays the queue.
      if (options.queuedRecords === "skip-and-keep") return { dualWriteSkipCatchUpSyncParameters: { skipCatchUpSyncPreserveData: true } };
      if (options.queuedRecords === "skip-and-discard") return { dualWriteSkipCatchUpSyncParameters: { skipCatchUpSyncPreserveData: false } };
      return undefined;
    default:
      return undefined;
  }
}

/**
 * Follows begun actions until each ends: Status/{requestId} for a few, one Entities listing for
 * more (§5.11). A start or resume ends once the map has left InitialSync and CatchUp.
 */
export async function followMapActions(
  state: GatewayState,
  requests: readonly MapActionRequest[],
  ended: (request: MapActionRequest, failure?: Error) => void,
  seen: Map<string, LiveMapState> = new Map(),
): Promise<void> {
  const { poller } = state.clients.dualWrite;
  let pending = [...requests];
  const only = requests.length === 1 ? requests[0] : undefined;
  const label = only === undefined ? `${requests.length} map actions` : `${only.action} ${describe(only.ref)}`;
  const finished = await poller.poll(label, async () => {
    const progress = await progressOf(state, pending);
    const waiting: MapActionRequest[] = [];
    let awaited = "the dual-write service";
    pending.forEach((request, index) => {
      const { state: requestStateNow, message, mapState } = progress[index] ?? { state: "waiting", message: "", mapState: undefined };
      if (mapState !== undefined) seen.set(request.requestId, mapState);
      const settling = (request.action === "start" || request.action === "resume") && isSettling(mapState);
      if (requestStateNow === "error") {
        ended(
          request,
          new GatewayRefusedError(
            `${request.action} ${describe(request.ref)} failed in the dual-write service${message === "" ? "" : `: ${redact(message)}`}`,
            "see the map's errors in the dual-write UI (initial sync details for a start), fix them and run again",
            request.requestId,
          ),
        );
      } else if (requestStateNow === "completed" && !settling) {
        ended(request);
      } else {
        waiting.push(request);
        if (settling) awaited = mapState === "initializing" ? "the initial sync" : "the catch-up";
      }
    });
    // An initialise gives the map a pid: the cached list no longer holds it (§6.1 step 3).
    if (waiting.length < pending.length) {
      const still = new Set(waiting);
      if (pending.some((request) => request.action === "initialise" && !still.has(request))) state.invalidateMaps();
    }
    pending = waiting;
    const first = pending[0];
    if (first === undefined) return true;
    return only !== undefined ? awaited : `${pending.length} of ${requests.length} (${first.action} ${describe(first.ref)}${pending.length > 1 ? ", …" : ""})`;
  });
  if (!finished) for (const request of pending) ended(request, poller.timedOut(`${request.action} ${describe(request.ref)}`, request.requestId));
}

async function progressOf(state: GatewayState, requests: readonly MapActionRequest[]): Promise<Progress[]> {
  const { dualWrite } = state.clients;
  const byId = async (request: MapActionRequest): Promise<Progress> => progressIn(await dualWrite.status(request.requestId), request.requestId);
  if (requests.length <= SINGLE_READS) return Promise.all(requests.map(byId));
  state.invalidateMaps();
  const maps = await state.maps();
  const names = await state.tableNames();
  return Promise.all(
    requests.map(async (request) => {
      const map = findMap(maps, request.ref, names);
      const entry = map?.lastRequests.find((candidate) => candidate.requestId === request.requestId);
      // Our request is not in the listing (someone else's came after it, or the map is gone): ask for ours by its id.
      if (map === undefined || entry === undefined) return byId(request);
      return { state: requestState(entry.state), message: entry.errorMessage, mapState: map.state };
    }),
  );
}

/** §5.11: the entry whose requestId is ours, in any element's lastRequests; a missing entry counts as still running. */
function progressIn(maps: readonly DwMap[], requestId: string): Progress {
  for (const map of maps) {
    const entry = map.lastRequests.find((candidate) => candidate.requestId === requestId);
    if (entry !== undefined) return { state: requestState(entry.state), message: entry.errorMessage, mapState: map.state };
  }
  return { state: "waiting", message: "", mapState: undefined };
}

/** Refresh tables (§5.9): the project name comes from FieldMappings, so the map must have a pid. */
export async function refreshTables(state: GatewayState, ref: MapRef): Promise<void> {
  const { map } = await state.serviceMap(ref);
  if (map.pid === null) {
    throw new GatewayRefusedError(`${describe(ref)} is not initialised, so its tables cannot be refreshed`, "initialise the map first", undefined);
  }
  await state.clients.dualWrite.refresh(await state.clients.dualWrite.projectName(map.pid));
}
