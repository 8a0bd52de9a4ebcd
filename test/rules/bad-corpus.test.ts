import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../../src/config/diagnostic.js";
import { loaderCodes } from "../../src/config/loader-codes.js";
import { limits } from "../../src/config/parse-yaml.js";
import { validateSources } from "../../src/validate/validate-sources.js";
import { rules } from "../../src/rules/index.js";
import { estateWith, toInputs, validate } from "../helpers/estate.js";

/**
 * Every file in test/corpus/bad is one small bad input. Its first two lines say, explicitly,
 * what it must produce and where it goes in the estate:
 *
 *   # expect: DW006 7:10            (code line:column; several are separated by ", ")
 *   # as: maps/tablemaps/c07.yaml   (added to the base estate, or replacing the file there)
 *
 * The file is validated together with the base estate (so that cross-file rules have context)
 * and the whole estate must report exactly the expected diagnostics, all in that file.
 */
interface CorpusCase {
  name: string;
  path: string;
  text: string;
  expected: string[];
}

const dir = fileURLToPath(new URL("../corpus/bad/", import.meta.url));

function readCase(name: string): CorpusCase {
  const text = readFileSync(dir + name, "utf8");
  const [first = "", second = ""] = text.split("\n");
  const expect = /^# expect: (DW\d{3} \d+:\d+(?:, DW\d{3} \d+:\d+)*)$/.exec(first);
  const as = /^# as: (maps\/\S+\.yaml)$/.exec(second);
  if (expect?.[1] === undefined || as?.[1] === undefined) {
    throw new Error(`${name}: the first two lines must be "# expect: DWnnn line:column" and "# as: maps/....yaml"`);
  }
  const path = as[1];
  return { name, path, text, expected: expect[1].split(", ").map((e) => `${path}:${e.replace(" ", ":").replace(/^(DW\d{3}):(.*)$/, "$2 $1")}`) };
}

const files = readdirSync(dir)
  .filter((f) => f.endsWith(".yaml"))
  .sort();
const cases = files.map(readCase);

/** Inputs that are generated here rather than committed: a file over the size cap and NUL bytes. */
const bigText = `kind: TableMap\nname: big\ndescription: "${"x".repeat(limits.maxFileBytes)}"\n`;
const generated: CorpusCase[] = [
  { name: "(generated) over 1 MiB", path: "maps/tablemaps/big.yaml", text: bigText, expected: ["maps/tablemaps/big.yaml:1:1 DW004"] },
  {
    name: "(generated) over 1 MiB counted in UTF-8 bytes, not characters",
    path: "maps/tablemaps/big.yaml",
    text: `kind: TableMap\nname: big\ndescription: "${"é".repeat(limits.maxFileBytes / 2 + 1)}"\n`,
    expected: ["maps/tablemaps/big.yaml:1:1 DW004"],
  },
  {
    name: "(generated) NUL bytes",
    path: "maps/tablemaps/nul.yaml",
    text: "kind: TableMap\nname: nul\u0000\nscope: global\n",
    expected: ["maps/tablemaps/nul.yaml:1:1 DW008"],
  },
  {
    name: "(generated) UTF-16 text read as UTF-8 (NUL between letters)",
    path: "maps/keys/contact.yaml",
    text: Buffer.from("kind: IntegrationKey\n", "utf16le").toString("latin1"),
    expected: ["maps/keys/contact.yaml:1:1 DW008"],
  },
];

function brief(d: Diagnostic): string {
  return `${d.file}:${d.line}:${d.column} ${d.code}`;
}

const stackTrace = [/(^|\n)\s*at \S+ \(/, /(^|\n)\s+at \S/, /\bError:/, /\.[cm]?[jt]s:\d+:\d+/, /node_modules/];

function expectWellFormed(d: Diagnostic): void {
  expect(d.hint.trim(), `${brief(d)} has no hint`).not.toBe("");
  expect(d.message.trim(), `${brief(d)} has no message`).not.toBe("");
  for (const pattern of stackTrace) {
    expect(d.message, `${brief(d)} message looks like a stack trace`).not.toMatch(pattern);
    expect(d.hint, `${brief(d)} hint looks like a stack trace`).not.toMatch(pattern);
  }
}

describe("the bad-input corpus", () => {
  it("has at least 70 committed files, each with an explicit expectation", () => {
    expect(files.length).toBeGreaterThanOrEqual(70);
    for (const c of cases) expect(c.expected.length, c.name).toBeGreaterThan(0);
  });

  it("validates clean without any corpus file (the context is sound)", () => {
    expect(validate(estateWith({}))).toEqual([]);
  });

  it.each([...cases, ...generated].map((c) => [c.name, c] as const))("%s", (_name, c) => {
    const diagnostics = validate(estateWith({ [c.path]: c.text }));
    expect(diagnostics.map(brief)).toEqual(c.expected);
    for (const d of diagnostics) expectWellFormed(d);
  });

  it("reports a file over the cap from its size on disk alone", () => {
    const inputs = [...toInputs(estateWith({})), { path: "maps/tablemaps/huge.yaml", text: "", bytes: 5 * 1024 * 1024 }];
    const diagnostics = validateSources(inputs).diagnostics;
    expect(diagnostics.map(brief)).toEqual(["maps/tablemaps/huge.yaml:1:1 DW004"]);
    expect(diagnostics[0]?.message).toContain("5242880 bytes");
  });

  it("reads a file of exactly 1 MiB (the cap is inclusive)", () => {
    const head = "# padding\n";
    const body = `kind: IntegrationKey\ntable: transactioncurrency\ncolumns: [isocurrencycode]\nalternateKey: { schemaName: msdyn_isocurrencycode_key, displayName: ISO currency code }\n`;
    const padding = "#".repeat(limits.maxFileBytes - Buffer.byteLength(head + body) - 1);
    const text = `${head}${padding}\n${body}`;
    expect(Buffer.byteLength(text)).toBe(limits.maxFileBytes);
    expect(validate(estateWith({ "maps/keys/transactioncurrency.yaml": text }))).toEqual([]);
  });

  it("covers every loader code and every rule code", () => {
    const covered = new Set([...cases, ...generated].flatMap((c) => c.expected.map((e) => e.slice(e.lastIndexOf(" ") + 1))));
    const all = [...loaderCodes.map((c) => c.code), ...rules.map((r) => r.code)];
    expect(all.filter((code) => !covered.has(code))).toEqual([]);
  });

  it("names an undefined alias as undefined, not as an expansion that is too large", () => {
    const text = readFileSync(`${dir}014-undefined-alias.yaml`, "utf8");
    const [d] = validate(estateWith({ "maps/tablemaps/c14.yaml": text }));
    expect(d?.code).toBe("DW003");
    expect(d?.message).toContain("scope");
    expect(d?.message).not.toContain("too large");
    expect(d?.hint).toContain("Define the anchor");
  });

  it("quotes a duplicate key once when the key itself is quoted", () => {
    const text = readFileSync(`${dir}017-duplicate-value-map-key.yaml`, "utf8");
    const [d] = validate(estateWith({ "maps/tablemaps/c17.yaml": text }));
    expect(d?.code).toBe("DW002");
    expect(d?.message).toBe('duplicate key "Normal"');
  });
});
