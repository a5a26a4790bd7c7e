import { SaxesParser } from 'saxes';

// XML read as a stream with saxes (a conforming, non-validating SAX parser: no DTD entity expansion, so
// no XXE or entity bombs). Callers get small element trees: `XmlStream` builds a tree as it reads, but
// hands each element named in `records` to `onRecord` as soon as it closes and does not keep it, so a
// list with thousands of entries never holds more than one entry's tree (plus the document's skeleton).

export interface XmlNode {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  text: string;
}

export interface XmlStreamOptions {
  /** Used in error messages ("UN_consolidated.xml:12:5: unexpected close tag."). */
  fileName?: string;
  /** Names of the elements handed to onRecord and dropped from the tree. */
  records?: ReadonlySet<string>;
  /** A record element, complete; `path` holds the names of its ancestors, outermost first. */
  onRecord?: (node: XmlNode, path: readonly string[]) => void;
  /** The document element, as soon as its start tag is read (children and text not read yet). */
  onRoot?: (node: XmlNode) => void;
}

export class XmlStream {
  private readonly parser: SaxesParser;
  private readonly decoder = new TextDecoder('utf-8');
  private readonly stack: XmlNode[];
  /** The document node: its children are the document element (minus records handed out). */
  readonly document: XmlNode = { name: '#document', attrs: {}, children: [], text: '' };

  constructor(opts: XmlStreamOptions = {}) {
    const records = opts.records ?? new Set<string>();
    this.stack = [this.document];
    this.parser = new SaxesParser({ fileName: opts.fileName });
    this.parser.on('opentag', (tag) => {
      const node: XmlNode = { name: tag.name, attrs: { ...(tag.attributes as Record<string, string>) }, children: [], text: '' };
      const parent = this.stack[this.stack.length - 1];
      if (!records.has(tag.name)) parent.children.push(node);
      this.stack.push(node);
      if (this.stack.length === 2) opts.onRoot?.(node);
    });
    this.parser.on('closetag', (tag) => {
      const node = this.stack.pop()!;
      if (records.has(tag.name))
        opts.onRecord?.(
          node,
          this.stack.slice(1).map((n) => n.name),
        );
    });
    const addText = (t: string) => {
      this.stack[this.stack.length - 1].text += t;
    };
    this.parser.on('text', addText);
    this.parser.on('cdata', addText);
  }

  /** Feeds the next piece of the document: bytes (UTF-8, split anywhere) or text. */
  write(chunk: Uint8Array | string): this {
    const text = typeof chunk === 'string' ? chunk : this.decoder.decode(chunk, { stream: true });
    if (text) this.parser.write(text);
    return this;
  }

  /** Ends the document; throws when it is not well-formed (an element never closed, no element at all). */
  close(): XmlNode {
    const rest = this.decoder.decode();
    if (rest) this.parser.write(rest);
    this.parser.close();
    return this.document;
  }
}

/** A whole document as a tree (for small documents; lists go through XmlStream with records). */
export function parseXml(xml: string): XmlNode {
  return new XmlStream().write(xml).close();
}

export function child(node: XmlNode | undefined, name: string): XmlNode | undefined {
  return node?.children.find((c) => c.name === name);
}

export function childrenNamed(node: XmlNode | undefined, name: string): XmlNode[] {
  return node ? node.children.filter((c) => c.name === name) : [];
}

/** Trimmed text of a child element, undefined when absent or blank. */
export function textOf(node: XmlNode | undefined, name: string): string | undefined {
  const t = child(node, name)?.text.trim();
  return t ? t : undefined;
}
