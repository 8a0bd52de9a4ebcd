import { isMap, isPair, isScalar, isSeq, parseDocument } from "yaml";
import type { Document, Node, Pair, YAMLMap, YAMLSeq } from "yaml";
import { isObject, renderBlockLines, renderInline, renderPairLines, renderScalar, sameJson } from "./render-yaml.js";
import type { Path } from "./render-yaml.js";

/**
 * Updates a YAML file a person wrote so that its data equals `target`, touching only the nodes
 * whose data changed. The file is parsed with `yaml.parseDocument` for the position of every node;
 * each changed node's text is replaced where it stands, so comments, blank lines, quoting, flow or
 * block style and key order of everything else survive byte for byte. A key the file lacks goes
 * where the target's key order puts it; a changed field row is replaced in place. The result is
 * read back and compared with the target; when the splice cannot express a change, the document
 * is re-serialised by the yaml library instead (comments kept, layout normalised) and `rewritten`
 * says so.
 */
export interface YamlUpdate {
  text: string;
  changed: boolean;
  rewritten: boolean;
}

interface Splice {
  start: number;
  end: number;
  text: string;
  order: number;
}

const PARSE_OPTIONS = { schema: "core", version: "1.2", uniqueKeys: true, strict: true, merge: false } as const;

export function updateYaml(text: string, target: Record<string, unknown>): YamlUpdate {
  const doc = parseDocument(text, PARSE_OPTIONS);
  if (doc.errors.length > 0) throw new Error(`cannot update YAML that does not parse: ${doc.errors[0]?.message ?? ""}`);
  const current: unknown = doc.toJS();
  if (sameJson(current, target)) return { text, changed: false, rewritten: false };
  const editor = new Editor(text);
  try {
    editor.diff(doc.contents, current, target, []);
    const spliced = editor.apply();
    const back = parseDocument(spliced, PARSE_OPTIONS);
    if (back.errors.length === 0 && sameJson(back.toJS(), target)) return { text: spliced, changed: true, rewritten: false };
  } catch (error) {
    if (!(error instanceof SpliceError)) throw error;
  }
  return { text: reserialise(doc, target), changed: true, rewritten: true };
}

/** A change the splicer does not handle (overlapping edits, a node without a position). */
class SpliceError extends Error {
  override name = "SpliceError";
}

class Editor {
  readonly #splices: Splice[] = [];
  #order = 0;

  constructor(readonly text: string) {}

  diff(node: Node | null, current: unknown, target: unknown, path: Path): void {
    if (sameJson(current, target)) return;
    if (node !== null && isMap(node) && node.flow !== true && isObject(current) && isObject(target)) return this.#diffMap(node, current, target, path);
    if (node !== null && isSeq(node) && node.flow !== true && Array.isArray(current) && Array.isArray(target)) return this.#diffSeq(node, current, target, path);
    if (node === null) throw new SpliceError("no node to replace");
    this.#replace(node, target, path);
  }

  apply(): string {
    // From the end backwards; at one offset a deletion goes before the insertions there, and insertions keep their order.
    const splices = [...this.#splices].sort((a, b) => b.start - a.start || b.end - a.end || b.order - a.order);
    let text = this.text;
    let floor = Number.POSITIVE_INFINITY;
    for (const splice of splices) {
      if (splice.end > floor) throw new SpliceError("overlapping edits");
      text = text.slice(0, splice.start) + splice.text + text.slice(splice.end);
      floor = splice.start;
    }
    return text;
  }

  #push(start: number, end: number, text: string): void {
    this.#splices.push({ start, end, text, order: this.#order++ });
  }

  #diffMap(node: YAMLMap, current: Record<string, unknown>, target: Record<string, unknown>, path: Path): void {
    const pairs = new Map<string, Pair>();
    for (const pair of node.items) {
      if (isPair(pair) && isScalar(pair.key)) pairs.set(String(pair.key.value), pair);
    }
    const indent = this.#column(rangeOf(node)[0]);
    for (const [key, pair] of pairs) {
      if (!Object.hasOwn(target, key) || target[key] === undefined) this.#deleteBlock(pair.key as Node, pair.value as Node | null);
    }
    const order = Object.keys(target).filter((key) => target[key] !== undefined);
    for (const [index, key] of order.entries()) {
      const pair = pairs.get(key);
      if (pair !== undefined) {
        const value = pair.value as Node | null;
        if (value === null || (isScalar(value) && value.value === null && rangeOf(value)[0] === rangeOf(value)[1])) {
          // `key:` with nothing after it: the whole pair is written again.
          const lines = renderPairLines(key, target[key], path).map((line) => `${" ".repeat(indent)}${line}\n`).join("");
          this.#push(this.#lineStart(rangeOf(pair.key as Node)[0]), this.#lineEndAfter(rangeOf(pair.key as Node)[1]), lines);
        } else this.diff(value, current[key], target[key], [...path, key]);
        continue;
      }
      // A new key goes after the nearest key before it in the target's order, else before the nearest after it.
      const before = order.slice(0, index).reverse().find((k) => pairs.has(k));
      const after = order.slice(index + 1).find((k) => pairs.has(k));
      const lines = renderPairLines(key, target[key], path).map((line) => `${" ".repeat(indent)}${line}\n`).join("");
      if (before !== undefined) {
        const anchor = pairs.get(before) as Pair;
        this.#insertAt(this.#lineEndAfter(endOf(anchor)), lines);
      } else if (after !== undefined) {
        this.#insertAt(this.#lineStart(rangeOf((pairs.get(after) as Pair).key as Node)[0]), lines);
      } else {
        this.#insertAt(this.#lineEndAfter(rangeOf(node)[1]), lines);
      }
    }
  }

  #diffSeq(node: YAMLSeq, current: readonly unknown[], target: readonly unknown[], path: Path): void {
    const items = node.items as (Node | null)[];
    const dashColumn = this.#column(rangeOf(node)[0]);
    const steps = align(current, target);
    // Runs of deletions and insertions between kept items: pairs are replaced in place, the rest deleted or inserted.
    let lastKept = -1;
    let dels: number[] = [];
    let ins: number[] = [];
    const flush = (nextKept: number | undefined): void => {
      const paired = Math.min(dels.length, ins.length);
      for (let k = 0; k < paired; k++) {
        const item = items[dels[k] ?? -1];
        if (item === undefined || item === null) throw new SpliceError("sequence item without a node");
        this.diff(item, current[dels[k] ?? -1], target[ins[k] ?? -1], [...path, ins[k] ?? -1]);
      }
      for (const index of dels.slice(paired)) {
        const item = items[index];
        if (item === undefined || item === null) throw new SpliceError("sequence item without a node");
        this.#deleteBlock(item, item);
      }
      const added = ins.slice(paired);
      if (added.length > 0) {
        const text = added
          .flatMap((index) => renderBlockLines([target[index]], path))
          .map((line) => `${" ".repeat(dashColumn)}${line}\n`)
          .join("");
        const anchorIndex = paired > 0 ? dels[paired - 1] : lastKept >= 0 ? lastKept : undefined;
        const anchor = anchorIndex === undefined ? undefined : items[anchorIndex];
        if (anchor !== undefined && anchor !== null) this.#insertAt(this.#lineEndAfter(rangeOf(anchor)[1]), text);
        else {
          const next = nextKept === undefined ? undefined : items[nextKept];
          const first = next ?? items[0];
          if (first === undefined || first === null) throw new SpliceError("empty sequence");
          this.#insertAt(this.#lineStart(rangeOf(first)[0]), text);
        }
      }
      dels = [];
      ins = [];
    };
    for (const step of steps) {
      if (step.kind === "keep") {
        flush(step.from);
        lastKept = step.from;
      } else if (step.kind === "delete") dels.push(step.from);
      else ins.push(step.to);
    }
    flush(undefined);
  }

  /** Replaces one node where it stands: a scalar or flow collection inline, a block collection by its lines. */
  #replace(node: Node, value: unknown, path: Path): void {
    const [start, end] = rangeOf(node);
    const block = (isMap(node) || isSeq(node)) && node.flow !== true;
    if (!block) {
      // Only whole flow collections and scalars of block collections are replaced, so a scalar here is never inside a flow.
      const text = Array.isArray(value) || isObject(value) ? renderInline(value, path) : keepQuotes(node, value) ?? renderScalar(value, path, false);
      this.#push(start, end, text);
      return;
    }
    const column = this.#column(start);
    const lines = Array.isArray(value) || isObject(value) ? renderBlockLines(value, path) : [renderScalar(value, path, false)];
    const text = lines.map((line, index) => (index === 0 ? line : `${" ".repeat(column)}${line}`)).join("\n");
    this.#push(start, this.#lineEndBefore(end), text);
  }

  /** Deletes whole lines: from the start of `first`'s line to the end of `last`'s last line. */
  #deleteBlock(first: Node, last: Node | null): void {
    const start = this.#lineStart(rangeOf(first)[0]);
    const end = this.#lineEndAfter(last === null ? rangeOf(first)[1] : rangeOf(last)[1]);
    this.#push(start, end, "");
  }

  #insertAt(offset: number, text: string): void {
    const prefix = offset === this.text.length && this.text.length > 0 && !this.text.endsWith("\n") ? "\n" : "";
    this.#push(offset, offset, prefix + text);
  }

  #lineStart(offset: number): number {
    return this.text.lastIndexOf("\n", offset - 1) + 1;
  }

  /** The end of the last content line of a node that ends at `end` (its trailing newline excluded). */
  #lineEndBefore(end: number): number {
    let at = end;
    while (at > 0 && /\s/.test(this.text[at - 1] ?? "")) at--;
    const newline = this.text.indexOf("\n", at);
    return newline === -1 ? this.text.length : newline;
  }

  /** Just past the newline that ends the last content line of a node ending at `end`. */
  #lineEndAfter(end: number): number {
    const at = this.#lineEndBefore(end);
    return at < this.text.length ? at + 1 : at;
  }

  #column(offset: number): number {
    return offset - this.#lineStart(offset);
  }
}

/** A string written in the quotes the replaced scalar had, when they can hold it: `'customertypecode eq 3'` stays single-quoted. */
function keepQuotes(node: Node, value: unknown): string | undefined {
  if (!isScalar(node) || typeof value !== "string" || /[\n\r\t]/.test(value)) return undefined;
  if (node.type === "QUOTE_SINGLE") return `'${value.replace(/'/g, "''")}'`;
  if (node.type === "QUOTE_DOUBLE") return JSON.stringify(value);
  return undefined;
}

function rangeOf(node: Node): [number, number, number] {
  const range = node.range;
  if (range === undefined || range === null) throw new SpliceError("a node without a position");
  return range;
}

function endOf(pair: Pair): number {
  const value = pair.value as Node | null;
  return value === null ? rangeOf(pair.key as Node)[1] : rangeOf(value)[1];
}

type Step = { kind: "keep"; from: number; to: number } | { kind: "delete"; from: number } | { kind: "insert"; to: number };

/** A longest-common-subsequence alignment of two lists of JSON values. */
function align(current: readonly unknown[], target: readonly unknown[]): Step[] {
  const a = current.map((item) => JSON.stringify(canonical(item)));
  const b = target.map((item) => JSON.stringify(canonical(item)));
  const n = a.length;
  const m = b.length;
  const lengths: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    const row = lengths[i] as Uint32Array;
    const below = lengths[i + 1] as Uint32Array;
    for (let j = m - 1; j >= 0; j--) row[j] = a[i] === b[j] ? (below[j + 1] ?? 0) + 1 : Math.max(below[j] ?? 0, row[j + 1] ?? 0);
  }
  const steps: Step[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) steps.push({ kind: "keep", from: i++, to: j++ });
    else if ((lengths[i + 1]?.[j] ?? 0) >= (lengths[i]?.[j + 1] ?? 0)) steps.push({ kind: "delete", from: i++ });
    else steps.push({ kind: "insert", to: j++ });
  }
  while (i < n) steps.push({ kind: "delete", from: i++ });
  while (j < m) steps.push({ kind: "insert", to: j++ });
  return steps;
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (isObject(value)) {
    return Object.fromEntries(
      Object.keys(value)
        .filter((key) => value[key] !== undefined)
        .sort()
        .map((key) => [key, canonical(value[key])]),
    );
  }
  return value;
}

/** The fallback: the yaml library sets each changed top-level value; comments on untouched nodes stay. */
function reserialise(doc: Document.Parsed, target: Record<string, unknown>): string {
  const current: unknown = doc.toJS();
  const was = isObject(current) ? current : {};
  for (const key of Object.keys(was)) if (!Object.hasOwn(target, key) || target[key] === undefined) doc.delete(key);
  for (const [key, value] of Object.entries(target)) {
    if (value !== undefined && !sameJson(was[key], value)) doc.set(key, doc.createNode(value, { aliasDuplicateObjects: false }));
  }
  return doc.toString({ lineWidth: 0 });
}
