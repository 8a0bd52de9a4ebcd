import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startSandbox } from "../../src/sandbox/index.js";
import type { RunningSandbox, SandboxOptions } from "../../src/sandbox/index.js";

export const FAST_TIMINGS = { keyPendingMs: 50, keyBuildMs: 100, mapTransitionMs: 100 };

export interface Reply {
  status: number;
  headers: Headers;
  text: string;
  json: Record<string, unknown>;
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), "dwctl-sandbox-test-"));
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

export async function start(dataDir: string, options: Partial<SandboxOptions> = {}): Promise<RunningSandbox> {
  return startSandbox({ dataDir, timings: FAST_TIMINGS, ...options });
}

export const dv = (environment: string, path: string): string => `/${environment}/dataverse/api/data/v9.2/${path}`;
export const fo = (environment: string, path: string): string => `/${environment}/finops/${path}`;
export const dw = (path: string): string => `/dualwrite/api/DualWriteManagement/1.0/${path}`;

/** The service a sandbox path belongs to: what its token's audience must be. */
export function audienceOf(url: string, path: string): string {
  if (path.startsWith("/dualwrite/")) return `${url}/dualwrite`;
  const [environment, side] = path.split("/").filter((part) => part !== "");
  return `${url}/${environment ?? ""}/${side ?? ""}`;
}

/** Plain fetch with tokens from POST /_sandbox/token, cached per audience. */
export class SandboxClient {
  readonly #tokens = new Map<string, string>();

  constructor(readonly sandbox: RunningSandbox) {}

  async token(audience: string): Promise<string> {
    const cached = this.#tokens.get(audience);
    if (cached !== undefined) return cached;
    const reply = await send(this.sandbox.url, "POST", "/_sandbox/token", { client_id: "tests", client_secret: this.sandbox.secret, scope: `${audience}/.default` });
    const token = reply.json["access_token"];
    if (typeof token !== "string") throw new Error(`no token: ${reply.text}`);
    this.#tokens.set(audience, token);
    return token;
  }

  async call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Reply> {
    const token = await this.token(audienceOf(this.sandbox.url, path));
    return send(this.sandbox.url, method, path, body, { authorization: `Bearer ${token}`, ...headers });
  }

  async control(method: string, path: string, body?: unknown): Promise<Reply> {
    return send(this.sandbox.url, method, `/_sandbox/${path}`, body);
  }
}

export async function send(base: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Reply> {
  const init: RequestInit = { method, headers: { ...(body === undefined || typeof body === "string" ? {} : { "content-type": "application/json" }), ...headers } };
  if (body !== undefined) init.body = typeof body === "string" ? body : JSON.stringify(body);
  const response = await fetch(path.startsWith("http") ? path : `${base}${path}`, init);
  const text = await response.text();
  let json: Record<string, unknown> = {};
  try {
    const parsed: unknown = text === "" ? {} : JSON.parse(text);
    if (typeof parsed === "object" && parsed !== null) json = parsed as Record<string, unknown>;
  } catch {
    // not JSON: keep the text
  }
  return { status: response.status, headers: response.headers, text, json };
}

export function values(reply: Reply): Record<string, unknown>[] {
  const value = reply.json["value"];
  return Array.isArray(value) ? (value as Record<string, unknown>[]) : [];
}

export async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`condition not met within ${timeoutMs} ms; last value ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 15));
  }
}

/** A Customers V3 <-> accounts map version, as the adapters write it (docs/live-api.md). */
export function customersMapRow(version = "1.0.0.0", extraFields: Record<string, unknown>[] = []): Record<string, unknown> {
  const mapping = {
    name: "accounts - Customers V3",
    leftEnvironmentType: "AX",
    rightEnvironmentType: "CRM",
    legs: [
      {
        id: "5a0c2f1e-0000-4000-8000-000000000001",
        sourceSchema: "CustomersV3",
        sourceEnvironmentType: "AX",
        destinationSchema: "accounts",
        destinationEnvironmentType: "CRM",
        sourceFilter: '((PartyType == "Organization"))',
        reversedSourceFilter: "customertypecode eq 3",
        fieldMappings: [
          { syncDirection: 3, sourceField: "CUSTOMERACCOUNT", destinationField: "accountnumber", valueTransforms: [], isSystemGenerated: false },
          { syncDirection: 3, sourceField: "ORGANIZATIONNAME", destinationField: "name", valueTransforms: [], isSystemGenerated: false },
          {
            syncDirection: 3,
            sourceField: "CREDITLIMITISMANDATORY",
            destinationField: "msdyn_creditlimitismandatory",
            valueTransforms: [{ transformType: "ValueMap", valueMap: { no: "False", yes: "True" } }],
            isSystemGenerated: false,
          },
          { syncDirection: 3, sourceField: "SALESCURRENCYCODE", destinationField: "transactioncurrencyid.isocurrencycode", valueTransforms: [], isSystemGenerated: false },
          { syncDirection: 1, sourceField: null, destinationField: "customertypecode", valueTransforms: [{ transformType: "Default", defaultValue: 3 }], isSystemGenerated: false },
          { syncDirection: 2, sourceField: "LANGUAGEID", destinationField: null, valueTransforms: [{ transformType: "Default", defaultValue: "en-us" }], isSystemGenerated: false },
          ...extraFields,
        ],
      },
    ],
  };
  return {
    msdyn_name: "accounts - Customers V3",
    msdyn_mapping: JSON.stringify(mapping),
    msdyn_properties: JSON.stringify({ publisher: "contoso", label: "Customers V3", entitySet: "accounts", financeAndOperationsScope: "company", dataverseScope: "company", alerts: [] }),
    msdyn_version: version,
  };
}

export const dwRoot = (path: string): string => `/dualwrite/${path}`;
export const hostOf = (environment: string): string => `${environment}.operations.localhost`;

export interface MapIds {
  tid: string;
  pid: string;
  cid: string;
  cname: string;
  dataset: string;
  projectName: string;
}

/** The connection of an environment's F&O host, as a client finds it (Environments, then ConnectionSet). */
export async function connectionOf(client: SandboxClient, environment: string): Promise<{ cid: string; cname: string; dataset: string }> {
  const reply = await client.call("GET", dw(`Environments?targetType=AX&identifier=${hostOf(environment)}`));
  const list = JSON.parse(reply.text) as Record<string, unknown>[];
  const first = list[0];
  if (first === undefined) throw new Error(`${environment} is not linked`);
  const cid = String(first["cid"]);
  const cname = String(first["cname"]);
  const set = await client.call("GET", dwRoot(`api/ConnectionSet/${cname}`));
  const entries = Object.values(set.json["environments"] as Record<string, Record<string, unknown>>);
  const dataset = String(entries.find((entry) => entry["targetType"] === "CRM")?.["name"]);
  return { cid, cname, dataset };
}

export function arrayOf(reply: Reply): Record<string, unknown>[] {
  const parsed: unknown = JSON.parse(reply.text);
  if (!Array.isArray(parsed)) throw new Error(`not an array: ${reply.text}`);
  return parsed as Record<string, unknown>[];
}

export async function entities(client: SandboxClient, cid: string): Promise<Record<string, unknown>[]> {
  return arrayOf(await client.call("GET", dw(`Entities?targetType=AX&cid=${cid}`)));
}

export function detailOf(map: Record<string, unknown> | undefined): Record<string, unknown> {
  return (map?.["detail"] ?? {}) as Record<string, unknown>;
}

export async function publisherId(client: SandboxClient, environment: string, uniqueName: string): Promise<string> {
  const reply = await client.call("GET", dv(environment, `publishers?$filter=uniquename eq '${uniqueName}'&$select=publisherid`));
  return String(values(reply)[0]?.["publisherid"]);
}

/** An unmanaged solution of the contoso publisher. */
export async function createSolution(client: SandboxClient, environment: string, uniqueName: string, publisher = "contoso"): Promise<string> {
  const id = await publisherId(client, environment, publisher);
  const reply = await client.call(
    "POST",
    dv(environment, "solutions"),
    { uniquename: uniqueName, friendlyname: uniqueName, version: "1.0.0.0", "publisherid@odata.bind": `/publishers(${id})` },
    { prefer: "return=representation" },
  );
  if (reply.status !== 201) throw new Error(`solution failed: ${reply.text}`);
  return String(reply.json["solutionid"]);
}

/** Apply Solution, polled to its end; the final status object. */
export async function applySolution(client: SandboxClient, cid: string, uniqueName: string): Promise<Record<string, unknown>> {
  const reply = await client.call("POST", dw(`SolutionAware/${cid}/RestoreTemplates`), { action: "2", solutions: [{ criteria: { uniquename: uniqueName } }] });
  if (reply.status !== 200) throw new Error(`apply failed: ${reply.text}`);
  const requestId = String(reply.json["requestId"]);
  const final = await waitFor(
    () => client.call("GET", dw(`SolutionAware/${cid}/Status/${requestId}`)),
    (status) => status.json["state"] !== "1",
  );
  return final.json;
}

/** POST Start, then poll Status until the request is no longer waiting: the request entry and the map. */
export async function runAction(
  client: SandboxClient,
  action: string,
  ids: { tid: string; pid?: string; cid: string },
  parameters?: Record<string, unknown>,
): Promise<{ request: Record<string, unknown>; map: Record<string, unknown>; requestId: string }> {
  const detail: Record<string, unknown> = { tid: ids.tid, cid: ids.cid };
  if (ids.pid !== undefined && ids.pid !== "") detail["pid"] = ids.pid;
  if (parameters !== undefined) detail["parameters"] = parameters;
  const started = await client.call("POST", dw("Start"), { action, details: [detail] });
  if (started.status !== 200) throw new Error(`Start failed: ${started.text}`);
  const requestId = String(started.json["requestId"]);
  const entryOf = (reply: Reply): Record<string, unknown> | undefined =>
    (detailOf(arrayOf(reply)[0])["lastRequests"] as Record<string, unknown>[] | undefined)?.find((entry) => entry["requestId"] === requestId);
  const final = await waitFor(
    () => client.call("GET", dw(`Status/${requestId}`)),
    (reply) => entryOf(reply)?.["state"] !== "1",
  );
  const map = arrayOf(final)[0] ?? {};
  return { request: entryOf(final) ?? {}, map: detailOf(map), requestId };
}

/**
 * Everything a map needs to start, done as a client does it: the map row in a solution, Apply
 * Solution, initialise (action 8), an Active alternate key and the integration key.
 */
export async function prepareCustomersMap(client: SandboxClient, environment: string, solution = "ContosoMaps"): Promise<MapIds> {
  await createSolution(client, environment, solution);
  const saved = await client.call("POST", dv(environment, "msdyn_dualwriteentitymaps"), customersMapRow(), { prefer: "return=representation", "MSCRM.SolutionUniqueName": solution });
  if (saved.status !== 201) throw new Error(`save failed: ${saved.text}`);
  const key = await client.call("POST", dv(environment, "EntityDefinitions(LogicalName='account')/Keys"), {
    "@odata.type": "Microsoft.Dynamics.CRM.EntityKeyMetadata",
    SchemaName: "msdyn_accountnumber_company",
    DisplayName: { LocalizedLabels: [{ Label: "Account number and company", LanguageCode: 1033 }] },
    KeyAttributes: ["accountnumber", "msdyn_company"],
  });
  if (key.status !== 204) throw new Error(`key failed: ${key.text}`);
  const { cid, cname, dataset } = await connectionOf(client, environment);
  const applied = await applySolution(client, cid, solution);
  if (applied["state"] !== "2") throw new Error(`apply failed: ${JSON.stringify(applied)}`);
  const map = (await entities(client, cid)).find((candidate) => detailOf(candidate)["tName"] === "accounts - Customers V3");
  const tid = String(detailOf(map)["tid"]);
  const init = await runAction(client, "8", { tid, cid });
  const pid = String(init.map["pid"]);
  const keys = await client.call("POST", dwRoot(`api/dataset/${dataset}/IntegrationKeys`), { integrationKeys: { accounts: ["accountnumber", "msdyn_company.cdm_companycode"] }, datasetName: dataset });
  if (keys.status !== 204) throw new Error(`integration key failed: ${keys.text}`);
  await waitFor(
    () => client.call("GET", dv(environment, "EntityDefinitions(LogicalName='account')/Keys(LogicalName='msdyn_accountnumber_company')?$select=EntityKeyIndexStatus")),
    (reply) => reply.json["EntityKeyIndexStatus"] === "Active",
  );
  const fieldMappings = await client.call("GET", dw(`${pid}/FieldMappings`));
  return { tid, pid, cid, cname, dataset, projectName: String(fieldMappings.json["name"]) };
}
