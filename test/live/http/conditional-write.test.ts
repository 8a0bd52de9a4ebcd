import { afterEach, describe, expect, it } from "vitest";
import { HttpClient } from "../../../src/live/http/client.js";
import { HttpError } from "../../../src/live/http/errors.js";
import { RecordStore, RECORD_IDS } from "../../../src/live/dataverse/records.js";
import { FakeCredential, recordingSleep, sendJson, startServer, type TestServer } from "./test-server.js";

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A lock record held by the server; `writeThenFail` makes the next write take effect and still answer 502. */
async function recordServer(options: { writeThenFail: boolean; failWithoutWriting?: boolean }) {
  let stored = { value: JSON.stringify({ holder: "old" }), etag: 'W/"1"' };
  let failed = false;
  server = await startServer((request, response) => {
    if (request.method === "GET") {
      sendJson(response, 200, { value: [{ schemaname: RECORD_IDS.lock.schemaName, value: stored.value, "@odata.etag": stored.etag }] });
      return;
    }
    if (request.method === "PATCH") {
      if (request.headers["if-match"] !== stored.etag) return sendJson(response, 412, { error: { code: "0x80060882", message: "stale" } });
      if (!failed && options.failWithoutWriting === true) {
        failed = true;
        return sendJson(response, 503, { error: { code: "0x0", message: "busy" } });
      }
      stored = { value: (JSON.parse(request.body) as { value: string }).value, etag: 'W/"2"' };
      if (!failed && options.writeThenFail) {
        failed = true;
        return sendJson(response, 502, { error: { code: "0x0", message: "bad gateway" } });
      }
      response.writeHead(204, { ETag: stored.etag }).end();
    }
  });
  const client = new HttpClient({ baseUrl: server.url, credential: new FakeCredential(), scope: "s", sleep: recordingSleep().sleep, random: () => 0 });
  return new RecordStore(client);
}

describe("a conditional write that got a 5xx", () => {
  it("is read back: when it took effect, the write succeeds instead of failing the run", async () => {
    const store = await recordServer({ writeThenFail: true });
    const written = await store.write("lock", { holder: "me" }, { etag: 'W/"1"' });
    expect(written).toEqual({ kind: "lock", value: { holder: "me" }, etag: 'W/"2"' });
    expect(server?.requests.map((r) => r.method)).toEqual(["PATCH", "GET"]);
  });

  it("is read back: when it did not take effect, the 5xx is reported as before", async () => {
    const store = await recordServer({ writeThenFail: false, failWithoutWriting: true });
    const error = await store.write("lock", { holder: "me" }, { etag: 'W/"1"' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect(error).toMatchObject({ status: 503 });
    expect(server?.requests.map((r) => r.method)).toEqual(["PATCH", "GET"]);
  });
});
