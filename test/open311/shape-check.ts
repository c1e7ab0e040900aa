import { parseXml, XmlElement } from '../support/xml-tree';

const LISTS = new Set([
  'services',
  'attributes',
  'values',
  'service_requests',
  'errors',
  'endpoints',
  'formats',
]);

/**
 * Where an XML answer departs from the specification's example: every element of the example must be there and
 * nothing else; a list may be empty, and each of its entries must have the shape of the example's entries.
 */
export function xmlDepartures(ours: XmlElement, spec: XmlElement, path = ours.name): string[] {
  if (ours.name !== spec.name) return [`${path}: <${ours.name}> where the example has <${spec.name}>`];
  if (spec.children.length === 0)
    return ours.children.length === 0 ? [] : [`${path}: has elements where the example has text`];
  if (LISTS.has(spec.name)) {
    const entry = spec.children[0];
    return ours.children.flatMap((child, i) => xmlDepartures(child, entry, `${path}/${child.name}[${i}]`));
  }
  const names = (element: XmlElement) => element.children.map((child) => child.name).sort();
  if (names(ours).join() !== names(spec).join())
    return [`${path}: has ${names(ours).join(', ')} where the example has ${names(spec).join(', ')}`];
  return ours.children.flatMap((child) =>
    xmlDepartures(
      child,
      spec.children.find((c) => c.name === child.name)!,
      `${path}/${child.name}`,
    ),
  );
}

export const xmlDeparturesFrom = (answer: string, example: string): string[] =>
  xmlDepartures(parseXml(answer), parseXml(example));

const kindOf = (value: unknown) =>
  Array.isArray(value)
    ? 'array'
    : value === null
      ? 'scalar'
      : typeof value === 'object'
        ? 'object'
        : 'scalar';

/** The same for JSON (the Spark convention): arrays of entries shaped like the example's, objects with its fields. */
export function jsonDepartures(ours: unknown, spec: unknown, path = '$'): string[] {
  if (kindOf(ours) !== kindOf(spec))
    return [`${path}: ${kindOf(ours)} where the example has ${kindOf(spec)}`];
  if (Array.isArray(spec))
    return (ours as unknown[]).flatMap((entry, i) => jsonDepartures(entry, spec[0], `${path}[${i}]`));
  if (kindOf(spec) !== 'object') return [];
  const [mine, theirs] = [ours as Record<string, unknown>, spec as Record<string, unknown>];
  const keys = (o: object) => Object.keys(o).sort().join(', ');
  if (keys(mine) !== keys(theirs))
    return [`${path}: has ${keys(mine)} where the example has ${keys(theirs)}`];
  return Object.keys(theirs).flatMap((key) => jsonDepartures(mine[key], theirs[key], `${path}.${key}`));
}
