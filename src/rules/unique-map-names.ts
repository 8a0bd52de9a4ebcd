import { groupBy, type Rule } from "./rule.js";

export const uniqueMapNames: Rule = {
  code: "DW101",
  severity: "error",
  title: "Map names are unique",
  check: ({ desired }) =>
    [...groupBy(desired.maps, (m) => m.name).values()].flatMap((maps) =>
      maps.slice(1).map((map) => ({
        message: `map name "${map.name}" is already used by ${maps[0]?.file ?? "another file"}`,
        hint: "Give each map its own name; plans, locks and drift reports identify maps by name.",
        file: map.file,
        path: ["name"],
      })),
    ),
};
