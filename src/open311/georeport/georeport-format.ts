import { GeoReportValue, toXml } from './georeport-xml';
import { badRequest } from './georeport-error';

export type GeoReportFormat = 'json' | 'xml';

/** The media types of the specification's "Format Support", with the charset it requires. */
export const MEDIA_TYPES: Readonly<Record<GeoReportFormat, string>> = {
  xml: 'text/xml; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

/** The `.json` / `.xml` suffix of a resource; anything else is refused (in XML, the format every client reads). */
export function formatOf(suffix: string): GeoReportFormat {
  if (suffix === 'json' || suffix === 'xml') return suffix;
  throw badRequest(`The format must be json or xml (a resource ends in .json or .xml), not "${suffix}"`);
}

/** The format a path asks for, for answering an error before its route ran: XML unless it ends in .json. */
export function formatOfPath(url: string): GeoReportFormat {
  return url.split('?')[0].endsWith('.json') ? 'json' : 'xml';
}

/** A document as the client asked for it: JSON (the Spark convention) or XML under its root element. */
export const render = (format: GeoReportFormat, root: string, value: GeoReportValue): string =>
  format === 'json' ? JSON.stringify(value) : toXml(root, value);
