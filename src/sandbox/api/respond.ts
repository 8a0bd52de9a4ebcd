import type { ApiRequest, ApiResponse } from "./types.js";
import { ApiError } from "./types.js";

export const JSON_TYPE = "application/json; odata.metadata=minimal; charset=utf-8";

export function json(status: number, value: unknown, headers: Record<string, string> = {}): ApiResponse {
  return { status, headers: { "content-type": JSON_TYPE, ...headers }, body: JSON.stringify(value) };
}

export function noContent(headers: Record<string, string> = {}): ApiResponse {
  return { status: 204, headers, body: "" };
}

export function odataError(status: number, code: string, message: string, headers: Record<string, string> = {}): ApiResponse {
  return json(status, { error: { code, message } }, headers);
}

export function errorResponse(error: unknown): ApiResponse {
  if (error instanceof ApiError) return odataError(error.status, error.code, error.message, error.headers);
  if (error instanceof SyntaxError) return odataError(400, "0x80040203", `Invalid request: ${error.message}`);
  const message = error instanceof Error ? error.message : String(error);
  return odataError(500, "0x80040216", `An unexpected error occurred in the sandbox: ${message}`);
}

/** The JSON object body of a write; anything else is a 400. */
export function objectBody(request: ApiRequest): Record<string, unknown> {
  if (request.body.trim() === "") return {};
  let value: unknown;
  try {
    value = JSON.parse(request.body);
  } catch {
    throw new ApiError(400, "0x80040203", "The request body is not valid JSON.");
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw new ApiError(400, "0x80040203", "The request body must be a JSON object.");
  return value as Record<string, unknown>;
}

export function notFound(what: string): ApiError {
  return new ApiError(404, "0x80040217", `${what} does not exist.`);
}

export function methodNotAllowed(method: string, path: string): ApiError {
  return new ApiError(405, "0x80060888", `The HTTP method ${method} is not allowed on ${path}.`);
}

export function prefers(request: ApiRequest, preference: string): boolean {
  return (request.headers["prefer"] ?? "").split(",").some((part) => part.trim().toLowerCase() === preference);
}
