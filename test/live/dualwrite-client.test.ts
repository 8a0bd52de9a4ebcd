import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Ajv } from "ajv";
import addFormats from "ajv-formats";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DualWriteClient } from "../../src/live/dualwrite/client.js";
import { DualWriteProtocolError } from "../../src/live/dualwrite/errors.js";
import { GatewayRefusedError } from "../../src/live/gateway.js";
import { AccessDeniedError, HttpClient } from "../../src/live/http/index.js";
import { sendJson } from "./http/test-server.js";
import { FAST_HTTP, FAST_POLL, FakeEstate, StaticCredential, fixtureText } from "./fake-estate.js";
import type { Call } from "./fake-estate.js";

const SCHEMAS = fileURLToPath(new URL("../platform/schemas/", import.meta.url));
const ajv = new Ajv({ strict: false, allowUnionTypes: true });
addFormats.default(ajv);

function validate(schema: string, body: unknown): void {
  const id = String((JSON.parse(readFileSync(`${SCHEMAS}${schema}`, "utf8")) as { $id: string }).$id);
  const check = ajv.getSchema(id) ?? ajv.compile(JSON.parse(readFileSync(`${SCHEMAS}${schema}`, "utf8")) as object);
  if (!check(body)) throw new Error(`${schema}: ${ajv.errorsText(check.errors)} in ${JSON.stringify(body)}`);
}

const CID = "c3d1e5f7-8a9b-4c0d-9e1f-2a3b4c5d6e7f";
let estate: FakeEstate;

function client(): DualWriteClient {
  return new DualWriteClient(
    new HttpClient({ ...FAST_HTTP, baseUrl: `${estate.dualWriteUrl}/`, credential: new StaticCredential(), scope: "s/.default", defaultHeaders: false, service: "the dual-write management service" }),
    FAST_POLL,
  );
}

function posts(): Call[] {
  return estate.callsTo("dualwrite").filter((call) => call.method === "POST");
}

beforeEach(async () => {
  estate = await new FakeEstate().start();
});

afterEach(async () => {
  await estate.stop();
});

describe("the dual-write client's requests", () => {
  it("sends every request body in the shape of its request schema", async () => {
    const dw = client();
    await dw.restoreTemplates(CID, "msdyn_DualWriteAppCoreMaps");
    await dw.switchActive(CID, "6c8e0a2b-4d5f-4a7b-9c1d-3e5f7a9b1c3d", "9d1f3b5c-7e9a-4b1c-8d3e-5f7a9b1c3d5e");
    await dw.setIntegrationKey("ds-crm-5b7e0c2a", "accounts", ["accountnumber", "msdyn_company.cdm_companycode"]);
    await dw.refresh("DWM-8d2f4a6c-0e1b-4d3f-9a5c-7b1e3d5f7a9c");
    await dw.prerequisites(CID, "6c8e0a2b-4d5f-4a7b-9c1d-3e5f7a9b1c3d");
    const tid = "0b6f3d2a-7c1e-4f5a-9d8b-3e2c1a0f9b7d";
    const pid = "5e9a1c7b-3d2f-4b8e-a6c0-9f1e2d3c4b5a";
    const start = { skipInitialSync: false, conflictResolution: { option: "1" as const, master: "CRM" as const } };
    await dw.start("1", [{ tid, pid, cid: CID, parameters: start }]);
    await dw.start("4", [{ tid, pid, cid: CID, parameters: { ...start, skipInitialSync: true } }]);
    await dw.start("5", [{ tid, pid, cid: CID }]);
    await dw.start("6", [{ tid, pid, cid: CID, parameters: { dualWriteSkipCatchUpSyncParameters: { skipCatchUpSyncPreserveData: true } } }]);
    await dw.start("8", [{ tid, cid: CID }]);
    await dw.reset(CID, false, {
      powerAppsEnvironmentName: "2f6a8c1e-4b3d-4e5f-9a7b-1c2d3e4f5a6b",
      environments: [
        { targetType: "CRM", name: "ds-crm-5b7e0c2a", displayName: "Contoso UAT", id: "2f6a8c1e-4b3d-4e5f-9a7b-1c2d3e4f5a6b", isDevInstance: false, directUrl: "https://contoso-uat.crm4.dynamics.com" },
        { targetType: "AX", name: "ds-ax-91d4f3b6", displayName: "contoso-uat", isDevInstance: false, directUrl: "https://contoso-uat.sandbox.operations.dynamics.com" },
      ],
      legalEntities: ["USMF", "DEMF"],
    });
    const [restore, switchActive, keys, refresh, prerequisites, ...rest] = posts();
    validate("post-restoretemplates.request.schema.json", restore?.body);
    expect(restore?.body).toEqual(JSON.parse(fixtureText("post-restoretemplates.request.json")));
    validate("post-switchactive.request.schema.json", switchActive?.raw);
    expect(switchActive?.raw).toBe(fixtureText("post-switchactive.request.txt"));
    validate("post-integration-keys.request.schema.json", keys?.body);
    expect(keys?.body).toEqual(JSON.parse(fixtureText("post-integration-keys.request.json")));
    validate("post-refresh.request.schema.json", refresh?.body);
    validate("post-templateprerequisitesequences.request.schema.json", prerequisites?.body);
    const reset = rest.pop();
    for (const call of rest) validate("post-start.request.schema.json", call.body);
    expect(rest.map((call) => call.body)).toEqual([
      JSON.parse(fixtureText("post-start-restart.request.json")).action === "1" ? { action: "1", details: [{ tid, pid, cid: CID, parameters: start }] } : undefined,
      JSON.parse(fixtureText("post-start-stop.request.json")),
      JSON.parse(fixtureText("post-start-pause.request.json")),
      JSON.parse(fixtureText("post-start-resume.request.json")),
      { action: "8", details: [{ tid, cid: CID }] },
    ]);
    validate("post-reset.request.schema.json", reset?.body);
    expect(reset?.body).toEqual(JSON.parse(fixtureText("post-reset.request.json")));
    expect(reset?.query).toEqual({ targetType: "AX", forceReset: "False" });
  });

  it("sends the POST headers only on POST, and keeps the port and the root prefix on both path families", async () => {
    const dw = client();
    await dw.maps(CID);
    await dw.connectionSet("contoso-uat-dw-connectionset");
    await dw.refresh("DWM-1");
    const [get, rooted, post] = estate.callsTo("dualwrite");
    expect(get?.headers.origin).toBeUndefined();
    expect(get?.headers.accept).toBeUndefined();
    expect(get?.headers["odata-version"]).toBeUndefined();
    expect(get?.headers.authorization).toBe("Bearer test-token");
    expect(post?.headers).toMatchObject({ accept: "application/json", origin: "https://dataintegrator.trafficmanager.net/", "content-type": "application/json; charset=utf-8" });
    const seen = estate.calls.filter((call) => call.service === "dualwrite").map((call) => call.path);
    expect(seen).toEqual(["api/DualWriteManagement/1.0/Entities", "api/ConnectionSet/contoso-uat-dw-connectionset", "api/Project/DWM-1/Refresh"]);
    expect(rooted?.method).toBe("GET");
    expect(estate.dualWriteUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/dualwrite$/);
  });

  it("polls Apply Solution on its own status path to done, and refuses on state 3 with the service's message", async () => {
    const dw = client();
    await dw.applySolution(CID, "ContosoDualWriteMaps");
    expect(estate.callsTo("dualwrite").filter((call) => call.method === "GET").map((call) => call.path.replace(/req-\d+/, "req"))).toEqual([
      `api/DualWriteManagement/1.0/SolutionAware/${CID}/Status/req`,
      `api/DualWriteManagement/1.0/SolutionAware/${CID}/Status/req`,
    ]);
    estate.outcome = { state: "3", errorMessage: "Missing dependency msdyn_Dynamics365Company" };
    await expect(dw.applySolution(CID, "ContosoDualWriteMaps")).rejects.toThrow(/failed in the dual-write service: Missing dependency/);
  });

  it("turns an HTML answer into a protocol error naming the call, and a Start error object into a refusal", async () => {
    estate.overrides.push((call, response) => {
      if (!call.path.endsWith("Entities")) return false;
      response.writeHead(200, { "Content-Type": "text/html" }).end("<html>sign in</html>");
      return true;
    });
    await expect(client().maps(CID)).rejects.toThrow(DualWriteProtocolError);
    await expect(client().maps(CID)).rejects.toThrow(/^GET Entities: the answer \(200, text\/html\) is not JSON/);
    estate.overrides.push((call, response) => {
      if (!call.path.endsWith("Start")) return false;
      sendJson(response, 400, { error: { message: "map is running" } });
      return true;
    });
    await expect(client().start("4", [{ tid: "t", pid: "p", cid: CID }])).rejects.toThrow(GatewayRefusedError);
  });

  it("names the refused token on a 401: service, scope, status and reason", async () => {
    estate.overrides.push((_call, response) => {
      sendJson(response, 401, { error: { message: "audience is invalid" } }, { "WWW-Authenticate": 'Bearer error="invalid_token"' });
      return true;
    });
    const error = await client().maps(CID).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AccessDeniedError);
    expect((error as AccessDeniedError).message).toMatch(/^the dual-write management service refused the token for scope s\/\.default with 401 \(WWW-Authenticate: .*audience is invalid\)/);
  });
});
