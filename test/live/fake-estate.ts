import type { ServerResponse } from "node:http";
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

export interface ServiceMapItem {
  detail: { pid: string; tid: string; name: string; sourceSchema: string; destinationSchema: string };
  templates: string[];
  state: number;
  lastRequest?: { requestId: string; status: number; message: string };
}

export type Override = (call: Call, response: ServerResponse) => boolean;

export const DV = "/stage/dataverse/api/data/v9.2/";
export const FO = "/stage/finops/";
export const DW = "/dualwrite/api/DualWriteManagement/1.0/";

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
  link: FakeRow | undefined = {
    cid: "cid-1",
    axEnvironmentUrl: "fo",
    crmEnvironmentUrl: "dv",
    crmOrganizationId: "org-1",
    legalEntities: ["USMF"],
  };
  entities: ServiceMapItem[] = [];
  integrationKeys: Record<string, string[]> = {};
  /** Status reads answered "waiting" before "completed". */
  waitingPolls = 1;
  statusOutcome: { status: number; message: string; state: number } = { status: 2, message: "", state: 4 };
  overrides: Override[] = [];
  #version = 1000;
  #server: TestServer | undefined;
  #pending = new Map<string, number>();

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
    const { method, path } = call;
    if (method === "GET" && path === "Environments") return sendJson(response, 200, { value: this.link === undefined ? [] : [this.link] });
    if (method === "GET" && path === "Entities") return sendJson(response, 200, { value: this.entities });
    if (method === "GET" && path === "api/dataset/cid-1/IntegrationKeys") {
      return sendJson(response, 200, { datasetName: "cid-1", integrationKeys: this.integrationKeys });
    }
    if (method === "POST" && path === "api/dataset/cid-1/IntegrationKeys") {
      Object.assign(this.integrationKeys, (call.body as { integrationKeys: Record<string, string[]> }).integrationKeys);
      return void response.writeHead(204).end();
    }
    if (method === "POST" && (path === "Start" || path === "SolutionAware/cid-1/RestoreTemplates" || path === "api/ConnectionSet/cid-1/Reset")) {
      const requestId = `req-${this.calls.length}`;
      this.#pending.set(requestId, this.waitingPolls);
      return sendJson(response, 202, { requestId });
    }
    const status = /^Status\/(.+)$/.exec(path);
    if (method === "GET" && status !== null) {
      const requestId = status[1] ?? "";
      const left = this.#pending.get(requestId) ?? 0;
      if (left > 0) {
        this.#pending.set(requestId, left - 1);
        return sendJson(response, 200, { requestId, status: 1, message: "", state: 2 });
      }
      return sendJson(response, 200, { requestId, ...this.statusOutcome });
    }
    if (method === "POST" && /^SolutionAware\/cid-1\/SwitchActive\/[^/]+$/.test(path)) return void response.writeHead(204).end();
    if (method === "POST" && path === "api/ConnectionSet/cid-1/LegalEntities") return void response.writeHead(204).end();
    if (method === "POST" && path === "GetTemplatePrerequisiteSequences/cid-1") {
      return sendJson(response, 200, { value: [{ tid: "t1", prerequisites: ["t0"] }] });
    }
    sendJson(response, 404, { error: { code: "NotFound", message: `no route ${method} ${path}` } });
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
