import { groupBy, type Rule } from "./rule.js";

/** Two entries that move one name would say two different things about the map it named. */
export const movedOnce: Rule = {
  code: "DW192",
  severity: "error",
  title: "Each name is moved by one entry",
  check: ({ desired }) =>
    [...groupBy(desired.moved ?? [], (m) => m.from).values()].flatMap((moves) =>
      moves.slice(1).map((move) => {
        const first = moves[0];
        const where = first === undefined ? "another entry" : `${first.file}:${first.line}`;
        return {
          message: `moved: "${move.from}" is already moved by the entry at ${where}${first !== undefined && first.to !== move.to ? ` (to "${first.to}")` : ""}`,
          hint:
            first !== undefined && first.to === move.to
              ? "Remove the repeated entry."
              : `Keep one entry for "${move.from}". If the map was renamed again later, rename from its newer name: { from: ${first?.to ?? "<newer name>"}, to: ${move.to} }.`,
          file: move.file,
          path: ["moved", move.index, "from"],
        };
      }),
    ),
};
