import type { Dirent } from "node:fs";
import { lstat, readdir, readFile, realpath, stat } from "node:fs/promises";
import { isAbsolute, join, relative, resolve, sep } from "node:path";
import { limits } from "./parse-yaml.js";
import type { InputFile, ReadProblem } from "./load.js";

const yamlFile = /\.ya?ml$/i;

/** A path the user passed that cannot be read at all; the CLI turns it into a message and hint. */
export class ReadFilesError extends Error {
  override name = "ReadFilesError";
  readonly hint: string;
  constructor(message: string, hint: string) {
    super(message);
    this.hint = hint;
  }
}

/** One entry found under the given paths: a file to read, or why it cannot be. */
type Found = { full: string; problem?: ReadProblem };

interface Walk {
  root: string;
  found: Found[];
  /** Real paths of the folders walked, so a symlink loop is walked once. */
  seen: Set<string>;
}

function inside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === "" || (!rel.startsWith("..") && !isAbsolute(rel));
}

const outsideHint = "Copy the file into the repository, or link to a file inside it: dwctl reads only what git reviews.";

async function visit(walk: Walk, full: string, dirent: Dirent | undefined): Promise<void> {
  const info = dirent ?? (await lstat(full));
  if (info.isSymbolicLink()) {
    let target: string;
    try {
      target = await realpath(full);
    } catch {
      walk.found.push({ full, problem: { message: "symbolic link that points to nothing", hint: "Remove the link, or point it at a YAML file inside the repository." } });
      return;
    }
    if (!inside(walk.root, target)) {
      walk.found.push({ full, problem: { message: `symbolic link to a file outside the repository (${target}): refused`, hint: outsideHint } });
      return;
    }
    const resolved = await stat(target);
    if (resolved.isDirectory()) await walkDir(walk, full, target);
    else await visitFile(walk, full, resolved.isFile());
    return;
  }
  if (info.isDirectory()) await walkDir(walk, full, await realpath(full));
  else await visitFile(walk, full, info.isFile());
}

async function visitFile(walk: Walk, full: string, regular: boolean): Promise<void> {
  if (!regular) {
    walk.found.push({ full, problem: { message: "not a regular file (a pipe, socket or device)", hint: "Remove it from maps/: only YAML files belong there." } });
  } else if (!yamlFile.test(full)) {
    walk.found.push({ full, problem: { message: "not a YAML file", hint: "Rename it to .yaml if it is a map, key or environments file; otherwise move it out of maps/." } });
  } else {
    walk.found.push({ full });
  }
}

async function walkDir(walk: Walk, full: string, real: string): Promise<void> {
  if (walk.seen.has(real)) return;
  walk.seen.add(real);
  const entries = await readdir(full, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    // Dot-entries (.gitkeep, editor files) and installed packages are not part of the desired state.
    if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
    await visit(walk, join(full, entry.name), entry);
  }
}

/** A path as the user sees it: relative to the working folder, or absolute when it is outside the repository. */
function display(cwd: string, root: string, path: string): string {
  const rel = relative(cwd, path);
  const shown = rel === "" || (rel.startsWith("..") && !inside(root, path)) || isAbsolute(rel) ? path : rel;
  return shown.split(sep).join("/");
}

const utf8 = new TextDecoder("utf-8", { fatal: true });
const lenient = new TextDecoder("utf-8");

async function readOne(found: Found, path: string): Promise<InputFile> {
  if (found.problem !== undefined) return { path, text: "", problem: found.problem };
  let bytes: Buffer;
  try {
    const info = await stat(found.full);
    if (info.size > limits.maxFileBytes) return { path, text: "", bytes: info.size };
    bytes = await readFile(found.full);
  } catch (error) {
    const code: unknown = error instanceof Error ? Reflect.get(error, "code") : undefined;
    const why = code === "EACCES" || code === "EPERM" ? "permission denied" : error instanceof Error ? error.message : String(error);
    return { path, text: "", problem: { message: `cannot be read: ${why}`, hint: "Check the file's permissions and that it still exists, then run the command again." } };
  }
  try {
    return { path, text: utf8.decode(bytes) };
  } catch {
    // The replacement character marks where decoding first failed, so the error points at it.
    const text = lenient.decode(bytes);
    const at = Math.max(0, text.indexOf("\uFFFD"));
    return { path, text, problem: { message: "file is not valid UTF-8 text", hint: "Save the file as UTF-8 (without a byte order mark other than UTF-8's).", offset: at } };
  }
}

/**
 * Reads the YAML files under the given paths. Every entry that is not a readable regular YAML file
 * (a symlink out of the repository, a pipe, a file of another type, bytes that are not UTF-8) comes
 * back with the problem that the loader reports as DW008, so it can never be skipped silently.
 * Paths are resolved against `cwd` and shown relative to it. The repository is `root` (by default
 * `cwd`); symlinks inside it are followed. A file larger than the cap is not read: the loader
 * reports it from its size alone.
 */
export async function readInputFiles(paths: readonly string[], cwd: string, root: string = cwd): Promise<InputFile[]> {
  const repository = await realpath(root);
  const walk: Walk = { root: repository, found: [], seen: new Set() };
  for (const path of paths) {
    const full = resolve(cwd, path);
    try {
      await lstat(full);
    } catch {
      throw new ReadFilesError(`${path}: no such file or directory`, "Pass the maps/ folder or YAML files inside it.");
    }
    await visit(walk, full, undefined);
  }
  const unique = new Map<string, Found>();
  for (const found of walk.found) if (!unique.has(found.full)) unique.set(found.full, found);
  const files: InputFile[] = [];
  for (const found of unique.values()) files.push(await readOne(found, display(cwd, root, found.full)));
  return files;
}
