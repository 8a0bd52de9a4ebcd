/**
 * The calls of the dual-write management service, made as Microsoft's DW Helper makes them
 * (shared/platform/dualwrite-service.md; "§" below is a section of it). Every answer read goes
 * through a parser of parse.ts; every path comes from paths.ts.
 */
import { GatewayRefusedError } from "../gateway.js";
import { AccessDeniedError, HttpError, redact } from "../http/index.js";
import type { HttpClient, HttpResponse } from "../http/index.js";
import { serverMessage } from "../dataverse/odata.js";
import { requestState } from "./codes.js";
import { DualWriteProtocolError } from "./errors.js";
import {
  parseConnectionSet,
  parseEnvironments,
  parseFieldMappings,
  parseInitialSync,
  parseMaps,
  parsePrerequisites,
  parseProjectName,
  parseRequestId,
  parseSolutionRequest,
  parseSolutions,
} from "./parse.js";
import type { DwConnectionSet, DwEnvironment, DwInitialSync, DwMap, DwProject, DwSolution, DwSolutionRequest } from "./parse.js";
import { paths } from "./paths.js";
import { Poller } from "./poll.js";
import type { PollOptions } from "./poll.js";

/** §2: the `AbsoluteUri` of DW Helper's `dataintegratorURL`, so with the trailing slash (DWLibary/DWHttp.cs:34, GlobalVar.cs:175-191). */
export const DUAL_WRITE_ORIGIN = "https://dataintegrator.trafficmanager.net/";
/** §2: the token's resource is https://IntegratorApp.com (DWLibary/TokenRefresh.cs:144, ServicePrincipalAuth.cs:36). */
export const DUAL_WRITE_SCOPE = "https://IntegratorApp.com/.default";
/** §2: Microsoft's first-party "Dynamics Data Integration" app, whose delegated token the service takes (TokenRefresh.cs:126-176). */
export const DATA_INTEGRATOR_CLIENT_ID = "2e49aa60-1bd3-43b6-8ab6-03ada3d9f08b";
/** §2: what to do about a 401/403; app-only tokens are [unknown] (§9.2). */
export const DUAL_WRITE_ACCESS_HINT =
  "the dual-write management service takes a delegated user token for https://IntegratorApp.com (scope https://IntegratorApp.com/.default): set auth.managementTokenVariable to a variable holding one, or use auth.method device-code; no app-only or OIDC token is known to be accepted by this service";

/** §2, DWLibary/DWHttp.cs:33-35 and DWMapEngine.cs:1829: POST headers. A GET sends none of them, Origin included. */
const POST_HEADERS = {
  Accept: "application/json",
  Origin: DUAL_WRITE_ORIGIN,
  "Content-Type": "application/json; charset=utf-8",
} as const;

/** §2: DW Helper's client timeouts for Start (DWMapEngine.cs:1701) and Reset (ResetLinkEngine.cs:52). */
const START_TIMEOUT_MS = 180_000;
const RESET_TIMEOUT_MS = 300_000;

/** One entry of a Start body's `details` (§5.11, DWLibary/Struct/MapsHelper.cs:13-58). Absent members are not sent. */
export interface StartDetail {
  tid: string;
  pid?: string;
  cid: string;
  parameters?: StartParameters;
}

export type StartParameters =
  | { skipInitialSync: boolean; conflictResolution: { option: "1"; master: "CRM" | "AX" } }
  | { dualWriteSkipCatchUpSyncParameters: { skipCatchUpSyncPreserveData: boolean } };

/** The Reset body (§5.13, DWLibary/Struct/ResetLinkPayload.cs:9-24); absent members are not sent. */
export interface ResetBody {
  powerAppsEnvironmentName: string;
  environments: ResetEnvironment[];
  legalEntities: string[];
}

export interface ResetEnvironment {
  targetType: string;
  name: string;
  displayName?: string;
  id?: string;
  isDevInstance: boolean;
  directUrl?: string;
}

export class DualWriteClient {
  readonly poller: Poller;

  /** `http` is bound to the service root (paths.ts) and sends no OData default headers. */
  constructor(
    readonly http: HttpClient,
    poll: PollOptions = {},
  ) {
    this.poller = new Poller(poll);
  }

  /** §5.1: `[]` means not linked; DW Helper takes element [0]. */
  async environments(foHost: string): Promise<DwEnvironment[]> {
    return parseEnvironments(await this.#get(paths.environments(foHost), "GET Environments"), "GET Environments");
  }

  /** §5.2 */
  async maps(cid: string): Promise<DwMap[]> {
    return parseMaps(await this.#get(paths.entities(cid), "GET Entities"), "GET Entities");
  }

  /** §5.3: needs a pid. */
  async fieldMappings(pid: string): Promise<DwProject> {
    const call = `GET ${pid}/FieldMappings`;
    return parseFieldMappings(await this.#get(paths.fieldMappings(pid), call), call);
  }

  /** §5.3 read for Refresh tables (§5.9): the project name alone; the leg is not parsed. */
  async projectName(pid: string): Promise<string> {
    const call = `GET ${pid}/FieldMappings`;
    return parseProjectName(await this.#get(paths.fieldMappings(pid), call), call);
  }

  /** §5.4: keyed by cname. */
  async connectionSet(cname: string): Promise<DwConnectionSet> {
    const call = `GET ConnectionSet/${cname}`;
    return parseConnectionSet(await this.#get(paths.connectionSet(cname), call), call);
  }

  /** §5.5 */
  async solutions(cid: string): Promise<DwSolution[]> {
    return parseSolutions(await this.#get(paths.solutions(cid), "GET Solutions"), "GET Solutions");
  }

  /** §5.6: one solution per call; answers the request id of its own status path. */
  async restoreTemplates(cid: string, solution: string): Promise<string> {
    const call = "POST RestoreTemplates";
    const body = { action: "2", solutions: [{ criteria: { uniquename: solution } }] };
    return parseRequestId(await this.#postForRequestId(paths.restoreTemplates(cid), body, call), call);
  }

  /** §5.6: a single object, not an array. */
  async solutionStatus(cid: string, requestId: string): Promise<DwSolutionRequest> {
    const call = `GET SolutionAware/Status/${requestId}`;
    return parseSolutionRequest(await this.#get(paths.solutionStatus(cid, requestId), call), call);
  }

  /** Apply Solution for one solution, polled to its end: "2" done, "3" refused with the service's message (§5.6). */
  async applySolution(cid: string, solution: string): Promise<void> {
    const label = `apply solution ${solution}`;
    const requestId = await this.restoreTemplates(cid, solution);
    const finished = await this.poller.poll(label, async () => {
      const request = await this.solutionStatus(cid, requestId);
      const state = requestState(request.state);
      if (state === "completed") return true;
      if (state === "error") {
        throw new GatewayRefusedError(
          `${label} failed in the dual-write service${request.message === "" ? "" : `: ${redact(request.message)}`}`,
          "check that the solution is installed in Dataverse and that its map versions are valid, then run again",
          requestId,
        );
      }
      return "the dual-write service";
    });
    if (!finished) throw this.poller.timedOut(label, requestId);
    this.poller.progress(label, `${label}: completed`, 1);
  }

  /** §5.7: the body is the bare template id as raw text, not a JSON string literal. */
  async switchActive(cid: string, templateId: string, pid: string): Promise<void> {
    await this.#post(paths.switchActive(cid, templateId, pid), templateId, `POST SwitchActive/${templateId}`, "stop the map first");
  }

  /** §5.8: one table per call, keyed by its entity set; datasetName in the path and the body. */
  async setIntegrationKey(datasetName: string, entitySet: string, columns: readonly string[]): Promise<void> {
    const body = JSON.stringify({ integrationKeys: { [entitySet]: columns }, datasetName });
    await this.#post(paths.integrationKeys(datasetName), body, `POST dataset/${datasetName}/IntegrationKeys (${entitySet})`, "check that every key column exists on the table and is mapped");
  }

  /** §5.9: Refresh tables, keyed by the project name (FieldMappings.name); body always `{"tokens":[""]}`. */
  async refresh(projectName: string): Promise<void> {
    await this.#post(paths.refresh(projectName), JSON.stringify({ tokens: [""] }), `POST Project/${projectName}/Refresh`, "check the map in the dual-write UI");
  }

  /** §5.10: one template id per call. */
  async prerequisites(cid: string, templateId: string): Promise<string[][]> {
    const call = "POST GetTemplatePrerequisiteSequences";
    const response = await this.#post(paths.prerequisites(cid), JSON.stringify([templateId]), call, "check the map in the dual-write UI");
    return parsePrerequisites(decode(response, call), call);
  }

  /** §5.11: one action; answers the request id to follow on Status/{requestId}. */
  async start(action: string, details: readonly StartDetail[]): Promise<string> {
    const call = `POST Start (action ${action})`;
    const body = { action, details: details.map(startDetail) };
    return parseRequestId(await this.#postForRequestId(paths.start(), body, call, START_TIMEOUT_MS), call);
  }

  /** §5.11: an Entities-shaped array; the request's state sits in `detail.lastRequests[]`. */
  async status(requestId: string): Promise<DwMap[]> {
    const call = `GET Status/${requestId}`;
    return parseMaps(await this.#get(paths.status(requestId), call), call);
  }

  /** §5.12 */
  async initialSyncDetails(pid: string): Promise<DwInitialSync> {
    const call = `GET ProjectExecutionWithCompanies/${pid}`;
    return parseInitialSync(await this.#get(paths.projectExecution(pid), call), call);
  }

  /** §5.13: success is a 2xx; the answer is not read (its shape is [unknown]). */
  async reset(cid: string, force: boolean, body: ResetBody): Promise<void> {
    const payload = {
      powerAppsEnvironmentName: body.powerAppsEnvironmentName,
      environments: body.environments.map(resetEnvironment),
      legalEntities: body.legalEntities,
    };
    await this.#post(paths.reset(cid, force), JSON.stringify(payload), "POST ConnectionSet/Reset", "stop every map first, or reset with force", RESET_TIMEOUT_MS);
  }

  async #get(path: string, call: string): Promise<unknown> {
    return decode(await this.http.request("GET", path), call);
  }

  async #post(path: string, body: string, call: string, hint: string, timeoutMs?: number): Promise<HttpResponse> {
    try {
      return await this.http.request("POST", path, { headers: POST_HEADERS, body, ...(timeoutMs === undefined ? {} : { timeoutMs }) });
    } catch (error) {
      // Failure status codes of these calls are [unknown] (§9.8): a 400 or 409 is read as a refusal the user can act on.
      if (error instanceof HttpError && !(error instanceof AccessDeniedError) && (error.status === 400 || error.status === 409)) {
        throw new GatewayRefusedError(`${call} was refused: ${serverMessage(error)}`, hint, error.requestId);
      }
      throw error;
    }
  }

  /**
   * Start and RestoreTemplates: the HTTP status is not checked by DW Helper (§5.6, §5.11), so the
   * body decides; a failure status whose body holds no request id is a refusal naming the call.
   */
  async #postForRequestId(path: string, body: unknown, call: string, timeoutMs?: number): Promise<unknown> {
    try {
      return decode(await this.http.request("POST", path, { headers: POST_HEADERS, body: JSON.stringify(body), ...(timeoutMs === undefined ? {} : { timeoutMs }) }), call);
    } catch (error) {
      if (!(error instanceof HttpError) || error instanceof AccessDeniedError) throw error;
      const answer = tryJson(error.bodyExcerpt);
      if (typeof answer === "object" && answer !== null && "requestId" in answer && typeof answer.requestId === "string" && answer.requestId !== "") return answer;
      throw new GatewayRefusedError(`${call} answered ${error.status} without a request id: ${serverMessage(error)}`, "check the map in the dual-write UI", error.requestId);
    }
  }
}

/** Drops absent members, as DW Helper's serialiser drops nulls (§5.11, DWMapEngine.cs:1826). */
function startDetail(detail: StartDetail): StartDetail {
  return {
    tid: detail.tid,
    ...(detail.pid === undefined ? {} : { pid: detail.pid }),
    cid: detail.cid,
    ...(detail.parameters === undefined ? {} : { parameters: detail.parameters }),
  };
}

function resetEnvironment(environment: ResetEnvironment): ResetEnvironment {
  return {
    targetType: environment.targetType,
    name: environment.name,
    ...(environment.displayName === undefined ? {} : { displayName: environment.displayName }),
    ...(environment.id === undefined ? {} : { id: environment.id }),
    isDevInstance: environment.isDevInstance,
    ...(environment.directUrl === undefined ? {} : { directUrl: environment.directUrl }),
  };
}

/** The body as JSON, whatever the Content-Type says; an empty, HTML or text body is a protocol error naming the call. */
function decode(response: HttpResponse, call: string): unknown {
  // The HTTP client has parsed a JSON body already (a 2xx whose JSON is malformed fails there).
  if (response.json !== undefined) return response.json;
  const text = response.text.trim();
  if (text === "") throw new DualWriteProtocolError(call, `the answer (${response.status}) is empty, expected JSON`);
  const parsed = tryJson(text);
  if (parsed === undefined) {
    const type = response.headers.get("content-type") ?? "no Content-Type";
    throw new DualWriteProtocolError(call, `the answer (${response.status}, ${type}) is not JSON: ${JSON.stringify(text.slice(0, 80))}`);
  }
  return parsed;
}

function tryJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
