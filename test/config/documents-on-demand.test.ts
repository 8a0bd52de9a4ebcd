// The loader keeps no YAML document (README, Benchmarks, Memory): a finding is still placed at its
// file, line and column, from a document parsed again only for it.
import { describe, expect, it } from "vitest";
import { isNode } from "yaml";
import { loadSources, type InputFile } from "../../src/config/load.js";
import { parseYamlFile } from "../../src/config/parse-yaml.js";
import { validateSources } from "../../src/validate/validate-sources.js";

const map = (fields: string[]): string =>
  [
    "kind: TableMap",
    "name: accounts",
    "financeAndOperations: { entity: CustomersV3 }",
    "dataverse: { table: account, entitySet: accounts }",
    "scope: company",
    "version: { publisher: contoso, number: 1.0.0.0 }",
    "fields:",
    ...fields,
    "",
  ].join("\n");

const rows = ['  - { fo: CUSTOMERACCOUNT, map: "=", dv: accountnumber }', '  - { fo: NAME, map: "=", dv: name }', '  - { fo: NAME, map: "=", dv: name }'];

/** 1-based line and column of the n-th occurrence (0-based) of `needle` in `text`. */
function where(text: string, needle: string, nth = 0): { line: number; column: number } {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(needle, at + 1);
  const before = text.slice(0, at).split("\n");
  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
}

describe("YAML documents parsed again on demand", () => {
  it("places a rule's finding (a repeated row) and a schema finding (an unknown property) where they are written", () => {
    const repeated: InputFile = { path: "maps/tablemaps/accounts.yaml", text: map(rows) };
    const unknown: InputFile = { path: "maps/tablemaps/unknown.yaml", text: map([rows[0] ?? "", '  - { fo: NAME, map: "=", dv: name, colour: blue }']).replace("name: accounts", "name: unknown").replace("account,", "contact,").replace("accounts }", "contacts }") };
    const { diagnostics } = validateSources([repeated, unknown]);
    const dw124 = diagnostics.find((d) => d.code === "DW124");
    expect(dw124).toMatchObject({ file: repeated.path, ...where(repeated.text, "{ fo: NAME", 1) });
    const schema = diagnostics.find((d) => d.file === unknown.path && d.message.includes("colour"));
    expect(schema).toMatchObject({ ...where(unknown.text, "colour") });
  });

  it("gives the same document as parsing the file, each time it is asked for", () => {
    const file: InputFile = { path: "maps/tablemaps/accounts.yaml", text: map(rows) };
    const source = loadSources([file]).sources.get(file.path);
    const direct = parseYamlFile(file.path, file.text).source.doc;
    const again = source?.doc;
    expect(again).toBeDefined();
    expect(source?.doc).toBe(again);
    const node = again?.getIn(["fields", 2, "dv"], true);
    const expected = direct?.getIn(["fields", 2, "dv"], true);
    expect(isNode(node) && isNode(expected)).toBe(true);
    if (isNode(node) && isNode(expected)) expect(node.range).toEqual(expected.range);
    expect(again?.toJS()).toEqual(direct?.toJS());
  });

  it("loads values equal to the parser's, from a file whose text the model does not keep", () => {
    const file: InputFile = { path: "maps/tablemaps/accounts.yaml", text: map(rows.slice(0, 2)) };
    const loaded = loadSources([file]);
    expect(loaded.findings).toEqual([]);
    const [model] = loaded.desired.maps;
    expect(model?.fields.map((f) => [f.fo, f.dv?.raw, f.dv?.column, f.dv?.targets])).toEqual([
      ["CUSTOMERACCOUNT", "accountnumber", "accountnumber", []],
      ["NAME", "name", "name", []],
    ]);
  });
});
