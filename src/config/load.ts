import type { Document } from "yaml";
import type { Environments } from "../generated/environments.js";
import type { IntegrationKey } from "../generated/integration-key.js";
import type { Moved } from "../generated/moved.js";
import type { TableMap } from "../generated/table-map.js";
import {
  normaliseEnvironments,
  normaliseIntegrationKey,
  normaliseTableMap,
  type Desired,
} from "../model/desired.js";
import type { Finding } from "./diagnostic.js";
import { parseYamlFile } from "./parse-yaml.js";
import { schemaCheck } from "./schema-check.js";
import type { Kind } from "./schemas.js";
import { countLines, locate, type SourceFile } from "./source-file.js";
import { isRecord } from "../model/json.js";
import { normaliseMoved } from "../model/moved.js";

export interface InputFile {
  path: string;
  text: string;
  /** Size on disk when the text was not read because it is over the size cap. */
  bytes?: number;
  /** Why the entry could not be read as YAML text; the loader reports it as DW008. */
  problem?: ReadProblem;
}

export interface ReadProblem {
  message: string;
  hint: string;
  /** Where in `text` the problem starts, when there is text to point into. */
  offset?: number;
}

export interface Loaded {
  desired: Desired;
  findings: Finding[];
  sources: Map<string, SourceFile>;
}

const kinds: readonly Kind[] = ["TableMap", "IntegrationKey", "Environments", "Moved"];

/** Parses and schema-checks every file, and normalises the valid ones. Pure: no file system. */
export function loadSources(files: readonly InputFile[]): Loaded {
  const desired: Desired = { maps: [], keys: [], pairs: [] };
  const findings: Finding[] = [];
  const sources = new Map<string, SourceFile>();
  for (const file of files) {
    if (file.problem !== undefined) {
      findings.push(readProblem(file, file.problem));
      sources.set(file.path, unparsedSource(file));
      continue;
    }
    const parsed = parseYamlFile(file.path, file.text, file.bytes);
    sources.set(file.path, withoutDocument(parsed.source, file.bytes));
    findings.push(...parsed.findings);
    if (parsed.findings.length > 0) continue;
    // A copy, because the parser's strings are slices of the file's text: the model keeps none of them,
    // so the text of every file is not held for the rest of the command (README, Benchmarks, Memory).
    const value: unknown = structuredClone(parsed.value);
    if (!isRecord(value)) {
      findings.push({
        code: "DW009",
        severity: "error",
        message: value === null || value === undefined ? "file is empty" : "document must be a mapping with a kind",
        hint: "Start the file with `kind: TableMap`, `kind: IntegrationKey`, `kind: Environments` or `kind: Moved`.",
        file: file.path,
        path: [],
      });
      continue;
    }
    const kind = value.kind;
    if (typeof kind !== "string" || !(kinds as readonly string[]).includes(kind)) {
      findings.push({
        code: "DW007",
        severity: "error",
        message: kind === undefined ? "missing kind" : `unknown kind ${JSON.stringify(kind)}`,
        hint: "Set kind to TableMap, IntegrationKey, Environments or Moved.",
        file: file.path,
        path: kind === undefined ? [] : ["kind"],
      });
      continue;
    }
    const problems = schemaCheck(kind as Kind, file.path, value);
    findings.push(...problems);
    if (problems.length > 0) continue;
    // The schema check above is what makes these casts sound.
    if (kind === "TableMap") desired.maps.push(normaliseTableMap(value as unknown as TableMap, file.path));
    else if (kind === "IntegrationKey") desired.keys.push(normaliseIntegrationKey(value as unknown as IntegrationKey, file.path));
    else if (kind === "Moved") {
      const at = (index: number): { line: number; column: number } => {
        const { line, column } = locate({ code: "", severity: "error", message: "", hint: "", file: file.path, path: ["moved", index] }, parsed.source);
        return { line, column };
      };
      (desired.moved ??= []).push(...normaliseMoved(value as unknown as Moved, file.path, at));
    } else desired.pairs.push(...normaliseEnvironments(value as unknown as Environments, file.path));
  }
  return { desired, findings, sources };
}

function readProblem(file: InputFile, problem: ReadProblem): Finding {
  const finding: Finding = { code: "DW008", severity: "error", message: problem.message, hint: problem.hint, file: file.path, path: [] };
  if (problem.offset === undefined) return finding;
  return { ...finding, offset: { start: problem.offset, end: Math.min(file.text.length, problem.offset + 1) } };
}

/**
 * A parsed file's source without its YAML document, which is parsed again from the same text only when
 * a finding must be placed in it (source-file.ts locate). Kept for every file of an estate at once, the
 * documents were most of a large plan's peak memory: about 85 KB a map, against 3 KB of text
 * (README, Benchmarks, Memory).
 */
function withoutDocument(source: SourceFile, bytes: number | undefined): SourceFile {
  if (source.doc === undefined) return source;
  // Not `source` itself: the getter would keep its document alive.
  const { path, text, lineCounter } = source;
  let doc: Document.Parsed | undefined;
  return {
    path,
    text,
    lineCounter,
    get doc() {
      doc ??= parseYamlFile(path, text, bytes).source.doc;
      return doc;
    },
  };
}

/** A source that was not parsed, with its line starts, so a finding at an offset gets a line and column. */
function unparsedSource(file: InputFile): SourceFile {
  return { path: file.path, text: file.text, lineCounter: countLines(file.text), doc: undefined };
}
