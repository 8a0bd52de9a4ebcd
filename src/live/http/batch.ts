import { randomUUID } from "node:crypto";
import { ProtocolError } from "./errors.js";
import type { HttpMethod } from "./retry.js";

export const MAX_BATCH_OPERATIONS = 1000;

const CRLF = "\r\n";

export interface BatchOperation {
  readonly method: HttpMethod;
  /** Absolute, or relative to the service root as the server resolves it. */
  readonly url: string;
  readonly headers?: Readonly<Record<string, string>>;
  /** Sent as JSON. */
  readonly body?: unknown;
  readonly contentId?: string;
}

/** Operations that succeed or fail together, in one transaction. */
export interface BatchChangeSet {
  readonly changeSet: readonly BatchOperation[];
}

export type BatchItem = BatchOperation | BatchChangeSet;

export interface BuildBatchOptions {
  readonly continueOnError?: boolean;
  readonly maxOperations?: number;
  readonly newId?: () => string;
}

export interface BatchRequestBody {
  readonly boundary: string;
  /** Content-Type and, when asked, Prefer: odata.continue-on-error. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  readonly operationCount: number;
}

export interface BatchOperationResult {
  readonly status: number;
  readonly statusText: string;
  readonly headers: Readonly<Record<string, string>>;
  /** Parsed JSON when the part is JSON, the text otherwise, undefined when empty. */
  readonly body: unknown;
  readonly contentId?: string;
}

export function isChangeSet(item: BatchItem): item is BatchChangeSet {
  return "changeSet" in item;
}

function operationCount(item: BatchItem): number {
  return isChangeSet(item) ? item.changeSet.length : 1;
}

/** Splits items into chunks of at most `maxOperations` operations; a change set is never split. */
export function chunkBatchItems(items: readonly BatchItem[], maxOperations = MAX_BATCH_OPERATIONS): BatchItem[][] {
  if (!Number.isInteger(maxOperations) || maxOperations < 1) {
    throw new RangeError(`maxOperations must be a positive integer, got ${maxOperations}`);
  }
  const chunks: BatchItem[][] = [];
  let current: BatchItem[] = [];
  let count = 0;
  for (const item of items) {
    const size = operationCount(item);
    if (size === 0) throw new RangeError("a change set needs at least one operation");
    if (size > maxOperations) {
      throw new RangeError(`a change set of ${size} operations exceeds the batch limit of ${maxOperations}`);
    }
    if (count + size > maxOperations) {
      chunks.push(current);
      current = [];
      count = 0;
    }
    current.push(item);
    count += size;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

/** Builds Dataverse Web API `$batch` bodies (multipart/mixed), one per chunk of operations. */
export function buildBatches(items: readonly BatchItem[], options: BuildBatchOptions = {}): BatchRequestBody[] {
  const newId = options.newId ?? randomUUID;
  return chunkBatchItems(items, options.maxOperations).map((chunk) => {
    const boundary = `batch_${newId()}`;
    const contentIds = new Set<string>();
    let sequence = 0;
    const parts = chunk.map((item) => {
      if (!isChangeSet(item)) return requestPart(item, item.contentId, contentIds);
      const changeSetBoundary = `changeset_${newId()}`;
      const inner = item.changeSet.map((operation) => {
        if (operation.method === "GET") throw new RangeError("a change set cannot contain GET requests");
        sequence++;
        return requestPart(operation, operation.contentId ?? String(sequence), contentIds);
      });
      return `Content-Type: multipart/mixed; boundary=${changeSetBoundary}${CRLF}${CRLF}${multipart(changeSetBoundary, inner)}`;
    });
    const headers: Record<string, string> = { "Content-Type": `multipart/mixed; boundary=${boundary}` };
    if (options.continueOnError === true) headers["Prefer"] = "odata.continue-on-error";
    return {
      boundary,
      headers,
      body: multipart(boundary, parts),
      operationCount: chunk.reduce((total, item) => total + operationCount(item), 0),
    };
  });
}

function multipart(boundary: string, parts: readonly string[]): string {
  return parts.map((part) => `--${boundary}${CRLF}${part}${CRLF}`).join("") + `--${boundary}--${CRLF}`;
}

function requestPart(operation: BatchOperation, contentId: string | undefined, seen: Set<string>): string {
  const lines = ["Content-Type: application/http", "Content-Transfer-Encoding: binary"];
  if (contentId !== undefined) {
    if (seen.has(contentId)) throw new RangeError(`duplicate Content-ID ${contentId} in one batch`);
    seen.add(contentId);
    lines.push(`Content-ID: ${contentId}`);
  }
  lines.push("", `${operation.method} ${singleLine(operation.url)} HTTP/1.1`);
  const hasBody = operation.body !== undefined;
  if (hasBody) lines.push("Content-Type: application/json; type=entry");
  for (const [name, value] of Object.entries(operation.headers ?? {})) lines.push(`${singleLine(name)}: ${singleLine(value)}`);
  lines.push("", hasBody ? JSON.stringify(operation.body) : "");
  return lines.join(CRLF);
}

function singleLine(value: string): string {
  if (/[\r\n]/.test(value)) throw new RangeError("batch request lines and headers cannot contain line breaks");
  return value;
}

/** Parses a `$batch` response into one result per operation, flattening change sets in order. */
export function parseBatchResponse(contentType: string, body: string): BatchOperationResult[] {
  const boundary = boundaryOf(contentType);
  return splitMultipart(body, boundary).flatMap((part) => {
    const { headers, content } = splitHead(part);
    const partType = headers["content-type"] ?? "";
    if (/^multipart\/mixed/i.test(partType)) return parseBatchResponse(partType, content);
    if (!/^application\/http/i.test(partType)) {
      throw new ProtocolError(`unexpected batch part content type "${partType}"`);
    }
    return [parseHttpResponse(content, headers["content-id"])];
  });
}

function boundaryOf(contentType: string): string {
  const match = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  const boundary = match?.[1] ?? match?.[2];
  if (boundary === undefined) throw new ProtocolError(`no multipart boundary in content type "${contentType}"`);
  return boundary;
}

function splitMultipart(body: string, boundary: string): string[] {
  const delimiter = `--${boundary}`;
  const parts: string[] = [];
  let position = findDelimiter(body, delimiter, 0);
  if (position < 0) throw new ProtocolError(`batch response has no part delimited by ${delimiter}`);
  for (;;) {
    const afterDelimiter = position + delimiter.length;
    if (body.startsWith("--", afterDelimiter)) return parts;
    const lineEnd = body.indexOf("\n", afterDelimiter);
    if (lineEnd < 0) throw new ProtocolError("batch response ends inside a delimiter line");
    const start = lineEnd + 1;
    const next = findDelimiter(body, delimiter, start);
    if (next < 0) throw new ProtocolError(`batch response is truncated: no closing ${delimiter}--`);
    // The line break before a delimiter belongs to the delimiter (RFC 2046).
    let end = next;
    if (end > start && body[end - 1] === "\n") end--;
    if (end > start && body[end - 1] === "\r") end--;
    parts.push(body.slice(start, end));
    position = next;
  }
}

function findDelimiter(body: string, delimiter: string, from: number): number {
  for (let index = body.indexOf(delimiter, from); index >= 0; index = body.indexOf(delimiter, index + 1)) {
    const atLineStart = index === 0 || body[index - 1] === "\n";
    const following = body[index + delimiter.length];
    const wholeBoundary = following === undefined || /[\r\n\t -]/.test(following);
    if (atLineStart && wholeBoundary) return index;
  }
  return -1;
}

function splitHead(text: string): { headers: Record<string, string>; content: string } {
  const blank = /\r?\n\r?\n/.exec(text);
  const leading = /^\r?\n/.exec(text);
  if (leading !== null) return { headers: {}, content: text.slice(leading[0].length) };
  if (blank === null) return { headers: parseHeaderLines(text), content: "" };
  return { headers: parseHeaderLines(text.slice(0, blank.index)), content: text.slice(blank.index + blank[0].length) };
}

function parseHeaderLines(text: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    const colon = line.indexOf(":");
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    const existing = headers[name];
    headers[name] = existing === undefined ? value : `${existing}, ${value}`;
  }
  return headers;
}

function parseHttpResponse(content: string, contentId: string | undefined): BatchOperationResult {
  const lineEnd = content.search(/\r?\n|$/);
  const statusLine = content.slice(0, lineEnd);
  const match = /^HTTP\/\d(?:\.\d)?\s+(\d{3})\s*(.*)$/.exec(statusLine);
  const status = match?.[1];
  if (match === null || status === undefined) {
    throw new ProtocolError(`batch part does not start with an HTTP status line: "${statusLine.slice(0, 80)}"`);
  }
  const rest = content.slice(lineEnd).replace(/^\r?\n/, "");
  const { headers, content: text } = splitHead(rest);
  const result = { status: Number(status), statusText: match[2] ?? "", headers, body: parseBody(text, headers["content-type"]) };
  return contentId === undefined ? result : { ...result, contentId };
}

function parseBody(text: string, contentType: string | undefined): unknown {
  if (text.trim() === "") return undefined;
  if (contentType !== undefined && /json/i.test(contentType)) {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return text;
    }
  }
  return text;
}
