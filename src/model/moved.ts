import type { Moved } from "../generated/moved.js";

/**
 * One rename of a map in git (kind Moved, schemas/moved.schema.json): the map dwctl tracked as
 * `from` is the map named `to` now. The platform knows a map by its entity and table only, so a
 * rename changes nothing there: only the name dwctl records for it.
 */
export interface MoveEntry {
  from: string;
  to: string;
  file: string;
  /** Position in the file's `moved` list: the entry's YAML path is ["moved", index]. */
  index: number;
  /** Where the entry starts in its file (1-based), so that a plan blocker can point at it. */
  line: number;
  column: number;
}

export function normaliseMoved(doc: Moved, file: string, position: (index: number) => { line: number; column: number }): MoveEntry[] {
  return doc.moved.map((move, index) => ({ from: move.from, to: move.to, file, index, ...position(index) }));
}

/** The first entry for each `from` (a second one is an error of validate, DW192). */
export function movesByFrom(moves: readonly MoveEntry[]): Map<string, MoveEntry> {
  const byFrom = new Map<string, MoveEntry>();
  for (const move of moves) if (!byFrom.has(move.from)) byFrom.set(move.from, move);
  return byFrom;
}

/**
 * Follows the entries from a name, as Terraform follows its moved blocks: a to b, then b to c, is
 * a to c. Returns the entries taken, in order; empty when the name is no entry's `from`. A cycle
 * (an error of validate, DW193) stops where it would repeat a name.
 */
export function followMoves(name: string, byFrom: ReadonlyMap<string, MoveEntry>): MoveEntry[] {
  const chain: MoveEntry[] = [];
  const seen = new Set([name]);
  for (let next = byFrom.get(name); next !== undefined && !seen.has(next.to); next = byFrom.get(next.to)) {
    chain.push(next);
    seen.add(next.to);
  }
  return chain;
}
