/** Character classes and token description helpers shared by the filter tokenizers. */

export function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= "0" && c <= "9";
}

export function isHexDigit(c: string | undefined): boolean {
  return c !== undefined && ((c >= "0" && c <= "9") || (c >= "a" && c <= "f") || (c >= "A" && c <= "F"));
}

export function isIdentStart(c: string | undefined): boolean {
  return c !== undefined && ((c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || c === "_");
}

export function isIdentPart(c: string | undefined): boolean {
  return isIdentStart(c) || isDigit(c);
}

export function isWhitespace(c: string | undefined): boolean {
  return c === " " || c === "\t" || c === "\n" || c === "\r" || c === "\f" || c === "\v";
}

/** Characters that make up operator-like symbol runs such as `==`, `<=`, `&&`. */
export function isOperatorChar(c: string | undefined): boolean {
  return c === "=" || c === "<" || c === ">" || c === "&" || c === "|";
}

/** Length in UTF-16 units of the code point at `i` (2 for a valid surrogate pair, else 1). */
export function codePointLength(text: string, i: number): number {
  const cp = text.codePointAt(i);
  return cp !== undefined && cp > 0xffff ? 2 : 1;
}

/**
 * End of an operator-like symbol run starting at `i`: `=<>&|` plus `!` when it is directly
 * followed by `=` (so `!=` and `!==` are one run, while `&&!(` splits into `&&` and `!`).
 */
export function operatorRunEnd(text: string, i: number): number {
  let j = i;
  for (;;) {
    const c = text[j];
    if (isOperatorChar(c) || (c === "!" && text[j + 1] === "=")) j++;
    else return j;
  }
}

const MAX_SHOWN = 40;

/** Human-readable rendering of a piece of filter text for use in messages. */
export function showText(raw: string): string {
  if (raw.length === 0) return "end of filter";
  if (raw.length <= 2) {
    const cp = raw.codePointAt(0);
    if (cp !== undefined && String.fromCodePoint(cp).length === raw.length && (cp < 0x20 || (cp >= 0x7f && cp <= 0xa0) || cp === 0x2028 || cp === 0x2029 || cp === 0xfeff || (cp >= 0xd800 && cp <= 0xdfff))) {
      return `character U+${cp.toString(16).toUpperCase().padStart(4, "0")}`;
    }
  }
  const shown = raw.length > MAX_SHOWN ? `${raw.slice(0, MAX_SHOWN)}...` : raw;
  return `'${shown}'`;
}
