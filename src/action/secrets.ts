import { readFileSync, statSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { parseYamlFile } from "../config/parse-yaml.js";
import { SECRET_VARIABLE_PREFIX } from "../rules/token-hosts.js";

/**
 * dwctl's own settings: named DWCTL_* like the secrets, but never secret (paths, timings, flags).
 * Every other DWCTL_* variable may hold a secret (README, "Where tokens may go"), so it is masked.
 */
const SETTINGS = new Set(["DWCTL_SANDBOX_DIR", "DWCTL_SANDBOX_TIMINGS", "DWCTL_SANDBOX_ENVIRONMENTS", "DWCTL_DEBUG"]);

/** Names of the variables that may hold a secret, from the environment alone: every DWCTL_* but the settings. */
export function secretVariablesOfEnv(env: Record<string, string | undefined>): string[] {
  return Object.keys(env)
    .filter((name) => name.startsWith(SECRET_VARIABLE_PREFIX) && !SETTINGS.has(name))
    .sort();
}

/**
 * Names of the variables the pairs of environments.yaml read secrets from: auth.clientSecretVariable,
 * auth.managementTokenVariable and allowedSecretVariables. Read leniently (a file that does not load
 * names nothing): validate reports what is wrong with it; this only decides what to mask.
 */
export function secretVariablesOfConfig(cwd: string, paths: readonly string[]): string[] {
  const names = new Set<string>();
  for (const file of environmentFiles(cwd, paths)) {
    let text: string;
    try {
      text = readFileSync(file, "utf8");
    } catch {
      continue;
    }
    const { value } = parseYamlFile(file, text);
    const pairs = isRecord(value) && Array.isArray(value.pairs) ? value.pairs : [];
    for (const pair of pairs) {
      if (!isRecord(pair)) continue;
      const auth = isRecord(pair.auth) ? pair.auth : {};
      for (const setting of [auth.clientSecretVariable, auth.managementTokenVariable]) if (typeof setting === "string" && setting !== "") names.add(setting);
      if (Array.isArray(pair.allowedSecretVariables)) for (const name of pair.allowedSecretVariables) if (typeof name === "string" && name !== "") names.add(name);
    }
  }
  return [...names].sort();
}

/** environments.yaml in each folder given (or the file itself). */
function environmentFiles(cwd: string, paths: readonly string[]): string[] {
  const files: string[] = [];
  for (const path of paths) {
    const full = resolve(cwd, path);
    try {
      const stat = statSync(full);
      if (stat.isDirectory()) {
        for (const name of ["environments.yaml", "environments.yml"]) files.push(join(full, name));
      } else if (/^environments\.ya?ml$/.test(basename(full))) {
        files.push(full);
      }
    } catch {
      // A path that does not exist names nothing; validate says so.
    }
  }
  return files;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The values to mask: each named variable's value, when it is set. */
export function secretValues(env: Record<string, string | undefined>, names: Iterable<string>): string[] {
  const values = new Set<string>();
  for (const name of names) {
    const value = env[name];
    if (value !== undefined && value.trim() !== "") values.add(value);
  }
  return [...values];
}
