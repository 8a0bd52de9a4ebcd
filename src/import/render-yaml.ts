import { parseDocument } from "yaml";

/**
 * Writes YAML the way the files in maps/ are written by hand: one-line flow mappings for the small
 * objects (`financeAndOperations: { entity: CustomersV3, label: Customers V3 }`), one field row a
 * line, quoted map symbols and value-map keys, block mappings for filters. Pure: values in, text out.
 */

export type Path = readonly (string | number)[];

/** A field row longer than this is written as a block mapping. */
const MAX_FLOW_LINE = 140;

/** The paths (numbers as "*") whose collections are written as one-line flow collections. */
const FLOW_PATHS = new Set([
  "financeAndOperations",
  "dataverse",
  "version",
  "initialSync",
  "resume",
  "alternateKey",
  "columns",
  "environments.*",
  "pairs.*.legalEntities",
  "alerts.*",
  "numberSequences.*",
]);

function pattern(path: Path): string {
  return path.map((part) => (typeof part === "number" ? "*" : part)).join(".");
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Whether a collection at this path is written in flow style (on one line). */
export function flowStyle(path: Path, value: unknown): boolean {
  const at = pattern(path);
  if (FLOW_PATHS.has(at)) return true;
  if (at === "fields.*") return renderInline(value, path).length + 4 <= MAX_FLOW_LINE;
  if (at === "dependsOn") return Array.isArray(value) && renderInline(value, path).length + 11 <= 100;
  // Anything under a flow collection is flow too; a value map or list nested in a block row is block.
  return false;
}

/** Map symbols and value-map keys are always double-quoted, as the README asks (`map: "="`, `"No": 0`). */
function quotedAlways(path: Path): boolean {
  const at = pattern(path);
  return at === "fields.*.map";
}

/** Names, dotted paths, versions, e-mail addresses: plain in YAML 1.2 unless they read as a number or a keyword. */
const PLAIN_WORD = /^[A-Za-z0-9_][A-Za-z0-9_.@/-]*$/;
const NUMBER_LIKE = /^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|0x[0-9a-fA-F]+|0o[0-7]+)$/;
const RESERVED = new Set(["true", "True", "TRUE", "false", "False", "FALSE", "null", "Null", "NULL"]);
/** Answers of the parser for the other strings, which repeat across maps (labels, defaults, filters). */
const probed = new Map<string, boolean>();

/** Whether a string can be written without quotes here and read back as the same string (YAML 1.2 core). */
function plainSafe(text: string, inFlow: boolean): boolean {
  if (text === "" || text.trim() !== text || /[\n\r\t]/.test(text)) return false;
  if (PLAIN_WORD.test(text)) return !RESERVED.has(text) && !NUMBER_LIKE.test(text);
  const key = `${inFlow ? "f" : "b"}${text}`;
  const known = probed.get(key);
  if (known !== undefined) return known;
  const safe = probe(text, inFlow);
  if (probed.size > 10_000) probed.clear();
  probed.set(key, safe);
  return safe;
}

function probe(text: string, inFlow: boolean): boolean {
  const source = inFlow ? `[${text}]` : `k: ${text}`;
  const doc = parseDocument(source, { schema: "core", version: "1.2", strict: true, uniqueKeys: true });
  if (doc.errors.length > 0 || doc.warnings.length > 0) return false;
  const value: unknown = doc.toJS();
  const read = inFlow ? (Array.isArray(value) && value.length === 1 ? (value[0] as unknown) : undefined) : isObject(value) ? value["k"] : undefined;
  return read === text;
}

/** A scalar as YAML text: plain where it reads back the same, else quoted. */
export function renderScalar(value: unknown, path: Path, inFlow: boolean): string {
  if (value === null || value === undefined) return "null";
  if (typeof value === "boolean") return value ? "true" : "false";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : JSON.stringify(String(value));
  const text = String(value);
  if (quotedAlways(path)) return JSON.stringify(text);
  if (plainSafe(text, inFlow)) return text;
  // Double quotes, as maps/ writes "1.0000000000"; single quotes for text with double quotes in it, as maps/ writes filters.
  if (text.includes('"') && /^[\x20-\x7e\u00a0-\uffff]*$/.test(text)) return `'${text.replace(/'/g, "''")}'`;
  return JSON.stringify(text);
}

function renderKey(key: string, path: Path): string {
  // Value-map keys are F&O enum element names: quoted, so that no, yes or 1 stay text for every reader.
  if (pattern(path).endsWith("valueMap")) return JSON.stringify(key);
  return plainSafe(key, true) ? key : JSON.stringify(key);
}

/** A value on one line: a scalar, or a flow collection (`{ a: 1, b: [x, y] }`). */
export function renderInline(value: unknown, path: Path): string {
  if (Array.isArray(value)) return `[${value.map((item, index) => renderInline(item, [...path, index])).join(", ")}]`;
  if (isObject(value)) {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    if (entries.length === 0) return "{}";
    return `{ ${entries.map(([key, v]) => `${renderKey(key, path)}: ${renderInline(v, [...path, key])}`).join(", ")} }`;
  }
  return renderScalar(value, path, true);
}

function isCollection(value: unknown): boolean {
  return Array.isArray(value) || isObject(value);
}

function inlineHere(value: unknown, path: Path): boolean {
  if (!isCollection(value)) return true;
  if (Array.isArray(value) && value.length === 0) return true;
  if (isObject(value) && Object.keys(value).length === 0) return true;
  return flowStyle(path, value);
}

/** `key: value` as lines at indent 0: inline when the value is written on one line, else the key and the block under it. */
export function renderPairLines(key: string, value: unknown, path: Path): string[] {
  const at = [...path, key];
  if (inlineHere(value, at)) return [`${renderKey(key, path)}: ${isCollection(value) ? renderInline(value, at) : renderScalar(value, at, false)}`];
  const inner = renderBlockLines(value, at);
  // Sequences under a key are indented, as in maps/ (`fields:` then `  - …`).
  return [`${renderKey(key, path)}:`, ...inner.map((line) => `  ${line}`)];
}

/** A collection as block lines at indent 0 (a scalar as one line). */
export function renderBlockLines(value: unknown, path: Path): string[] {
  if (Array.isArray(value)) {
    if (value.length === 0) return ["[]"];
    return value.flatMap((item, index) => {
      const at = [...path, index];
      if (inlineHere(item, at)) return [`- ${isCollection(item) ? renderInline(item, at) : renderScalar(item, at, false)}`];
      const [first = "", ...rest] = renderBlockLines(item, at);
      return [`- ${first}`, ...rest.map((line) => `  ${line}`)];
    });
  }
  if (isObject(value)) {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    if (entries.length === 0) return ["{}"];
    return entries.flatMap(([key, v]) => renderPairLines(key, v, path));
  }
  return [renderScalar(value, path, false)];
}

/** A whole file: the schema modeline, then the document. The text is read back and compared, so a writer bug cannot go unnoticed. */
export function renderDocument(value: Record<string, unknown>, modeline: string | undefined): string {
  const text = `${modeline === undefined ? "" : `${modeline}\n`}${renderBlockLines(value, []).join("\n")}\n`;
  const back: unknown = parseDocument(text, { schema: "core", version: "1.2", uniqueKeys: true }).toJS();
  if (!sameJson(back, value)) throw new Error(`the YAML writer produced text that does not read back as what it wrote:\n${text}`);
  return text;
}

/** Deep equality of JSON values; object key order does not count. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, index) => sameJson(item, b[index]));
  }
  if (isObject(a) && isObject(b)) {
    const keys = Object.keys(a).filter((key) => a[key] !== undefined);
    const other = Object.keys(b).filter((key) => b[key] !== undefined);
    return keys.length === other.length && keys.every((key) => Object.hasOwn(b, key) && sameJson(a[key], b[key]));
  }
  return false;
}
