import { normalisedText, plainTextProblem } from '../../platform/text/plain-text';
import { RegionCatalogue } from '../../regions/region-catalogue';
import { badRequest } from './georeport-error';
import { RequestForm, requireKnownAttributes, singleAttribute } from './georeport-form';
import { quoted } from './georeport-requests-query';
import { REGION_ATTRIBUTE, requireService, serviceNameOf, TITLE_ATTRIBUTE } from './georeport-services';

/** A POST Service Request as an aspiration: its fields, and who the request says it is from. */
export interface Submission {
  readonly category: string;
  readonly regionCode: string;
  readonly title: string;
  readonly body: string;
  readonly email?: string;
  readonly phone?: string;
}

/** The specification's limit of a description; the rest of the body's room holds location lines. */
const DESCRIPTION_MAX = 4000;
const TITLE_MIN = 5;
const TITLE_MAX = 150;
const COORDINATE = /^[+-]?\d{1,3}(?:\.\d{1,15})?$/;

/** Single-line plain text of at most `max` characters, NFC; refused naming the field. */
function lineOf(form: RequestForm, field: string, max: number): string | undefined {
  const value = form.fields[field];
  if (value === undefined) return undefined;
  const problem = plainTextProblem(value, { maxLength: max });
  if (problem !== undefined) throw badRequest(`${field} ${problem}`);
  return normalisedText(value).trim() || undefined;
}

function descriptionOf(form: RequestForm): string {
  const value = form.fields.description;
  if (value === undefined)
    throw badRequest('description is required: what is the matter, in 10 to 4,000 characters');
  const problem = plainTextProblem(value, { multiline: true, maxLength: DESCRIPTION_MAX, visible: true });
  if (problem !== undefined) throw badRequest(`description ${problem}`);
  const text = normalisedText(value, { multiline: true }).trim();
  if ([...text].length < 10) throw badRequest('description must be at least 10 characters long');
  return text;
}

/** The title attribute, or the description's first line cut at a word to 150 characters. */
function titleOf(form: RequestForm, description: string, serviceCode: string): string {
  const given = singleAttribute(form, TITLE_ATTRIBUTE);
  if (given !== undefined) {
    const problem = plainTextProblem(given, { maxLength: TITLE_MAX, visible: true });
    const title = normalisedText(given).trim();
    if (problem !== undefined || [...title].length < TITLE_MIN)
      throw badRequest(
        `attribute[${TITLE_ATTRIBUTE}] ${problem ?? `must be ${TITLE_MIN} to ${TITLE_MAX} characters`}`,
      );
    return title;
  }
  const line = description.split('\n')[0].trim();
  const characters = [...line];
  const cut =
    characters.length <= TITLE_MAX
      ? line
      : `${characters
          .slice(0, TITLE_MAX - 1)
          .join('')
          .replace(/\s+\S*$/, '')}…`;
  return [...cut].length >= TITLE_MIN ? cut : serviceNameOf(serviceCode);
}

function coordinatesOf(form: RequestForm): string | undefined {
  const { lat, long } = form.fields;
  if (lat === undefined && long === undefined) return undefined;
  if (lat === undefined || long === undefined) throw badRequest('lat and long must be sent together');
  const inRange = (text: string, limit: number) => COORDINATE.test(text) && Math.abs(Number(text)) <= limit;
  if (!inRange(lat, 90)) throw badRequest('lat must be a WGS84 latitude in decimal degrees, -90 to 90');
  if (!inRange(long, 180)) throw badRequest('long must be a WGS84 longitude in decimal degrees, -180 to 180');
  return `${Number(lat)}, ${Number(long)}`;
}

function mediaUrlOf(form: RequestForm): string | undefined {
  const value = lineOf(form, 'media_url', 500);
  if (value === undefined) return undefined;
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (!url || !['http:', 'https:'].includes(url.protocol) || /\s/.test(value))
    throw badRequest('media_url must be an http or https URL');
  return value;
}

/**
 * Where: the region attribute, else address_id (a region code is this platform's address id). It is the location
 * parameter the specification requires; latitude, longitude and address_string are kept in the text but name no
 * region, since the region catalogue has no coordinates.
 */
function regionOf(form: RequestForm, regions: RegionCatalogue): string {
  const attribute = singleAttribute(form, REGION_ATTRIBUTE)?.trim();
  const addressId = form.fields.address_id?.trim();
  if (attribute !== undefined && !regions.has(attribute))
    throw badRequest(
      `attribute[${REGION_ATTRIBUTE}] ${quoted(attribute)} is not a region code such as 62.06.02.1003`,
    );
  if (addressId !== undefined && !regions.has(addressId))
    throw badRequest(`address_id ${quoted(addressId)} is not a region code such as 62.06.02.1003`);
  if (attribute !== undefined && addressId !== undefined && attribute !== addressId)
    throw badRequest(`attribute[${REGION_ATTRIBUTE}] and address_id name different regions`);
  const region = attribute ?? addressId;
  if (region === undefined)
    throw badRequest(
      `attribute[${REGION_ATTRIBUTE}] (or address_id) is required: a region code such as 62.06.02.1003; ` +
        'lat, long and address_string do not resolve to a region here',
    );
  return region;
}

/** A POST Service Request's form as the aspiration it submits, or a 400/404 naming what is wrong. */
export function submissionOf(form: RequestForm, regions: RegionCatalogue): Submission {
  const serviceCode = form.fields.service_code;
  if (serviceCode === undefined) throw badRequest('service_code is required');
  requireService(serviceCode);
  requireKnownAttributes(form, [REGION_ATTRIBUTE, TITLE_ATTRIBUTE], serviceCode);
  for (const [field, max] of [
    ['jurisdiction_id', 200],
    ['device_id', 200],
    ['account_id', 200],
    ['first_name', 100],
    ['last_name', 100],
  ] as const)
    lineOf(form, field, max);
  const coordinates = coordinatesOf(form);
  const address = lineOf(form, 'address_string', 300);
  const regionCode = regionOf(form, regions);
  const description = descriptionOf(form);
  const media = mediaUrlOf(form);
  const lines = [
    address && `Lokasi: ${address}`,
    coordinates && `Koordinat: ${coordinates}`,
    media && `Media: ${media}`,
  ].filter(Boolean);
  const body = lines.length === 0 ? description : `${description}\n\n${lines.join('\n')}`;
  const email = lineOf(form, 'email', 254);
  const phone = lineOf(form, 'phone', 32);
  return {
    category: serviceCode,
    regionCode,
    title: titleOf(form, description, serviceCode),
    body,
    ...(email !== undefined && { email }),
    ...(phone !== undefined && { phone }),
  };
}
