import type { Environments } from "../generated/environments.js";
import type { IntegrationKey } from "../generated/integration-key.js";
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
import { countLines, type SourceFile } from "./source-file.js";
import { isRecord } from "../model/json.js";

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

const kinds: readonly Kind[] = ["TableMap", "IntegrationKey", "Environments"];

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
    sources.set(file.path, parsed.source);
    findings.push(...parsed.findings);
    if (parsed.findings.length > 0) continue;
    const value = parsed.value;
    if (!isRecord(value)) {
      findings.push({
        code: "DW009",
        severity: "error",
        message: value === null || value === undefined ? "file is empty" : "document must be a mapping with a kind",
        hint: "Start the file with `kind: TableMap`, `kind: IntegrationKey` or `kind: Environments`.",
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
        hint: "Set kind to TableMap, IntegrationKey or Environments.",
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
    else desired.pairs.push(...normaliseEnvironments(value as unknown as Environments, file.path));
  }
  return { desired, findings, sources };
}

function readProblem(file: InputFile, problem: ReadProblem): Finding {
  const finding: Finding = { code: "DW008", severity: "error", message: problem.message, hint: problem.hint, file: file.path, path: [] };
  if (problem.offset === undefined) return finding;
  return { ...finding, offset: { start: problem.offset, end: Math.min(file.text.length, problem.offset + 1) } };
}

/** A source that was not parsed, with its line starts, so a finding at an offset gets a line and column. */
function unparsedSource(file: InputFile): SourceFile {
  return { path: file.path, text: file.text, lineCounter: countLines(file.text), doc: undefined };
}
