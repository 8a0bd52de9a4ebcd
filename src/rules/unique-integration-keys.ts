import { groupBy, type Rule } from "./rule.js";

export const uniqueIntegrationKeys: Rule = {
  code: "DW103",
  severity: "error",
  title: "One integration key per Dataverse table",
  check: ({ desired }) =>
    [...groupBy(desired.keys, (k) => k.table).values()].flatMap((keys) =>
      keys.slice(1).map((key) => ({
        message: `table "${key.table}" already has an integration key in ${keys[0]?.file ?? "another file"}`,
        hint: "Keep one IntegrationKey per table; dual-write uses exactly one integration key for a table.",
        file: key.file,
        path: ["table"],
      })),
    ),
};
