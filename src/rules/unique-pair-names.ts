import { groupBy, type Rule } from "./rule.js";

export const uniquePairNames: Rule = {
  code: "DW170",
  severity: "error",
  title: "Environment pair names are unique",
  check: ({ desired }) =>
    [...groupBy(desired.pairs, (p) => p.name).values()].flatMap((pairs) =>
      pairs.slice(1).map((pair) => ({
        message: `pair name "${pair.name}" is used twice`,
        hint: "Give each pair its own name; --env selects pairs by name.",
        file: pair.file,
        path: ["pairs", pair.index, "name"],
      })),
    ),
};
