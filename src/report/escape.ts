/** C0 controls, DEL and C1 controls (category Cc): what a terminal may act on instead of printing. */
const CONTROL = /\p{Cc}/gu;
const CONTROL_BUT_NEWLINE = /[^\P{Cc}\n]/gu;

const visible = (c: string): string => {
  if (c === "\n") return "\\n";
  if (c === "\t") return "\\t";
  if (c === "\r") return "\\r";
  return `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`;
};

/**
 * Shows control characters visibly (`\u001b`), so text from YAML or from an environment cannot
 * move the cursor, retitle the window or hide what a reviewer reads. For one-line values.
 */
export function escapeControl(text: string): string {
  return text.replace(CONTROL, visible);
}

/** The same for text whose newlines are the renderer's own (multi-line messages, diffs). */
export function escapeControlKeepNewlines(text: string): string {
  return text.replace(CONTROL_BUT_NEWLINE, visible);
}

/**
 * A copy of a value with every string escaped, keeping newlines only in the named fields
 * (for example a plan's diffs, whose lines the renderer splits).
 */
export function escapeStrings<T>(value: T, keepNewlines: ReadonlySet<string> = new Set()): T {
  const walk = (v: unknown, key: string | undefined): unknown => {
    if (typeof v === "string") return key !== undefined && keepNewlines.has(key) ? escapeControlKeepNewlines(v) : escapeControl(v);
    if (Array.isArray(v)) return v.map((item) => walk(item, undefined));
    if (typeof v === "object" && v !== null) return Object.fromEntries(Object.entries(v).map(([k, item]) => [k, walk(item, k)]));
    return v;
  };
  return walk(value, undefined) as T;
}
