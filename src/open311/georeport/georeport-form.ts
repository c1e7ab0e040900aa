import { badRequest } from './georeport-error';

/** A form body as sent: its fields in order, repeated keys kept (attribute[code][]=a&attribute[code][]=b). */
export type FormPairs = ReadonlyArray<readonly [string, string]>;

/** More fields than any request of the specification has, with room for attributes. */
export const MAX_FORM_FIELDS = 64;

/** application/x-www-form-urlencoded, as URLSearchParams decodes it (`+` is a space; bad escapes stay literal). */
export const parseFormBody = (text: string): FormPairs => [...new URLSearchParams(text)];

/** The fields of a POST Service Request: the specification's scalars, and attributes by code. */
export interface RequestForm {
  readonly fields: Readonly<Record<string, string>>;
  readonly attributes: Readonly<Record<string, readonly string[]>>;
}

const SCALARS = new Set([
  'api_key',
  'jurisdiction_id',
  'service_code',
  'lat',
  'long',
  'address_string',
  'address_id',
  'email',
  'device_id',
  'account_id',
  'first_name',
  'last_name',
  'phone',
  'description',
  'media_url',
]);

const ATTRIBUTE = /^attribute\[([^\]]{1,64})\](\[\])?$/;

/**
 * Sorts a form into scalars and attributes. A scalar given twice is refused rather than guessed at; fields the
 * specification does not define are ignored, as "optional" arguments are.
 */
export function readRequestForm(pairs: FormPairs): RequestForm {
  if (pairs.length > MAX_FORM_FIELDS) throw badRequest(`A request has at most ${MAX_FORM_FIELDS} fields`);
  const fields = new Map<string, string>();
  const attributes = new Map<string, string[]>();
  for (const [key, value] of pairs) {
    const attribute = ATTRIBUTE.exec(key);
    if (attribute) {
      const [, code, many] = attribute;
      const values = attributes.get(code) ?? [];
      if (!many && values.length > 0) throw badRequest(`attribute[${code}] is given more than once`);
      attributes.set(code, [...values, value]);
    } else if (SCALARS.has(key)) {
      if (fields.has(key)) throw badRequest(`${key} is given more than once`);
      // "Optional": an empty parameter is no parameter.
      if (value !== '') fields.set(key, value);
    }
  }
  return { fields: Object.fromEntries(fields), attributes: Object.fromEntries(attributes) };
}

/** The one value of a single-valued attribute, if given (empty counts as not given). */
export function singleAttribute(form: RequestForm, code: string): string | undefined {
  const values = form.attributes[code];
  if (values === undefined) return undefined;
  if (values.length !== 1) throw badRequest(`attribute[${code}] takes one value`);
  return values[0] === '' ? undefined : values[0];
}

/** Attributes the service does not define are refused, naming them. */
export function requireKnownAttributes(
  form: RequestForm,
  known: readonly string[],
  serviceCode: string,
): void {
  const unknown = Object.keys(form.attributes).find((code) => !known.includes(code));
  if (unknown !== undefined)
    throw badRequest(`attribute[${unknown}] is not an attribute of service ${serviceCode}`);
}
