import { describe, expect, it } from "vitest";
import { formatDataverseFilter, parseDataverseFilter } from "../../../src/model/filters/dataverse-filter.js";
import type { DvNode } from "../../../src/model/filters/dataverse-filter.js";

function format(text: string): string {
  const { ast, errors } = parseDataverseFilter(text);
  expect(errors).toEqual([]);
  if (ast === undefined) throw new Error(`no AST for ${text}`);
  return formatDataverseFilter(ast);
}

/** Offsets of the `n`-th occurrence (0-based) of `needle` in `text`. */
function spanOf(text: string, needle: string, n = 0): { start: number; end: number } {
  let start = -1;
  for (let k = 0; k <= n; k++) start = text.indexOf(needle, start + 1);
  if (start < 0) throw new Error(`'${needle}' not in '${text}'`);
  return { start, end: start + needle.length };
}

describe("parseDataverseFilter: valid filters", () => {
  const documented = [
    "customertypecode eq 3",
    "AccountType eq '3'",
    "TransactionDate le '2021-06-23'",
    "msdyn_contactforvendor eq true and msdyn_sellable eq false and msdyn_contactpersonid ne ''",
    "(statecode eq 0) and not (msdyn_x eq null)",
    "(customertypecode eq 3 or customertypecode eq 11)",
  ];
  const more = [
    "_primarycontactid_value eq 9f3b2c4d-1e2f-4a5b-8c7d-0123456789ab",
    "_msdyn_company_value ne null",
    "createdon ge 2021-06-23T10:00:00Z",
    "createdon lt 2021-06-23T10:00:00.123+02:00",
    "createdon gt 2021-06-23T10:00",
    "modifiedon le 2021-06-23",
    "creditlimit gt -1000.50",
    "revenue ge 1e6",
    "name eq 'O''Brien'",
    "name eq 'Contoso (US) and \"others\"'",
    "3 eq 3",
    "a eq b",
    "not not (a eq 1)",
    "NOT a Eq 1 AND b NE 2 Or c GT 3",
    "((((a eq 1))))",
    "\n\ta\teq\r\n1  ",
  ];
  it.each([...documented, ...more])("parses %j without errors", (text) => {
    const result = parseDataverseFilter(text);
    expect(result.errors).toEqual([]);
    expect(result.ast).toBeDefined();
  });

  it("builds the documented contact filter as a flat and-chain of comparisons", () => {
    const text = "msdyn_contactforvendor eq true and msdyn_sellable eq false and msdyn_contactpersonid ne ''";
    const { ast } = parseDataverseFilter(text);
    expect(ast).toEqual({
      kind: "and",
      start: 0,
      end: text.length,
      operands: [
        {
          kind: "comparison",
          operator: "eq",
          left: { kind: "column", name: "msdyn_contactforvendor", start: 0, end: 22 },
          right: { kind: "boolean", value: true, start: 26, end: 30 },
          start: 0,
          end: 30,
        },
        {
          kind: "comparison",
          operator: "eq",
          left: { kind: "column", name: "msdyn_sellable", start: 35, end: 49 },
          right: { kind: "boolean", value: false, start: 53, end: 58 },
          start: 35,
          end: 58,
        },
        {
          kind: "comparison",
          operator: "ne",
          left: { kind: "column", name: "msdyn_contactpersonid", start: 63, end: 84 },
          right: { kind: "string", value: "", start: 88, end: 90 },
          start: 63,
          end: 90,
        },
      ],
    });
  });

  it("gives and precedence over or, and not over comparison", () => {
    const { ast } = parseDataverseFilter("not a eq 1 and b eq 2 or c eq 3");
    expect(ast?.kind).toBe("or");
    if (ast?.kind !== "or") return;
    const [left, right] = ast.operands;
    expect(left?.kind).toBe("and");
    expect(right?.kind).toBe("comparison");
    if (left?.kind !== "and") return;
    expect(left.operands.map((n) => n.kind)).toEqual(["not", "comparison"]);
    const not = left.operands[0];
    if (not?.kind !== "not") return;
    expect(not.operand).toMatchObject({ kind: "comparison", operator: "eq", left: { name: "a" } });
  });

  it("decodes literals", () => {
    const cases: [string, unknown][] = [
      ["a eq 'O''Brien'", { kind: "string", value: "O'Brien" }],
      ["a eq -1.5", { kind: "number", raw: "-1.5" }],
      ["a eq NULL", { kind: "null" }],
      ["a eq False", { kind: "boolean", value: false }],
      ["a eq 9F3B2C4D-1E2F-4A5B-8C7D-0123456789AB", { kind: "guid", value: "9f3b2c4d-1e2f-4a5b-8c7d-0123456789ab" }],
      ["a eq abcdef01-1e2f-4a5b-8c7d-0123456789ab", { kind: "guid", value: "abcdef01-1e2f-4a5b-8c7d-0123456789ab" }],
      ["a eq 2021-06-23", { kind: "date", raw: "2021-06-23" }],
      ["a eq 2021-06-23T10:00:00Z", { kind: "datetime", raw: "2021-06-23T10:00:00Z" }],
    ];
    for (const [text, right] of cases) {
      const { ast, errors } = parseDataverseFilter(text);
      expect(errors, text).toEqual([]);
      expect(ast, text).toMatchObject({ kind: "comparison", right });
    }
  });

  it("spans a parenthesised node including its parentheses", () => {
    const text = "(statecode eq 0) and not (msdyn_x eq null)";
    const { ast } = parseDataverseFilter(text);
    if (ast?.kind !== "and") throw new Error("expected and");
    expect(ast.operands[0]).toMatchObject({ start: 0, end: 16 });
    expect(ast.operands[1]).toMatchObject({ kind: "not", start: 21, end: text.length });
    expect(ast).toMatchObject({ start: 0, end: text.length });
  });
});

describe("parseDataverseFilter: column references", () => {
  it("collects every column operand with its span", () => {
    const text = "(statecode eq 0) and not (_parentaccountid_value eq null) or 3 lt creditlimit";
    const { columns } = parseDataverseFilter(text);
    expect(columns).toEqual([
      { name: "statecode", ...spanOf(text, "statecode") },
      { name: "_parentaccountid_value", ...spanOf(text, "_parentaccountid_value") },
      { name: "creditlimit", ...spanOf(text, "creditlimit") },
    ]);
  });

  it("collects both sides of a column-to-column comparison and repeated columns", () => {
    const text = "a eq b or a eq 1";
    expect(parseDataverseFilter(text).columns).toEqual([
      { name: "a", start: 0, end: 1 },
      { name: "b", start: 5, end: 6 },
      { name: "a", start: 10, end: 11 },
    ]);
  });

  it("does not treat keywords, literals, functions or navigation paths as columns", () => {
    expect(parseDataverseFilter("a eq true and b eq null").columns.map((c) => c.name)).toEqual(["a", "b"]);
    expect(parseDataverseFilter("contains(name,'a') and x eq 1").columns.map((c) => c.name)).toEqual(["x"]);
    expect(parseDataverseFilter("primarycontactid/fullname eq 'x' and y eq 1").columns.map((c) => c.name)).toEqual(["y"]);
  });
});

interface BadCase {
  text: string;
  kind: string;
  /** The offending text; its first occurrence gives start/end unless `at` is given. */
  token: string;
  at?: number;
  message?: RegExp;
}

describe("parseDataverseFilter: errors", () => {
  const cases: BadCase[] = [
    { text: "contains(name,'a')", kind: "unsupported-function", token: "contains", message: /^function contains\(\) is not supported in a dual-write Dataverse filter$/ },
    { text: "startswith(name, 'A')", kind: "unsupported-function", token: "startswith", message: /startswith\(\)/ },
    { text: "not contains(name,'x')", kind: "unsupported-function", token: "contains" },
    { text: "endswith(name,'x') eq true", kind: "unsupported-function", token: "endswith" },
    { text: "tolower(name) eq 'x'", kind: "unsupported-function", token: "tolower" },
    { text: "a eq 1 and substring(name, 1, 2) eq 'x'", kind: "unsupported-function", token: "substring" },
    { text: "Microsoft.Dynamics.CRM.In(PropertyName='a',PropertyValues=['1'])", kind: "unsupported-function", token: "Microsoft.Dynamics.CRM.In" },
    { text: "primarycontactid/fullname eq 'x'", kind: "navigation", token: "primarycontactid/fullname", message: /'primarycontactid\/fullname'.*nested lookup/ },
    { text: "a eq 1 and parentaccountid/primarycontactid/fullname ne null", kind: "navigation", token: "parentaccountid/primarycontactid/fullname" },
    { text: "msdyn_company.cdm_companycode eq 'USMF'", kind: "navigation", token: "msdyn_company.cdm_companycode" },
    { text: "a has 1", kind: "unsupported-operator", token: "has", message: /'has'/ },
    { text: "a in ('x', 'y')", kind: "unsupported-operator", token: "in" },
    { text: "a add 1 eq 2", kind: "unsupported-operator", token: "add" },
    { text: "a eq b mod 2", kind: "unsupported-operator", token: "mod" },
    { text: "contact_customer_accounts/any(c: c/fullname eq 'x')", kind: "unsupported-operator", token: "any", message: /lambda operator any\(\)/ },
    { text: "name eq", kind: "syntax", token: "eq", message: /after 'eq'.*ends/ },
    { text: "(a eq 1", kind: "syntax", token: "(", message: /unbalanced parenthesis/ },
    { text: "((a eq 1)", kind: "syntax", token: "(", at: 0 },
    { text: "a eq 1)", kind: "syntax", token: ")", message: /unbalanced parenthesis/ },
    { text: "a == 1", kind: "syntax", token: "==", message: /'=='/ },
    { text: "a = 1", kind: "syntax", token: "=" },
    { text: "a eq 1 && b eq 2", kind: "syntax", token: "&&" },
    { text: "a eq 'unterminated", kind: "syntax", token: "'unterminated", message: /unterminated string/ },
    { text: "a eq \"x\"", kind: "syntax", token: '"' },
    { text: "a has 1", kind: "unsupported-operator", token: "has" },
    { text: "", kind: "syntax", token: "", message: /empty/ },
    { text: "   ", kind: "syntax", token: "   ", message: /empty/ },
    { text: "a", kind: "syntax", token: "a", message: /comparison operator/ },
    { text: "a eq 1 b eq 2", kind: "syntax", token: "b" },
    { text: "a eq 1 and", kind: "syntax", token: "and" },
    { text: "and a eq 1", kind: "syntax", token: "and" },
    { text: "a eq and", kind: "syntax", token: "and", at: 5 },
    { text: "a eq (1)", kind: "syntax", token: "(" },
    { text: "() ", kind: "syntax", token: ")" },
    { text: "a eq 12abc", kind: "syntax", token: "12abc", message: /invalid number/ },
    { text: "a eq 2021-13-01", kind: "syntax", token: "2021-13-01", message: /invalid date/ },
    { text: "a eq 2021-06-23T25:00:00Z", kind: "syntax", token: "2021-06-23T25:00:00Z" },
    { text: "a eq 1.", kind: "syntax", token: "." },
    { text: "a/ eq 1", kind: "syntax", token: "eq" },
    { text: "a eq 1 ; b eq 2", kind: "syntax", token: ";" },
    { text: "a eq 'x' and b eq 😀", kind: "syntax", token: "😀" },
    { text: "not", kind: "syntax", token: "not" },
    { text: "contains(name,'a'", kind: "syntax", token: "(" },
    { text: "contains(name,'a'", kind: "unsupported-function", token: "contains" },
  ];

  it.each(cases)("$text -> $kind at '$token'", ({ text, kind, token, at, message }) => {
    const { ast, errors } = parseDataverseFilter(text);
    expect(ast).toBeUndefined();
    // The first issue of that kind (an unsupported construct may be reported before a syntax error).
    const first = errors.find((e) => e.kind === kind);
    expect(first, JSON.stringify(errors)).toBeDefined();
    if (first === undefined) return;
    const start = at ?? (token === "" ? 0 : text.indexOf(token));
    expect({ kind: first.kind, start: first.start, end: first.end }).toEqual({ kind, start, end: start + token.length });
    expect(first.hint.length).toBeGreaterThan(10);
    if (message !== undefined) expect(first.message).toMatch(message);
  });

  it("names the offending token in messages", () => {
    expect(parseDataverseFilter("a == 1").errors[0]?.message).toContain("'=='");
    expect(parseDataverseFilter("a == 1").errors[0]?.hint).toContain("eq");
    expect(parseDataverseFilter("a eq 1 || b eq 2").errors[0]?.hint).toContain("or");
    expect(parseDataverseFilter("primarycontactid/fullname eq 'x'").errors[0]?.hint).toContain("_primarycontactid_value");
  });

  it("reports every unsupported construct, not only the first", () => {
    const text = "contains(name,'a') and primarycontactid/fullname eq 'x' or a has 1 and tolower(b) eq 'c'";
    const { errors } = parseDataverseFilter(text);
    expect(errors.map((e) => [e.kind, e.start, e.end])).toEqual([
      ["unsupported-function", 0, 8],
      ["navigation", ...Object.values(spanOf(text, "primarycontactid/fullname"))],
      ["unsupported-operator", ...Object.values(spanOf(text, "has"))],
      ["unsupported-function", ...Object.values(spanOf(text, "tolower"))],
    ]);
  });

  it("stops at the first syntax error", () => {
    const { errors } = parseDataverseFilter("contains(a,'b') and x == 1 and y == 2");
    expect(errors.map((e) => e.kind)).toEqual(["unsupported-function", "syntax"]);
  });

  it("rejects runaway nesting without overflowing the stack", () => {
    const deep = `${"(".repeat(10_000)}a eq 1${")".repeat(10_000)}`;
    const { errors } = parseDataverseFilter(deep);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ kind: "syntax", message: expect.stringMatching(/nested/) });
    const nots = `${"not ".repeat(10_000)}a eq 1`;
    expect(parseDataverseFilter(nots).errors[0]?.kind).toBe("syntax");
  });
});

describe("formatDataverseFilter", () => {
  it.each([
    ["customertypecode eq 3", "customertypecode eq 3"],
    ["  AccountType   EQ   '3' ", "AccountType eq '3'"],
    ["(statecode eq 0) and not (msdyn_x eq null)", "statecode eq 0 and not (msdyn_x eq null)"],
    ["(customertypecode eq 3 or customertypecode eq 11)", "customertypecode eq 3 or customertypecode eq 11"],
    ["a eq 1 and (b eq 2 or c eq 3)", "a eq 1 and (b eq 2 or c eq 3)"],
    ["(a eq 1 and b eq 2) or c eq 3", "a eq 1 and b eq 2 or c eq 3"],
    ["a eq 1 and (b eq 2 and c eq 3)", "a eq 1 and b eq 2 and c eq 3"],
    ["a eq 1 or (b eq 2 or c eq 3)", "a eq 1 or b eq 2 or c eq 3"],
    ["NOT a eq 1", "not (a eq 1)"],
    ["not not a eq 1", "not (not (a eq 1))"],
    ["not (a eq 1 or b eq 2)", "not (a eq 1 or b eq 2)"],
    ["name eq 'O''Brien'", "name eq 'O''Brien'"],
    ["a eq TRUE and b eq NULL", "a eq true and b eq null"],
    ["a eq 9F3B2C4D-1E2F-4A5B-8C7D-0123456789AB", "a eq 9f3b2c4d-1e2f-4a5b-8c7d-0123456789ab"],
  ])("%j -> %j", (text, expected) => {
    expect(format(text)).toBe(expected);
  });

  it("formats equivalent spellings identically", () => {
    const spellings = [
      "(statecode eq 0) and not (msdyn_x eq null)",
      "statecode EQ 0 AND NOT msdyn_x eq null",
      "((statecode eq 0))\n and\tnot((msdyn_x  Eq  NULL))",
    ];
    const formatted = new Set(spellings.map(format));
    expect(formatted.size).toBe(1);
  });

  it("keeps the meaning: format then parse gives the same tree shape", () => {
    const strip = (n: DvNode): unknown => JSON.parse(JSON.stringify(n, (k, v: unknown) => (k === "start" || k === "end" ? undefined : v)));
    for (const text of ["a eq 1 and (b eq 2 or c eq 3)", "not (a eq 1 or b eq 2) and c ne 'x'", "(a eq 1 and b eq 2) or not c eq 3"]) {
      const first = parseDataverseFilter(text).ast;
      if (first === undefined) throw new Error(text);
      const again = parseDataverseFilter(formatDataverseFilter(first)).ast;
      if (again === undefined) throw new Error(text);
      expect(strip(again)).toEqual(strip(first));
    }
  });

  it.each([
    "customertypecode eq 3",
    "AccountType eq '3'",
    "TransactionDate le '2021-06-23'",
    "msdyn_contactforvendor eq true and msdyn_sellable eq false and msdyn_contactpersonid ne ''",
    "(statecode eq 0) and not (msdyn_x eq null)",
    "(customertypecode eq 3 or customertypecode eq 11)",
    "not (a eq 1 or b eq 2) and (c eq 3 or not d eq 4) or e eq 2021-06-23T10:00:00Z",
  ])("round-trips %j", (text) => {
    const once = format(text);
    expect(format(once)).toBe(once);
  });
});
