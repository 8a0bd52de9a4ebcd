/**
 * Parser and canonical formatter for dual-write finance and operations (F&O) source filters:
 * X++ query-range expressions such as `((numberofemployees > 1000) && (numberofemployees <= 2000))`.
 *
 * Precedence, loosest first: `||` < `&&` < `!` < comparison. Comparisons: `== != < <= > >=`, a
 * single `=` (accepted as `==`, as Microsoft's CDS Contacts V2 template writes
 * `(AssociatedContactType = 1)`), and `like "pattern"` with `*` / `?` wildcards.
 *
 * Issue kinds: errors `syntax`; warnings `empty-string` (comparison of a field with `""`) and
 * `not-parenthesized` (F&O only treats a range value as an expression when the whole value is
 * enclosed in parentheses).
 * Pure: no I/O, never throws.
 */
import { syntaxIssue } from "./filter-issue.js";
import type { ColumnRef, FilterIssue } from "./filter-issue.js";
import { TokenParser } from "./token-parser.js";
import {
  codePointLength,
  isDigit,
  isIdentPart,
  isIdentStart,
  isOperatorChar,
  isWhitespace,
  operatorRunEnd,
  showText,
} from "./filter-text.js";

// ---------------------------------------------------------------------------------------------
// AST

export type XppComparisonOperator = "==" | "!=" | "<" | "<=" | ">" | ">=";

interface Span {
  /** 0-based UTF-16 offset in the filter text (including enclosing parentheses, if written). */
  start: number;
  /** Exclusive end offset. */
  end: number;
}

export interface XppField extends Span {
  kind: "field";
  name: string;
}
export interface XppString extends Span {
  kind: "string";
  /** Content between the quotes exactly as written (escapes kept); the formatter emits this. */
  raw: string;
  /** Decoded value: `\"` `\\` `\n` `\t` `\r` decoded, other backslash pairs kept as written. */
  value: string;
}
export interface XppNumber extends Span {
  kind: "number";
  /** As written, e.g. `1000`, `-1`, `2.5`. */
  raw: string;
}
export interface XppEnumValue extends Span {
  kind: "enum";
  /** e.g. `AccountType` in `AccountType::Customer`. */
  enumName: string;
  value: string;
}
export interface XppDate extends Span {
  kind: "date";
  day: number;
  month: number;
  year: number;
}
export interface XppBoolean extends Span {
  kind: "boolean";
  value: boolean;
}
/** A SysQueryRangeUtil-style call such as `currentDate()` or `dayRange(-1, 1)`. Arguments are literals or calls. */
export interface XppCall extends Span {
  kind: "call";
  name: string;
  args: XppOperand[];
}

export type XppOperand = XppField | XppString | XppNumber | XppEnumValue | XppDate | XppBoolean | XppCall;

export interface XppComparison extends Span {
  kind: "comparison";
  operator: XppComparisonOperator;
  left: XppOperand;
  right: XppOperand;
}
export interface XppLike extends Span {
  kind: "like";
  operand: XppOperand;
  pattern: XppString;
}
export interface XppNot extends Span {
  kind: "not";
  operand: XppNode;
}
export interface XppAnd extends Span {
  kind: "and";
  /** Two or more operands. */
  operands: XppNode[];
}
export interface XppOr extends Span {
  kind: "or";
  /** Two or more operands. */
  operands: XppNode[];
}

export type XppNode = XppOr | XppAnd | XppNot | XppComparison | XppLike;

export interface XppRangeParseResult {
  /** The syntax tree; present exactly when `errors` is empty. */
  ast: XppNode | undefined;
  /** Every field operand, in text order. */
  fields: ColumnRef[];
  errors: FilterIssue[];
  warnings: FilterIssue[];
}

// ---------------------------------------------------------------------------------------------
// Tokenizer

type TokenKind = "ident" | "string" | "number" | "date" | "op" | "scope" | "lparen" | "rparen" | "comma" | "symbol" | "error" | "eof";

interface Token {
  kind: TokenKind;
  start: number;
  end: number;
  text: string;
  /** Decoded value for strings. */
  value: string;
  /** Day, month, year for dates. */
  date?: readonly [number, number, number];
  /** For `error` tokens: the lexical problem. */
  issue?: FilterIssue;
}

const OPERATORS: ReadonlySet<string> = new Set(["==", "!=", "<", "<=", ">", ">=", "=", "&&", "||"]);

const OPERATOR_FIXES: Readonly<Record<string, string>> = {
  "===": "==",
  "!==": "!=",
  "<>": "!=",
  "=<": "<=",
  "=>": ">=",
  "&": "&&",
  "|": "||",
  "&&&": "&&",
  "|||": "||",
};

function errorToken(start: number, end: number, text: string, issue: FilterIssue): Token {
  return { kind: "error", start, end, text, value: "", issue };
}

const ESCAPES: Readonly<Record<string, string>> = { '"': '"', "\\": "\\", n: "\n", t: "\t", r: "\r" };

function lexString(text: string, i: number): Token {
  let j = i + 1;
  let value = "";
  for (;;) {
    const c = text[j];
    if (c === undefined) {
      const raw = text.slice(i);
      return errorToken(
        i,
        text.length,
        raw,
        syntaxIssue(`unterminated string literal starting with ${showText(raw.length > 20 ? raw.slice(0, 20) : raw)}: the closing double quote is missing`, 'Close the string with a double quote; write a quote inside a string as \\".', i, text.length),
      );
    }
    if (c === '"') {
      j++;
      return { kind: "string", start: i, end: j, text: text.slice(i, j), value };
    }
    if (c === "\\") {
      const e = text[j + 1];
      if (e === undefined) {
        j++;
        continue; // reported as unterminated on the next iteration
      }
      value += ESCAPES[e] ?? `\\${e}`;
      j += 2;
      continue;
    }
    value += c;
    j++;
  }
}

/** Number (`-?digits[.digits]`) or date (`d\m\yyyy`) at `i`. */
function lexNumberOrDate(text: string, i: number): Token {
  let j = i;
  if (text[j] === "-") j++;
  while (isDigit(text[j])) j++;
  if (text[j] === "\\" && text[i] !== "-") {
    let k = j;
    while (isDigit(text[k]) || text[k] === "\\" || isIdentPart(text[k])) k++;
    const raw = text.slice(i, k);
    const parts = raw.split("\\");
    const [d, m, y] = parts;
    const valid =
      parts.length === 3 &&
      d !== undefined &&
      m !== undefined &&
      y !== undefined &&
      /* each part must be only digits */ [d, m, y].every((p) => p.length > 0 && [...p].every((c) => isDigit(c))) &&
      d.length <= 2 &&
      m.length <= 2 &&
      y.length === 4;
    const day = Number(d);
    const month = Number(m);
    const year = Number(y);
    if (!valid || day < 1 || day > 31 || month < 1 || month > 12) {
      return errorToken(
        i,
        k,
        raw,
        syntaxIssue(`invalid date literal ${showText(raw)}`, "Write dates as day\\month\\year, e.g. 23\\06\\2021.", i, k),
      );
    }
    return { kind: "date", start: i, end: k, text: raw, value: raw, date: [day, month, year] };
  }
  if (text[j] === "." && isDigit(text[j + 1])) {
    j++;
    while (isDigit(text[j])) j++;
  }
  if (isIdentPart(text[j])) {
    let k = j;
    while (isIdentPart(text[k])) k++;
    const raw = text.slice(i, k);
    return errorToken(
      i,
      k,
      raw,
      syntaxIssue(`invalid number ${showText(raw)}`, "Write numbers as digits with an optional '-' sign and decimal point; put text in double quotes.", i, k),
    );
  }
  const raw = text.slice(i, j);
  return { kind: "number", start: i, end: j, text: raw, value: raw };
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
    if (c === "(") push("lparen", i + 1);
    else if (c === ")") push("rparen", i + 1);
    else if (c === ",") push("comma", i + 1);
    else if (c === ":" && text[i + 1] === ":") push("scope", i + 2);
    else if (isIdentStart(c)) {
      let j = i + 1;
      while (isIdentPart(text[j])) j++;
      push("ident", j);
    } else if (c === "!" && text[i + 1] !== "=") push("op", i + 1);
    else if (isOperatorChar(c) || c === "!") {
      const end = operatorRunEnd(text, i);
      const raw = text.slice(i, end);
      if (OPERATORS.has(raw)) push("op", end);
      else {
        const fix = OPERATOR_FIXES[raw];
        tokens.push(
          errorToken(
            i,
            end,
            raw,
            syntaxIssue(
              `unknown operator ${showText(raw)}`,
              fix !== undefined ? `Use '${fix}'.` : "X++ ranges use == != < <= > >= like, combined with && || and !.",
              i,
              end,
            ),
          ),
        );
        break;
      }
    } else if (c === '"' || isDigit(c) || (c === "-" && isDigit(text[i + 1]))) {
      const tok = c === '"' ? lexString(text, i) : lexNumberOrDate(text, i);
      tokens.push(tok);
      if (tok.kind === "error") break;
      i = tok.end;
    } else push("symbol", i + codePointLength(text, i));
  }
  tokens.push({ kind: "eof", start: text.length, end: text.length, text: "", value: "" });
  return tokens;
}

// ---------------------------------------------------------------------------------------------
// Parser

const COMPARISON_OPERATORS: ReadonlySet<string> = new Set(["==", "!=", "<", "<=", ">", ">=", "="]);
const MAX_DEPTH = 200;

const SYMBOL_HINTS: Readonly<Record<string, string>> = {
  "'": 'X++ range strings use double quotes: "value".',
};

const GENERAL_HINT =
  'Write conditions as `(Field operator value)` with == != < <= > >= or like "pattern", combined with && || ! and parentheses, e.g. `((PartyType == "Organization"))`.';

class XppParser extends TokenParser<Token> {
  /** True when the whole expression is enclosed in one pair of parentheses. */
  wrapped = false;
  readonly warnings: FilterIssue[] = [];
  readonly fields: ColumnRef[] = [];

  protected eof(): Token {
    return { kind: "eof", start: this.text.length, end: this.text.length, text: "", value: "" };
  }


  private unexpected(tok: Token, expected: string, hint?: string): undefined {
    if (tok.issue !== undefined) return this.fail(tok.issue);
    if (tok.kind === "eof") {
      const prev = this.previous();
      if (prev === undefined) return this.fail(syntaxIssue("the filter is empty", GENERAL_HINT, 0, this.text.length));
      return this.fail(
        syntaxIssue(`expected ${expected} after ${showText(prev.text)}, but the filter ends there`, hint ?? "Complete the expression.", prev.start, prev.end),
      );
    }
    return this.fail(
      syntaxIssue(`unexpected ${showText(tok.text)}: expected ${expected}`, SYMBOL_HINTS[tok.text] ?? hint ?? GENERAL_HINT, tok.start, tok.end),
    );
  }

  private enter(tok: Token): boolean {
    this.depth++;
    if (this.depth > MAX_DEPTH) {
      this.fail(syntaxIssue(`the filter is nested more than ${MAX_DEPTH} levels deep at ${showText(tok.text)}`, "Simplify the filter.", tok.start, tok.end));
      return false;
    }
    return true;
  }

  parseRange(): XppNode | undefined {
    if (this.peek().kind === "eof") {
      return this.fail(syntaxIssue("the filter is empty", `${GENERAL_HINT} Or remove the filter to sync all rows.`, 0, this.text.length));
    }
    const node = this.parseChain("or");
    if (this.fatal) return undefined;
    const tok = this.peek();
    if (tok.kind === "rparen") {
      return this.fail(syntaxIssue("unbalanced parenthesis: ')' has no matching '('", "Remove the ')' or add the missing '('.", tok.start, tok.end));
    }
    if (tok.kind !== "eof") return this.unexpected(tok, "'&&', '||' or the end of the filter", "Combine conditions with && or ||.");
    return node;
  }

  private parseChain(kind: "and" | "or"): XppNode | undefined {
    const opText = kind === "and" ? "&&" : "||";
    const next = (): XppNode | undefined => (kind === "and" ? this.parseNot() : this.parseChain("and"));
    const first = next();
    if (this.fatal || first === undefined) return undefined;
    const operands: XppNode[] = [first];
    while (this.peek().kind === "op" && this.peek().text === opText) {
      this.advance();
      const operand = next();
      if (this.fatal || operand === undefined) return undefined;
      operands.push(operand);
    }
    const last = operands[operands.length - 1] ?? first;
    if (operands.length === 1) return first;
    return { kind, operands, start: first.start, end: last.end };
  }

  private parseNot(): XppNode | undefined {
    const tok = this.peek();
    if (tok.kind !== "op" || tok.text !== "!") return this.parsePrimary();
    if (!this.enter(tok)) return undefined;
    this.advance();
    const operand = this.parseNot();
    this.depth--;
    if (operand === undefined) return undefined;
    return { kind: "not", operand, start: tok.start, end: operand.end };
  }

  private parsePrimary(): XppNode | undefined {
    const open = this.peek();
    if (open.kind !== "lparen") return this.parseComparison();
    if (!this.enter(open)) return undefined;
    const openIndex = this.pos;
    this.advance();
    const inner = this.parseChain("or");
    if (this.fatal || inner === undefined) return undefined;
    const close = this.peek();
    if (close.kind === "eof") {
      return this.fail(syntaxIssue("unbalanced parenthesis: '(' is never closed", "Add the missing ')'.", open.start, open.end));
    }
    if (close.kind !== "rparen") return this.unexpected(close, "')', '&&' or '||'");
    this.advance();
    this.depth--;
    if (openIndex === 0 && this.peek().kind === "eof") this.wrapped = true;
    return { ...inner, start: open.start, end: close.end };
  }

  private parseComparison(): XppNode | undefined {
    const left = this.parseOperand(false);
    if (left === undefined) return undefined;
    const opTok = this.peek();
    if (opTok.kind === "ident" && opTok.text.toLowerCase() === "like") {
      this.advance();
      const pattern = this.peek();
      if (pattern.kind !== "string") return this.unexpected(pattern, "a pattern in double quotes after 'like'", 'Write e.g. `(name like "A*")`: * matches any text, ? one character.');
      this.advance();
      const node: XppLike = {
        kind: "like",
        operand: left,
        pattern: { kind: "string", raw: pattern.text.slice(1, -1), value: pattern.value, start: pattern.start, end: pattern.end },
        start: left.start,
        end: pattern.end,
      };
      this.checkEmptyString(node, left, node.pattern);
      return node;
    }
    if (opTok.kind !== "op" || !COMPARISON_OPERATORS.has(opTok.text)) {
      return this.unexpected(opTok, "a comparison operator (==, !=, <, <=, >, >=) or 'like'");
    }
    this.advance();
    const right = this.parseOperand(false);
    if (right === undefined) return undefined;
    const operator = (opTok.text === "=" ? "==" : opTok.text) as XppComparisonOperator;
    const node: XppComparison = { kind: "comparison", operator, left, right, start: left.start, end: right.end };
    this.checkEmptyString(node, left, right);
    return node;
  }

  private checkEmptyString(node: XppComparison | XppLike, left: XppOperand, right: XppOperand): void {
    const field = left.kind === "field" ? left : right.kind === "field" ? right : undefined;
    const other = field === left ? right : left;
    if (field === undefined || other.kind !== "string" || other.raw !== "") return;
    this.warnings.push({
      kind: "empty-string",
      message: `the F&O filter compares field ${field.name} to an empty string (""), but missing values are null, so rows with no value in ${field.name} are silently not matched`,
      hint: "Compare the way the data is actually stored, or filter on the Dataverse side (Microsoft dual-write live-sync troubleshooting guidance).",
      start: node.start,
      end: node.end,
    });
  }

  /** An operand; inside function arguments (`inArgs`), fields are not allowed. Undefined after an error. */
  private parseOperand(inArgs: boolean): XppOperand | undefined {
    const tok = this.peek();
    const { start, end } = tok;
    const expected = inArgs ? "a literal argument value" : "a field name or value";
    switch (tok.kind) {
      case "string":
        this.advance();
        return { kind: "string", raw: tok.text.slice(1, -1), value: tok.value, start, end };
      case "number":
        this.advance();
        return { kind: "number", raw: tok.text, start, end };
      case "date": {
        this.advance();
        const [day, month, year] = tok.date ?? [0, 0, 0];
        return { kind: "date", day, month, year, start, end };
      }
      case "ident":
        break;
      default:
        return this.unexpected(tok, expected);
    }
    const lower = tok.text.toLowerCase();
    if (lower === "true" || lower === "false") {
      this.advance();
      return { kind: "boolean", value: lower === "true", start, end };
    }
    if (lower === "like") return this.unexpected(tok, expected, "'like' is a keyword: write `(Field like \"pattern\")`.");
    this.advance();
    const after = this.peek();
    if (after.kind === "scope") {
      this.advance();
      const value = this.peek();
      if (value.kind !== "ident") return this.unexpected(value, "an enum value name after '::'", "Write enum values as EnumName::Value, e.g. NoYes::Yes.");
      this.advance();
      return { kind: "enum", enumName: tok.text, value: value.text, start, end: value.end };
    }
    if (after.kind === "lparen") return this.parseCall(tok, after);
    if (inArgs) {
      return this.unexpected(tok, expected, "Pass literal values (numbers, strings, dates, enum values) to range functions, e.g. dayRange(-1, 1).");
    }
    this.fields.push({ name: tok.text, start, end });
    return { kind: "field", name: tok.text, start, end };
  }

  private parseCall(name: Token, open: Token): XppCall | undefined {
    if (!this.enter(open)) return undefined;
    this.advance();
    const args: XppOperand[] = [];
    if (this.peek().kind !== "rparen") {
      for (;;) {
        const arg = this.parseOperand(true);
        if (arg === undefined) return undefined;
        args.push(arg);
        const sep = this.peek();
        if (sep.kind === "comma") {
          this.advance();
          continue;
        }
        if (sep.kind === "rparen") break;
        if (sep.kind === "eof") {
          return this.fail(syntaxIssue(`unbalanced parenthesis: '(' of ${name.text}() is never closed`, "Add the missing ')'.", open.start, open.end));
        }
        return this.unexpected(sep, "',' or ')' in the argument list");
      }
    }
    const close = this.advance();
    this.depth--;
    return { kind: "call", name: name.text, args, start: name.start, end: close.end };
  }
}

/** Parses a dual-write F&O source filter (X++ query-range expression). Never throws. */
export function parseXppRange(text: string): XppRangeParseResult {
  const parser = new XppParser(text, tokenize(text));
  const ast = parser.parseRange();
  const ok = parser.errors.length === 0 && ast !== undefined;
  if (ok && !parser.wrapped) {
    parser.warnings.push({
      kind: "not-parenthesized",
      message: "the F&O filter is not enclosed in parentheses, so finance and operations does not treat it as a query-range expression",
      hint: "Wrap the whole expression in parentheses, e.g. `((numberofemployees > 1000) && (numberofemployees <= 2000))`.",
      start: 0,
      end: text.length,
    });
  }
  return { ast: ok ? ast : undefined, fields: parser.fields, errors: parser.errors, warnings: parser.warnings };
}

// ---------------------------------------------------------------------------------------------
// Formatter

function pad2(n: number): string {
  return String(n).padStart(2, "0");
}

function formatOperand(operand: XppOperand): string {
  switch (operand.kind) {
    case "field":
      return operand.name;
    case "string":
      return `"${operand.raw}"`;
    case "number":
      return operand.raw;
    case "enum":
      return `${operand.enumName}::${operand.value}`;
    case "date":
      return `${pad2(operand.day)}\\${pad2(operand.month)}\\${String(operand.year).padStart(4, "0")}`;
    case "boolean":
      return operand.value ? "true" : "false";
    case "call":
      return `${operand.name}(${operand.args.map(formatOperand).join(", ")})`;
  }
}

function flatten(node: XppAnd | XppOr): XppNode[] {
  return node.operands.flatMap((child) => (child.kind === node.kind ? flatten(child) : [child]));
}

/** Each comparison, `&&` group and `||` group in its own parentheses (the F&O convention). */
function formatNode(node: XppNode): string {
  switch (node.kind) {
    case "comparison":
      return `(${formatOperand(node.left)} ${node.operator} ${formatOperand(node.right)})`;
    case "like":
      return `(${formatOperand(node.operand)} like ${formatOperand(node.pattern)})`;
    case "not":
      return `!${formatNode(node.operand)}`;
    case "and":
      return `(${flatten(node).map(formatNode).join(" && ")})`;
    case "or":
      return `(${flatten(node).map(formatNode).join(" || ")})`;
  }
}

/**
 * Canonical text of an X++ range: every comparison and every `&&`/`||` group parenthesised,
 * `!` directly before its parenthesised operand, and the whole expression enclosed in
 * parentheses, e.g. `((a > 1) && (a <= 2))`, `(!(IsDeleted == NoYes::Yes))`.
 */
export function formatXppRange(ast: XppNode): string {
  const text = formatNode(ast);
  return ast.kind === "not" ? `(${text})` : text;
}
