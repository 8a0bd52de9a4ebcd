import { LineCounter, isNode, isScalar, type Document, type Node, type Pair } from "yaml";
import type { Diagnostic, Finding, YamlPath } from "./diagnostic.js";

/** A file as read, with its parsed document when it parsed. */
export interface SourceFile {
  path: string;
  text: string;
  lineCounter: LineCounter;
  doc: Document.Parsed | undefined;
}

/** Line starts of a text that is not parsed, so that a finding at an offset still gets a line and column. */
export function countLines(text: string): LineCounter {
  const lineCounter = new LineCounter();
  lineCounter.addNewLine(0);
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) lineCounter.addNewLine(i + 1);
  return lineCounter;
}

export function position(lineCounter: LineCounter, offset: number): { line: number; column: number } {
  const { line, col } = lineCounter.linePos(offset);
  return { line, column: col };
}

/** Finds the node at `path`, and the key node of its pair, walking as far as the document goes. */
function walk(doc: Document.Parsed, path: YamlPath): { node: Node | undefined; key: Node | undefined } {
  let node: unknown = doc.contents;
  let key: Node | undefined;
  for (const segment of path) {
    if (!isNode(node)) break;
    const collection = node as { items?: unknown[] };
    if (!Array.isArray(collection.items)) break;
    let next: unknown;
    let nextKey: Node | undefined;
    if (typeof segment === "number") {
      next = collection.items[segment];
    } else {
      const pair = (collection.items as Pair[]).find(
        (item) => isScalar(item.key) && String(item.key.value) === segment,
      );
      if (pair === undefined) break;
      next = pair.value ?? pair.key;
      nextKey = isNode(pair.key) ? pair.key : undefined;
    }
    if (!isNode(next)) break;
    node = next;
    key = nextKey;
  }
  return { node: isNode(node) ? node : undefined, key };
}

/** Offset of the first character of a scalar's value (after an opening quote). */
function valueStart(node: Node): number {
  const start = node.range?.[0] ?? 0;
  if (isScalar(node) && (node.type === "QUOTE_DOUBLE" || node.type === "QUOTE_SINGLE")) return start + 1;
  return start;
}

export function locate(finding: Finding, source: SourceFile | undefined): Diagnostic {
  const base: Diagnostic = {
    code: finding.code,
    severity: finding.severity,
    message: finding.message,
    hint: finding.hint,
    file: finding.file,
    line: 1,
    column: 1,
  };
  if (finding.platformCodes !== undefined && finding.platformCodes.length > 0) {
    base.platformCodes = finding.platformCodes;
  }
  if (finding.offset !== undefined && source !== undefined) {
    const from = position(source.lineCounter, finding.offset.start);
    const to = position(source.lineCounter, finding.offset.end);
    return { ...base, ...from, endLine: to.line, endColumn: to.column };
  }
  if (source?.doc === undefined) return base;
  const { node, key } = walk(source.doc, finding.path);
  const target = finding.atKey === true && key !== undefined ? key : node;
  const range = target?.range;
  if (range === undefined || range === null || target === undefined) return base;
  let start = range[0];
  let end = range[1];
  if (finding.span !== undefined) {
    start = valueStart(target) + finding.span.start;
    end = valueStart(target) + Math.max(finding.span.end, finding.span.start + 1);
  }
  const from = position(source.lineCounter, start);
  const to = position(source.lineCounter, end);
  return { ...base, ...from, endLine: to.line, endColumn: to.column };
}
