import { describe, expect, it } from "vitest";
import { edit } from "../helpers/estate.js";
import { expectDiagnostics } from "./rule-helpers.js";

/** The currencies map's label (line 3, the label's value from column 52). */
function labelled(label: string): Record<string, string> {
  return edit("maps/tablemaps/currencies.yaml", "label: Currencies }", `label: ${label} }`);
}

describe("DW181 no control characters in YAML", () => {
  it("reports an escape sequence written as \\e in a double-quoted label at its exact line and column", () => {
    const [d] = expectDiagnostics(labelled('"Curr\\e]0;owned\\a"'), ["maps/tablemaps/currencies.yaml:3:57 DW181"]);
    expect(d).toMatchObject({ severity: "error", endLine: 3, endColumn: 59 });
    expect(d?.message).toContain("U+001B");
    expect(d?.hint).toMatch(/plain text/);
  });

  it.each([
    ['"A\\x07B"', 54, "U+0007"],
    ['"A\\u009bB"', 54, "U+009B"],
    ['"A\\N B"', 54, "U+0085"],
  ])("reports %s", (label, column, code) => {
    const [d] = expectDiagnostics(labelled(label), [`maps/tablemaps/currencies.yaml:3:${column} DW181`]);
    expect(d?.message).toContain(code);
  });

  it("reports a raw control byte where it stands", () => {
    const diagnostics = expectDiagnostics(labelled("Curr\u0007encies"), ["maps/tablemaps/currencies.yaml:3:56 DW181"]);
    expect(diagnostics[0]?.message).toContain("U+0007");
  });

  it("leaves tabs, newlines, plain backslashes, comments and non-ASCII text alone", () => {
    expectDiagnostics(labelled("'Curr\\e ncies'"), []);
    expectDiagnostics(edit("maps/tablemaps/currencies.yaml", "kind: TableMap\n", 'kind: TableMap # "\\e and \\x1b" in a comment\n'), []);
    expectDiagnostics(labelled('"Währungen\\tund ✓"'), []);
    expectDiagnostics(labelled("Currencies\\e"), []);
  });
});
