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

/**
 * A list whose items are made only as canonicalSha256 hashes them, one at a time: it hashes as the
 * array of its items would (canonicalJson does not take it).
 */
export class HashedOneByOne<T> {
  constructor(readonly items: () => Iterable<T>) {}
}

/** Writes canonicalJson(value) to `write` piece by piece: the same text, without holding all of it. */
function writeCanonical(value: unknown, write: (piece: string) => void): void {
  if (value === null || typeof value !== "object") {
    write(JSON.stringify(value) ?? "null");
    return;
  }
  if (value instanceof HashedOneByOne) {
    let first = true;
    write("[");
    for (const item of (value as HashedOneByOne<unknown>).items()) {
      if (!first) write(",");
      first = false;
      writeCanonical(item, write);
    }
    write("]");
    return;
  }
  if (Array.isArray(value)) {
    write("[");
    for (let index = 0; index < value.length; index++) {
      if (index > 0) write(",");
      // A hole is written as canonicalJson's join writes it: as nothing.
      if (index in value) writeCanonical(value[index], write);
    }
    write("]");
    return;
  }
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  write("{");
  entries.forEach(([k, v], index) => {
    write(`${index > 0 ? "," : ""}${JSON.stringify(k)}:`);
    writeCanonical(v, write);
  });
  write("}");
}

/** Pieces are hashed in runs of this many characters or more; a run always ends between two pieces. */
const HASH_RUN = 1 << 16;

/**
 * sha256(canonicalJson(value)), hashed as the text is written: the canonical JSON of a 5,000-map plan
 * is tens of MB, and building it as one string (with its intermediate strings) was a good part of a
 * large plan's peak memory. A run of pieces never splits a character: each piece is a whole JSON token.
 */
export function canonicalSha256(value: unknown): string {
  const hash = createHash("sha256");
  let run = "";
  writeCanonical(value, (piece) => {
    run += piece;
    if (run.length >= HASH_RUN) {
      hash.update(run);
      run = "";
    }
  });
  return hash.update(run).digest("hex");
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
  return canonicalSha256({ ...rest, maps, lastApplied: lastApplied?.value });
}
