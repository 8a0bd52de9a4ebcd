import { groupBy, type Rule } from "./rule.js";

export const uniqueEntityPairs: Rule = {
  code: "DW105",
  severity: "error",
  title: "One map per data entity and Dataverse table pair",
  check: ({ desired }) =>
    [...groupBy(desired.maps, (m) => `${m.financeAndOperations.entity.toLowerCase()}|${m.dataverse.table}`).values()].flatMap(
      (maps) =>
        maps.slice(1).map((map) => ({
          message: `${map.financeAndOperations.entity} <-> ${map.dataverse.table} is already mapped by "${maps[0]?.name ?? "another map"}"`,
          hint: "Merge the two maps. To keep several versions of one map, change version.number in the one file; dual-write runs one active version per map.",
          file: map.file,
          path: ["dataverse", "table"],
        })),
    ),
};
