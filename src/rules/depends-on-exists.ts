import type { Rule, RuleFinding } from "./rule.js";

export const dependsOnExists: Rule = {
  code: "DW150",
  severity: "error",
  title: "dependsOn names existing maps",
  check: ({ desired, complete }) => {
    if (!complete) return [];
    const names = new Set(desired.maps.map((m) => m.name));
    const findings: RuleFinding[] = [];
    for (const map of desired.maps) {
      map.dependsOn.forEach((target, i) => {
        if (names.has(target)) return;
        findings.push({
          message: `dependsOn "${target}": no map has that name`,
          hint: "Use the name of a map in this repository (its name property), or remove the entry.",
          file: map.file,
          path: ["dependsOn", i],
        });
      });
    }
    return findings;
  },
};
