/**
 * A small reader of the XML that .NET configuration files are written in: elements, attributes,
 * comments, CDATA and the five predefined entities plus character references. A DOCTYPE is refused
 * (it could declare entities that expand without bound), as is anything malformed. Text content is
 * checked and dropped: a DW Helper configuration keeps everything it says in attributes.
 */

export interface XmlElement {
  name: string;
  attributes: Map<string, string>;
  children: XmlElement[];
  /** 1-based line of the element's `<`. */
  line: number;
}

export class XmlSyntaxError extends Error {
  override name = "XmlSyntaxError";
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(`line ${line}: ${message}`);
  }
}

const NAME = /[A-Za-z_:][A-Za-z0-9_.:-]*/y;
const SPACE = /[ \t\r\n]*/y;
const ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

export function parseXml(text: string): XmlElement {
  const reader = new Reader(text.startsWith("\uFEFF") ? text.slice(1) : text);
  return reader.document();
}

class Reader {
  #at = 0;

  constructor(readonly text: string) {}

  document(): XmlElement {
    this.#misc();
    if (this.text.startsWith("<!DOCTYPE", this.#at)) this.#fail("a DOCTYPE is not accepted (it could declare entities)");
    if (this.text[this.#at] !== "<") this.#fail("expected the root element");
    const root = this.#element();
    this.#misc();
    if (this.#at < this.text.length) this.#fail("content after the root element");
    return root;
  }

  /** Whitespace, comments and processing instructions (the XML declaration among them). */
  #misc(): void {
    for (;;) {
      this.#space();
      if (this.text.startsWith("<!--", this.#at)) this.#comment();
      else if (this.text.startsWith("<?", this.#at)) this.#skipTo("?>", "an unterminated processing instruction");
      else return;
    }
  }

  #element(): XmlElement {
    const line = this.#line();
    this.#at++; // <
    const name = this.#name();
    const attributes = new Map<string, string>();
    for (;;) {
      const before = this.#at;
      this.#space();
      if (this.text.startsWith("/>", this.#at)) {
        this.#at += 2;
        return { name, attributes, children: [], line };
      }
      if (this.text[this.#at] === ">") {
        this.#at++;
        break;
      }
      if (this.#at === before) this.#fail(`expected whitespace, > or /> in <${name}>`);
      const attribute = this.#name();
      this.#space();
      if (this.text[this.#at] !== "=") this.#fail(`attribute ${attribute} of <${name}> has no value`);
      this.#at++;
      this.#space();
      const quote = this.text[this.#at];
      if (quote !== '"' && quote !== "'") this.#fail(`the value of ${attribute} is not quoted`);
      const end = this.text.indexOf(quote, this.#at + 1);
      if (end < 0) this.#fail(`the value of ${attribute} is not closed`);
      const raw = this.text.slice(this.#at + 1, end);
      if (raw.includes("<")) this.#fail(`the value of ${attribute} contains <`);
      if (attributes.has(attribute)) this.#fail(`attribute ${attribute} appears twice in <${name}>`);
      attributes.set(attribute, this.#decode(raw));
      this.#at = end + 1;
    }
    const children: XmlElement[] = [];
    for (;;) {
      const next = this.text.indexOf("<", this.#at);
      if (next < 0) this.#fail(`<${name}> is not closed`);
      this.#decode(this.text.slice(this.#at, next));
      this.#at = next;
      if (this.text.startsWith("</", this.#at)) {
        this.#at += 2;
        const closing = this.#name();
        if (closing !== name) this.#fail(`</${closing}> closes <${name}>`);
        this.#space();
        if (this.text[this.#at] !== ">") this.#fail(`</${closing}> is not closed`);
        this.#at++;
        return { name, attributes, children, line };
      }
      if (this.text.startsWith("<!--", this.#at)) this.#comment();
      else if (this.text.startsWith("<![CDATA[", this.#at)) this.#skipTo("]]>", "an unterminated CDATA section");
      else if (this.text.startsWith("<?", this.#at)) this.#skipTo("?>", "an unterminated processing instruction");
      else if (this.text.startsWith("<!", this.#at)) this.#fail("a declaration is not accepted here");
      else children.push(this.#element());
    }
  }

  #comment(): void {
    const end = this.text.indexOf("-->", this.#at + 4);
    if (end < 0) this.#fail("an unterminated comment");
    this.#at = end + 3;
  }

  #skipTo(terminator: string, problem: string): void {
    const end = this.text.indexOf(terminator, this.#at + 2);
    if (end < 0) this.#fail(problem);
    this.#at = end + terminator.length;
  }

  #name(): string {
    NAME.lastIndex = this.#at;
    const match = NAME.exec(this.text);
    if (match === null) this.#fail("expected a name");
    this.#at = NAME.lastIndex;
    return match[0];
  }

  #space(): void {
    SPACE.lastIndex = this.#at;
    SPACE.exec(this.text);
    this.#at = SPACE.lastIndex;
  }

  #decode(raw: string): string {
    return raw.replace(/&([^;&\s]*);?/g, (whole, entity: string) => {
      if (!whole.endsWith(";")) this.#fail(`a bare & (write &amp;)`);
      const named = ENTITIES[entity];
      if (named !== undefined) return named;
      const code = /^#x([0-9A-Fa-f]+)$/.exec(entity)?.[1] ?? /^#([0-9]+)$/.exec(entity)?.[1];
      if (code !== undefined) {
        const value = entity.startsWith("#x") ? parseInt(code, 16) : parseInt(code, 10);
        if (value > 0 && value <= 0x10ffff) return String.fromCodePoint(value);
      }
      return this.#fail(`unknown entity &${entity};`);
    });
  }

  #line(): number {
    let line = 1;
    for (let index = this.text.indexOf("\n"); index >= 0 && index < this.#at; index = this.text.indexOf("\n", index + 1)) line++;
    return line;
  }

  #fail(message: string): never {
    const before = this.text.slice(0, this.#at);
    throw new XmlSyntaxError(message, before.split("\n").length);
  }
}
