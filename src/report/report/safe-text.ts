import { escapeControl, escapeControlKeepNewlines } from "../escape.js";

/**
 * Bidirectional formatting characters (Trojan Source, CVE-2021-42574): invisible, yet they reorder
 * what a reviewer reads. Shown as their code points, as control characters are.
 */
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;

const codePoint = (c: string): string => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`;

/** One line of text from git or an environment, with every control and bidi character made visible. */
export function visibleLine(text: string): string {
  return escapeControl(text).replace(BIDI, codePoint);
}

/** The same for multi-line text whose newlines are the renderer's own (a diff). */
export function visibleLines(text: string): string {
  return escapeControlKeepNewlines(text.replace(/\r\n/g, "\n")).replace(BIDI, codePoint);
}

/**
 * Text for HTML (an element's content or a double-quoted attribute). `@` is followed by a
 * zero-width space so that GitHub, which links mentions in the rendered text, mentions nobody.
 */
export function htmlText(text: string, options: { mentions?: boolean } = {}): string {
  const escaped = visibleLine(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
  return options.mentions === false ? escaped.replace(/@/g, "&#64;&#8203;") : escaped;
}

/** Multi-line text for HTML (a diff in a <pre>): newlines kept, everything else as htmlText. */
export function htmlLines(text: string): string {
  return visibleLines(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

/**
 * Text for GitHub Markdown, inline (a paragraph, a list item, a table cell): Markdown syntax is
 * escaped with backslashes, HTML with entities, a pipe cannot open a table cell, a newline cannot
 * start a block, and an `@` mentions no one.
 */
export function markdownText(text: string): string {
  return visibleLine(text)
    .replace(/([\\`*_[\]|~#])/g, "\\$1")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/@/g, "@&#8203;")
    .replace(/\r?\n/g, " ");
}

/**
 * Text inside a raw HTML line of a Markdown document (<summary>), where backslashes are not read:
 * HTML-escaped, and Markdown's own characters written as entities, in case a renderer reads them.
 */
export function markdownHtmlText(text: string): string {
  return htmlText(text, { mentions: false }).replace(/[\\`*_[\]|~#]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A fence of backticks longer than any run of backticks in the content, so that no line closes it. */
export function fenceFor(content: string): string {
  const longest = Math.max(0, ...[...content.matchAll(/`+/g)].map((m) => m[0].length));
  return "`".repeat(Math.max(3, longest + 1));
}
