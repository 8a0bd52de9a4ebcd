import { cp } from "node:fs/promises";
import { request } from "node:http";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningSandbox } from "../../src/sandbox/index.js";
import { root, runCli, tempTree } from "../helpers/cli.js";
import { SandboxClient, createSolution, dv, removeDir, start, tempDir, values } from "./helpers.js";

interface RawReply {
  status: number;
  json: Record<string, unknown>;
}

/** A control request with exactly the headers given (node:http sets no Host of its own here). */
function raw(port: number, method: string, path: string, headers: Record<string, string>, body?: string): Promise<RawReply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, method, path, headers, setHost: false }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (text += chunk));
      res.on("end", () => {
        let json: Record<string, unknown> = {};
        try {
          json = text === "" ? {} : (JSON.parse(text) as Record<string, unknown>);
        } catch {
          // not JSON
        }
        resolve({ status: res.statusCode ?? 0, json });
      });
    });
    req.on("error", reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

const MARKER = "ProdOnlyMarker";

/** A solution only PROD has: gone when anything replaces PROD's Dataverse database. */
async function prodMarker(client: SandboxClient): Promise<number> {
  return values(await client.call("GET", dv("prod", `solutions?$filter=uniquename eq '${MARKER}'&$select=uniquename`))).length;
}

describe("sandbox control endpoints refuse what a web page could send", () => {
  const dir = tempDir();
  let sandbox: RunningSandbox;
  let client: SandboxClient;
  let host = "";
  const copyOntoProd = JSON.stringify({ from: "stage", to: "prod", side: "both", variant: "raw", confirm: "prod" });
  beforeAll(async () => {
    sandbox = await start(dir);
    client = new SandboxClient(sandbox);
    host = `127.0.0.1:${sandbox.port}`;
    await createSolution(client, "prod", MARKER);
    expect(await prodMarker(client)).toBe(1);
  });
  afterAll(async () => {
    await sandbox.stop();
    removeDir(dir);
  });

  it("accepts dwctl's own shape: loopback Host with the sandbox's port, no Origin, application/json", async () => {
    for (const name of ["127.0.0.1", "localhost", "prod.operations.localhost"]) {
      expect((await raw(sandbox.port, "GET", "/_sandbox/status", { host: `${name}:${sandbox.port}` })).status).toBe(200);
    }
    expect((await raw(sandbox.port, "PUT", "/_sandbox/faults", { host, "content-type": "application/json; charset=utf-8" }, JSON.stringify({ latencyMs: 0 }))).status).toBe(200);
    expect((await raw(sandbox.port, "DELETE", "/_sandbox/faults", { host })).status).toBe(204);
  });

  it("refuses a foreign Host (DNS rebinding), another port, user info and no Host at all; nothing is copied", async () => {
    for (const headers of [{ host: `evil.example:${sandbox.port}` }, { host: `127.0.0.1.evil.example:${sandbox.port}` }, { host: `localhost:${sandbox.port + 1}` }, { host: `user@127.0.0.1:${sandbox.port}` }]) {
      const reply = await raw(sandbox.port, "POST", "/_sandbox/copy-db", { ...headers, "content-type": "application/json" }, copyOntoProd);
      expect(reply.status, JSON.stringify(headers)).toBe(403);
      expect(reply.json["error"]).toMatchObject({ code: "Forbidden" });
    }
    expect((await raw(sandbox.port, "POST", "/_sandbox/reset", { host: `evil.example:${sandbox.port}` })).status).toBe(403);
    // Without a Host, Node's server answers 400 before the sandbox sees the request.
    expect((await raw(sandbox.port, "POST", "/_sandbox/copy-db", { "content-type": "application/json" }, copyOntoProd)).status).toBe(400);
    expect(await prodMarker(client)).toBe(1);
  });

  it("refuses a foreign Origin, including null and another local port; nothing is reset or copied", async () => {
    for (const origin of ["https://evil.example", "null", `http://localhost:${sandbox.port + 1}`, `http://evil.example:${sandbox.port}`]) {
      const reset = await raw(sandbox.port, "POST", "/_sandbox/reset", { host, origin });
      expect(reset.status, origin).toBe(403);
      expect(reset.json["error"]).toMatchObject({ code: "Forbidden" });
      expect((await raw(sandbox.port, "POST", "/_sandbox/copy-db", { host, origin, "content-type": "application/json" }, copyOntoProd)).status, origin).toBe(403);
    }
    expect((await raw(sandbox.port, "POST", "/_sandbox/reset", { host, "sec-fetch-site": "cross-site" })).status).toBe(403);
    expect(await prodMarker(client)).toBe(1);
  });

  it("refuses text/plain, form and untyped bodies with 415; nothing is reset or copied", async () => {
    for (const type of ["text/plain", "text/plain;charset=UTF-8", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"]) {
      const reply = await raw(sandbox.port, "POST", "/_sandbox/copy-db", { host, "content-type": type }, copyOntoProd);
      expect(reply.status, type).toBe(415);
      expect(reply.json["error"]).toMatchObject({ code: "UnsupportedMediaType" });
      expect((await raw(sandbox.port, "POST", "/_sandbox/reset", { host, "content-type": type }, "{}")).status, type).toBe(415);
    }
    expect((await raw(sandbox.port, "POST", "/_sandbox/copy-db", { host }, copyOntoProd)).status).toBe(415);
    expect(await prodMarker(client)).toBe(1);
  });

  it("reports which environments are protected", async () => {
    const status = await client.control("GET", "status");
    expect((status.json["environments"] as Record<string, unknown>[]).map((environment) => [environment["name"], environment["protected"]])).toEqual([
      ["prod", true],
      ["stage", false],
    ]);
  });

  it("copies onto the protected pair only when confirm names it", async () => {
    const unconfirmed = await client.control("POST", "copy-db", { from: "stage", to: "prod", side: "both", variant: "raw" });
    expect(unconfirmed.status).toBe(403);
    expect(unconfirmed.json["error"]).toMatchObject({ code: "ProtectedEnvironment" });
    expect(await prodMarker(client)).toBe(1);
    const wrongPair = await client.control("POST", "copy-db", { from: "stage", to: "prod", side: "dataverse", confirm: "stage" });
    expect(wrongPair.status).toBe(400);
    expect(await prodMarker(client)).toBe(1);
    // A confirm that names another pair is refused on an unprotected target too.
    expect((await client.control("POST", "copy-db", { from: "prod", to: "stage", confirm: "prod" })).status).toBe(400);
    const confirmed = await client.control("POST", "copy-db", { from: "stage", to: "prod", side: "dataverse", confirm: "prod" });
    expect(confirmed.status, confirmed.text).toBe(200);
    expect(await prodMarker(client)).toBe(0);
  });

  it("still takes what scripts send: Node's fetch, a bodiless POST reset without Content-Type", async () => {
    await createSolution(client, "prod", MARKER);
    expect(await prodMarker(client)).toBe(1);
    const response = await fetch(`${sandbox.url}/_sandbox/reset`, { method: "POST" });
    expect(response.status, await response.text()).toBe(200);
    expect(await prodMarker(client)).toBe(0);
  });
});

describe("dwctl sandbox copy-db onto a protected pair", () => {
  let dir = "";
  let env: Record<string, string> = {};
  const cli = (...args: string[]) => runCli(args, dir, env);

  beforeAll(async () => {
    dir = await tempTree({});
    await cp(join(root, "maps"), join(dir, "maps"), { recursive: true });
    env = { DWCTL_SANDBOX_DIR: join(dir, "sb"), DWCTL_SANDBOX_TIMINGS: JSON.stringify({ keyPendingMs: 10, keyBuildMs: 20, mapTransitionMs: 20 }) };
    // A solution only PROD has, written straight to the database files the CLI's sandbox opens.
    const sandbox = await start(env.DWCTL_SANDBOX_DIR ?? "");
    try {
      const client = new SandboxClient(sandbox);
      await createSolution(client, "prod", MARKER);
      expect(await prodMarker(client)).toBe(1);
    } finally {
      await sandbox.stop();
    }
  });
  afterAll(() => removeDir(dir));

  const solutions = async (): Promise<Record<string, number>> => {
    const status = await cli("sandbox", "status", "--format", "json");
    expect(status.code, status.stderr).toBe(0);
    const environments = (JSON.parse(status.stdout) as { environments: { name: string; protected: boolean; counts: { solutions: number } }[] }).environments;
    return Object.fromEntries(environments.map((environment) => [environment.name, environment.counts.solutions]));
  };

  it("tells the sandbox which pairs environments.yaml protects", async () => {
    const status = await cli("sandbox", "status", "--format", "json");
    expect(status.code, status.stderr).toBe(0);
    const environments = (JSON.parse(status.stdout) as { environments: { name: string; protected: boolean }[] }).environments;
    expect(environments.map((environment) => [environment.name, environment.protected])).toEqual([
      ["prod", true],
      ["stage", false],
    ]);
    expect((await cli("sandbox", "status")).stdout).toContain("prod [protected]");
  });

  it("exits 1 without --confirm prod, and PROD keeps its databases", async () => {
    const before = await solutions();
    expect(before["prod"]).toBe((before["stage"] ?? 0) + 1);
    const refused = await cli("sandbox", "copy-db", "--from", "stage", "--to", "prod");
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("prod is a protected pair");
    expect(refused.stderr).toContain("pass --confirm prod");
    expect(refused.stdout).not.toContain("copied");
    expect(await solutions()).toEqual(before);
  });

  it("exits 1 when --confirm names another pair, for a protected target or not", async () => {
    const before = await solutions();
    const wrong = await cli("sandbox", "copy-db", "--from", "stage", "--to", "prod", "--confirm", "stage");
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain("--confirm names stage");
    const swapped = await cli("sandbox", "copy-db", "--from", "prod", "--to", "stage", "--confirm", "prod");
    expect(swapped.code).toBe(1);
    expect(await solutions()).toEqual(before);
  });

  it("copies onto PROD with --confirm prod", async () => {
    const before = await solutions();
    const copied = await cli("sandbox", "copy-db", "--from", "stage", "--to", "prod", "--confirm", "prod");
    expect(copied.code, copied.stderr).toBe(0);
    expect(copied.stdout).toContain("copied stage over prod");
    expect((await solutions())["prod"]).toBe(before["stage"]);
  });

  it("copies onto an unprotected pair without --confirm, as before", async () => {
    const copied = await cli("sandbox", "copy-db", "--from", "prod", "--to", "stage", "--side", "fo", "--variant", "raw");
    expect(copied.code, copied.stderr).toBe(0);
  });
});
