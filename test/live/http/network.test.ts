import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { createServer as createHttpServer, type Server } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import { connect, type AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { HttpClient, dispatcherFromEnv } from "../../../src/live/http/client.js";
import { NetworkError } from "../../../src/live/http/errors.js";
import { describeFailure } from "../../../src/cli/failures.js";
import { FakeCredential, recordingSleep, sendJson, startServer, type TestServer } from "./test-server.js";

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

function listen(server: Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve((server.address() as AddressInfo).port)));
}

function closeServer(server: Server): () => Promise<void> {
  return () =>
    new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
}

/** A CONNECT proxy on loopback that records each tunnel's target and sends it to `port` on 127.0.0.1. */
async function startProxy(port: number): Promise<{ url: string; tunnels: string[] }> {
  const tunnels: string[] = [];
  const proxy = createHttpServer((_request, response) => {
    response.writeHead(405).end();
  });
  proxy.on("connect", (request, socket, head) => {
    tunnels.push(request.url ?? "");
    const upstream = connect(port, "127.0.0.1", () => {
      socket.write("HTTP/1.1 200 Connection Established\r\n\r\n");
      upstream.write(head);
      upstream.pipe(socket);
      socket.pipe(upstream);
    });
    upstream.on("error", () => socket.destroy());
    socket.on("error", () => upstream.destroy());
  });
  const proxyPort = await listen(proxy);
  closers.push(closeServer(proxy));
  return { url: `http://127.0.0.1:${proxyPort}`, tunnels };
}

function client(baseUrl: string, extra: Partial<ConstructorParameters<typeof HttpClient>[0]> = {}): HttpClient {
  return new HttpClient({ baseUrl, credential: new FakeCredential(), scope: "https://org.crm.dynamics.com/.default", sleep: recordingSleep().sleep, maxAttempts: 2, ...extra });
}

async function target(): Promise<TestServer> {
  const server = await startServer((_request, response) => sendJson(response, 200, { value: [] }));
  closers.push(() => server.close());
  return server;
}

describe("proxies from the environment", () => {
  it("sends requests through HTTP_PROXY", async () => {
    const server = await target();
    const port = new URL(server.url).port;
    const proxy = await startProxy(Number(port));
    const dispatcher = dispatcherFromEnv({ HTTP_PROXY: proxy.url });
    closers.push(() => dispatcher.close());
    const response = await client(`http://dataverse.example.test:${port}/api/data/v9.2/`, { dispatcher }).request("GET", "accounts");
    expect(response.status).toBe(200);
    expect(proxy.tunnels).toEqual([`dataverse.example.test:${port}`]);
    expect(server.requests).toHaveLength(1);
  });

  it("honours NO_PROXY, and always reaches loopback (the sandbox) directly", async () => {
    const server = await target();
    const port = new URL(server.url).port;
    const proxy = await startProxy(Number(port));
    const dispatcher = dispatcherFromEnv({ HTTPS_PROXY: proxy.url, HTTP_PROXY: proxy.url, NO_PROXY: "corp.example" });
    closers.push(() => dispatcher.close());
    await client(server.url, { dispatcher }).request("GET", "accounts");
    await client(`http://localhost:${port}/api/data/v9.2/`, { dispatcher }).request("GET", "accounts");
    expect(proxy.tunnels).toEqual([]);
    expect(server.requests).toHaveLength(2);
  });
});

describe("connection failures are the user's to fix, with a hint", () => {
  it("a certificate that cannot be verified is a NetworkError, not retried, with a TLS hint", async () => {
    const dir = mkdtempSync(join(tmpdir(), "dwctl-tls-"));
    execFileSync("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=127.0.0.1", "-days", "1", "-keyout", join(dir, "key.pem"), "-out", join(dir, "cert.pem")], { stdio: "ignore" });
    let hits = 0;
    const server = createHttpsServer({ key: readFileSync(join(dir, "key.pem")), cert: readFileSync(join(dir, "cert.pem")) }, (_request, response) => {
      hits++;
      response.end("{}");
    });
    const port = await listen(server);
    closers.push(closeServer(server));
    const error = await client(`https://127.0.0.1:${port}/api/data/v9.2/`).request("GET", "accounts").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect(error).toMatchObject({ attempts: 1 });
    expect(hits).toBe(0);
    const described = describeFailure(error);
    expect(described?.message).toMatch(/^GET https:\/\/127\.0\.0\.1:\d+\/api\/data\/v9\.2\/accounts: TLS: the server's certificate is self-signed \(DEPTH_ZERO_SELF_SIGNED_CERT\)$/);
    expect(described?.hint).toContain("NODE_EXTRA_CA_CERTS");
  });

  it("a host name that does not resolve is a NetworkError with a DNS hint", async () => {
    const error = await client("http://dwctl-no-such-host.invalid/api/").request("GET", "accounts").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    const described = describeFailure(error);
    expect(described?.message).toMatch(/the host name could not be resolved.*\((ENOTFOUND|EAI_AGAIN)\)$/);
    expect(described?.hint).toContain("HTTPS_PROXY");
  });

  it("a refused connection names the host and says what to check", async () => {
    const server = createHttpServer();
    const port = await listen(server);
    await closeServer(server)();
    const error = await client(`http://127.0.0.1:${port}/api/`).request("GET", "accounts").catch((e: unknown) => e);
    expect(describeFailure(error)).toEqual({
      message: `GET http://127.0.0.1:${port}/api/accounts: the connection was refused (ECONNREFUSED)`,
      hint: expect.stringContaining("Check the URL and port") as string,
    });
  });
});
