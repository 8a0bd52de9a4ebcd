import { keyAttribute } from "../model/desired.js";
import { groupBy, type Rule, type RuleFinding } from "./rule.js";

export const alternateKeyShape: Rule = {
  code: "DW114",
  severity: "error",
  title: "Key columns can form a Dataverse alternate key",
  check: ({ desired }) => {
    const findings: RuleFinding[] = [];
    for (const key of desired.keys) {
      const byAttribute = groupBy(key.columns.map((column, index) => ({ column, index })), (c) => keyAttribute(c.column));
      for (const [attribute, columns] of byAttribute) {
        for (const extra of columns.slice(1)) {
          findings.push({
            message: `columns ${columns.map((c) => c.column).join(" and ")} both use attribute "${attribute}"; an alternate key lists each attribute once`,
            hint: "Keep one expanded column per lookup in the key.",
            file: key.file,
            path: ["columns", extra.index],
          });
        }
      }
    }
    return findings;
  },
};
