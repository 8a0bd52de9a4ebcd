/**
 * The dual-write management service: UNDOCUMENTED by Microsoft. Everything dwctl knows about it
 * is reverse-engineered from Microsoft's unsupported Dual-write-automations tool (DOMAIN.md
 * section 6) and kept in this directory, so that a change on Microsoft's side is fixed here.
 *
 * What this adapter relies on (base `<service url>/api/DualWriteManagement/1.0/`):
 * - every request carries `Origin: https://dataintegrator.trafficmanager.net`, and a delegated
 *   user token for the Data Integrator app (scope `https://IntegratorApp.com/.default`);
 * - `GET Environments?targetType=AX&identifier=<finops url>` -> `value[0].cid` names the link
 *   (connection set); `value` is empty when the environment is not linked;
 * - `GET Entities?targetType=AX&cid=` -> every map: `detail.{pid, tid, sourceSchema,
 *   destinationSchema}`, where `tid` is the msdyn_dualwriteentitymap row id of the active
 *   version, `templates` the saved versions, `state` a code (0/6 not running, 1 stopped,
 *   2 initial sync, 3 catch-up, 4 running, 5 paused) and `lastRequest.status` 3 for an error;
 * - `POST Start {action, details:[{tid, pid, cid, parameters}]}` with actions 1 start, 4 stop,
 *   5 pause, 6 resume, 8 initial sync -> `202 {requestId}`, then `GET Status/<requestId>` until
 *   `status` is 2 (completed) or 3 (error), with the map's `state` afterwards (or, for many at
 *   once, the `lastRequest` of each map in `GET Entities`);
 * - `parameters`: `skipInitialSync`, `conflictResolution {master: "CRM" | "AX", option: "1"}`,
 *   `skipCatchUpSyncPreserveData`, `skipCatchUpSyncDiscardData`;
 * - `POST SolutionAware/<cid>/SwitchActive/<tid>?pid=<pid>` makes a saved version active;
 * - `POST SolutionAware/<cid>/RestoreTemplates` (Apply Solution) -> `202 {requestId}`;
 * - `GET|POST api/dataset/<cid>/IntegrationKeys` `{datasetName, integrationKeys}`, merged by table;
 * - `POST api/ConnectionSet/<cid>/LegalEntities {legalEntities}`;
 * - `POST api/ConnectionSet/<cid>/Reset?targetType=AX&forceReset=<bool>` -> `202 {requestId}`,
 *   `409` while a map runs and force is off;
 * - `POST GetTemplatePrerequisiteSequences/<cid> {templateIds}` -> `value[{tid, prerequisites}]`.
 */
import { setTimeout as delay } from "node:timers/promises";
import { GatewayRefusedError } from "../gateway.js";
import type { MapAction, ProgressListener } from "../gateway.js";
import { HttpError, redact } from "../http/index.js";
import type { HttpClient } from "../http/index.js";
import type { LiveMapState } from "../../model/snapshot.js";
import { isHttpStatus, property, serverMessage, text } from "../dataverse/odata.js";

export const DUAL_WRITE_ORIGIN = "https://dataintegrator.trafficmanager.net";
export const DUAL_WRITE_API_PATH = "api/DualWriteManagement/1.0/";
/** Scope of the real service's delegated token (the Data Integrator first-party app). */
export const DUAL_WRITE_SCOPE = "https://IntegratorApp.com/.default";
export const DATA_INTEGRATOR_CLIENT_ID = "2e49aa60-1bd3-43b6-8ab6-03ada3d9f08b";

export const ACTION_CODES: Record<MapAction, number> = { start: 1, stop: 4, pause: 5, resume: 6, initialSync: 8 };

const STATE_BY_CODE: Record<number, LiveMapState> = {
  0: "notRunning",
  1: "stopped",
  2: "initializing",
  3: "resuming",
  4: "running",
  5: "paused",
  6: "notRunning",
};

const STATUS_COMPLETED = 2;
const STATUS_ERROR = 3;

export interface Link {
  cid: string;
  financeAndOperationsUrl: string;
  dataverseUrl: string;
  dataverseOrganizationId: string;
  legalEntities: string[];
}

export interface ServiceMap {
  pid: string;
  tid: string;
  name: string;
  sourceSchema: string;
  destinationSchema: string;
  templates: string[];
  state: LiveMapState;
  lastRequest: { requestId: string; status: number; message: string } | undefined;
}

export interface RequestStatus {
  status: "waiting" | "completed" | "error";
  message: string;
  /** The map's state afterwards, when the request concerns a map. */
  state: LiveMapState | undefined;
}

/** A map in the middle of an initial sync or a catch-up: a start or resume is not finished until it leaves it. */
export function isSettling(state: LiveMapState | undefined): boolean {
  return state === "initializing" || state === "resuming";
}

export function requestStatusOf(code: unknown): RequestStatus["status"] {
  const value = Number(code);
  return value === STATUS_COMPLETED ? "completed" : value === STATUS_ERROR ? "error" : "waiting";
}

export interface StartParameters {
  skipInitialSync?: boolean;
  conflictResolution?: { master: "CRM" | "AX"; option: "1" };
  skipCatchUpSyncPreserveData?: boolean;
  skipCatchUpSyncDiscardData?: boolean;
}

export interface StartDetail {
  tid: string;
  pid: string;
  cid: string;
  parameters: StartParameters;
}

export interface OperationResult {
  requestId: string;
  message: string;
  state: LiveMapState | undefined;
}

export interface PollOptions {
  /** First wait between status reads; it grows by half each time up to `maxIntervalMs`. */
  initialIntervalMs?: number;
  maxIntervalMs?: number;
  timeoutMs?: number;
  onProgress?: ProgressListener;
  /** Names the operation in progress events and errors. */
  label?: string;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

export function stateFromCode(code: unknown, lastRequestStatus?: number): LiveMapState {
  if (lastRequestStatus === STATUS_ERROR) return "error";
  return STATE_BY_CODE[Number(code)] ?? "notRunning";
}

export class DualWriteClient {
  readonly #poll: Required<Omit<PollOptions, "onProgress" | "label">> & Pick<PollOptions, "onProgress">;

  /** The HttpClient must send the Origin header on every call (see `dualWriteHeaders`). */
  constructor(
    readonly http: HttpClient,
    poll: PollOptions = {},
  ) {
    this.#poll = {
      initialIntervalMs: poll.initialIntervalMs ?? 250,
      maxIntervalMs: poll.maxIntervalMs ?? 15_000,
      timeoutMs: poll.timeoutMs ?? 60 * 60_000,
      sleep: poll.sleep ?? ((ms) => delay(ms)),
      now: poll.now ?? Date.now,
      ...(poll.onProgress === undefined ? {} : { onProgress: poll.onProgress }),
    };
  }

  /** The link as finance and operations holds it, or undefined when not linked. */
  async link(financeAndOperationsUrl: string): Promise<Link | undefined> {
    const body = await this.http.getJson<unknown>(
      `Environments?targetType=AX&identifier=${encodeURIComponent(financeAndOperationsUrl)}`,
    );
    const first: unknown = valueOf(body)[0];
    if (first === undefined) return undefined;
    const legalEntities = property(first, "legalEntities");
    return {
      cid: text(property(first, "cid")),
      financeAndOperationsUrl: text(property(first, "axEnvironmentUrl")),
      dataverseUrl: text(property(first, "crmEnvironmentUrl")),
      dataverseOrganizationId: text(property(first, "crmOrganizationId")),
      legalEntities: Array.isArray(legalEntities) ? legalEntities.map((entity) => text(entity)) : [],
    };
  }

  async maps(cid: string): Promise<ServiceMap[]> {
    const body = await this.http.getJson<unknown>(`Entities?targetType=AX&cid=${encodeURIComponent(cid)}`);
    return valueOf(body).map((item) => {
      const detail = property(item, "detail");
      const templates = property(item, "templates");
      const last = property(item, "lastRequest");
      const lastRequest =
        last === undefined || last === null
          ? undefined
          : { requestId: text(property(last, "requestId")), status: Number(property(last, "status")), message: text(property(last, "message")) };
      return {
        pid: text(property(detail, "pid")),
        tid: text(property(detail, "tid")),
        name: text(property(detail, "name")),
        sourceSchema: text(property(detail, "sourceSchema")),
        destinationSchema: text(property(detail, "destinationSchema")),
        templates: Array.isArray(templates) ? templates.map((tid) => text(tid)) : [],
        state: stateFromCode(property(item, "state"), lastRequest?.status),
        lastRequest,
      };
    });
  }

  /** Sends a lifecycle action; returns its request id at once (the service answers 202 and works on). */
  async sendAction(action: MapAction, detail: StartDetail, options: Pick<PollOptions, "label"> = {}): Promise<string> {
    const label = options.label ?? `${action} ${detail.tid}`;
    const accepted = await this.#refusable(
      this.http.request("POST", "Start", { json: { action: ACTION_CODES[action], details: [detail] } }),
      label,
      "check the map's state in the dual-write UI",
    );
    return requestIdOf(accepted.json, label);
  }

  /** One read of `Status/<requestId>`. */
  async requestStatus(requestId: string): Promise<RequestStatus> {
    const body = await this.http.getJson<unknown>(`Status/${encodeURIComponent(requestId)}`);
    const stateCode = property(body, "state");
    return {
      status: requestStatusOf(property(body, "status")),
      message: redact(text(property(body, "message"))),
      state: stateCode === undefined || stateCode === null ? undefined : stateFromCode(stateCode),
    };
  }

  async switchActive(cid: string, tid: string, pid: string): Promise<void> {
    await this.#refusable(
      this.http.request("POST", `SolutionAware/${encodeURIComponent(cid)}/SwitchActive/${encodeURIComponent(tid)}?pid=${encodeURIComponent(pid)}`),
      `switching to version ${tid}`,
      "stop the map first",
    );
  }

  /** Apply Solution: the service reloads the saved map versions. */
  async restoreTemplates(cid: string): Promise<OperationResult> {
    const accepted = await this.http.request("POST", `SolutionAware/${encodeURIComponent(cid)}/RestoreTemplates`);
    return this.waitFor(requestIdOf(accepted.json, "apply solution"), { label: "apply solution" });
  }

  async integrationKeys(cid: string): Promise<Record<string, string[]>> {
    const body = await this.http.getJson<unknown>(`api/dataset/${encodeURIComponent(cid)}/IntegrationKeys`);
    const keys = property(body, "integrationKeys");
    const result: Record<string, string[]> = {};
    if (typeof keys === "object" && keys !== null) {
      for (const [table, columns] of Object.entries(keys)) {
        result[table] = Array.isArray(columns) ? columns.map((column: unknown) => text(column)) : [];
      }
    }
    return result;
  }

  async setIntegrationKeys(cid: string, keys: Record<string, string[]>): Promise<void> {
    await this.#refusable(
      this.http.request("POST", `api/dataset/${encodeURIComponent(cid)}/IntegrationKeys`, {
        json: { datasetName: cid, integrationKeys: keys },
      }),
      "setting integration keys",
      "check that every key column exists on the table",
    );
  }

  async setLegalEntities(cid: string, legalEntities: string[]): Promise<void> {
    await this.#refusable(
      this.http.request("POST", `api/ConnectionSet/${encodeURIComponent(cid)}/LegalEntities`, { json: { legalEntities } }),
      "changing the linked legal entities",
      "check that each legal entity exists in finance and operations",
    );
  }

  async reset(
    cid: string,
    request: { force: boolean; powerAppsEnvironmentName: string; environments: [string, string]; legalEntities: string[] },
  ): Promise<OperationResult> {
    const accepted = await this.#refusable(
      this.http.request("POST", `api/ConnectionSet/${encodeURIComponent(cid)}/Reset?targetType=AX&forceReset=${String(request.force)}`, {
        json: {
          powerAppsEnvironmentName: request.powerAppsEnvironmentName,
          environments: request.environments,
          legalEntities: request.legalEntities,
        },
      }),
      "reset link",
      "stop every map first, or reset with force",
    );
    return this.waitFor(requestIdOf(accepted.json, "reset link"), { label: "reset link" });
  }

  async prerequisites(cid: string, templateIds: string[]): Promise<{ tid: string; prerequisites: string[] }[]> {
    const response = await this.http.request("POST", `GetTemplatePrerequisiteSequences/${encodeURIComponent(cid)}`, {
      json: { templateIds },
    });
    return valueOf(response.json).map((item) => {
      const prerequisites = property(item, "prerequisites");
      return {
        tid: text(property(item, "tid")),
        prerequisites: Array.isArray(prerequisites) ? prerequisites.map((tid: unknown) => text(tid)) : [],
      };
    });
  }

  /** Polls `Status/<requestId>` with a growing interval until it completes, fails or times out. */
  async waitFor(requestId: string, options: Pick<PollOptions, "label"> & { untilSettled?: boolean } = {}): Promise<OperationResult> {
    const label = options.label ?? "operation";
    let result: OperationResult | undefined;
    const finished = await this.poll(label, async () => {
      const { status, message, state } = await this.requestStatus(requestId);
      // A completed request can leave the map mid-transition (initial sync or catch-up still running): wait for it to settle.
      const settling = options.untilSettled === true && isSettling(state);
      if (status === "completed" && !settling) {
        result = { requestId, message, state };
        return true;
      }
      if (status === "error") throw failedInService(label, message, requestId);
      return settling ? (state === "initializing" ? "the initial sync" : "the catch-up") : "the dual-write service";
    });
    if (!finished || result === undefined) throw this.timedOut(label, requestId);
    this.#poll.onProgress?.({ step: label, message: `${label}: completed`, fraction: 1 });
    return result;
  }

  /**
   * Calls `read` with a growing interval until it returns true; anything else names what is
   * awaited, for the progress line. Returns false once the poll timeout has passed.
   */
  async poll(label: string, read: () => Promise<true | string>): Promise<boolean> {
    const { sleep, now, timeoutMs, maxIntervalMs, onProgress } = this.#poll;
    const started = now();
    let interval = this.#poll.initialIntervalMs;
    for (;;) {
      const waitingFor = await read();
      if (waitingFor === true) return true;
      const elapsed = now() - started;
      if (elapsed >= timeoutMs) return false;
      onProgress?.({ step: label, message: `${label}: waiting for ${waitingFor} (${Math.round(elapsed / 1000)} s)` });
      await sleep(Math.min(interval, Math.max(0, timeoutMs - elapsed)));
      interval = Math.min(maxIntervalMs, Math.ceil(interval * 1.5));
    }
  }

  /** The error of an operation still unfinished when the poll timeout passed. */
  timedOut(label: string, requestId: string): GatewayRefusedError {
    return new GatewayRefusedError(
      `${label} did not finish within ${Math.round(this.#poll.timeoutMs / 1000)} s`,
      "the service may still be working: check the map in the dual-write UI before running again",
      requestId,
    );
  }

  async #refusable<T>(request: Promise<T>, label: string, hint: string): Promise<T> {
    try {
      return await request;
    } catch (error) {
      if (error instanceof HttpError && (isHttpStatus(error, 400) || isHttpStatus(error, 409))) {
        throw new GatewayRefusedError(`${label} was refused: ${serverMessage(error)}`, hint, error.requestId);
      }
      throw error;
    }
  }
}

/** Headers the service needs on every request; pass them as the HttpClient's default headers. */
export function dualWriteHeaders(): Record<string, string> {
  return { Origin: DUAL_WRITE_ORIGIN };
}

function valueOf(body: unknown): unknown[] {
  const value = property(body, "value");
  return Array.isArray(value) ? (value as unknown[]) : [];
}

/** The service reported an operation as failed (status 3). */
export function failedInService(label: string, message: string, requestId: string): GatewayRefusedError {
  return new GatewayRefusedError(
    `${label} failed in the dual-write service${message === "" ? "" : `: ${message}`}`,
    "see the map's errors in the dual-write UI, fix them and run again",
    requestId,
  );
}

function requestIdOf(body: unknown, label: string): string {
  const requestId = text(property(body, "requestId"));
  if (requestId === "") throw new GatewayRefusedError(`${label}: the dual-write service returned no request id`, "run again", undefined);
  return requestId;
}
