import { describe, expect, it } from "vitest";
import { buildBatches, chunkBatchItems, parseBatchResponse } from "../../../src/live/http/batch.js";
import type { BatchItem } from "../../../src/live/http/batch.js";
import { ProtocolError } from "../../../src/live/http/errors.js";

function counter(): () => string {
  let next = 0;
  return () => `id${++next}`;
}

const crlf = (lines: readonly string[]): string => lines.join("\r\n");

describe("buildBatches", () => {
  it("splits 2,500 operations into batches of 1,000, 1,000 and 500", () => {
    const items: BatchItem[] = Array.from({ length: 2500 }, (_, index) => ({
      method: "PATCH",
      url: `https://org.crm.dynamics.com/api/data/v9.2/accounts(accountnumber='A${index}')`,
      body: { name: `Account ${index}` },
    }));
    const batches = buildBatches(items, { newId: counter() });
    expect(batches.map((batch) => batch.operationCount)).toEqual([1000, 1000, 500]);
    for (const batch of batches) {
      const parts = batch.body.split(`--${batch.boundary}\r\nContent-Type: application/http\r\n`).length - 1;
      expect(parts).toBe(batch.operationCount);
      expect(batch.body.endsWith(`--${batch.boundary}--\r\n`)).toBe(true);
    }
    expect(batches[2]?.body).toContain("accounts(accountnumber='A2499') HTTP/1.1");
    expect(new Set(batches.map((batch) => batch.boundary)).size).toBe(3);
  });

  it("never splits a change set across batches", () => {
    const single = { method: "DELETE", url: "tasks(1)" } as const;
    const items: BatchItem[] = [...Array.from({ length: 8 }, () => single), { changeSet: [single, single, single] }, single];
    expect(chunkBatchItems(items, 10).map((chunk) => chunk.length)).toEqual([8, 2]);
    expect(() => chunkBatchItems([{ changeSet: Array.from({ length: 11 }, () => single) }], 10)).toThrow(RangeError);
  });

  it("writes the Dataverse multipart format with a change set, Content-IDs and continue-on-error", () => {
    const [batch, ...rest] = buildBatches(
      [
        { method: "GET", url: "https://org/api/data/v9.2/accounts?$select=name", headers: { Accept: "application/json" } },
        {
          changeSet: [
            { method: "POST", url: "https://org/api/data/v9.2/tasks", body: { subject: "Task 1" } },
            { method: "PATCH", url: "https://org/api/data/v9.2/tasks(2)", body: { subject: "Task 2" }, headers: { "If-Match": 'W/"7"' } },
          ],
        },
      ],
      { continueOnError: true, newId: counter() },
    );
    expect(rest).toEqual([]);
    expect(batch?.headers).toEqual({ "Content-Type": "multipart/mixed; boundary=batch_id1", Prefer: "odata.continue-on-error" });
    expect(batch?.body).toBe(
      crlf([
        "--batch_id1",
        "Content-Type: application/http",
        "Content-Transfer-Encoding: binary",
        "",
        "GET https://org/api/data/v9.2/accounts?$select=name HTTP/1.1",
        "Accept: application/json",
        "",
        "",
        "--batch_id1",
        "Content-Type: multipart/mixed; boundary=changeset_id2",
        "",
        "--changeset_id2",
        "Content-Type: application/http",
        "Content-Transfer-Encoding: binary",
        "Content-ID: 1",
        "",
        "POST https://org/api/data/v9.2/tasks HTTP/1.1",
        "Content-Type: application/json; type=entry",
        "",
        '{"subject":"Task 1"}',
        "--changeset_id2",
        "Content-Type: application/http",
        "Content-Transfer-Encoding: binary",
        "Content-ID: 2",
        "",
        "PATCH https://org/api/data/v9.2/tasks(2) HTTP/1.1",
        "Content-Type: application/json; type=entry",
        'If-Match: W/"7"',
        "",
        '{"subject":"Task 2"}',
        "--changeset_id2--",
        "",
        "--batch_id1--",
        "",
      ]),
    );
  });

  it("rejects GET inside a change set, duplicate Content-IDs and header injection", () => {
    expect(() => buildBatches([{ changeSet: [{ method: "GET", url: "tasks" }] }])).toThrow(/GET/);
    expect(() =>
      buildBatches([
        { method: "DELETE", url: "tasks(1)", contentId: "a" },
        { method: "DELETE", url: "tasks(2)", contentId: "a" },
      ]),
    ).toThrow(/duplicate Content-ID/);
    expect(() => buildBatches([{ method: "DELETE", url: "tasks(1)", headers: { "X-A": "b\r\nAuthorization: x" } }])).toThrow(/line breaks/);
  });
});

describe("parseBatchResponse", () => {
  const contentType = "multipart/mixed; boundary=batchresponse_c1bd45c1-dd81-470d-b897-e965846aad2f";
  const response = crlf([
    "--batchresponse_c1bd45c1-dd81-470d-b897-e965846aad2f",
    "Content-Type: multipart/mixed; boundary=changesetresponse_ff83b4f1-ab48-430c-b81c-926a2c596abc",
    "",
    "--changesetresponse_ff83b4f1-ab48-430c-b81c-926a2c596abc",
    "Content-Type: application/http",
    "Content-Transfer-Encoding: binary",
    "Content-ID: 1",
    "",
    "HTTP/1.1 204 No Content",
    "OData-Version: 4.0",
    "Location: https://org/api/data/v9.2/tasks(a59c24f3-fafc-ed11-8f6e-000d3a993550)",
    "OData-EntityId: https://org/api/data/v9.2/tasks(a59c24f3-fafc-ed11-8f6e-000d3a993550)",
    "",
    "",
    "--changesetresponse_ff83b4f1-ab48-430c-b81c-926a2c596abc",
    "Content-Type: application/http",
    "Content-Transfer-Encoding: binary",
    "Content-ID: 2",
    "",
    "HTTP/1.1 412 Precondition Failed",
    "Content-Type: application/json; odata.metadata=minimal",
    "OData-Version: 4.0",
    "",
    '{"error":{"code":"0x80060882","message":"The version of the existing record doesn\'t match the RowVersion property provided."}}',
    "--changesetresponse_ff83b4f1-ab48-430c-b81c-926a2c596abc--",
    "--batchresponse_c1bd45c1-dd81-470d-b897-e965846aad2f",
    "Content-Type: application/http",
    "Content-Transfer-Encoding: binary",
    "",
    "HTTP/1.1 200 OK",
    "Content-Type: application/json; odata.metadata=minimal; odata.streaming=true",
    "OData-Version: 4.0",
    "",
    "{",
    '"@odata.context":"https://org/api/data/v9.2/$metadata#tasks(subject)",',
    '"value":[{"@odata.etag":"W/\\"77180907\\"","subject":"Task 1 in batch","activityid":"a59c24f3-fafc-ed11-8f6e-000d3a993550"}]',
    "}",
    "--batchresponse_c1bd45c1-dd81-470d-b897-e965846aad2f--",
    "",
  ]);

  it("returns one result per operation, flattening the change set in order", () => {
    const results = parseBatchResponse(contentType, response);
    expect(results.map((result) => [result.status, result.contentId])).toEqual([
      [204, "1"],
      [412, "2"],
      [200, undefined],
    ]);
    const [created, conflict, read] = results;
    expect(created?.statusText).toBe("No Content");
    expect(created?.headers["location"]).toBe("https://org/api/data/v9.2/tasks(a59c24f3-fafc-ed11-8f6e-000d3a993550)");
    expect(created?.body).toBeUndefined();
    expect(conflict?.body).toEqual({
      error: { code: "0x80060882", message: "The version of the existing record doesn't match the RowVersion property provided." },
    });
    expect(read?.body).toMatchObject({ value: [{ "@odata.etag": 'W/"77180907"', subject: "Task 1 in batch" }] });
  });

  it("accepts a quoted boundary and LF-only line endings", () => {
    const lf = response.replaceAll("\r\n", "\n");
    const quoted = 'multipart/mixed; boundary="batchresponse_c1bd45c1-dd81-470d-b897-e965846aad2f"';
    expect(parseBatchResponse(quoted, lf).map((result) => result.status)).toEqual([204, 412, 200]);
  });

  it("keeps a non-JSON part body as text", () => {
    const body = crlf(["--b", "Content-Type: application/http", "", "HTTP/1.1 500 Internal Server Error", "", "boom", "--b--"]);
    expect(parseBatchResponse("multipart/mixed; boundary=b", body)).toEqual([
      { status: 500, statusText: "Internal Server Error", headers: {}, body: "boom" },
    ]);
  });

  it("fails loudly on a truncated or foreign body", () => {
    expect(() => parseBatchResponse(contentType, response.slice(0, response.length - 60))).toThrow(ProtocolError);
    expect(() => parseBatchResponse("application/json", "{}")).toThrow(ProtocolError);
    expect(() => parseBatchResponse("multipart/mixed; boundary=b", "--b\r\nContent-Type: text/plain\r\n\r\nhi\r\n--b--")).toThrow(
      ProtocolError,
    );
  });
});
