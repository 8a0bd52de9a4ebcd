import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningSandbox } from "../../src/sandbox/index.js";
import { mintSandboxToken } from "../../src/sandbox/index.js";
import { isLoopbackAddress } from "../../src/sandbox/loopback.js";
import { verifyToken } from "../../src/sandbox/token.js";
import { SandboxClient, dv, dw, fo, removeDir, send, start, tempDir } from "./helpers.js";

describe("sandbox tokens", () => {
  it("verifies its own tokens and refuses tampering, other audiences and expiry", () => {
    const token = mintSandboxToken("s3cret", "http://127.0.0.1:1/prod/dataverse/");
    expect(verifyToken("s3cret", token, "http://127.0.0.1:1/prod/dataverse", Date.now())).toEqual({ ok: true, subject: "dwctl" });
    expect(verifyToken("s3cret", token, "http://127.0.0.1:1/stage/dataverse", Date.now()).ok).toBe(false);
    expect(verifyToken("other", token, "http://127.0.0.1:1/prod/dataverse", Date.now()).ok).toBe(false);
    const [header, payload, signature] = token.split(".");
    const claims = JSON.parse(Buffer.from(payload ?? "", "base64url").toString("utf8")) as Record<string, unknown>;
    const forged = `${header ?? ""}.${Buffer.from(JSON.stringify({ ...claims, aud: "http://127.0.0.1:1/stage/dataverse" })).toString("base64url")}.${signature ?? ""}`;
    expect(verifyToken("s3cret", forged, "http://127.0.0.1:1/stage/dataverse", Date.now()).ok).toBe(false);
    const expired = mintSandboxToken("s3cret", "http://x/dualwrite", 0);
    expect(verifyToken("s3cret", expired, "http://x/dualwrite", Date.now())).toEqual({ ok: false, reason: "the token has expired" });
  });

  it("treats only loopback addresses as local", () => {
    for (const address of ["127.0.0.1", "127.10.0.3", "::1", "::ffff:127.0.0.1"]) expect(isLoopbackAddress(address)).toBe(true);
    for (const address of ["10.0.0.1", "192.168.1.4", "::ffff:10.1.2.3", "fe80::1", "", undefined]) expect(isLoopbackAddress(address)).toBe(false);
  });
});

describe("sandbox authentication over HTTP", () => {
  const dir = tempDir();
  let sandbox: RunningSandbox;
  let client: SandboxClient;
  beforeAll(async () => {
    sandbox = await start(dir);
    client = new SandboxClient(sandbox);
  });
  afterAll(async () => {
    await sandbox.stop();
    removeDir(dir);
  });

  it("answers 401 without a token, with another service's token and with a tampered one", async () => {
    const none = await send(sandbox.url, "GET", dv("prod", "WhoAmI"));
    expect(none.status).toBe(401);
    expect(none.json["error"]).toMatchObject({ code: "Unauthorized" });
    const stageToken = await client.token(`${sandbox.url}/stage/dataverse`);
    expect((await send(sandbox.url, "GET", dv("prod", "WhoAmI"), undefined, { authorization: `Bearer ${stageToken}` })).status).toBe(401);
    const dataverseToken = await client.token(`${sandbox.url}/prod/dataverse`);
    expect((await send(sandbox.url, "GET", fo("prod", "data/DualWriteProjectConfigurations"), undefined, { authorization: `Bearer ${dataverseToken}` })).status).toBe(401);
    const tampered = `${dataverseToken.slice(0, -4)}AAAA`;
    const reply = await send(sandbox.url, "GET", dv("prod", "WhoAmI"), undefined, { authorization: `Bearer ${tampered}` });
    expect(reply.status).toBe(401);
    expect(reply.text).not.toContain(tampered);
  });

  it("answers 200 with a valid token for each service", async () => {
    expect((await client.call("GET", dv("prod", "WhoAmI"))).status).toBe(200);
    expect((await client.call("GET", fo("prod", "data/DualWriteProjectConfigurations"))).status).toBe(200);
    expect((await client.call("GET", dw(`Environments?targetType=AX&identifier=${encodeURIComponent(`${sandbox.url}/prod/finops`)}`))).status).toBe(200);
  });

  it("issues tokens only for the sandbox secret, as JSON or form-encoded", async () => {
    const wrong = await send(sandbox.url, "POST", "/_sandbox/token", { client_id: "x", client_secret: "nope", scope: `${sandbox.url}/dualwrite/.default` });
    expect(wrong.status).toBe(401);
    const form = new URLSearchParams({ grant_type: "client_credentials", client_id: "x", client_secret: sandbox.secret, scope: `${sandbox.url}/dualwrite/.default` });
    const reply = await send(sandbox.url, "POST", "/_sandbox/token", form.toString(), { "content-type": "application/x-www-form-urlencoded" });
    expect(reply.status).toBe(200);
    expect(reply.json).toMatchObject({ token_type: "Bearer", expires_in: 3600 });
    expect(reply.text).not.toContain(sandbox.secret);
  });

  it("proves which Dataverse it is: WhoAmI differs between prod and stage", async () => {
    const prod = await client.call("GET", dv("prod", "WhoAmI"));
    const stage = await client.call("GET", dv("stage", "WhoAmI"));
    expect(prod.json["OrganizationId"]).toMatch(/^[0-9a-f-]{36}$/);
    expect(stage.json["OrganizationId"]).toMatch(/^[0-9a-f-]{36}$/);
    expect(prod.json["OrganizationId"]).not.toBe(stage.json["OrganizationId"]);
    const status = await client.control("GET", "status");
    expect(status.status).toBe(200);
    expect(status.text).not.toContain(sandbox.secret);
  });

  it("serves unknown paths and environments with 404", async () => {
    expect((await client.call("GET", dv("qa", "WhoAmI"))).status).toBe(404);
    expect((await send(sandbox.url, "GET", "/nothing/here")).status).toBe(404);
  });
});
