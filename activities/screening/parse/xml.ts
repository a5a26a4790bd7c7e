// A small XML reader for the UN list: elements, text and entities. No DTDs, no namespaces beyond
// keeping prefixed names as written; enough for the issuer's flat, well-formed export.

export interface XmlNode {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  text: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : m;
    }
    return ENTITIES[e] ?? m;
  });
}

const TOKEN = /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[([\s\S]*?)\]\]>|<!DOCTYPE[^>]*>|<(\/?)([^\s/>]+)([^>]*?)(\/?)>/g;
const ATTR = /([^\s=]+)\s*=\s*("([^"]*)"|'([^']*)')/g;

export function parseXml(xml: string): XmlNode {
  const root: XmlNode = { name: '#document', attrs: {}, children: [], text: '' };
  const stack: XmlNode[] = [root];
  let last = 0;
  for (const m of xml.matchAll(TOKEN)) {
    const top = stack[stack.length - 1];
    if (m.index > last) top.text += decodeEntities(xml.slice(last, m.index));
    last = m.index + m[0].length;
    if (m[1] !== undefined) {
      top.text += m[1];
      continue;
    }
    const name = m[3];
    if (!name || m[0].startsWith('<!') || m[0].startsWith('<?')) continue;
    if (m[2] === '/') {
      if (top.name !== name) throw new Error(`XML: </${name}> closes <${top.name}>`);
      stack.pop();
      continue;
    }
    const attrs: Record<string, string> = {};
    for (const a of (m[4] ?? '').matchAll(ATTR)) attrs[a[1]] = decodeEntities(a[3] ?? a[4] ?? '');
    const node: XmlNode = { name, attrs, children: [], text: '' };
    top.children.push(node);
    if (m[5] !== '/') stack.push(node);
  }
  if (stack.length !== 1) throw new Error(`XML: <${stack[stack.length - 1].name}> is never closed`);
  return root;
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
