import { DualWriteProtocolError } from "./errors.js";

/**
 * Small readers for hand-written validation: each takes the value, the call and the field path,
 * and either returns the typed value or throws a DualWriteProtocolError such as
 * "GET Entities: [1].detail.state must be a string or number, got null".
 */
export interface At {
  readonly call: string;
  readonly path: string;
}

export function root(call: string): At {
  return { call, path: "" };
}

export function at(parent: At, key: string | number): At {
  const path = typeof key === "number" ? `${parent.path}[${key}]` : parent.path === "" ? key : `${parent.path}.${key}`;
  return { call: parent.call, path };
}

export function fail(where: At, expected: string, value: unknown): never {
  throw new DualWriteProtocolError(where.call, `${where.path === "" ? "the answer" : where.path} must be ${expected}, got ${describe(value)}`);
}

export function describe(value: unknown): string {
  if (value === undefined) return "nothing (the member is absent)";
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "object") return "an object";
  if (typeof value === "string") return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  return `${typeof value} ${String(value)}`;
}

export function object(value: unknown, where: At): Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) fail(where, "an object", value);
  return value as Record<string, unknown>;
}

export function array(value: unknown, where: At): unknown[] {
  if (!Array.isArray(value)) fail(where, "an array", value);
  return value as unknown[];
}

/** An array that may be absent (Newtonsoft keeps the default of an absent member, §0); null is refused. */
export function arrayOrAbsent(value: unknown, where: At): unknown[] {
  return value === undefined ? [] : array(value, where);
}

export function string(value: unknown, where: At): string {
  if (typeof value !== "string") fail(where, "a string", value);
  return value;
}

export function nonEmpty(value: unknown, where: At): string {
  if (typeof value !== "string" || value === "") fail(where, "a non-empty string", value);
  return value;
}

export function optionalString(value: unknown, where: At): string | undefined {
  return value === undefined ? undefined : string(value, where);
}

/** A string that may be null or absent, both read as null. */
export function nullableString(value: unknown, where: At): string | null {
  return value === undefined || value === null ? null : string(value, where);
}

export function optionalBoolean(value: unknown, where: At): boolean | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "boolean") fail(where, "a boolean", value);
  return value;
}

export function optionalNumber(value: unknown, where: At): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "number" || !Number.isFinite(value)) fail(where, "a number", value);
  return value;
}

/**
 * A code such as `state` or `action`: a JSON string in DW Helper's samples, but numbers are
 * accepted too and read as their decimal text, as Newtonsoft does (dualwrite-service.md §0, §9.5).
 */
export function code(value: unknown, where: At): string {
  if (typeof value === "string" && value.trim() !== "") return value.trim();
  if (typeof value === "number" && Number.isInteger(value)) return String(value);
  return fail(where, "a string or number", value);
}

/** An integer, or its decimal text. */
export function integer(value: unknown, where: At): number {
  const number = typeof value === "string" && /^-?\d+$/.test(value.trim()) ? Number(value) : value;
  if (typeof number !== "number" || !Number.isInteger(number)) fail(where, "an integer", value);
  return number;
}
