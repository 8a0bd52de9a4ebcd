import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatDataverseFilter, parseDataverseFilter } from "../../../src/model/filters/dataverse-filter.js";
import type { DvNode, DvOperand } from "../../../src/model/filters/dataverse-filter.js";
import type { ColumnRef, FilterIssue } from "../../../src/model/filters/filter-issue.js";
import { formatXppRange, parseXppRange } from "../../../src/model/filters/xpp-range.js";
import type { XppNode, XppOperand } from "../../../src/model/filters/xpp-range.js";

const RUNS = { numRuns: 1000 };

function checkIssues(text: string, issues: readonly FilterIssue[]): void {
  for (const issue of issues) {
    expect(Number.isInteger(issue.start) && Number.isInteger(issue.end), JSON.stringify(issue)).toBe(true);
    expect(issue.start, JSON.stringify({ text, issue })).toBeGreaterThanOrEqual(0);
    expect(issue.end, JSON.stringify({ text, issue })).toBeGreaterThanOrEqual(issue.start);
    expect(issue.end, JSON.stringify({ text, issue })).toBeLessThanOrEqual(text.length);
    expect(issue.message.length).toBeGreaterThan(0);
    expect(issue.hint.length).toBeGreaterThan(0);
  }
}

function checkRefs(text: string, refs: readonly ColumnRef[]): void {
  for (const ref of refs) expect(text.slice(ref.start, ref.end)).toBe(ref.name);
}

function checkDataverse(text: string): void {
  const result = parseDataverseFilter(text);
  checkIssues(text, result.errors);
  checkRefs(text, result.columns);
  expect(result.ast === undefined).toBe(result.errors.length > 0);
  for (const e of result.errors) expect(["syntax", "unsupported-function", "unsupported-operator", "navigation"]).toContain(e.kind);
  if (result.ast !== undefined) {
    const once = formatDataverseFilter(result.ast);
    const again = parseDataverseFilter(once);
    expect(again.errors).toEqual([]);
    if (again.ast !== undefined) expect(formatDataverseFilter(again.ast)).toBe(once);
  }
}

function checkXpp(text: string): void {
  const result = parseXppRange(text);
  checkIssues(text, result.errors);
  checkIssues(text, result.warnings);
  checkRefs(text, result.fields);
  expect(result.ast === undefined).toBe(result.errors.length > 0);
  for (const e of result.errors) expect(e.kind).toBe("syntax");
  for (const w of result.warnings) expect(["empty-string", "not-parenthesized"]).toContain(w.kind);
  if (result.ast !== undefined) {
    const once = formatXppRange(result.ast);
    const again = parseXppRange(once);
    expect(again.errors).toEqual([]);
    if (again.ast !== undefined) expect(formatXppRange(again.ast)).toBe(once);
  }
}

/** Strings assembled from filter-like fragments, to reach deep parser paths more often than random text. */
function tokenSoup(fragments: readonly string[]): fc.Arbitrary<string> {
  return fc.array(fc.constantFrom(...fragments), { maxLength: 25 }).map((parts) => parts.join(""));
}

const dvFragments = [
  " ", "(", ")", "a", "_x_value", "eq", " eq ", " ne ", " gt ", " and ", " or ", "not ", "'", "''", "'s'", "1", "-2.5",
  "true", "null", "2021-06-23", "2021-06-23T10:00:00Z", "9f3b2c4d-1e2f-4a5b-8c7d-0123456789ab", "/", ".", ",", "contains(",
  " has ", " in ", " add ", "any(", "==", "!", "&&", "\"", "1e", "2021-", "\u{1F600}", "\uD800",
];
const xppFragments = [
  " ", "(", ")", "a", "Field_1", "==", "=", "!=", "<", "<=", ">", ">=", "===", "&&", "||", "!", " like ", "\"", "\"\"", "\"A*\"",
  "\\", "\\\"", "1", "-1", "2.5", "23\\06\\2021", "1\\2\\", "NoYes", "::", "Yes", "true", "currentDate(", "dayRange(", ",", "'",
  "\u{1F600}", "\uDC00",
];

describe("parsers never throw and keep issue spans in bounds", () => {
  it("Dataverse: arbitrary strings", () => {
    fc.assert(fc.property(fc.string(), checkDataverse), RUNS);
  });
  it("Dataverse: arbitrary binary strings", () => {
    fc.assert(fc.property(fc.string({ unit: "binary" }), checkDataverse), RUNS);
  });
  it("Dataverse: filter-like token soup", () => {
    fc.assert(fc.property(tokenSoup(dvFragments), checkDataverse), RUNS);
  });
  it("X++: arbitrary strings", () => {
    fc.assert(fc.property(fc.string(), checkXpp), RUNS);
  });
  it("X++: arbitrary binary strings", () => {
    fc.assert(fc.property(fc.string({ unit: "binary" }), checkXpp), RUNS);
  });
  it("X++: filter-like token soup", () => {
    fc.assert(fc.property(tokenSoup(xppFragments), checkXpp), RUNS);
  });
});

// ---------------------------------------------------------------------------------------------
// Generated syntax trees: format, parse back, same tree (up to flattening) and same text.

const span = { start: 0, end: 0 };
const identifier = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,10}$/);

const dvKeywords = new Set(["eq", "ne", "gt", "ge", "lt", "le", "and", "or", "not", "has", "in", "add", "sub", "mul", "div", "mod", "true", "false", "null"]);
const dvOperand: fc.Arbitrary<DvOperand> = fc.oneof(
  identifier.filter((n) => !dvKeywords.has(n.toLowerCase())).map((name): DvOperand => ({ kind: "column", name, ...span })),
  fc.string().map((value): DvOperand => ({ kind: "string", value, ...span })),
  fc.integer().map((n): DvOperand => ({ kind: "number", raw: String(n), ...span })),
  fc.boolean().map((value): DvOperand => ({ kind: "boolean", value, ...span })),
  fc.constant<DvOperand>({ kind: "null", ...span }),
  fc.uuid().map((value): DvOperand => ({ kind: "guid", value, ...span })),
  fc.date({ min: new Date("1900-01-01T00:00:00Z"), max: new Date("2100-01-01T00:00:00Z"), noInvalidDate: true }).map(
    (d): DvOperand => ({ kind: "datetime", raw: d.toISOString(), ...span }),
  ),
);
const dvOperator = fc.constantFrom("eq", "ne", "gt", "ge", "lt", "le" as const);

const { dvNode } = fc.letrec<{ dvNode: DvNode }>((tie) => ({
  dvNode: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.record({ kind: fc.constant("comparison" as const), operator: dvOperator, left: dvOperand, right: dvOperand, start: fc.constant(0), end: fc.constant(0) }),
    fc.record({ kind: fc.constant("not" as const), operand: tie("dvNode"), start: fc.constant(0), end: fc.constant(0) }),
    fc.record({ kind: fc.constant("and" as const), operands: fc.array(tie("dvNode"), { minLength: 2, maxLength: 3 }), start: fc.constant(0), end: fc.constant(0) }),
    fc.record({ kind: fc.constant("or" as const), operands: fc.array(tie("dvNode"), { minLength: 2, maxLength: 3 }), start: fc.constant(0), end: fc.constant(0) }),
  ),
}));

/** Tree without spans, with nested and/or of the same kind flattened, guids lower-cased. */
function normalizeDv(n: DvNode): unknown {
  const operand = (o: DvOperand): unknown => {
    const { start: _s, end: _e, ...rest } = o;
    return o.kind === "guid" ? { ...rest, value: o.value.toLowerCase() } : rest;
  };
  switch (n.kind) {
    case "comparison":
      return { kind: n.kind, operator: n.operator, left: operand(n.left), right: operand(n.right) };
    case "not":
      return { kind: n.kind, operand: normalizeDv(n.operand) };
    case "and":
    case "or": {
      const flat = (m: DvNode): DvNode[] => (m.kind === n.kind ? m.operands.flatMap(flat) : [m]);
      return { kind: n.kind, operands: n.operands.flatMap(flat).map(normalizeDv) };
    }
  }
}

const xppOperand: fc.Arbitrary<XppOperand> = fc.oneof(
  identifier.filter((n) => !["like", "true", "false"].includes(n.toLowerCase())).map((name): XppOperand => ({ kind: "field", name, ...span })),
  fc.string().filter((s) => !s.includes('"') && !s.includes("\\")).map((raw): XppOperand => ({ kind: "string", raw, value: raw, ...span })),
  fc.integer().map((n): XppOperand => ({ kind: "number", raw: String(n), ...span })),
  fc.tuple(identifier, identifier).map(([enumName, value]): XppOperand => ({ kind: "enum", enumName, value, ...span })),
  fc.tuple(fc.integer({ min: 1, max: 31 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1900, max: 2154 })).map(
    ([day, month, year]): XppOperand => ({ kind: "date", day, month, year, ...span }),
  ),
  fc.boolean().map((value): XppOperand => ({ kind: "boolean", value, ...span })),
  fc.tuple(identifier.filter((n) => !["like", "true", "false"].includes(n.toLowerCase())), fc.array(fc.integer({ min: -9, max: 9 }), { maxLength: 2 })).map(
    ([name, args]): XppOperand => ({ kind: "call", name, args: args.map((a) => ({ kind: "number", raw: String(a), ...span })), ...span }),
  ),
);
const xppOperator = fc.constantFrom("==", "!=", "<", "<=", ">", ">=" as const);

const { xppNode } = fc.letrec<{ xppNode: XppNode }>((tie) => ({
  xppNode: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.record({ kind: fc.constant("comparison" as const), operator: xppOperator, left: xppOperand, right: xppOperand, start: fc.constant(0), end: fc.constant(0) }),
    fc.record({
      kind: fc.constant("like" as const),
      operand: xppOperand,
      pattern: fc.stringMatching(/^[A-Za-z*?]{0,6}$/).map((raw) => ({ kind: "string" as const, raw, value: raw, ...span })),
      start: fc.constant(0),
      end: fc.constant(0),
    }),
    fc.record({ kind: fc.constant("not" as const), operand: tie("xppNode"), start: fc.constant(0), end: fc.constant(0) }),
    fc.record({ kind: fc.constant("and" as const), operands: fc.array(tie("xppNode"), { minLength: 2, maxLength: 3 }), start: fc.constant(0), end: fc.constant(0) }),
    fc.record({ kind: fc.constant("or" as const), operands: fc.array(tie("xppNode"), { minLength: 2, maxLength: 3 }), start: fc.constant(0), end: fc.constant(0) }),
  ),
}));

function normalizeXpp(n: XppNode): unknown {
  const json = (v: unknown): unknown => JSON.parse(JSON.stringify(v, (k, x: unknown) => (k === "start" || k === "end" ? undefined : x)));
  switch (n.kind) {
    case "comparison":
    case "like":
      return json(n);
    case "not":
      return { kind: n.kind, operand: normalizeXpp(n.operand) };
    case "and":
    case "or": {
      const flat = (m: XppNode): XppNode[] => (m.kind === n.kind ? m.operands.flatMap(flat) : [m]);
      return { kind: n.kind, operands: n.operands.flatMap(flat).map(normalizeXpp) };
    }
  }
}

describe("format/parse round-trip on generated trees", () => {
  it("Dataverse: parse(format(ast)) is the same tree and formats to the same text", () => {
    fc.assert(
      fc.property(dvNode, (ast) => {
        const text = formatDataverseFilter(ast);
        const parsed = parseDataverseFilter(text);
        expect(parsed.errors, text).toEqual([]);
        if (parsed.ast === undefined) return;
        expect(normalizeDv(parsed.ast)).toEqual(normalizeDv(ast));
        expect(formatDataverseFilter(parsed.ast)).toBe(text);
      }),
      RUNS,
    );
  });

  it("X++: parse(format(ast)) is the same tree and formats to the same text", () => {
    fc.assert(
      fc.property(xppNode, (ast) => {
        const text = formatXppRange(ast);
        const parsed = parseXppRange(text);
        expect(parsed.errors, text).toEqual([]);
        expect(parsed.warnings.filter((w) => w.kind === "not-parenthesized"), text).toEqual([]);
        if (parsed.ast === undefined) return;
        expect(normalizeXpp(parsed.ast)).toEqual(normalizeXpp(ast));
        expect(formatXppRange(parsed.ast)).toBe(text);
      }),
      RUNS,
    );
  });
});
