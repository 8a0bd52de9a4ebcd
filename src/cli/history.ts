import { realpath } from "node:fs/promises";
import { resolve } from "node:path";
import { Command, Option } from "commander";
import { parseYamlFile } from "../config/parse-yaml.js";
import { validatorFor } from "../config/schemas.js";
import type { TableMap } from "../generated/table-map.js";
import { toMapDefinition } from "../model/definition.js";
import { normaliseTableMap, type Desired, type EnvironmentPair, type TableMapModel } from "../model/desired.js";
import { parseLastApplied, type LastAppliedRecord } from "../model/last-applied.js";
import { mapKey } from "../model/snapshot.js";
import { definitionHash } from "../plan/normalise-definition.js";
import { escapeControl } from "../report/escape.js";
import { loadDesired, openPair, selectPair } from "./context.js";
import { ExitError, UserError } from "./errors.js";
import { userFacing } from "./failures.js";
import { fileAt, fileHistory, fileIsDirty, hasCommit, isAncestor, openRepository, repositoryPath, type FileCommit, type Repository } from "./git.js";
import type { Io } from "./io.js";
import { checkSandboxPairs } from "./sandbox-preflight.js";

interface HistoryOptions {
  env?: string;
  all?: boolean;
  format: "text" | "json";
}

/** Where a map stands in one environment pair, from the pair's last-applied record. */
export interface PairHistory {
  pair: string;
  status: "applied" | "notApplied" | "notManaged" | "disabled" | "noCommit" | "unknownCommit" | "notInHistory" | "readFailed";
  /** The listed commit that is applied there; null when none is. */
  applied: string | null;
  /**
   * Whether the map's definition at `applied` is the one the record holds for it. False when an
   * ignore rule keeps part of it live, when it was applied from uncommitted changes, or when a
   * --changed-since apply left it as it was; null when not known.
   */
  definitionMatches: boolean | null;
  /** The record: the commit applied, when, by whom. */
  record: { commit: string | null; appliedAt: string; actor: string } | null;
  message: string;
}

export interface MapHistory {
  format_version: "1.0";
  map: string;
  file: string;
  /** The map's file differs from HEAD in the working tree or the index. */
  uncommitted: boolean;
  commits: (FileCommit & { appliedIn: string[] })[];
  environments: PairHistory[];
}

/** Edit distance, for "did you mean". */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row.push(Math.min((previous[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1)));
    previous = row;
  }
  return previous[b.length] ?? 0;
}

/** The map names closest to a name that is not one: the few nearest, or those that contain it. */
export function closeNames(name: string, names: readonly string[]): string[] {
  const wanted = name.toLowerCase();
  const scored = names
    .map((candidate) => ({ candidate, score: candidate.includes(wanted) || wanted.includes(candidate) ? 0 : distance(wanted, candidate) }))
    .filter(({ candidate, score }) => score <= Math.max(3, Math.floor(candidate.length / 3)))
    .sort((a, b) => a.score - b.score || a.candidate.localeCompare(b.candidate));
  return scored.slice(0, 5).map((s) => s.candidate);
}

function findMap(desired: Desired, name: string): TableMapModel {
  const map = desired.maps.find((m) => m.name === name);
  if (map !== undefined) return map;
  const names = desired.maps.map((m) => m.name).sort();
  const close = closeNames(name, names);
  throw new UserError(
    `no map named "${name}" in maps/`,
    close.length > 0 ? `Did you mean: ${close.join(", ")}?` : `The maps are: ${names.join(", ") || "(none)"}.`,
  );
}

/** The definition hash of the map at each commit, read once: what a last-applied record keeps for it. */
function definitionAt(repo: Repository): (commit: FileCommit) => Promise<string | undefined> {
  const cache = new Map<string, Promise<string | undefined>>();
  const read = async (commit: FileCommit): Promise<string | undefined> => {
    const text = await fileAt(repo, commit.sha, commit.path);
    if (text === undefined) return undefined;
    const parsed = parseYamlFile(commit.path, text);
    if (parsed.findings.length > 0 || !validatorFor("TableMap")(parsed.value)) return undefined;
    try {
      const map = normaliseTableMap(parsed.value as TableMap, commit.path);
      // A followed map's applied definition is its publisher's version, which no commit holds.
      if (map.version.kind === "follow") return undefined;
      return definitionHash(toMapDefinition(map));
    } catch {
      return undefined;
    }
  };
  return (commit) => {
    const known = cache.get(commit.sha);
    if (known !== undefined) return known;
    const next = read(commit);
    cache.set(commit.sha, next);
    return next;
  };
}

/**
 * Which listed commit is applied in a pair: the newest commit of the map's history that is the
 * record's commit or one of its ancestors. When the record's definition hash for the map is that
 * of an older such commit (a --changed-since apply left the map as it was), that one.
 */
async function appliedIn(
  pair: EnvironmentPair,
  map: TableMapModel,
  record: LastAppliedRecord | undefined,
  commits: readonly FileCommit[],
  repo: Repository,
  hashAt: (commit: FileCommit) => Promise<string | undefined>,
): Promise<PairHistory> {
  const base = { pair: pair.name, applied: null, definitionMatches: null };
  if (record === undefined) return { ...base, status: "notApplied", record: null, message: `dwctl has not applied anything to ${pair.name} (no last-applied record)` };
  const summary = { commit: record.commit, appliedAt: record.appliedAt, actor: record.actor };
  const last = `last apply ${record.appliedAt} by ${record.actor}${record.commit === null ? "" : `, commit ${record.commit.slice(0, 12)}`}`;
  const entry = record.maps[mapKey({ entity: map.financeAndOperations.entity, table: map.dataverse.table })];
  if (entry === undefined) return { ...base, status: "notManaged", record: summary, message: `${map.name} is not in ${pair.name}'s last-applied record: dwctl has not applied it there (${last})` };
  if (record.commit === null) return { ...base, status: "noCommit", record: summary, message: `applied from outside a git work tree: the record names no commit (${last})` };
  if (!(await hasCommit(repo, record.commit))) {
    return {
      ...base,
      status: "unknownCommit",
      record: summary,
      message: `the applied commit ${record.commit.slice(0, 12)} is not in this clone (fetch it: git fetch origin; a shallow clone has only its last commit) (${last})`,
    };
  }
  let newest: FileCommit | undefined;
  for (const commit of commits) {
    if (!(await isAncestor(repo, commit.sha, record.commit))) continue;
    newest ??= commit;
    if ((await hashAt(commit)) === entry.definitionHash) {
      const older = commit !== newest ? `; the newer ${newest.shortSha} is not applied here: the apply left this map as it was` : "";
      return { ...base, status: "applied", applied: commit.sha, definitionMatches: true, record: summary, message: `${commit.shortSha} is applied (${last})${older}` };
    }
  }
  if (newest === undefined) {
    return { ...base, status: "notInHistory", record: summary, message: `no commit of ${map.name}'s history is in the applied commit ${record.commit.slice(0, 12)} (${last})` };
  }
  return {
    ...base,
    status: "applied",
    applied: newest.sha,
    definitionMatches: false,
    record: summary,
    message: `${newest.shortSha} is applied (${last}); the definition recorded then differs from this commit's (an ignore rule keeps part of it live, or it was applied from uncommitted changes)`,
  };
}

async function readRecord(pair: EnvironmentPair, desired: Desired, io: Io): Promise<LastAppliedRecord | undefined> {
  const opened = await openPair(pair, desired, io);
  try {
    // Read-only: one record read, no lock, no snapshot.
    return parseLastApplied((await opened.gateway.readRecord("lastApplied"))?.value);
  } finally {
    await opened.close();
  }
}

export async function mapHistory(name: string, options: HistoryOptions, io: Io): Promise<MapHistory> {
  if (options.all === true && options.env !== undefined) throw new UserError("--all and --env exclude each other", "Pass --env <pair> for one pair, or --all (the default) for every pair of environments.yaml.");
  const desired = await loadDesired(io, ["maps"]);
  const map = findMap(desired, name);
  const repo = await openRepository(io.cwd, "dwctl history");
  const path = repositoryPath(repo, resolve(await realpath(io.cwd), map.file));
  const commits = await fileHistory(repo, path);
  const uncommitted = await fileIsDirty(repo, path);
  const pairs = options.env === undefined ? desired.pairs : [selectPair(desired, options.env)];
  if (pairs.some((p) => p.sandbox === true)) checkSandboxPairs(desired.pairs);
  const hashAt = definitionAt(repo);
  const environments: PairHistory[] = [];
  for (const pair of pairs) {
    if (map.environments[pair.name]?.enabled === false) {
      environments.push({ pair: pair.name, status: "disabled", applied: null, definitionMatches: null, record: null, message: `${map.name} is disabled for ${pair.name} (environments.${pair.name}.enabled: false)` });
      continue;
    }
    let record: LastAppliedRecord | undefined;
    try {
      record = await readRecord(pair, desired, io);
    } catch (error) {
      // One pair that cannot be read does not hide the others; the command exits 1 at the end.
      const facing = userFacing(error);
      if (facing === undefined) throw error;
      environments.push({ pair: pair.name, status: "readFailed", applied: null, definitionMatches: null, record: null, message: `could not be read: ${facing.message} (${facing.hint})` });
      continue;
    }
    environments.push(await appliedIn(pair, map, record, commits, repo, hashAt));
  }
  return {
    format_version: "1.0",
    map: map.name,
    file: path,
    uncommitted,
    commits: commits.map((c) => ({ ...c, appliedIn: environments.filter((e) => e.applied === c.sha).map((e) => e.pair) })),
    environments,
  };
}

export function renderHistoryText(history: MapHistory): string {
  const out = [`${history.map} (${history.file}): ${history.commits.length} commit(s), newest first`, ""];
  if (history.uncommitted) out.push(`  * (working tree) uncommitted changes to ${history.file}`);
  const authors = Math.max(0, ...history.commits.map((c) => escapeControl(c.author).length));
  for (const c of history.commits) {
    const applied = c.appliedIn.length === 0 ? "" : `  <- applied in ${c.appliedIn.join(", ")}`;
    out.push(`  ${c.shortSha}  ${c.date.slice(0, 10)}  ${escapeControl(c.author).padEnd(authors)}  ${escapeControl(c.subject)}${applied}`);
  }
  if (history.commits.length === 0) out.push("  (no commit: the file is not committed yet)");
  out.push("", "Applied:");
  for (const e of history.environments) out.push(`  ${e.pair}: ${escapeControl(e.message)}`);
  return out.join("\n") + "\n";
}

export async function runHistory(name: string, options: HistoryOptions, io: Io): Promise<number> {
  const history = await mapHistory(name, options, io);
  io.stdout.write(options.format === "json" ? `${JSON.stringify(history, null, 2)}\n` : renderHistoryText(history));
  return history.environments.some((e) => e.status === "readFailed") ? 1 : 0;
}

export function historyCommand(io: Io): Command {
  return new Command("history")
    .description("List the commits that changed a map, and which of them is applied in each environment pair (read-only, takes no lock)")
    .argument("<map>", "the map's name")
    .option("--env <pair>", "only this environment pair")
    .option("--all", "every pair of environments.yaml (the default without --env)")
    .addOption(new Option("--format <format>", "output format").choices(["text", "json"]).default("text"))
    .addHelpText("after", "\nThe applied commit of a pair is the newest commit of the map's history in the commit its last-applied record names.\nExit codes: 0 success, 1 error (a pair could not be read, an unknown map, or not a git repository).")
    .action(async (name: string, opts: HistoryOptions) => {
      const code = await runHistory(name, opts, io);
      if (code !== 0) throw new ExitError(code);
    });
}
