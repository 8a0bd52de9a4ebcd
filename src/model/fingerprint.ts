import { createHash } from "node:crypto";
import type { Snapshot } from "./snapshot.js";

/** JSON with object keys sorted, so that equal data always serialises the same way. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}

export function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/**
 * The fingerprint of what a plan depends on. The lock is left out (taking it is part of
 * applying), and so is the last-applied record's ETag; map, key, link and runtime state count.
 */
export function fingerprint(snapshot: Snapshot): string {
  const { lock: _lock, lastApplied, ...rest } = snapshot;
  const maps = [...rest.maps].sort((a, b) => (a.ref.entity + a.ref.table).localeCompare(b.ref.entity + b.ref.table));
  return sha256(canonicalJson({ ...rest, maps, lastApplied: lastApplied?.value }));
}
