import { LineCounter, parseDocument, visit, type Document } from "yaml";
import type { Finding } from "./diagnostic.js";
import { countLines, type SourceFile } from "./source-file.js";

export const limits = {
  /** Larger files are refused before parsing: no map needs this much. */
  maxFileBytes: 1024 * 1024,
  /** Aliases are legal YAML but a map never needs many; this stops "billion laughs". */
  maxAliases: 50,
};

export interface ParsedFile {
  source: SourceFile;
  value: unknown;
  findings: Finding[];
}

function finding(code: string, file: string, message: string, hint: string): Finding {
  return { code, severity: "error", message, hint, file, path: [] };
}

const yamlHints: Record<string, { code: string; hint: string }> = {
  DUPLICATE_KEY: { code: "DW002", hint: "Remove or rename one of the two keys; YAML keeps only one and dwctl refuses to guess which." },
  MULTIPLE_DOCS: { code: "DW001", hint: "Put one document in each file (one map, one key or the environments list); remove the extra `---`." },
  TAG_RESOLVE_FAILED: { code: "DW005", hint: "Remove the tag: dwctl reads plain YAML only (strings, numbers, booleans, null, lists and mappings)." },
  BAD_ALIAS: { code: "DW003", hint: "Define the anchor (&name) before using the alias (*name), or write the value out." },
};

/**
 * Parses untrusted YAML: size cap, alias cap, duplicate keys as errors, core schema only (no
 * custom or language-specific tags), one document per file. Never throws.
 */
export function parseYamlFile(path: string, text: string, size?: number): ParsedFile {
  const lineCounter = new LineCounter();
  const source: SourceFile = { path, text, lineCounter, doc: undefined };
  const bytes = size ?? Buffer.byteLength(text, "utf8");
  if (bytes > limits.maxFileBytes) {
    return {
      source,
      value: undefined,
      findings: [
        finding(
          "DW004",
          path,
          `file is ${bytes} bytes, over the limit of ${limits.maxFileBytes} bytes`,
          "Split the file: one table map, one integration key per file.",
        ),
      ],
    };
  }
  if (text.includes("\u0000")) {
    const f = finding("DW008", path, "file contains NUL bytes: it is not a text file", "Save the file as UTF-8 text.");
    return { source: { ...source, lineCounter: countLines(text) }, value: undefined, findings: [f] };
  }
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, {
      lineCounter,
      prettyErrors: false,
      schema: "core",
      version: "1.2",
      merge: false,
      uniqueKeys: true,
      strict: true,
      customTags: [],
      resolveKnownTags: false,
    });
  } catch (error) {
    // The parser reports problems as values; a throw here is a parser bug, reported as a syntax error.
    return {
      source,
      value: undefined,
      findings: [finding("DW001", path, `YAML could not be parsed: ${String(error)}`, "Check the YAML syntax near the start of the file.")],
    };
  }
  source.doc = doc;
  const findings: Finding[] = [];
  for (const problem of [...doc.errors, ...doc.warnings]) {
    const known = yamlHints[problem.code];
    const message = problem.message.split("\n")[0] ?? problem.message;
    const f: Finding = {
      code: known?.code ?? "DW001",
      severity: "error",
      message: describeProblem(problem.code, message, /^[^:\n]*/.exec(text.slice(problem.pos[0]))?.[0] ?? ""),
      hint: known?.hint ?? syntaxHint(message),
      file: path,
      path: [],
    };
    findings.push(withOffset(f, problem.pos[0], problem.pos[1], text));
  }
  if (findings.length > 0) return { source, value: undefined, findings };

  let aliases = 0;
  let firstAlias: [number, number] | undefined;
  visit(doc, {
    Alias(_key, node) {
      aliases += 1;
      if (firstAlias === undefined && node.range !== undefined && node.range !== null) {
        firstAlias = [node.range[0], node.range[1]];
      }
    },
  });
  if (aliases > limits.maxAliases) {
    const f = finding(
      "DW003",
      path,
      `${aliases} aliases, over the limit of ${limits.maxAliases}`,
      "Write the values out instead of using anchors and aliases; expansion of many aliases is refused as a denial-of-service guard.",
    );
    return { source, value: undefined, findings: [withOffset(f, firstAlias?.[0] ?? 0, firstAlias?.[1] ?? 1, text)] };
  }
  try {
    // maxAliasCount bounds the expanded size: each alias may expand to at most this many nodes.
    const value = doc.toJS({ maxAliasCount: 100 });
    return { source, value, findings: [] };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const unresolved = /Unresolved alias.*?: (\S+)/.exec(reason);
    const f =
      unresolved !== null
        ? finding("DW003", path, `alias *${unresolved[1] ?? ""} has no anchor`, yamlHints.BAD_ALIAS?.hint ?? "")
        : finding(
            "DW003",
            path,
            "alias expansion is too large",
            "Write the values out instead of nesting aliases; expansion is capped as a denial-of-service guard.",
          );
    const alias = firstAlias ?? [0, 1];
    return { source, value: undefined, findings: [withOffset(f, alias[0], alias[1], text)] };
  }
}

/** A finding at a raw offset (no YAML node to point at): stored as a span of the whole file. */
export function withOffset(f: Finding, start: number, end: number, text: string): Finding {
  const s = Math.max(0, Math.min(start, text.length));
  return { ...f, path: [], offset: { start: s, end: Math.max(s + 1, Math.min(end, text.length)) } };
}

function describeProblem(code: string, message: string, source: string): string {
  if (code === "DUPLICATE_KEY") return `duplicate key "${source.trim().replace(/^(["'])(.*)\1$/, "$2")}"`;
  if (code === "MULTIPLE_DOCS") return "more than one YAML document in the file";
  if (code === "TAG_RESOLVE_FAILED") return message.replace(/^Unresolved tag/, "unsupported tag");
  if (code === "BAD_ALIAS") return message;
  return `YAML syntax: ${message}`;
}

function syntaxHint(message: string): string {
  if (/indicator/.test(message)) return 'Quote the value: map types such as > and >> must be written map: ">".';
  if (/tab/i.test(message)) return "Indent with spaces, not tabs.";
  return "Fix the YAML syntax at this position. Quote values that start with > | @ ` or contain ': '.";
}
