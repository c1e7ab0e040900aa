/** A document of the specification: JSON values whose lists are named elements in XML. */
export type GeoReportValue =
  string | number | boolean | null | readonly GeoReportValue[] | { readonly [field: string]: GeoReportValue };

/**
 * What each list's entries are called in XML (the Spark convention maps `<services><service>…` to a JSON array):
 * the specification's own names, nothing more.
 */
const ITEM_OF_LIST: Readonly<Record<string, string>> = {
  services: 'service',
  attributes: 'attribute',
  values: 'value',
  service_requests: 'request',
  errors: 'error',
  endpoints: 'endpoint',
  formats: 'format',
};

// XML 1.0 has no way to write these (C0 controls but tab and line ends, lone surrogates, U+FFFE, U+FFFF).
/* eslint-disable no-control-regex -- finding control characters is the point */
const NOT_IN_XML =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
/* eslint-enable no-control-regex */

// Element content only (no attributes are written): quotes need no escape; a carriage return would be read as \n.
const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '\r': '&#13;' };

/** Text as element content: markup escaped, characters XML cannot carry replaced by U+FFFD. */
export const xmlText = (text: string): string =>
  text.replace(NOT_IN_XML, '\ufffd').replace(/[&<>\r]/g, (character) => ESCAPES[character]);

function element(name: string, value: GeoReportValue): string {
  if (value === null) return `<${name}></${name}>`;
  if (Array.isArray(value)) {
    const item = ITEM_OF_LIST[name];
    if (item === undefined) throw new Error(`No XML element name for the entries of ${name}`);
    return `<${name}>${value.map((entry) => element(item, entry)).join('')}</${name}>`;
  }
  if (typeof value === 'object') {
    const children = Object.entries(value as Record<string, GeoReportValue>);
    return `<${name}>${children.map(([field, child]) => element(field, child)).join('')}</${name}>`;
  }
  return `<${name}>${xmlText(String(value))}</${name}>`;
}

/** The XML form of a document whose root element is `root`, with the declaration the specification requires. */
export function toXml(root: string, value: GeoReportValue): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${element(root, value)}\n`;
}
