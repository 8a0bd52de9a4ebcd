import { describe, expect, it } from "vitest";
import { backoffDelay, isIdempotent, isNetworkError, parseRetryAfter } from "../../../src/live/http/retry.js";

describe("backoffDelay", () => {
  const policy = { baseDelayMs: 100, maxDelayMs: 1000 };

  it("doubles the ceiling per retry up to the cap, with full jitter", () => {
    expect([1, 2, 3, 4, 5, 6].map((retry) => backoffDelay(retry, policy, () => 0.999999))).toEqual([99, 199, 399, 799, 999, 999]);
    expect(backoffDelay(3, policy, () => 0)).toBe(0);
    expect(backoffDelay(3, policy, () => 0.5)).toBe(200);
  });
});

describe("parseRetryAfter", () => {
  const now = Date.parse("2025-01-01T00:00:00Z");

  it("reads seconds", () => {
    expect(parseRetryAfter(new Headers({ "Retry-After": "7" }), now)).toBe(7000);
  });

  it("reads an HTTP-date", () => {
    expect(parseRetryAfter(new Headers({ "Retry-After": "Wed, 01 Jan 2025 00:00:30 GMT" }), now)).toBe(30_000);
    expect(parseRetryAfter(new Headers({ "Retry-After": "Tue, 31 Dec 2024 00:00:00 GMT" }), now)).toBe(0);
  });

  it("prefers the millisecond variants", () => {
    expect(parseRetryAfter(new Headers({ "retry-after-ms": "250", "Retry-After": "9" }), now)).toBe(250);
  });

  it("ignores absent or garbage values", () => {
    expect(parseRetryAfter(new Headers(), now)).toBeUndefined();
    expect(parseRetryAfter(new Headers({ "Retry-After": "soon" }), now)).toBeUndefined();
  });
});

describe("isIdempotent", () => {
  it("replays reads, PUT, PATCH and DELETE but not POST or conditional writes", () => {
    expect(isIdempotent("GET")).toBe(true);
    expect(isIdempotent("PATCH", { "Content-Type": "application/json" })).toBe(true);
    expect(isIdempotent("POST")).toBe(false);
    expect(isIdempotent("PATCH", { "If-Match": 'W/"1"' })).toBe(false);
    expect(isIdempotent("PATCH", new Headers({ "If-None-Match": "*" }))).toBe(false);
  });
});

describe("isNetworkError", () => {
  it("recognises undici failures by cause code or message", () => {
    const reset = Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET" });
    expect(isNetworkError(new TypeError("fetch failed", { cause: reset }))).toBe(true);
    expect(isNetworkError(new Error("socket hang up"))).toBe(true);
    expect(isNetworkError(new Error("Unexpected token < in JSON"))).toBe(false);
    expect(isNetworkError("ECONNRESET")).toBe(false);
  });
});
