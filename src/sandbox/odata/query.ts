import { parseDataverseFilter } from "../../model/filters/dataverse-filter.js";
import type { DvNode, DvOperand } from "../../model/filters/dataverse-filter.js";
import { ApiError } from "../api/types.js";
import type { ApiRequest } from "../api/types.js";

export const MAX_PAGE_SIZE = 5000;

export function selectList(query: URLSearchParams): string[] | undefined {
  const text = query.get("$select");
  if (text === null || text.trim() === "") return undefined;
  return text.split(",").map((name) => name.trim()).filter((name) => name !== "");
}

/** Keeps the selected properties (case-insensitively), the `always` ones and every `@odata.` annotation. */
export function applySelect(row: Record<string, unknown>, select: readonly string[] | undefined, always: readonly string[] = []): Record<string, unknown> {
  if (select === undefined) return row;
  const wanted = new Set([...select, ...always].map((name) => name.toLowerCase()));
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(row)) {
    if (name.startsWith("@odata.") || wanted.has(name.toLowerCase())) out[name] = value;
  }
  return out;
}

/** `Keys($select=A,B),Attributes` -> Map { keys -> [A, B], attributes -> undefined }. */
export function expandList(query: URLSearchParams): Map<string, string[] | undefined> {
  const result = new Map<string, string[] | undefined>();
  const text = query.get("$expand");
  if (text === null) return result;
  for (const item of splitTopLevel(text)) {
    const match = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*(?:\((.*)\))?\s*$/.exec(item);
    if (match === null || match[1] === undefined) throw new ApiError(400, "0x80060888", `Bad Request - invalid $expand: ${text}`);
    const options = new URLSearchParams((match[2] ?? "").replaceAll(";", "&"));
    result.set(match[1].toLowerCase(), selectList(options));
  }
  return result;
}

function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = "";
  for (const char of text) {
    if (char === "(") depth++;
    if (char === ")") depth--;
    if (char === "," && depth === 0) {
      parts.push(current);
      current = "";
    } else {
      current += char;
    }
  }
  if (current.trim() !== "") parts.push(current);
  return parts;
}

/** Compiles an OData `$filter` (comparisons with and/or/not) into a row predicate. */
export function compileFilter(query: URLSearchParams): (row: Record<string, unknown>) => boolean {
  const text = query.get("$filter");
  if (text === null || text.trim() === "") return () => true;
  const parsed = parseDataverseFilter(text);
  if (parsed.ast === undefined) {
    const first = parsed.errors[0];
    throw new ApiError(400, "0x80060888", `Bad Request - Error in query syntax: ${first?.message ?? text}`);
  }
  const ast = parsed.ast;
  return (row) => evaluate(ast, row);
}

function evaluate(node: DvNode, row: Record<string, unknown>): boolean {
  switch (node.kind) {
    case "or":
      return node.operands.some((operand) => evaluate(operand, row));
    case "and":
      return node.operands.every((operand) => evaluate(operand, row));
    case "not":
      return !evaluate(node.operand, row);
    case "comparison": {
      const left = operandValue(node.left, row);
      const right = operandValue(node.right, row);
      const order = compare(left, right);
      switch (node.operator) {
        case "eq":
          return order === 0;
        case "ne":
          return order !== 0;
        case "gt":
          return order !== undefined && order > 0;
        case "ge":
          return order !== undefined && order >= 0;
        case "lt":
          return order !== undefined && order < 0;
        case "le":
          return order !== undefined && order <= 0;
      }
    }
  }
}

function operandValue(operand: DvOperand, row: Record<string, unknown>): unknown {
  switch (operand.kind) {
    case "column":
      return lookupProperty(row, operand.name);
    case "string":
      return operand.value;
    case "number":
      return Number(operand.raw);
    case "boolean":
      return operand.value;
    case "null":
      return null;
    case "guid":
      return operand.value;
    case "date":
    case "datetime":
      return operand.raw;
  }
}

export function lookupProperty(row: Record<string, unknown>, name: string): unknown {
  if (name in row) return row[name];
  const lower = name.toLowerCase();
  for (const [key, value] of Object.entries(row)) if (key.toLowerCase() === lower) return value;
  return undefined;
}

/** 0 when equal, the sign of the order otherwise, undefined when the values cannot be ordered. */
function compare(left: unknown, right: unknown): number | undefined {
  const a = left ?? null;
  const b = right ?? null;
  if (a === null || b === null) return a === b ? 0 : undefined;
  if (typeof a === "number" || typeof b === "number") {
    const x = Number(a);
    const y = Number(b);
    if (Number.isNaN(x) || Number.isNaN(y)) return undefined;
    return Math.sign(x - y);
  }
  if (typeof a === "boolean" || typeof b === "boolean") return String(a).toLowerCase() === String(b).toLowerCase() ? 0 : 1;
  const x = String(a);
  const y = String(b);
  if (x.toLowerCase() === y.toLowerCase() && /^[0-9a-f-]{36}$/i.test(x)) return 0;
  return x === y ? 0 : x < y ? -1 : 1;
}

export interface Page<T> {
  items: T[];
  nextLink: string | undefined;
  headers: Record<string, string>;
}

/** Server-driven paging: `Prefer: odata.maxpagesize` and an opaque `$skiptoken` in an absolute nextLink. */
export function pageOf<T>(all: readonly T[], request: ApiRequest): Page<T> {
  const requested = preferredPageSize(request);
  const token = decodeSkipToken(request.url.searchParams.get("$skiptoken"));
  const size = requested ?? token?.size ?? MAX_PAGE_SIZE;
  const topText = request.url.searchParams.get("$top");
  const top = topText === null ? undefined : Number.parseInt(topText, 10);
  const limited = top !== undefined && Number.isInteger(top) && top >= 0 ? all.slice(0, top) : all;
  const offset = token?.offset ?? 0;
  const items = limited.slice(offset, offset + size);
  const headers: Record<string, string> = {};
  if (requested !== undefined) headers["preference-applied"] = `odata.maxpagesize=${size}`;
  if (offset + size >= limited.length) return { items, nextLink: undefined, headers };
  const next = new URL(request.url.href);
  next.searchParams.set("$skiptoken", Buffer.from(JSON.stringify({ o: offset + size, n: size })).toString("base64url"));
  return { items, nextLink: next.href, headers };
}

function preferredPageSize(request: ApiRequest): number | undefined {
  const match = /odata\.maxpagesize\s*=\s*(\d+)/i.exec(request.headers["prefer"] ?? "");
  if (match?.[1] === undefined) return undefined;
  const size = Number.parseInt(match[1], 10);
  return Math.min(MAX_PAGE_SIZE, Math.max(1, size));
}

function decodeSkipToken(text: string | null): { offset: number; size: number } | undefined {
  if (text === null) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(text, "base64url").toString("utf8"));
    const offset: unknown = typeof value === "object" && value !== null ? Reflect.get(value, "o") : undefined;
    const size: unknown = typeof value === "object" && value !== null ? Reflect.get(value, "n") : undefined;
    if (typeof offset === "number" && typeof size === "number" && offset >= 0 && size > 0) return { offset, size };
  } catch {
    // fall through to the error below
  }
  throw new ApiError(400, "0x80060888", "Bad Request - the $skiptoken is not valid.");
}
