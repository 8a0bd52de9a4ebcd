import { readFileSync } from "node:fs";
import type { ServerResponse } from "node:http";
import { fileURLToPath } from "node:url";
import type { AccessToken, TokenCredential } from "@azure/core-auth";
import { sendJson, startServer } from "./http/test-server.js";
import type { SeenRequest, TestServer } from "./http/test-server.js";

/** A request as a test asserts on it: which service, the path after its base, the decoded query. */
export interface Call {
  service: "dataverse" | "finops" | "dualwrite" | "other";
  method: string;
  path: string;
  query: Record<string, string>;
  headers: SeenRequest["headers"];
  body: unknown;
  raw: string;
}

export interface FakeRow {
  [column: string]: unknown;
}

export type Override = (call: Call, response: ServerResponse) => boolean;

export const DV = "/stage/dataverse/api/data/v9.2/";
export const FO = "/stage/finops/";
/** The service root; both path families hang off it (dualwrite-service.md §1). */
export const DW = "/dualwrite/";
export const MANAGEMENT = "api/DualWriteManagement/1.0/";

const FIXTURES = fileURLToPath(new URL("../platform/fixtures/", import.meta.url));

/** A response fixture of test/platform/fixtures, parsed afresh (tests mutate their copy). */
export function fixture(name: string): unknown {
  return JSON.parse(readFileSync(`${FIXTURES}${name}`, "utf8")) as unknown;
}

export function fixtureText(name: string): string {
  return readFileSync(`${FIXTURES}${name}`, "utf8");
}

/** A map of get-entities.response.json, loosely typed so tests can change it. */
export interface FixtureMap {
  leftEntity: { name: string; displayName?: string };
  rightEntity: { name: string; displayName?: string };
  detail: {
    tid?: string;
    tName?: string;
    pid: string | null;
    state: string | number | null;
    template?: FixtureTemplate;
    templates: FixtureTemplate[];
    lastRequests: { requestId: string; action: string; state: string; errorMessage?: string; createdOn?: string }[];
    [member: string]: unknown;
  };
}

export interface FixtureTemplate {
  id: string;
  author: string;
  version: { major: number; minor: number; build: number; revision: number };
}

/**
 * A small in-memory estate speaking the calls of docs/live-api.md, for asserting what the
 * adapters send. It is deliberately naive: the real behaviour is the sandbox's job.
 */
export class FakeEstate {
  calls: Call[] = [];
  mapRows: FakeRow[] = [];
  tables: { LogicalName: string; EntitySetName: string; Keys: FakeRow[] }[] = [
    { LogicalName: "account", EntitySetName: "accounts", Keys: [] },
    { LogicalName: "contact", EntitySetName: "contacts", Keys: [] },
  ];
  runtimeConfigs: FakeRow[] = [];
  companies: FakeRow[] = [{ cdm_companyid: "c1", cdm_companycode: "USMF" }];
  envValues: FakeRow[] = [];
  projectConfigs: FakeRow[] = [];
  solutions: FakeRow[] = [];
  publishers: FakeRow[] = [{ publisherid: "pub-contoso", uniquename: "Contoso" }];
  /** The fixture answers, served as they are unless a test changes them. */
  environments: unknown[] = fixture("get-environments.response.json") as unknown[];
  entities: FixtureMap[] = fixture("get-entities.response.json") as FixtureMap[];
  connectionSet: Record<string, unknown> = fixture("get-connectionset.response.json") as Record<string, unknown>;
  /** FieldMappings per pid: map A's fixture, and map B's project name once it has a pid. */
  projects: Record<string, Record<string, unknown>> = {
    "5e9a1c7b-3d2f-4b8e-a6c0-9f1e2d3c4b5a": fixture("get-fieldmappings.response.json") as Record<string, unknown>,
    "9d1f3b5c-7e9a-4b1c-8d3e-5f7a9b1c3d5e": { ...(fixture("get-fieldmappings.response.json") as Record<string, unknown>), name: "DWM-2b4d6f8a-0c2e-4a6c-9e1a-3c5e7a9c1e3a", id: "9d1f3b5c-7e9a-4b1c-8d3e-5f7a9b1c3d5e" },
  };
  /** Status reads answered "waiting" (request state "1") before the outcome. */
  waitingPolls = 1;
  /** How a Start or Apply Solution request ends. */
  outcome: { state: "2" | "3"; errorMessage: string } = { state: "2", errorMessage: "" };
  /** The map state a Start leaves, per action code. */
  stateAfter: Record<string, string> = { "1": "4", "4": "1", "5": "5", "6": "4", "8": "1" };
  /** The pid an initialise ("8") gives a map. */
  newPid = "9d1f3b5c-7e9a-4b1c-8d3e-5f7a9b1c3d5e";
  overrides: Override[] = [];
  #version = 1000;
  #server: TestServer | undefined;
  #pending = new Map<string, { polls: number; action: string; tid: string }>();

  get origin(): string {
    if (this.#server === undefined) throw new Error("not started");
    return new URL(this.#server.url).origin;
  }

  get dataverseUrl(): string {
    return `${this.origin}/stage/dataverse`;
  }

  get finOpsUrl(): string {
    return `${this.origin}/stage/finops`;
  }

  get dualWriteUrl(): string {
    return `${this.origin}/dualwrite`;
  }

  async start(): Promise<this> {
    this.#server = await startServer((request, response) => this.#handle(request, response));
    return this;
  }

  async stop(): Promise<void> {
    await this.#server?.close();
  }

  etag(): string {
    this.#version++;
    return `W/"${this.#version}"`;
  }

  callsTo(service: Call["service"]): Call[] {
    return this.calls.filter((call) => call.service === service);
  }

  #handle(request: SeenRequest, response: ServerResponse): void {
    const url = new URL(request.url, "http://fake");
    const pathname = decodeURIComponent(url.pathname);
    const [service, path] = pathname.startsWith(DV)
      ? (["dataverse", pathname.slice(DV.length)] as const)
      : pathname.startsWith(FO)
        ? (["finops", pathname.slice(FO.length)] as const)
        : pathname.startsWith(DW)
          ? (["dualwrite", pathname.slice(DW.length)] as const)
          : (["other", pathname] as const);
    let body: unknown;
    try {
      body = request.body === "" ? undefined : (JSON.parse(request.body) as unknown);
    } catch {
      body = request.body;
    }
    const call: Call = {
      service,
      method: request.method,
      path,
      query: Object.fromEntries(url.searchParams),
      headers: request.headers,
      body,
      raw: request.body,
    };
    this.calls.push(call);
    for (const override of this.overrides) if (override(call, response)) return;
    if (service === "dataverse") return this.#dataverse(call, response, url);
    if (service === "finops") return this.#finops(call, response, url);
    if (service === "dualwrite") return this.#dualwrite(call, response);
    sendJson(response, 404, { error: { code: "NotFound", message: "no route" } });
  }

  #page(rows: FakeRow[], call: Call, response: ServerResponse, url: URL): void {
    const size = Number(/odata\.maxpagesize=(\d+)/.exec(String(call.headers.prefer ?? ""))?.[1] ?? 5000);
    const skip = Number(url.searchParams.get("$skiptoken") ?? 0);
    const page = rows.slice(skip, skip + size);
    const next = skip + size < rows.length ? new URL(url.href) : undefined;
    next?.searchParams.set("$skiptoken", String(skip + size));
    const nextLink = next === undefined ? {} : { "@odata.nextLink": `${this.origin}${next.pathname}${next.search}` };
    sendJson(response, 200, { value: page, ...nextLink });
  }

  #dataverse(call: Call, response: ServerResponse, url: URL): void {
    const { method, path } = call;
    const byId = /^(\w+)\(([^)]+)\)$/.exec(path);
    if (method === "GET" && path === "WhoAmI") {
      return sendJson(response, 200, { OrganizationId: "org-1", UserId: "user-1", BusinessUnitId: "bu-1" });
    }
    if (method === "GET" && path === "msdyn_dualwriteentitymaps") return this.#page(this.mapRows, call, response, url);
    if (method === "POST" && path === "msdyn_dualwriteentitymaps") {
      const row = { ...(call.body as FakeRow), msdyn_dualwriteentitymapid: `map-${this.mapRows.length + 1}`, statecode: 0, "@odata.etag": this.etag() };
      this.mapRows.push(row);
      return sendJson(response, 201, row);
    }
    if (byId?.[1] === "msdyn_dualwriteentitymaps") {
      const row = this.mapRows.find((candidate) => candidate.msdyn_dualwriteentitymapid === byId[2]);
      if (row === undefined) return sendJson(response, 404, { error: { code: "0x80040217", message: "not found" } });
      if (method === "DELETE") {
        this.mapRows.splice(this.mapRows.indexOf(row), 1);
        return void response.writeHead(204).end();
      }
      if (call.headers["if-match"] !== row["@odata.etag"]) return sendJson(response, 412, { error: { code: "0x80060882", message: "stale" } });
      Object.assign(row, call.body, { "@odata.etag": this.etag() });
      return void response.writeHead(204).end();
    }
    if (method === "GET" && path === "EntityDefinitions") return sendJson(response, 200, { value: this.tables });
    if (method === "GET" && (path === "solutions" || path === "publishers")) {
      const wanted = /uniquename eq '(.*)'/.exec(url.searchParams.get("$filter") ?? "")?.[1]?.replaceAll("''", "'");
      const rows = path === "solutions" ? this.solutions : this.publishers;
      return sendJson(response, 200, { value: rows.filter((row) => String(row.uniquename).toLowerCase() === wanted?.toLowerCase()) });
    }
    if (method === "POST" && path === "solutions") {
      this.solutions.push({ ...(call.body as FakeRow), solutionid: `sol-${this.solutions.length + 1}` });
      return void response.writeHead(204).end();
    }
    if (method === "GET" && path === "msdyn_dualwriteruntimeconfigs") return this.#page(this.runtimeConfigs, call, response, url);
    if (method === "GET" && path === "cdm_companies") return this.#page(this.companies, call, response, url);
    if (method === "GET" && path === "environmentvariablevalues") return this.#page(this.envValues, call, response, url);
    if (method === "PATCH" && byId?.[1] === "environmentvariabledefinitions") return void response.writeHead(204).end();
    if (byId?.[1] === "environmentvariablevalues") {
      const existing = this.envValues.find((row) => row.environmentvariablevalueid === byId[2]);
      if (call.headers["if-none-match"] === "*" && existing !== undefined) return sendJson(response, 412, { error: { code: "x", message: "exists" } });
      if (call.headers["if-match"] !== undefined && call.headers["if-match"] !== existing?.["@odata.etag"]) {
        return sendJson(response, existing === undefined ? 404 : 412, { error: { code: "x", message: "stale" } });
      }
      if (method === "DELETE") {
        if (existing !== undefined) this.envValues.splice(this.envValues.indexOf(existing), 1);
        return void response.writeHead(204).end();
      }
      const etag = this.etag();
      const body = call.body as FakeRow;
      if (existing === undefined) this.envValues.push({ environmentvariablevalueid: byId[2], schemaname: body.schemaname, value: body.value, "@odata.etag": etag });
      else Object.assign(existing, { value: body.value, "@odata.etag": etag });
      return void response.writeHead(204, { ETag: etag }).end();
    }
    if (method === "POST" && path === "$batch") {
      const boundary = "batchresponse_1";
      const parts = [...call.raw.matchAll(/DELETE \S*msdyn_dualwriteruntimeconfigs\(([^)]+)\)/g)].map((match) => {
        const index = this.runtimeConfigs.findIndex((row) => row.msdyn_dualwriteruntimeconfigid === match[1]);
        if (index >= 0) this.runtimeConfigs.splice(index, 1);
        return `--${boundary}\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\nHTTP/1.1 ${index >= 0 ? "204 No Content" : "404 Not Found"}\r\n\r\n\r\n`;
      });
      response.writeHead(200, { "Content-Type": `multipart/mixed; boundary=${boundary}` });
      return void response.end(`${parts.join("")}--${boundary}--\r\n`);
    }
    const keys = /^EntityDefinitions\(LogicalName='(\w+)'\)\/Keys(?:\(LogicalName='(\w+)'\))?$/.exec(path);
    if (keys !== null) {
      const table = this.tables.find((candidate) => candidate.LogicalName === keys[1]);
      if (table === undefined) return sendJson(response, 404, { error: { code: "x", message: "no table" } });
      if (method === "POST") {
        const body = call.body as FakeRow;
        if (table.Keys.some((key) => key.SchemaName === body.SchemaName)) {
          return sendJson(response, 400, { error: { code: "0x80048d04", message: "key exists" } });
        }
        const label = (body.DisplayName as { LocalizedLabels: { Label: string }[] }).LocalizedLabels[0]?.Label;
        table.Keys.push({
          SchemaName: body.SchemaName,
          LogicalName: String(body.SchemaName).toLowerCase(),
          DisplayName: { UserLocalizedLabel: { Label: label } },
          KeyAttributes: body.KeyAttributes,
          EntityKeyIndexStatus: "Pending",
        });
        return void response.writeHead(204, { "OData-EntityId": `${this.dataverseUrl}/api/data/v9.2/${path}(x)` }).end();
      }
      const key = table.Keys.find((candidate) => candidate.LogicalName === keys[2]);
      if (key === undefined) return sendJson(response, 404, { error: { code: "x", message: "no key" } });
      return sendJson(response, 200, { EntityKeyIndexStatus: key.EntityKeyIndexStatus });
    }
    if (method === "POST" && path === "ReactivateEntityKey") return void response.writeHead(204).end();
    sendJson(response, 404, { error: { code: "NotFound", message: `no route ${method} ${path}` } });
  }

  #finops(call: Call, response: ServerResponse, url: URL): void {
    const { method, path } = call;
    if (method === "GET" && path === "data/DualWriteProjectConfigurations") return this.#page(this.projectConfigs, call, response, url);
    const key = /^data\/DualWriteProjectConfigurations\(ProjectName='(.*)',ExternalEntityName='(.*)',InternalEntityName='(.*)'\)$/.exec(path);
    if (method === "DELETE" && key !== null) {
      const [project, external, internal] = key.slice(1).map((part) => part.replaceAll("''", "'"));
      const index = this.projectConfigs.findIndex((row) => row.ProjectName === project && row.ExternalEntityName === external && row.InternalEntityName === internal);
      if (index < 0) return sendJson(response, 404, { error: { code: "x", message: "gone" } });
      this.projectConfigs.splice(index, 1);
      return void response.writeHead(204).end();
    }
    if (method === "GET" && path === "metadata/PublicEntities('CustomersV3')") {
      return sendJson(response, 200, {
        Name: "CustomersV3",
        EntitySetName: "CustomersV3",
        Properties: [{ Name: "CUSTOMERACCOUNT", DataType: "String", IsKey: true, IsMandatory: true }],
      });
    }
    if (method === "GET" && path === "metadata/PublicEnumerations('NoYes')") {
      return sendJson(response, 200, { Name: "NoYes", Members: [{ Name: "No", Value: 0 }, { Name: "Yes", Value: 1 }] });
    }
    sendJson(response, 404, { error: { code: "NotFound", message: `no route ${method} ${path}` } });
  }

  #dualwrite(call: Call, response: ServerResponse): void {
    const { method } = call;
    const management = call.path.startsWith(MANAGEMENT) ? call.path.slice(MANAGEMENT.length) : undefined;
    const cid = "c3d1e5f7-8a9b-4c0d-9e1f-2a3b4c5d6e7f";
    if (method === "GET" && management === "Environments") return sendJson(response, 200, this.environments, { "Content-Type": "application/json" });
    if (method === "GET" && management === "Entities") return sendJson(response, 200, this.entities);
    const fieldMappings = /^([^/]+)\/FieldMappings$/.exec(management ?? "");
    if (method === "GET" && fieldMappings !== null) {
      const project = this.projects[fieldMappings[1] ?? ""];
      return project === undefined ? sendJson(response, 404, { error: { message: "no project" } }) : sendJson(response, 200, project);
    }
    if (method === "GET" && call.path === "api/ConnectionSet/contoso-uat-dw-connectionset") return sendJson(response, 200, this.connectionSet);
    if (method === "GET" && management === `SolutionAware/${cid}/Solutions/`) return sendJson(response, 200, fixture("get-solutions.response.json"));
    if (method === "POST" && (management === "Start" || management === `SolutionAware/${cid}/RestoreTemplates`)) {
      const requestId = `req-${this.calls.length}`;
      const body = call.body as { action: string; details?: { tid: string }[] };
      this.#pending.set(requestId, { polls: this.waitingPolls, action: body.action, tid: body.details?.[0]?.tid ?? "" });
      return sendJson(response, 200, { requestId });
    }
    const solutionStatus = /^SolutionAware\/[^/]+\/Status\/(.+)$/.exec(management ?? "");
    if (method === "GET" && solutionStatus !== null) {
      const state = this.#advance(solutionStatus[1] ?? "");
      return sendJson(response, 200, { requestId: solutionStatus[1], action: "2", state, result: { message: this.outcome.errorMessage, status: state === "3" ? "Failed" : "Succeeded" } });
    }
    const status = /^Status\/(.+)$/.exec(management ?? "");
    if (method === "GET" && status !== null) {
      const requestId = status[1] ?? "";
      const pending = this.#pending.get(requestId);
      const map = this.entities.find((item) => item.detail.template?.id === pending?.tid);
      if (pending === undefined || map === undefined) return sendJson(response, 200, []);
      const state = this.#advance(requestId);
      if (state === "2") {
        map.detail.state = this.stateAfter[pending.action] ?? map.detail.state;
        if (pending.action === "8") map.detail.pid = this.newPid;
      }
      const entry = { requestId, action: pending.action, state, ...(state === "3" ? { errorMessage: this.outcome.errorMessage } : {}), createdOn: "2025-06-03T09:00:05Z" };
      map.detail.lastRequests = [entry, ...map.detail.lastRequests.filter((request) => request.requestId !== requestId)];
      return sendJson(response, 200, [map]);
    }
    if (method === "POST" && /^SolutionAware\/[^/]+\/SwitchActive\/[^/]+$/.test(management ?? "")) return void response.writeHead(200).end();
    if (method === "POST" && management === `GetTemplatePrerequisiteSequences/${cid}`) return sendJson(response, 200, fixture("post-templateprerequisitesequences.response.json"));
    if (method === "POST" && /^api\/(dataset\/[^/]+\/IntegrationKeys|Project\/[^/]+\/Refresh|ConnectionSet\/[^/]+\/Reset)$/.test(call.path)) return void response.writeHead(200).end();
    if (method === "GET" && /^api\/ProjectExecutionWithCompanies\/[^/]+$/.test(call.path)) return sendJson(response, 200, fixture("get-projectexecutionwithcompanies.response.json"));
    sendJson(response, 404, { error: { code: "NotFound", message: `no route ${method} ${call.path}` } });
  }

  /** The request state after one more status read: "1" while polls are left, then the outcome. */
  #advance(requestId: string): string {
    const pending = this.#pending.get(requestId);
    if (pending === undefined) return "1";
    if (pending.polls > 0) {
      pending.polls -= 1;
      return "1";
    }
    return this.outcome.state;
  }
}

export class StaticCredential implements TokenCredential {
  readonly scopes: string[] = [];
  constructor(readonly token = "test-token") {}
  async getToken(scopes: string | string[]): Promise<AccessToken> {
    this.scopes.push(...(Array.isArray(scopes) ? scopes : [scopes]));
    return { token: this.token, expiresOnTimestamp: Date.now() + 3_600_000 };
  }
}

/** Fast HTTP settings for tests: no real waits between retries. */
export const FAST_HTTP = { baseDelayMs: 1, maxDelayMs: 5, timeoutMs: 5000 };
export const FAST_POLL = { initialIntervalMs: 1, maxIntervalMs: 5, timeoutMs: 5000 };
