import { describe, expect, it } from "vitest";
import { formatXppRange, parseXppRange } from "../../../src/model/filters/xpp-range.js";
import type { XppNode } from "../../../src/model/filters/xpp-range.js";

function format(text: string): string {
  const { ast, errors } = parseXppRange(text);
  expect(errors).toEqual([]);
  if (ast === undefined) throw new Error(`no AST for ${text}`);
  return formatXppRange(ast);
}

const strip = (n: XppNode): unknown => JSON.parse(JSON.stringify(n, (k, v: unknown) => (k === "start" || k === "end" ? undefined : v)));

/** The ranges Microsoft's dual-write documentation shows. */
const documented = [
  "(AccountType == AccountType::Customer)",
  "(TransactionDate <= 23\\06\\2021)",
  "((numberofemployees > 1000) && (numberofemployees <= 2000))",
  '(name like "A*")',
  '((PartyType == "Organization"))',
  "(AssociatedContactType = 1)",
  "((ItemType != ItemType::Service) || (ProductType == EcoResProductType::Item))",
  "(!(IsDeleted == NoYes::Yes))",
];

describe("parseXppRange: valid ranges", () => {
  const more = [
    "(TransDate >= currentDate())",
    "(TransDate == dayRange(-1, 1))",
    "(TransDate == dayRange(-1,1))",
    "(TransDate > dateRange(1\\1\\2021, 31\\12\\2021))",
    "(Blocked == false)",
    "(Blocked != TRUE)",
    "(Amount >= -12.5)",
    '(Name LIKE "?ontoso*")',
    '(Text == "say \\"hi\\" \\\\ bye")',
    "(!!(a == 1))",
    "((a == 1) && (b == 2) && (c == 3) || (d == 4))",
    "  ( ( a==1 )&&!( b<2 ) )  ",
    "(Field_2 < 5)",
  ];
  it.each([...documented, ...more])("parses %j without errors or warnings", (text) => {
    const result = parseXppRange(text);
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.ast).toBeDefined();
  });

  it("builds the documented employee range", () => {
    const text = "((numberofemployees > 1000) && (numberofemployees <= 2000))";
    expect(parseXppRange(text).ast).toEqual({
      kind: "and",
      start: 0,
      end: 59,
      operands: [
        {
          kind: "comparison",
          operator: ">",
          left: { kind: "field", name: "numberofemployees", start: 2, end: 19 },
          right: { kind: "number", raw: "1000", start: 22, end: 26 },
          start: 1,
          end: 27,
        },
        {
          kind: "comparison",
          operator: "<=",
          left: { kind: "field", name: "numberofemployees", start: 32, end: 49 },
          right: { kind: "number", raw: "2000", start: 53, end: 57 },
          start: 31,
          end: 58,
        },
      ],
    });
  });

  it("accepts a single = as equality", () => {
    expect(parseXppRange("(AssociatedContactType = 1)").ast).toMatchObject({ kind: "comparison", operator: "==" });
  });

  it("decodes operands", () => {
    const right = (text: string): unknown => {
      const { ast, errors } = parseXppRange(text);
      expect(errors, text).toEqual([]);
      return ast?.kind === "comparison" ? ast.right : undefined;
    };
    expect(right("(a == AccountType::Customer)")).toMatchObject({ kind: "enum", enumName: "AccountType", value: "Customer" });
    expect(right("(a == NoYes :: Yes)")).toMatchObject({ kind: "enum", enumName: "NoYes", value: "Yes" });
    expect(right("(a <= 23\\06\\2021)")).toMatchObject({ kind: "date", day: 23, month: 6, year: 2021 });
    expect(right("(a <= 1\\2\\2021)")).toMatchObject({ kind: "date", day: 1, month: 2, year: 2021 });
    expect(right("(a == True)")).toMatchObject({ kind: "boolean", value: true });
    expect(right('(a == "x\\"y")')).toMatchObject({ kind: "string", raw: 'x\\"y', value: 'x"y' });
    expect(right("(a == dayRange(-1, 1))")).toMatchObject({
      kind: "call",
      name: "dayRange",
      args: [
        { kind: "number", raw: "-1" },
        { kind: "number", raw: "1" },
      ],
    });
    expect(parseXppRange('(name like "A*")').ast).toMatchObject({ kind: "like", operand: { name: "name" }, pattern: { raw: "A*" } });
  });

  it("gives && precedence over || and ! over comparison", () => {
    const { ast } = parseXppRange("(a == 1) || !(b == 2) && (c == 3)");
    if (ast?.kind !== "or") throw new Error("expected or");
    expect(ast.operands.map((n) => n.kind)).toEqual(["comparison", "and"]);
    const and = ast.operands[1];
    if (and?.kind !== "and") throw new Error("expected and");
    expect(and.operands.map((n) => n.kind)).toEqual(["not", "comparison"]);
  });
});

describe("parseXppRange: field references", () => {
  it("collects every field with its span, but not enum names, functions or literals", () => {
    const text = "((ItemType != ItemType::Service) || (TransDate >= currentDate()) && (name like \"A*\") && (Qty > 0))";
    const { fields } = parseXppRange(text);
    expect(fields).toEqual([
      { name: "ItemType", start: 2, end: 10 },
      { name: "TransDate", start: text.indexOf("TransDate"), end: text.indexOf("TransDate") + 9 },
      { name: "name", start: text.indexOf("name"), end: text.indexOf("name") + 4 },
      { name: "Qty", start: text.indexOf("Qty"), end: text.indexOf("Qty") + 3 },
    ]);
  });

  it("collects fields on either side", () => {
    expect(parseXppRange("((1000 < a) && (a == b))").fields).toEqual([
      { name: "a", start: 9, end: 10 },
      { name: "a", start: 16, end: 17 },
      { name: "b", start: 21, end: 22 },
    ]);
  });
});

describe("parseXppRange: warnings", () => {
  it("warns about comparing a field with an empty string", () => {
    const text = '(ParentProject == "")';
    const { ast, errors, warnings } = parseXppRange(text);
    expect(errors).toEqual([]);
    expect(ast).toBeDefined();
    expect(warnings).toHaveLength(1);
    const [w] = warnings;
    expect(w).toMatchObject({ kind: "empty-string", start: 1, end: 20 });
    expect(w?.message).toMatch(/ParentProject/);
    expect(w?.message).toMatch(/empty string/);
    expect(w?.message).toMatch(/null/);
    expect(w?.message).toMatch(/silently not matched/);
    expect(w?.hint).toMatch(/actually stored/);
    expect(w?.hint).toMatch(/Dataverse side/);
  });

  it.each([
    ['((a == 1) && (Name != ""))', 14, 24],
    ['("" == Name)', 1, 11],
    ['(Name like "")', 1, 13],
  ])("warns for %j at %i..%i", (text, start, end) => {
    expect(parseXppRange(text).warnings.map((w) => [w.kind, w.start, w.end])).toEqual([["empty-string", start, end]]);
  });

  it("does not warn for non-empty strings or for a string compared with a string", () => {
    expect(parseXppRange('(Name == " ")').warnings).toEqual([]);
    expect(parseXppRange('("" == "")').warnings).toEqual([]);
  });

  it("warns when the expression is not enclosed in parentheses", () => {
    for (const text of ["a == 1", "(a == 1) && (b == 2)", "!(a == 1)"]) {
      expect(parseXppRange(text).warnings.map((w) => [w.kind, w.start, w.end]), text).toEqual([["not-parenthesized", 0, text.length]]);
    }
  });
});

interface BadCase {
  text: string;
  token: string;
  at?: number;
  message?: RegExp;
}

describe("parseXppRange: errors", () => {
  const cases: BadCase[] = [
    { text: "(a == )", token: ")", at: 6, message: /unexpected '\)'/ },
    { text: "((a == 1)", token: "(", at: 0, message: /unbalanced parenthesis/ },
    { text: "a === 1", token: "===", message: /unknown operator '==='/ },
    { text: '(a == "x)', token: '"x)', message: /unterminated string/ },
    { text: "a == 1 &&", token: "&&", message: /after '&&'.*ends/ },
    { text: "", token: "", message: /empty/ },
    { text: " \t ", token: " \t ", message: /empty/ },
    { text: "(a == 1))", token: ")", at: 8, message: /no matching/ },
    { text: "(a <> 1)", token: "<>" },
    { text: "(a & b)", token: "&" },
    { text: "(a == 'x')", token: "'" },
    { text: "(a)", token: ")" },
    { text: "(a == 1 b == 2)", token: "b" },
    { text: "(a like b)", token: "b" },
    { text: "(a like)", token: ")" },
    { text: "(a == AccountType::)", token: ")" },
    { text: "(a == dayRange(-1, 1)", token: "(", at: 0 },
    { text: "(a == dayRange(-1 1))", token: "1", at: 18 },
    { text: "(a == dayRange(b))", token: "b" },
    { text: "(a == dayRange(-1, 1", token: "(", at: 14 },
    { text: "(a <= 32\\06\\2021)", token: "32\\06\\2021", message: /invalid date/ },
    { text: "(a <= 23\\13\\2021)", token: "23\\13\\2021" },
    { text: "(a <= 23\\06\\21)", token: "23\\06\\21" },
    { text: "(a == 12ab)", token: "12ab", message: /invalid number/ },
    { text: "(a == 1) (b == 2)", token: "(", at: 9 },
    { text: "(&& a == 1)", token: "&&" },
    { text: "(a == 1 ||)", token: ")" },
    { text: "!", token: "!" },
    { text: "(a == 😀)", token: "😀" },
    { text: "(like == 1)", token: "like" },
  ];

  it.each(cases)("$text fails at '$token'", ({ text, token, at, message }) => {
    const { ast, errors, warnings } = parseXppRange(text);
    expect(ast).toBeUndefined();
    expect(errors).toHaveLength(1);
    const [first] = errors;
    const start = at ?? (token === "" ? 0 : text.indexOf(token));
    expect({ kind: first?.kind, start: first?.start, end: first?.end }).toEqual({ kind: "syntax", start, end: start + token.length });
    expect(first?.hint.length).toBeGreaterThan(5);
    if (message !== undefined) expect(first?.message).toMatch(message);
    expect(warnings.filter((w) => w.kind === "not-parenthesized")).toEqual([]);
  });

  it("suggests the right operator", () => {
    expect(parseXppRange("a === 1").errors[0]?.hint).toContain("'=='");
    expect(parseXppRange("(a <> 1)").errors[0]?.hint).toContain("'!='");
    expect(parseXppRange("(a == 'x')").errors[0]?.hint).toContain("double quotes");
  });

  it("rejects runaway nesting without overflowing the stack", () => {
    const deep = `${"(".repeat(10_000)}a == 1${")".repeat(10_000)}`;
    expect(parseXppRange(deep).errors[0]).toMatchObject({ kind: "syntax", message: expect.stringMatching(/nested/) });
    expect(parseXppRange(`${"!".repeat(10_000)}(a == 1)`).errors[0]?.kind).toBe("syntax");
  });
});

describe("formatXppRange", () => {
  it.each([
    ["(AccountType == AccountType::Customer)", "(AccountType == AccountType::Customer)"],
    ["(TransactionDate <= 23\\06\\2021)", "(TransactionDate <= 23\\06\\2021)"],
    ["(TransactionDate <= 1\\6\\2021)", "(TransactionDate <= 01\\06\\2021)"],
    ["((numberofemployees > 1000) && (numberofemployees <= 2000))", "((numberofemployees > 1000) && (numberofemployees <= 2000))"],
    ['(name LIKE "A*")', '(name like "A*")'],
    ['((PartyType == "Organization"))', '(PartyType == "Organization")'],
    ["(AssociatedContactType = 1)", "(AssociatedContactType == 1)"],
    ["((ItemType != ItemType::Service) || (ProductType == EcoResProductType::Item))", "((ItemType != ItemType::Service) || (ProductType == EcoResProductType::Item))"],
    ["(!(IsDeleted == NoYes::Yes))", "(!(IsDeleted == NoYes::Yes))"],
    ["a==1&&b==2||c==3", "(((a == 1) && (b == 2)) || (c == 3))"],
    ["((a == 1) && ((b == 2) && (c == 3)))", "((a == 1) && (b == 2) && (c == 3))"],
    ["(TransDate == dayRange( -1 ,1 ))", "(TransDate == dayRange(-1, 1))"],
    ['(Text == "a\\"b")', '(Text == "a\\"b")'],
    ["(a == TRUE)", "(a == true)"],
  ])("%j -> %j", (text, expected) => {
    expect(format(text)).toBe(expected);
  });

  it("formats equivalent spellings identically", () => {
    const spellings = [
      "((numberofemployees > 1000) && (numberofemployees <= 2000))",
      "(((numberofemployees>1000))&&(numberofemployees<=2000))",
      "  numberofemployees > 1000 && numberofemployees <= 2000 ",
    ];
    expect(new Set(spellings.map(format)).size).toBe(1);
  });

  it.each([
    ...documented,
    "!(a == 1) || !!(b == 2) && (c like \"x?\") || (d == dayRange(-1, 1))",
  ])("round-trips %j", (text) => {
    const once = format(text);
    expect(format(once)).toBe(once);
    const first = parseXppRange(text).ast;
    const again = parseXppRange(once).ast;
    if (first === undefined || again === undefined) throw new Error(text);
    expect(strip(again)).toEqual(strip(first));
  });
});
