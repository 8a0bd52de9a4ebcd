/**
 * Parser and canonical formatter for dual-write Dataverse source filters: the OData `$filter`
 * subset that dual-write accepts (comparisons `eq ne gt ge lt le` on the table's own columns,
 * combined with `and`, `or`, `not` and parentheses).
 *
 * Precedence, loosest first: `or` < `and` < `not` < comparison, so `not a eq 1` means
 * `not (a eq 1)`. The formatter always parenthesises the operand of `not`, so its output means
 * the same under standard OData precedence too.
 *
 * Issue kinds: `syntax`, `unsupported-function`, `unsupported-operator`, `navigation`.
 * Pure: no I/O, never throws.
 */
import { syntaxIssue } from "./filter-issue.js";
import type { ColumnRef, FilterIssue } from "./filter-issue.js";
import { TokenParser } from "./token-parser.js";
import {
  codePointLength,
  isDigit,
  isHexDigit,
  isIdentPart,
  isIdentStart,
  isOperatorChar,
  isWhitespace,
  operatorRunEnd,
  showText,
} from "./filter-text.js";

// ---------------------------------------------------------------------------------------------
// AST

export type DvComparisonOperator = "eq" | "ne" | "gt" | "ge" | "lt" | "le";

interface Span {
  /** 0-based UTF-16 offset in the filter text (including enclosing parentheses, if written). */
  start: number;
  /** Exclusive end offset. */
  end: number;
}

export interface DvColumn extends Span {
  kind: "column";
  name: string;
}
export interface DvString extends Span {
  kind: "string";
  /** Decoded value (`''` already turned into `'`). */
  value: string;
}
export interface DvNumber extends Span {
  kind: "number";
  /** The literal as written, e.g. `3`, `-1.5`, `1e3`. */
  raw: string;
}
export interface DvBoolean extends Span {
  kind: "boolean";
  value: boolean;
}
export interface DvNull extends Span {
  kind: "null";
}
export interface DvGuid extends Span {
  kind: "guid";
  /** Lower-case `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx`. */
  value: string;
}
export interface DvDate extends Span {
  kind: "date";
  /** `yyyy-mm-dd`. */
  raw: string;
}
export interface DvDateTime extends Span {
  kind: "datetime";
  /** `yyyy-mm-ddThh:mm[:ss[.fff]][Z|+hh:mm|-hh:mm]`. */
  raw: string;
}

export type DvOperand = DvColumn | DvString | DvNumber | DvBoolean | DvNull | DvGuid | DvDate | DvDateTime;

export interface DvComparison extends Span {
  kind: "comparison";
  operator: DvComparisonOperator;
  left: DvOperand;
  right: DvOperand;
}
export interface DvNot extends Span {
  kind: "not";
  operand: DvNode;
}
export interface DvAnd extends Span {
  kind: "and";
  /** Two or more operands. */
  operands: DvNode[];
}
export interface DvOr extends Span {
  kind: "or";
  /** Two or more operands. */
  operands: DvNode[];
}

export type DvNode = DvOr | DvAnd | DvNot | DvComparison;

export interface DataverseFilterParseResult {
  /** The syntax tree; present exactly when `errors` is empty. */
  ast: DvNode | undefined;
  /** Every column operand, in text order (navigation paths are not columns of the table). */
  columns: ColumnRef[];
  errors: FilterIssue[];
}

// ---------------------------------------------------------------------------------------------
// Tokenizer

type TokenKind =
  | "ident"
  | "string"
  | "number"
  | "guid"
  | "date"
  | "datetime"
  | "lparen"
  | "rparen"
  | "comma"
  | "slash"
  | "dot"
  | "symbol"
  | "error"
  | "eof";

interface Token {
  kind: TokenKind;
  start: number;
  end: number;
  /** Source text of the token. */
  text: string;
  /** Decoded value for strings. */
  value: string;
  /** For `error` tokens: the lexical problem. */
  issue?: FilterIssue;
}


function digitsAt(text: string, i: number, count: number): boolean {
  for (let k = 0; k < count; k++) if (!isDigit(text[i + k])) return false;
  return true;
}

function hexAt(text: string, i: number, count: number): boolean {
  for (let k = 0; k < count; k++) if (!isHexDigit(text[i + k])) return false;
  return true;
}

/** End offset of a GUID literal starting at `i`, or -1. */
function guidEnd(text: string, i: number): number {
  const groups = [8, 4, 4, 4, 12];
  let j = i;
  for (let g = 0; g < groups.length; g++) {
    const size = groups[g] ?? 0;
    if (!hexAt(text, j, size)) return -1;
    j += size;
    if (g < groups.length - 1) {
      if (text[j] !== "-") return -1;
      j++;
    }
  }
  const next = text[j];
  if (isIdentPart(next) || next === "-") return -1;
  return j;
}

function twoDigitsInRange(text: string, i: number, min: number, max: number): boolean {
  if (!digitsAt(text, i, 2)) return false;
  const v = Number(text.slice(i, i + 2));
  return v >= min && v <= max;
}

/** Length of `hh:mm[:ss[.f+]]` at `i`, or -1. */
function timeLength(text: string, i: number): number {
  if (!twoDigitsInRange(text, i, 0, 23) || text[i + 2] !== ":" || !twoDigitsInRange(text, i + 3, 0, 59)) return -1;
  let j = i + 5;
  if (text[j] === ":") {
    if (!twoDigitsInRange(text, j + 1, 0, 59)) return -1;
    j += 3;
    if (text[j] === ".") {
      let k = j + 1;
      while (isDigit(text[k])) k++;
      if (k === j + 1) return -1;
      j = k;
    }
  }
  return j - i;
}

/**
 * A date (`yyyy-mm-dd`) or datetime literal at `i` (which starts with 4 digits and a `-`).
 * Returns the token, an `error` token for a malformed literal.
 */
function lexDate(text: string, i: number): Token {
  // Extent of the date-looking run, used for the error span.
  let runEnd = i;
  while (isIdentPart(text[runEnd]) || text[runEnd] === "-" || text[runEnd] === ":" || text[runEnd] === "." || text[runEnd] === "+") runEnd++;
  const bad = (): Token => {
    const raw = text.slice(i, runEnd);
    return {
      kind: "error",
      start: i,
      end: runEnd,
      text: raw,
      value: "",
      issue: syntaxIssue(
        `invalid date literal ${showText(raw)}`,
        "Write dates as yyyy-mm-dd (e.g. 2021-06-23) and date-times as yyyy-mm-ddThh:mm:ssZ (e.g. 2021-06-23T10:00:00Z).",
        i,
        runEnd,
      ),
    };
  };
  if (text[i + 4] !== "-" || !twoDigitsInRange(text, i + 5, 1, 12) || text[i + 7] !== "-" || !twoDigitsInRange(text, i + 8, 1, 31)) return bad();
  let j = i + 10;
  let kind: "date" | "datetime" = "date";
  if (text[j] === "T") {
    const t = timeLength(text, j + 1);
    if (t < 0) return bad();
    j += 1 + t;
    kind = "datetime";
    const z = text[j];
    if (z === "Z") j++;
    else if (z === "+" || z === "-") {
      if (!twoDigitsInRange(text, j + 1, 0, 23) || text[j + 3] !== ":" || !twoDigitsInRange(text, j + 4, 0, 59)) return bad();
      j += 6;
    }
  }
  if (j !== runEnd) return bad();
  const raw = text.slice(i, j);
  return { kind, start: i, end: j, text: raw, value: raw };
}

/** Number literal at `i` (optionally starting with `-` followed by a digit). */
function lexNumber(text: string, i: number): Token {
  let j = i;
  if (text[j] === "-") j++;
  while (isDigit(text[j])) j++;
  if (text[j] === "." && isDigit(text[j + 1])) {
    j++;
    while (isDigit(text[j])) j++;
  }
  if ((text[j] === "e" || text[j] === "E") && (isDigit(text[j + 1]) || ((text[j + 1] === "+" || text[j + 1] === "-") && isDigit(text[j + 2])))) {
    j += 2;
    while (isDigit(text[j])) j++;
  }
  if (isIdentPart(text[j])) {
    let k = j;
    while (isIdentPart(text[k])) k++;
    const raw = text.slice(i, k);
    return {
      kind: "error",
      start: i,
      end: k,
      text: raw,
      value: "",
      issue: syntaxIssue(
        `invalid number ${showText(raw)}`,
        "Write numbers as digits with an optional '-' sign and decimal point (e.g. 3, -1, 12.5); put text values in single quotes.",
        i,
        k,
      ),
    };
  }
  const raw = text.slice(i, j);
  return { kind: "number", start: i, end: j, text: raw, value: raw };
}

function lexString(text: string, i: number): Token {
  let j = i + 1;
  let value = "";
  for (;;) {
    const c = text[j];
    if (c === undefined) {
      const raw = text.slice(i);
      return {
        kind: "error",
        start: i,
        end: text.length,
        text: raw,
        value: "",
        issue: syntaxIssue(
          `unterminated string literal starting with ${showText(raw.length > 20 ? raw.slice(0, 20) : raw)}: the closing single quote is missing`,
          "Close the string with a single quote; write a quote inside a string as two quotes ('O''Brien').",
          i,
          text.length,
        ),
      };
    }
    if (c === "'") {
      if (text[j + 1] === "'") {
        value += "'";
        j += 2;
        continue;
      }
      j++;
      return { kind: "string", start: i, end: j, text: text.slice(i, j), value };
    }
    value += c;
    j++;
  }
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const push = (kind: TokenKind, end: number): void => {
    tokens.push({ kind, start: i, end, text: text.slice(i, end), value: "" });
    i = end;
  };
  while (i < text.length) {
    const c = text[i];
    if (isWhitespace(c)) {
      i++;
      continue;
    }
    let tok: Token | undefined;
    switch (c) {
      case "(":
        push("lparen", i + 1);
        continue;
      case ")":
        push("rparen", i + 1);
        continue;
      case ",":
        push("comma", i + 1);
        continue;
      case "/":
        push("slash", i + 1);
        continue;
      case ".":
        push("dot", i + 1);
        continue;
      case "'":
        tok = lexString(text, i);
        break;
      default: {
        const g = isHexDigit(c) ? guidEnd(text, i) : -1;
        if (g >= 0) {
          const raw = text.slice(i, g);
          tok = { kind: "guid", start: i, end: g, text: raw, value: raw.toLowerCase() };
        } else if (isDigit(c) && digitsAt(text, i, 4) && text[i + 4] === "-") {
          tok = lexDate(text, i);
        } else if (isDigit(c) || (c === "-" && isDigit(text[i + 1]))) {
          tok = lexNumber(text, i);
        } else if (isIdentStart(c)) {
          let j = i + 1;
          while (isIdentPart(text[j])) j++;
          push("ident", j);
          continue;
        } else if (isOperatorChar(c) || (c === "!" && text[i + 1] === "=")) {
          push("symbol", operatorRunEnd(text, i));
          continue;
        } else {
          push("symbol", i + codePointLength(text, i));
          continue;
        }
      }
    }
    tokens.push(tok);
    if (tok.kind === "error") break; // lexical errors are fatal; the parser reports them in order
    i = tok.end;
  }
  tokens.push({ kind: "eof", start: text.length, end: text.length, text: "", value: "" });
  return tokens;
}

// ---------------------------------------------------------------------------------------------
// Parser

const COMPARISON_OPERATORS: ReadonlySet<string> = new Set(["eq", "ne", "gt", "ge", "lt", "le"]);
const ARITHMETIC_OPERATORS: ReadonlySet<string> = new Set(["add", "sub", "mul", "div", "mod"]);
const LAMBDA_OPERATORS: ReadonlySet<string> = new Set(["any", "all"]);
/** Words that can never be a column operand. */
const RESERVED: ReadonlySet<string> = new Set([
  ...COMPARISON_OPERATORS,
  ...ARITHMETIC_OPERATORS,
  "and",
  "or",
  "not",
  "has",
  "in",
]);

/** Hints for symbols people carry over from other languages. */
const SYMBOL_HINTS: Readonly<Record<string, string>> = {
  "=": "OData compares with keywords: use 'eq' instead of '='.",
  "==": "OData compares with keywords: use 'eq' instead of '=='.",
  "===": "OData compares with keywords: use 'eq' instead of '==='.",
  "!=": "OData compares with keywords: use 'ne' instead of '!='.",
  "!==": "OData compares with keywords: use 'ne' instead of '!=='.",
  "<>": "OData compares with keywords: use 'ne' instead of '<>'.",
  "<": "OData compares with keywords: use 'lt' instead of '<'.",
  "<=": "OData compares with keywords: use 'le' instead of '<='.",
  ">": "OData compares with keywords: use 'gt' instead of '>'.",
  ">=": "OData compares with keywords: use 'ge' instead of '>='.",
  "&&": "OData combines conditions with keywords: use 'and' instead of '&&'.",
  "&": "OData combines conditions with keywords: use 'and' instead of '&'.",
  "||": "OData combines conditions with keywords: use 'or' instead of '||'.",
  "|": "OData combines conditions with keywords: use 'or' instead of '|'.",
  "!": "OData negates with a keyword: use 'not' instead of '!'.",
  '"': "OData string literals use single quotes: 'value'.",
};

const MAX_DEPTH = 200;

const FUNCTION_HINT =
  "Dual-write Dataverse filters support only comparisons (eq, ne, gt, ge, lt, le) of columns with literal values, combined with and, or, not; compare the column with the exact value instead, or filter on the finance and operations side.";

/** Result of parsing a value expression. `node` is undefined when the value was invalid (issue recorded). */
interface ValueResult {
  node: DvOperand | undefined;
  /** A function call or lambda: may stand alone as a (boolean) condition. */
  callLike: boolean;
}

class DataverseParser extends TokenParser<Token> {
  readonly columns: ColumnRef[] = [];

  protected eof(): Token {
    return { kind: "eof", start: this.text.length, end: this.text.length, text: "", value: "" };
  }


  private isWord(tok: Token, word: string): boolean {
    return tok.kind === "ident" && tok.text.toLowerCase() === word;
  }

  private report(kind: string, message: string, hint: string, start: number, end: number): void {
    this.errors.push({ kind, message, hint, start, end });
  }


  /** Syntax error at `tok`, which is not what `expected` describes. */
  private unexpected(tok: Token, expected: string, hint?: string): undefined {
    if (tok.issue !== undefined) return this.fail(tok.issue);
    if (tok.kind === "eof") {
      const prev = this.previous();
      if (prev === undefined) return this.fail(syntaxIssue("the filter is empty", "Write a condition such as `statecode eq 0`.", 0, this.text.length));
      return this.fail(
        syntaxIssue(
          `expected ${expected} after ${showText(prev.text)}, but the filter ends there`,
          hint ?? "Complete the condition, e.g. `statecode eq 0`.",
          prev.start,
          prev.end,
        ),
      );
    }
    const symbolHint = tok.kind === "symbol" ? SYMBOL_HINTS[tok.text] : undefined;
    return this.fail(
      syntaxIssue(
        `unexpected ${showText(tok.text)}: expected ${expected}`,
        symbolHint ?? hint ?? "Write conditions as `column operator value` (operators eq, ne, gt, ge, lt, le), combined with and, or, not and parentheses.",
        tok.start,
        tok.end,
      ),
    );
  }

  parseFilter(): DvNode | undefined {
    if (this.peek().kind === "eof") {
      return this.fail(syntaxIssue("the filter is empty", "Write a condition such as `statecode eq 0`, or remove the filter to sync all rows.", 0, this.text.length));
    }
    const node = this.parseOr();
    if (this.fatal) return undefined;
    const tok = this.peek();
    if (tok.kind === "rparen") {
      return this.fail(syntaxIssue("unbalanced parenthesis: ')' has no matching '('", "Remove the ')' or add the missing '('.", tok.start, tok.end));
    }
    if (tok.kind !== "eof") {
      return this.unexpected(tok, "'and', 'or' or the end of the filter", "Combine conditions with 'and' or 'or'.");
    }
    return node;
  }

  private parseOr(): DvNode | undefined {
    return this.parseChain("or", () => this.parseAnd());
  }

  private parseAnd(): DvNode | undefined {
    return this.parseChain("and", () => this.parseNot());
  }

  private parseChain(kind: "and" | "or", next: () => DvNode | undefined): DvNode | undefined {
    const operands: (DvNode | undefined)[] = [next()];
    while (!this.fatal && this.isWord(this.peek(), kind)) {
      this.advance();
      operands.push(next());
    }
    if (this.fatal) return undefined;
    const nodes = operands.filter((n): n is DvNode => n !== undefined);
    if (nodes.length !== operands.length) return undefined;
    const first = nodes[0];
    const last = nodes[nodes.length - 1];
    if (first === undefined || last === undefined) return undefined;
    if (nodes.length === 1) return first;
    return { kind, operands: nodes, start: first.start, end: last.end };
  }

  private enter(tok: Token): boolean {
    this.depth++;
    if (this.depth > MAX_DEPTH) {
      this.fail(syntaxIssue(`the filter is nested more than ${MAX_DEPTH} levels deep at ${showText(tok.text)}`, "Simplify the filter.", tok.start, tok.end));
      return false;
    }
    return true;
  }

  private parseNot(): DvNode | undefined {
    const tok = this.peek();
    if (!this.isWord(tok, "not")) return this.parsePrimary();
    if (!this.enter(tok)) return undefined;
    this.advance();
    const operand = this.parseNot();
    this.depth--;
    if (operand === undefined) return undefined;
    return { kind: "not", operand, start: tok.start, end: operand.end };
  }

  private parsePrimary(): DvNode | undefined {
    const open = this.peek();
    if (open.kind !== "lparen") return this.parseComparison();
    if (!this.enter(open)) return undefined;
    this.advance();
    const inner = this.parseOr();
    if (this.fatal) return undefined;
    const close = this.peek();
    if (close.kind === "eof") {
      return this.fail(syntaxIssue("unbalanced parenthesis: '(' is never closed", "Add the missing ')'.", open.start, open.end));
    }
    if (close.kind !== "rparen") return this.unexpected(close, "')', 'and' or 'or'");
    this.advance();
    this.depth--;
    if (inner === undefined) return undefined;
    return { ...inner, start: open.start, end: close.end };
  }

  private parseComparison(): DvNode | undefined {
    const left = this.parseValue();
    if (this.fatal) return undefined;
    const opTok = this.peek();
    const word = opTok.kind === "ident" ? opTok.text.toLowerCase() : "";
    if (COMPARISON_OPERATORS.has(word)) {
      this.advance();
      const right = this.parseValue();
      if (this.fatal || left.node === undefined || right.node === undefined) return undefined;
      return {
        kind: "comparison",
        operator: word as DvComparisonOperator,
        left: left.node,
        right: right.node,
        start: left.node.start,
        end: right.node.end,
      };
    }
    if (word === "has") {
      this.report(
        "unsupported-operator",
        `operator ${showText(opTok.text)} is not supported in a dual-write Dataverse filter`,
        "Compare the column with eq/ne instead (for multi-select choices, filter on the finance and operations side).",
        opTok.start,
        opTok.end,
      );
      this.advance();
      this.parseValue();
      return undefined;
    }
    if (word === "in") {
      this.report(
        "unsupported-operator",
        `operator ${showText(opTok.text)} is not supported in a dual-write Dataverse filter`,
        "Write one comparison per value joined with 'or', e.g. `(customertypecode eq 3 or customertypecode eq 11)`.",
        opTok.start,
        opTok.end,
      );
      this.advance();
      if (this.peek().kind === "lparen") this.skipParenthesized();
      else this.parseValue();
      return undefined;
    }
    // A function call or lambda on its own is a boolean condition; its issue is already recorded.
    if (left.callLike) return undefined;
    return this.unexpected(opTok, "a comparison operator (eq, ne, gt, ge, lt, le)");
  }

  /** An operand, possibly followed by (unsupported) arithmetic. */
  private parseValue(): ValueResult {
    const first = this.parseOperand();
    let result = first;
    while (!this.fatal) {
      const tok = this.peek();
      if (tok.kind !== "ident" || !ARITHMETIC_OPERATORS.has(tok.text.toLowerCase())) break;
      this.report(
        "unsupported-operator",
        `arithmetic operator ${showText(tok.text)} is not supported in a dual-write Dataverse filter`,
        "Compare the column directly with a precomputed literal value.",
        tok.start,
        tok.end,
      );
      this.advance();
      this.parseOperand();
      result = { node: undefined, callLike: false };
    }
    return result;
  }

  private parseOperand(): ValueResult {
    const invalid: ValueResult = { node: undefined, callLike: false };
    const tok = this.peek();
    const { start, end } = tok;
    switch (tok.kind) {
      case "string":
        this.advance();
        return { node: { kind: "string", value: tok.value, start, end }, callLike: false };
      case "number":
        this.advance();
        return { node: { kind: "number", raw: tok.text, start, end }, callLike: false };
      case "guid":
        this.advance();
        return { node: { kind: "guid", value: tok.value, start, end }, callLike: false };
      case "date":
        this.advance();
        return { node: { kind: "date", raw: tok.text, start, end }, callLike: false };
      case "datetime":
        this.advance();
        return { node: { kind: "datetime", raw: tok.text, start, end }, callLike: false };
      case "ident":
        return this.parseIdentifierOperand(tok);
      case "lparen":
        this.unexpected(tok, "a column name or literal value", "Parentheses group conditions, not values: write `column eq value`.");
        return invalid;
      default:
        this.unexpected(tok, "a column name or literal value");
        return invalid;
    }
  }

  private parseIdentifierOperand(tok: Token): ValueResult {
    const invalid: ValueResult = { node: undefined, callLike: false };
    const lower = tok.text.toLowerCase();
    const { start, end } = tok;
    if (lower === "true" || lower === "false") {
      this.advance();
      return { node: { kind: "boolean", value: lower === "true", start, end }, callLike: false };
    }
    if (lower === "null") {
      this.advance();
      return { node: { kind: "null", start, end }, callLike: false };
    }
    if (RESERVED.has(lower)) {
      this.unexpected(tok, "a column name or literal value", `${showText(tok.text)} is a keyword; write conditions as \`column operator value\`.`);
      return invalid;
    }
    this.advance();
    if (this.peek().kind === "lparen") {
      this.reportFunction(tok.text, start, end);
      this.skipParenthesized();
      return { node: undefined, callLike: true };
    }
    let last = tok;
    let separators = "";
    while (this.peek().kind === "slash" || this.peek().kind === "dot") {
      const sep = this.advance();
      separators += sep.text;
      const seg = this.peek();
      if (seg.kind !== "ident" || (RESERVED.has(seg.text.toLowerCase()) && this.peek(1).kind !== "lparen")) {
        this.unexpected(seg, `a column name after ${showText(sep.text)}`);
        return invalid;
      }
      this.advance();
      last = seg;
      if (this.peek().kind === "lparen") {
        if (sep.kind === "slash" && LAMBDA_OPERATORS.has(seg.text.toLowerCase())) {
          this.report(
            "unsupported-operator",
            `lambda operator ${seg.text}() is not supported in a dual-write Dataverse filter`,
            "Dual-write filters can only use the table's own columns; filter on the finance and operations side instead.",
            seg.start,
            seg.end,
          );
        } else {
          this.reportFunction(this.text.slice(start, seg.end), start, seg.end);
        }
        this.skipParenthesized();
        return { node: undefined, callLike: true };
      }
    }
    if (last !== tok) {
      const path = this.text.slice(start, last.end);
      const head = tok.text;
      this.report(
        "navigation",
        `${showText(path)} navigates to a related table (nested lookup), which a dual-write Dataverse filter cannot use`,
        `Use only this table's own columns, e.g. the lookup value column '_${head.toLowerCase()}_value' compared with a GUID, or filter on the finance and operations side.${separators.includes(".") ? " Related-table paths use '/' in OData, and are not supported either." : ""}`,
        start,
        last.end,
      );
      return invalid;
    }
    this.columns.push({ name: tok.text, start, end });
    return { node: { kind: "column", name: tok.text, start, end }, callLike: false };
  }

  private reportFunction(name: string, start: number, end: number): void {
    this.report("unsupported-function", `function ${name}() is not supported in a dual-write Dataverse filter`, FUNCTION_HINT, start, end);
  }

  /** Skips a balanced `( ... )` group starting at the current `(` token. */
  private skipParenthesized(): void {
    const open = this.advance();
    let depth = 1;
    for (;;) {
      const tok = this.peek();
      if (tok.issue !== undefined) {
        this.fail(tok.issue);
        return;
      }
      if (tok.kind === "eof") {
        this.fail(syntaxIssue("unbalanced parenthesis: '(' is never closed", "Add the missing ')'.", open.start, open.end));
        return;
      }
      this.advance();
      if (tok.kind === "lparen") depth++;
      else if (tok.kind === "rparen") {
        depth--;
        if (depth === 0) return;
      }
    }
  }
}

/** Parses a dual-write Dataverse source filter. Never throws: problems are returned in `errors`. */
export function parseDataverseFilter(text: string): DataverseFilterParseResult {
  const parser = new DataverseParser(text, tokenize(text));
  const ast = parser.parseFilter();
  return { ast: parser.errors.length === 0 ? ast : undefined, columns: parser.columns, errors: parser.errors };
}

// ---------------------------------------------------------------------------------------------
// Formatter

function formatOperand(operand: DvOperand): string {
  switch (operand.kind) {
    case "column":
      return operand.name;
    case "string":
      return `'${operand.value.replaceAll("'", "''")}'`;
    case "number":
    case "date":
    case "datetime":
      return operand.raw;
    case "boolean":
      return operand.value ? "true" : "false";
    case "null":
      return "null";
    case "guid":
      return operand.value.toLowerCase();
  }
}

/** Operands of an and/or node with nested nodes of the same kind flattened (the operators are associative). */
function flatten(node: DvAnd | DvOr): DvNode[] {
  return node.operands.flatMap((child) => (child.kind === node.kind ? flatten(child) : [child]));
}

/**
 * Canonical text of a Dataverse filter: single spaces, lower-case keywords, parentheses only
 * where needed (an `or` inside an `and`) plus always around the operand of `not`.
 */
export function formatDataverseFilter(ast: DvNode): string {
  switch (ast.kind) {
    case "comparison":
      return `${formatOperand(ast.left)} ${ast.operator} ${formatOperand(ast.right)}`;
    case "not":
      return `not (${formatDataverseFilter(ast.operand)})`;
    case "and":
      return flatten(ast)
        .map((child) => (child.kind === "or" ? `(${formatDataverseFilter(child)})` : formatDataverseFilter(child)))
        .join(" and ");
    case "or":
      return flatten(ast).map(formatDataverseFilter).join(" or ");
  }
}
