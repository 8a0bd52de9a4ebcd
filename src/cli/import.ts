import { readdir, readFile, stat } from "node:fs/promises";
import { dirname, join, relative, resolve, sep } from "node:path";
import { Command } from "commander";
import { loadSources } from "../config/load.js";
import { loaderCodes } from "../config/loader-codes.js";
import { readInputFiles } from "../config/read-files.js";
import { schemaDir } from "../config/schemas.js";
import { buildImport, nameLiveMaps, type FileChange, type NamedLiveMap } from "../import/build-import.js";
import { DwHelperConfigError, readDwHelperConfig } from "../import/dw-helper/read-config.js";
import { resolveDwHelper, type DwHelperIntent } from "../import/dw-helper/resolve.js";
import { ImportWriteError, writeAllOrNothing } from "../import/write-files.js";
import { importReaderOf } from "../live/http-gateway.js";
import { redact } from "../live/http/redact.js";
import { escapeControl, escapeControlKeepNewlines } from "../report/escape.js";
import type { LiveMapSource } from "../live/gateway.js";
import { mapKey } from "../model/snapshot.js";
import { openPair, selectPair } from "./context.js";
import { UserError } from "./errors.js";
import { describeFailure, errorCode, OutputFileError } from "./failures.js";
import type { Io } from "./io.js";
import { checkSandboxPairs } from "./sandbox-preflight.js";

interface ImportCommandOptions {
  env?: string;
  maps?: string;
  out: string;
  fromDwHelper?: string;
}

const SCHEMA_FILES = { TableMap: "table-map.schema.json", IntegrationKey: "integration-key.schema.json" } as const;

/**
 * dwctl import: reads a pair's live maps, keys, legal entities and states (read-only: a snapshot,
 * then FieldMappings for each map) and writes them as YAML into the estate in --out. Files that
 * declare a map or key already are updated in place; new ones follow the naming rule. Every file
 * is written at the end, all or none.
 */
export async function runImport(options: ImportCommandOptions, io: Io): Promise<void> {
  const outDir = resolve(io.cwd, options.out);
  const shown = (path: string): string => relative(io.cwd, path) || ".";
  if (!(await isDirectory(outDir))) {
    throw new UserError(
      `the folder ${options.out} does not exist`,
      `Pass --out the folder of your estate (the one with environments.yaml, tablemaps/ and keys/), or create it with environments.yaml in it first: import needs the pair's URLs.`,
    );
  }
  const files = await readInputFiles([shown(outDir)], io.cwd);
  const loaded = loadSources(files);
  const broken = loaded.findings.filter((finding) => finding.severity === "error" && loaderCodes.some((entry) => entry.code === finding.code));
  if (broken.length > 0) {
    const first = broken[0];
    throw new UserError(
      `${broken.length} file(s) in ${options.out} cannot be read as dwctl YAML (first: ${first?.file ?? ""} ${first?.code ?? ""} ${first?.message ?? ""})`,
      `Fix them first (dwctl validate ${options.out} lists them): import must know every map and key the estate declares, or it would write a second file for one of them.`,
    );
  }
  const { desired } = loaded;
  if (desired.pairs.length === 0) {
    throw new UserError(`${options.out} has no environments.yaml`, `Copy your environments.yaml into ${options.out} (import reads the pair's URLs and auth settings from it), or pass --out the folder that has it.`);
  }
  const pair = selectPair(desired, options.env);
  const dwHelper = options.fromDwHelper === undefined ? undefined : await readDwHelperFile(options.fromDwHelper, io);
  const requested = options.maps === undefined ? undefined : options.maps.split(",").map((name) => name.trim()).filter((name) => name !== "");
  if (pair.sandbox === true) checkSandboxPairs(desired.pairs);

  const texts = new Map(files.map((file) => [file.path, file.text]));
  const reserved = await stems(join(outDir, "tablemaps"));
  const opened = await openPair(pair, desired, io);
  try {
    const reader = importReaderOf(opened.gateway);
    if (reader === undefined) throw new Error("this gateway cannot read for import");
    const snapshot = await reader.snapshot();
    const named = nameLiveMaps(snapshot, desired, reserved);
    let intents: Map<string, DwHelperIntent> | undefined;
    const warnings: string[] = [];
    let selected: NamedLiveMap[] = named;
    if (dwHelper !== undefined) {
      const names = new Map((await reader.serviceNames()).map((entry) => [mapKey(entry.ref), entry.serviceName]));
      const live = snapshot.maps.map((map) => ({ map, serviceName: names.get(mapKey(map.ref)) ?? `${map.definition.dataverse.entitySet} - ${map.definition.financeAndOperations.label}` }));
      const resolved = resolveDwHelper(dwHelper.config, dwHelper.file, live, new URL(pair.financeAndOperations.url).hostname);
      warnings.push(...resolved.warnings);
      intents = new Map(resolved.intents.map((intent) => [mapKey(intent.ref), intent]));
      selected = named.filter((entry) => intents?.has(mapKey(entry.map.ref)) === true);
    }
    if (requested !== undefined) selected = selectByName(selected, named, requested, pair.name);
    const sources = await reader.readMapSources(selected.map((entry) => entry.map.ref));
    const result = buildImport({
      pair,
      snapshot,
      maps: selected,
      sources: new Map(sources.map((source: LiveMapSource) => [mapKey(source.ref), source])),
      estate: { desired, texts },
      newFile: (kind, stem) => {
        const path = join(outDir, kind === "TableMap" ? "tablemaps" : "keys", `${stem}.yaml`);
        const schema = relative(dirname(path), join(schemaDir, SCHEMA_FILES[kind])).split(sep).join("/");
        return { path: shown(path), modeline: `# yaml-language-server: $schema=${schema}` };
      },
      ...(intents === undefined ? {} : { dwHelper: intents }),
    });
    warnings.push(...result.warnings);
    const changes = result.files;
    for (const change of changes.filter((c) => c.action === "create")) {
      if (texts.has(change.path) || (await isFile(resolve(io.cwd, change.path)))) {
        throw new UserError(`${change.path} exists, but it does not declare ${change.subject}`, "Rename or move that file, then import again: import does not overwrite a file it did not read as the same map or key.");
      }
    }
    const toWrite = changes.filter((change) => change.action !== "unchanged");
    try {
      await writeAllOrNothing(
        toWrite.map((change) => ({ path: resolve(io.cwd, change.path), text: change.text })),
        shown,
      );
    } catch (error) {
      if (!(error instanceof ImportWriteError)) throw error;
      const described = describeFailure(new OutputFileError(error.path, error.cause));
      const folder = errorCode(error) === "EISDIR";
      throw new UserError(
        `${described?.message ?? error.message}; nothing was written`,
        folder ? "A folder has that file's name: rename or remove it, then import again." : (described?.hint ?? "Check the folder, then import again."),
      );
    }
    report(io, pair.name, selected.length, sources, changes, warnings, result.sources.length);
  } finally {
    await opened.close();
  }
}

function selectByName(selected: readonly NamedLiveMap[], all: readonly NamedLiveMap[], requested: readonly string[], pair: string): NamedLiveMap[] {
  const known = new Set(all.map((entry) => entry.name));
  const unknown = requested.filter((name) => !known.has(name));
  if (unknown.length > 0) {
    const names = [...known].sort();
    throw new UserError(
      `pair ${pair} has no live map named ${unknown.join(", ")}`,
      `Name maps as import names them (the file's name, else the last-applied name, else <label>-<entity set>): ${names.slice(0, 20).join(", ")}${names.length > 20 ? `, … (${names.length} in all)` : names.length === 0 ? "(the pair has no maps)" : ""}. Nothing was written.`,
    );
  }
  const wanted = new Set(requested);
  return selected.filter((entry) => wanted.has(entry.name));
}

async function readDwHelperFile(file: string, io: Io): Promise<{ file: string; config: ReturnType<typeof readDwHelperConfig> }> {
  let text: string;
  try {
    text = await readFile(resolve(io.cwd, file), "utf8");
  } catch (error) {
    const code: unknown = error instanceof Error ? Reflect.get(error, "code") : undefined;
    throw new UserError(
      `cannot read ${file}${code === "ENOENT" ? ": no such file" : code === "EISDIR" ? ": it is a folder" : typeof code === "string" ? ` (${code})` : ""}`,
      "Pass the DW Helper configuration file: its App.config (DualWriteHelper.dll.config) or a .config file its export mode wrote.",
    );
  }
  try {
    return { file, config: readDwHelperConfig(text, file) };
  } catch (error) {
    if (error instanceof DwHelperConfigError) {
      throw new UserError(error.message, "Pass DW Helper's configuration file: XML with <configuration><DWSettings><MapConfigs><Map mapName=… version=… authors=… keys=… group=…/>.");
    }
    throw error;
  }
}

function report(io: Io, pair: string, maps: number, sources: readonly LiveMapSource[], changes: readonly FileChange[], warnings: readonly string[], described: number): void {
  const out: string[] = [];
  const read = sources.filter((source) => source.project !== undefined).length;
  out.push(`Imported ${maps} map(s) from ${pair}; FieldMappings read for ${read} of ${described}.`);
  for (const change of changes.filter((c) => c.action !== "unchanged")) {
    const what = change.action === "create" ? "created" : `updated (${change.changed.join(", ")})${change.rewritten ? ", layout rewritten" : ""}`;
    out.push(`  ${change.action === "create" ? "+" : "~"} ${change.path}  ${what}`);
  }
  const unchanged = changes.filter((c) => c.action === "unchanged").length;
  if (unchanged > 0) out.push(`  = ${unchanged} file(s) unchanged`);
  const written = changes.filter((c) => c.action !== "unchanged").length;
  out.push(written === 0 ? "Nothing to write: the files match the pair." : `Wrote ${written} file(s). Review them, then dwctl plan --env ${pair} shows what git and the pair still differ in.`);
  // Names and labels come from the pair: a control character in them must not reach the terminal.
  io.stdout.write(`${escapeControlKeepNewlines(out.join("\n"))}\n`);
  for (const warning of warnings) io.stderr.write(`warning: ${escapeControl(redact(warning))}\n`);
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

async function isFile(path: string): Promise<boolean> {
  try {
    return !(await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

/** The names of the YAML files in a folder, which a new map must not take. */
async function stems(folder: string): Promise<Set<string>> {
  try {
    return new Set((await readdir(folder)).filter((name) => /\.ya?ml$/i.test(name)).map((name) => name.replace(/\.ya?ml$/i, "")));
  } catch {
    return new Set();
  }
}

export function importCommand(io: Io): Command {
  return new Command("import")
    .description("Write a pair's live maps, keys, legal entities and states as YAML (read-only on the pair; existing files are updated in place)")
    .option("--env <pair>", "environment pair name from environments.yaml (in --out)")
    .option("--maps <names>", "only these maps, comma-separated, by the names import gives them")
    .option("--out <folder>", "the estate to write into: its environments.yaml names the pair; maps go to tablemaps/, keys to keys/", "maps")
    .option("--from-dw-helper <file>", "take the maps, version pins, target states and integration keys from a DW Helper configuration file; the live maps fill in the rest")
    .addHelpText("after", "\nExit codes: 0 written (or nothing to write), 1 error (nothing written).")
    .action(async (opts: ImportCommandOptions) => {
      await runImport(opts, io);
    });
}
