import { readdir, readFile, stat } from "node:fs/promises";
import { join, relative, resolve, sep } from "node:path";
import { limits } from "./parse-yaml.js";
import type { InputFile } from "./load.js";
import { UserError } from "../cli/errors.js";

const yamlFile = /\.ya?ml$/i;

async function walk(dir: string, out: string[]): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
    const full = join(dir, entry.name);
    if (entry.isDirectory()) await walk(full, out);
    else if (entry.isFile() && yamlFile.test(entry.name)) out.push(full);
  }
}

function display(cwd: string, path: string): string {
  const rel = relative(cwd, path);
  return (rel === "" || rel.startsWith("..") ? path : rel).split(sep).join("/");
}

/**
 * Reads the YAML files under the given paths. A file larger than the cap is not read: the
 * loader reports it from its size alone.
 */
export async function readInputFiles(paths: readonly string[], cwd: string): Promise<InputFile[]> {
  const found: string[] = [];
  for (const path of paths) {
    const full = resolve(cwd, path);
    let info;
    try {
      info = await stat(full);
    } catch {
      throw new UserError(`${path}: no such file or directory`, "Pass the maps/ folder or YAML files inside it.");
    }
    if (info.isDirectory()) await walk(full, found);
    else found.push(full);
  }
  const files: InputFile[] = [];
  for (const full of [...new Set(found)]) {
    const info = await stat(full);
    const path = display(cwd, full);
    if (info.size > limits.maxFileBytes) files.push({ path, text: "", bytes: info.size });
    else files.push({ path, text: await readFile(full, "utf8") });
  }
  return files;
}
