import { createServer } from "node:http";
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { AccessToken, TokenCredential } from "@azure/core-auth";

export interface SeenRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
  /** 1-based arrival order. */
  readonly index: number;
}

export type Handler = (request: SeenRequest, response: ServerResponse, raw: IncomingMessage) => unknown;

export interface TestServer {
  readonly url: string;
  readonly requests: SeenRequest[];
  readonly peakInFlight: () => number;
  readonly close: () => Promise<void>;
}

/** A real HTTP server on 127.0.0.1 with an ephemeral port, recording what it saw. */
export async function startServer(handler: Handler): Promise<TestServer> {
  const requests: SeenRequest[] = [];
  let inFlight = 0;
  let peak = 0;
  const server = createServer((raw, response) => {
    inFlight++;
    peak = Math.max(peak, inFlight);
    let settled = false;
    const done = (): void => {
      if (settled) return;
      settled = true;
      inFlight--;
    };
    response.on("finish", done);
    response.on("close", done);
    const chunks: Buffer[] = [];
    raw.on("data", (chunk: Buffer) => chunks.push(chunk));
    raw.on("end", () => {
      const seen: SeenRequest = {
        method: raw.method ?? "",
        url: raw.url ?? "",
        headers: raw.headers,
        body: Buffer.concat(chunks).toString("utf8"),
        index: requests.length + 1,
      };
      requests.push(seen);
      void Promise.resolve(handler(seen, response, raw)).catch((error: unknown) => {
        response.statusCode = 599;
        response.end(String(error));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/data/v9.2/`,
    requests,
    peakInFlight: () => peak,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error === undefined ? resolve() : reject(error)));
      }),
  };
}

export function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { "Content-Type": "application/json; odata.metadata=minimal", ...headers });
  response.end(JSON.stringify(body));
}

/** Hands out the given tokens in turn, each valid for `lifetimeMs`. */
export class FakeCredential implements TokenCredential {
  calls = 0;
  readonly #tokens: readonly string[];
  readonly #lifetimeMs: number;
  readonly #now: () => number;

  constructor(tokens: readonly string[] = ["token-1"], lifetimeMs = 60 * 60 * 1000, now: () => number = Date.now) {
    this.#tokens = tokens;
    this.#lifetimeMs = lifetimeMs;
    this.#now = now;
  }

  async getToken(): Promise<AccessToken> {
    const token = this.#tokens[Math.min(this.calls, this.#tokens.length - 1)] ?? "token";
    this.calls++;
    return { token, expiresOnTimestamp: this.#now() + this.#lifetimeMs };
  }
}

/** Records requested delays and returns at once. */
export function recordingSleep(): { delays: number[]; sleep: (ms: number) => Promise<void> } {
  const delays: number[] = [];
  return {
    delays,
    sleep: async (ms: number) => {
      delays.push(ms);
    },
  };
}
