/** A problem found in a dual-write source filter, reported as data (the parsers never throw). */
export interface FilterIssue {
  /** Machine-readable category; the possible values are listed by each parser. */
  kind: string;
  /** Precise description that names the offending token. */
  message: string;
  /** What to do instead. */
  hint: string;
  /** 0-based offset into the filter text (UTF-16 index). */
  start: number;
  /** Exclusive end offset. */
  end: number;
}

/** An issue of kind "syntax": the text is not a filter of the parser's grammar. */
export function syntaxIssue(message: string, hint: string, start: number, end: number): FilterIssue {
  return { kind: "syntax", message, hint, start, end };
}

/** A column (Dataverse) or field (F&O) referenced by a filter, with its span in the filter text. */
export interface ColumnRef {
  name: string;
  start: number;
  end: number;
}
