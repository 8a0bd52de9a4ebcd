import { isScalar, parseDocument, visit } from "yaml";
import type { Rule, RuleFinding } from "./rule.js";

/**
 * C0 and C1 controls and DEL, except tab, line feed and carriage return, which YAML uses as text,
 * and NUL, which makes the file binary (DW008).
 */
const RAW = /[^\P{Cc}\0\t\n\r]/gu;
/** Double-quoted escapes that can stand for such a character (YAML 1.2 §5.7). */
const ESCAPE = /\\(?:x([0-9a-fA-F]{2})|u([0-9a-fA-F]{4})|U([0-9a-fA-F]{8})|([0abefvN]))/g;
const MAY_ESCAPE = new RegExp(ESCAPE.source);
const SHORT: Record<string, number> = { "0": 0, a: 7, b: 8, e: 0x1b, f: 0xc, v: 0xb, N: 0x85 };

function isControl(code: number): boolean {
  return (code <= 0x1f && code !== 0x09 && code !== 0x0a && code !== 0x0d) || (code >= 0x7f && code <= 0x9f);
}

function codeOf(match: RegExpMatchArray): number {
  const hex = match[1] ?? match[2] ?? match[3];
  return hex === undefined ? (SHORT[match[4] ?? ""] ?? -1) : Number.parseInt(hex, 16);
}

const name = (code: number): string => `U+${code.toString(16).toUpperCase().padStart(4, "0")}${code === 0x1b ? " (escape)" : ""}`;

function found(file: string, start: number, end: number, code: number): RuleFinding {
  return {
    message: `control character ${name(code)}: a terminal acts on it instead of showing it, so plan and apply output could be rewritten`,
    hint: "Remove it and write plain text: labels, names and filters are shown to reviewers in plan and apply output.",
    file,
    path: [],
    offset: { start, end },
  };
}

/** The escapes inside double-quoted scalars; a backslash elsewhere (plain, single-quoted, comment) is literal. */
function escapedControls(file: string, text: string): RuleFinding[] {
  const out: RuleFinding[] = [];
  const doc = parseDocument(text, { keepSourceTokens: false, uniqueKeys: false, strict: false });
  visit(doc, {
    Scalar(_key, node) {
      if (!isScalar(node) || node.type !== "QUOTE_DOUBLE" || node.range === undefined || node.range === null) return;
      const [start, end] = node.range;
      for (const match of text.slice(start, end).matchAll(ESCAPE)) {
        const code = codeOf(match);
        if (!isControl(code)) continue;
        out.push(found(file, start + match.index, start + match.index + match[0].length, code));
        return;
      }
    },
  });
  return out;
}

export const controlCharacters: Rule = {
  code: "DW181",
  severity: "error",
  title: "No control characters in YAML (terminal escape sequences)",
  check: ({ files }) =>
    files.flatMap((file) => {
      const raw = [...file.text.matchAll(RAW)].map((m) => found(file.path, m.index, m.index + 1, m[0].charCodeAt(0)));
      // Most files hold no backslash escape at all: parse again only the ones that might.
      const escaped = MAY_ESCAPE.test(file.text) ? escapedControls(file.path, file.text) : [];
      return [...raw, ...escaped];
    }),
};
