import type { Rule } from "./rule.js";

export const singleEnvironmentsFile: Rule = {
  code: "DW104",
  severity: "error",
  title: "Environment pairs are declared in one file",
  check: ({ desired }) => {
    const files = [...new Set(desired.pairs.map((p) => p.file))];
    return files.slice(1).map((file) => ({
      message: `environment pairs are also declared in ${files[0] ?? "another file"}`,
      hint: "Keep every pair in maps/environments.yaml so that there is one list to review.",
      file,
      path: ["kind"],
    }));
  },
};
