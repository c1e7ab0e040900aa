import { isISO8601, ValidateBy } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';

/** An instant with its offset, to the second at least: `2026-03-02T04:05:06Z`, `…06.123+07:00`. */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;

/** Whether a text names one instant: ISO 8601 with its offset, a date and time that exist. */
export const isInstant = (value: unknown): value is string =>
  typeof value === 'string' &&
  INSTANT.test(value) &&
  isISO8601(value, { strict: true, strictSeparator: true });

/** A query parameter that names one instant (see isInstant); documented as an RFC 3339 date-time. */
export const IsInstant =
  (): PropertyDecorator =>
  (target, property): void => {
    ValidateBy({
      name: 'isInstant',
      validator: {
        validate: isInstant,
        defaultMessage: () =>
          '$property must be an ISO 8601 instant with its offset that exists, e.g. 2026-03-02T04:05:06Z',
      },
    })(target, property);
    JSONSchema({ type: 'string', format: 'date-time', pattern: INSTANT.source })(target, property as string);
  };
