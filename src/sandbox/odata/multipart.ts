import { randomUUID } from "node:crypto";
import { STATUS_CODES } from "node:http";
import { ApiError } from "../api/types.js";
import type { ApiResponse } from "../api/types.js";

const CRLF = "\r\n";

export interface BatchOperation {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
  contentId: string | undefined;
}

export type BatchEntry = { kind: "operation"; operation: BatchOperation } | { kind: "changeSet"; operations: BatchOperation[] };

export type BatchResult =
  | { kind: "operation"; response: ApiResponse; contentId: string | undefined }
  | { kind: "changeSet"; responses: { response: ApiResponse; contentId: string | undefined }[] };

export function boundaryOf(contentType: string): string {
  const match = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  const boundary = match?.[1] ?? match?.[2];
  if (boundary === undefined) throw new ApiError(400, "0x80060888", "A $batch request needs Content-Type multipart/mixed with a boundary.");
  return boundary;
}

/** Parses a Web API `$batch` body: operations and change sets (one level, as OData allows). */
export function parseBatch(contentType: string, body: string): BatchEntry[] {
  return splitParts(body, boundaryOf(contentType)).map((part) => {
    const { headers, content } = splitHead(part);
    const type = headers["content-type"] ?? "";
    if (/^multipart\/mixed/i.test(type)) {
      const operations = splitParts(content, boundaryOf(type)).map((inner) => {
        const head = splitHead(inner);
        return parseOperation(head.content, head.headers["content-id"]);
      });
      return { kind: "changeSet" as const, operations };
    }
    return { kind: "operation" as const, operation: parseOperation(content, headers["content-id"]) };
  });
}

function splitParts(body: string, boundary: string): string[] {
  const delimiter = `--${boundary}`;
  const lines = body.split(/\r?\n/);
  const parts: string[] = [];
  let current: string[] | undefined;
  for (const line of lines) {
    const trimmed = line.trimEnd();
    if (trimmed === `${delimiter}--`) {
      if (current !== undefined) parts.push(current.join(CRLF));
      return parts;
    }
    if (trimmed === delimiter) {
      if (current !== undefined) parts.push(current.join(CRLF));
      current = [];
      continue;
    }
    current?.push(line);
  }
  throw new ApiError(400, "0x80060888", `The $batch body has no closing ${delimiter}-- line.`);
}

function splitHead(text: string): { headers: Record<string, string>; content: string } {
  const lines = text.split(CRLF);
  const headers: Record<string, string> = {};
  let index = 0;
  for (; index < lines.length; index++) {
    const line = lines[index] ?? "";
    if (line.trim() === "") {
      index++;
      break;
    }
    const colon = line.indexOf(":");
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { headers, content: lines.slice(index).join(CRLF) };
}

function parseOperation(content: string, contentId: string | undefined): BatchOperation {
  const trimmed = content.replace(/^(\r\n)+/, "");
  const lineEnd = trimmed.indexOf(CRLF);
  const requestLine = lineEnd < 0 ? trimmed : trimmed.slice(0, lineEnd);
  const match = /^([A-Z]+)\s+(\S+)(?:\s+HTTP\/\d\.\d)?$/.exec(requestLine.trim());
  if (match === null || match[1] === undefined || match[2] === undefined) {
    throw new ApiError(400, "0x80060888", `A $batch part does not start with a request line: "${requestLine.slice(0, 80)}"`);
  }
  const { headers, content: body } = splitHead(lineEnd < 0 ? "" : trimmed.slice(lineEnd + CRLF.length));
  return { method: match[1], url: match[2], headers, body: body.replace(/(\r\n)+$/, ""), contentId };
}

export function renderBatch(results: readonly BatchResult[]): { contentType: string; body: string } {
  const boundary = `batchresponse_${randomUUID()}`;
  const parts = results.map((result) => {
    if (result.kind === "operation") return renderOperation(result.response, result.contentId);
    const inner = `changesetresponse_${randomUUID()}`;
    const body = result.responses.map((entry) => `--${inner}${CRLF}${renderOperation(entry.response, entry.contentId)}${CRLF}`).join("") + `--${inner}--`;
    return `Content-Type: multipart/mixed; boundary=${inner}${CRLF}${CRLF}${body}`;
  });
  const body = parts.map((part) => `--${boundary}${CRLF}${part}${CRLF}`).join("") + `--${boundary}--${CRLF}`;
  return { contentType: `multipart/mixed; boundary=${boundary}`, body };
}

function renderOperation(response: ApiResponse, contentId: string | undefined): string {
  const head = ["Content-Type: application/http", "Content-Transfer-Encoding: binary"];
  if (contentId !== undefined) head.push(`Content-ID: ${contentId}`);
  const lines = [`HTTP/1.1 ${response.status} ${STATUS_CODES[response.status] ?? ""}`.trimEnd()];
  for (const [name, value] of Object.entries(response.headers)) lines.push(`${name}: ${value}`);
  return `${head.join(CRLF)}${CRLF}${CRLF}${lines.join(CRLF)}${CRLF}${CRLF}${response.body}`;
}
