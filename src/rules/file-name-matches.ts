import { basename } from "node:path/posix";
import type { RuleFinding, Rule } from "./rule.js";

function stem(file: string): string {
  return basename(file.replace(/\\/g, "/")).replace(/\.ya?ml$/i, "");
}

export const fileNameMatches: Rule = {
  code: "DW102",
  severity: "error",
  title: "Each file is named after what it declares",
  check: ({ desired }) => {
    const findings: RuleFinding[] = [];
    for (const map of desired.maps) {
      if (stem(map.file) !== map.name) {
        findings.push({
          message: `file name "${basename(map.file)}" does not match map name "${map.name}"`,
          hint: `Rename the file to ${map.name}.yaml, or change name to "${stem(map.file)}".`,
          file: map.file,
          path: ["name"],
        });
      }
    }
    for (const key of desired.keys) {
      if (stem(key.file) !== key.table) {
        findings.push({
          message: `file name "${basename(key.file)}" does not match table "${key.table}"`,
          hint: `Rename the file to ${key.table}.yaml: one integration key per table, named after it.`,
          file: key.file,
          path: ["table"],
        });
      }
    }
    return findings;
  },
};
