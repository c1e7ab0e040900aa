/** An element of a schemaless XML document as GeoReport writes them: a name, child elements or text. */
export interface XmlElement {
  readonly name: string;
  readonly children: XmlElement[];
  text: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decode = (text: string) =>
  text.replace(/&(#\d+|#x[0-9a-f]+|\w+);/gi, (whole, entity: string) => {
    if (entity.startsWith('#x')) return String.fromCodePoint(parseInt(entity.slice(2), 16));
    if (entity.startsWith('#')) return String.fromCodePoint(Number(entity.slice(1)));
    if (!(entity in ENTITIES)) throw new Error(`Unknown entity ${whole}`);
    return ENTITIES[entity];
  });

/**
 * A strict reader for the XML of the specification's examples and of our answers: a declaration, then nested
 * elements without attributes. Anything else (mismatched tags, stray text) throws, so a malformed answer fails.
 */
export function parseXml(xml: string): XmlElement {
  const body = xml.replace(/^<\?xml[^?]*\?>\s*/, '');
  const tokens = body.match(/<\/?[A-Za-z_][\w.-]*\s*\/?>|[^<]+/g) ?? [];
  if (tokens.join('') !== body) throw new Error('Not well-formed: markup this reader does not know');
  const root: XmlElement = { name: '#document', children: [], text: '' };
  const open: XmlElement[] = [root];
  for (const token of tokens) {
    const current = open[open.length - 1];
    const tag = /^<(\/?)([A-Za-z_][\w.-]*)\s*(\/?)>$/.exec(token);
    if (!tag) {
      if (current === root && token.trim() !== '') throw new Error('Text outside the root element');
      current.text += decode(token);
      continue;
    }
    const [, closing, name, selfClosing] = tag;
    if (closing) {
      if (current.name !== name) throw new Error(`</${name}> closes <${current.name}>`);
      open.pop();
    } else {
      const element: XmlElement = { name, children: [], text: '' };
      current.children.push(element);
      if (!selfClosing) open.push(element);
    }
  }
  if (open.length !== 1 || root.children.length !== 1) throw new Error('Not one closed root element');
  return root.children[0];
}
