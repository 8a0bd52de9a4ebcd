import { lstat, stat } from "node:fs/promises";
import { dirname, isAbsolute, join, relative, resolve } from "node:path";
import type { InputFile } from "./load.js";
import { readInputFiles } from "./read-files.js";

async function exists(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch {
    return false;
  }
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

function within(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === "" || (!rel.startsWith("..") && !isAbsolute(rel));
}

/**
 * The repository root, found the way git finds its own: from `cwd` upwards, the first folder that
 * holds a maps/ folder. The walk stops at a folder that holds .git (the repository's own root,
 * returned even without maps/) and at the top of the file system; with neither, the root is `cwd`.
 */
export async function findRepositoryRoot(cwd: string): Promise<string> {
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    if (await isDirectory(join(dir, "maps"))) return dir;
    if (await exists(join(dir, ".git"))) return dir;
    if (dirname(dir) === dir) return resolve(cwd);
  }
}

/** What marks a folder as one estate: the layout of maps/ (README, "The repository layout"). */
async function isEstate(dir: string): Promise<boolean> {
  return (await exists(join(dir, "environments.yaml"))) || (await isDirectory(join(dir, "tablemaps"))) || (await isDirectory(join(dir, "keys")));
}

/**
 * The estate a path belongs to: the nearest folder at or above it, inside the repository, that
 * holds environments.yaml, tablemaps/ or keys/ (maps/ in this layout; Microsoft's templates in
 * test/corpus/templates). Undefined for a path in no estate, which is then read on its own.
 */
export async function estateOf(path: string, root: string): Promise<string | undefined> {
  if (!within(root, path)) return undefined;
  for (let dir = (await isDirectory(path)) ? path : dirname(path); within(root, dir); dir = dirname(dir)) {
    if (await isEstate(dir)) return dir;
    if (dir === root || dirname(dir) === dir) return undefined;
  }
  return undefined;
}

export interface EstateFiles {
  /** The files given and the rest of their estates. */
  files: InputFile[];
  /** The paths (as in `files`) of the files given, the ones to report on. */
  given: Set<string>;
  /** The repository root. */
  root: string;
  /** The estate folders read for context, relative to the working folder. */
  estates: string[];
}

/**
 * Reads the given paths together with the estates they belong to, so that rules across files (a
 * map's integration key, dependsOn) see the whole estate while only the files given are reported
 * on. No paths: the repository's maps/ folder, from any folder inside the repository.
 */
export async function readWithEstate(paths: readonly string[], cwd: string): Promise<EstateFiles> {
  const root = await findRepositoryRoot(cwd);
  const asked = paths.length > 0 ? paths : [relative(cwd, join(root, "maps")) || "."];
  const given = await readInputFiles(asked, cwd, root);
  const estates = new Set<string>();
  for (const path of asked) {
    const estate = await estateOf(resolve(cwd, path), root);
    if (estate !== undefined) estates.add(estate);
  }
  const seen = new Set(given.map((f) => f.path));
  const shown = [...estates].map((e) => relative(cwd, e) || ".");
  const context = shown.length === 0 ? [] : await readInputFiles(shown, cwd, root);
  return { files: [...given, ...context.filter((f) => !seen.has(f.path))], given: seen, root, estates: shown };
}
