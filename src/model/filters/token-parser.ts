import type { FilterIssue } from "./filter-issue.js";

export interface BaseToken {
  kind: string;
  start: number;
  end: number;
  text: string;
  issue?: FilterIssue;
}

/** The cursor over a token list that both filter parsers share. */
export abstract class TokenParser<T extends BaseToken> {
  protected pos = 0;
  protected depth = 0;
  /** Set after a syntax error: parsing stops, the remaining input is not examined. */
  fatal = false;
  readonly errors: FilterIssue[] = [];

  constructor(
    protected readonly text: string,
    protected readonly tokens: readonly T[],
  ) {}

  /** The token to return past the end, when the list is empty. */
  protected abstract eof(): T;

  protected peek(offset = 0): T {
    const last = this.tokens[this.tokens.length - 1];
    return this.tokens[this.pos + offset] ?? last ?? this.eof();
  }

  protected advance(): T {
    const tok = this.peek();
    if (this.pos < this.tokens.length - 1) this.pos++;
    return tok;
  }

  protected previous(): T | undefined {
    return this.pos > 0 ? this.tokens[this.pos - 1] : undefined;
  }

  protected fail(issue: FilterIssue): undefined {
    this.errors.push(issue);
    this.fatal = true;
    return undefined;
  }
}
