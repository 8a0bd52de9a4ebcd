import { ApiError } from "../api/types.js";

export interface Segment {
  name: string;
  /** The text between the parentheses, when the segment has a key predicate. */
  key: string | undefined;
}

export type KeyPredicate = { kind: "single"; value: string } | { kind: "named"; values: Map<string, string> };

/** Splits `a(b='x/y')/c` into segments, respecting quotes and parentheses. */
export function parseSegments(rest: string): Segment[] {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let current = "";
  for (const char of rest) {
    if (char === "'") quoted = !quoted;
    else if (!quoted && char === "(") depth++;
    else if (!quoted && char === ")") depth--;
    if (char === "/" && depth === 0 && !quoted) {
      parts.push(current);
      current = "";
    } else {
      current += char;
    }
  }
  parts.push(current);
  return parts.filter((part) => part !== "").map(parseSegment);
}

function parseSegment(text: string): Segment {
  const open = text.indexOf("(");
  if (open < 0) return { name: text, key: undefined };
  if (!text.endsWith(")")) throw new ApiError(400, "0x80060888", `Bad Request - Error in query syntax: ${text}`);
  return { name: text.slice(0, open), key: text.slice(open + 1, -1) };
}

/** `('x')`, `(guid)`, `(A='x',B='y')`; quoted values have `''` decoded. */
export function parseKeyPredicate(text: string): KeyPredicate {
  const pairs: [string | undefined, string][] = [];
  let position = 0;
  const source = text.trim();
  while (position < source.length) {
    let name: string | undefined;
    const equals = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*/.exec(source.slice(position));
    if (equals !== null && equals[1] !== undefined) {
      name = equals[1];
      position += equals[0].length;
    }
    let value: string;
    if (source[position] === "'") {
      let end = position + 1;
      value = "";
      for (;;) {
        const quote = source.indexOf("'", end);
        if (quote < 0) throw new ApiError(400, "0x80060888", `Bad Request - unterminated string in key ${text}`);
        value += source.slice(end, quote);
        if (source[quote + 1] === "'") {
          value += "'";
          end = quote + 2;
          continue;
        }
        position = quote + 1;
        break;
      }
    } else {
      const comma = source.indexOf(",", position);
      const end = comma < 0 ? source.length : comma;
      value = source.slice(position, end).trim();
      position = end;
    }
    pairs.push([name, value]);
    const rest = /^\s*,?\s*/.exec(source.slice(position));
    position += rest?.[0].length ?? 0;
  }
  const [first] = pairs;
  if (pairs.length === 1 && first !== undefined && first[0] === undefined) return { kind: "single", value: first[1] };
  const values = new Map<string, string>();
  for (const [name, value] of pairs) {
    if (name === undefined) throw new ApiError(400, "0x80060888", `Bad Request - invalid key ${text}`);
    values.set(name, value);
  }
  return { kind: "named", values };
}

/** The one named value of `(LogicalName='x')`, or a bare single value. */
export function keyValue(text: string, name: string): string {
  const predicate = parseKeyPredicate(text);
  if (predicate.kind === "single") return predicate.value;
  const value = predicate.values.get(name);
  if (value === undefined) throw new ApiError(400, "0x80060888", `Bad Request - expected ${name} in key (${text})`);
  return value;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isGuid(text: string): boolean {
  return GUID.test(text);
}
