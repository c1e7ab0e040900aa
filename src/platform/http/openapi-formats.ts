import type { ApiPropertyOptions } from '@nestjs/swagger';

/** A global log position: an opaque decimal, compared as a big integer. */
export const POSITION: ApiPropertyOptions = {
  type: 'string',
  pattern: '^(0|[1-9][0-9]*)$',
  description: 'A global log position: an opaque decimal string, compared as a big integer',
  example: '12',
};

export const UUID: ApiPropertyOptions = { type: 'string', format: 'uuid' };

export const DATE_TIME: ApiPropertyOptions = { type: 'string', format: 'date-time' };

/** Agency ids are kebab-case slugs such as dinas-pupr. */
export const AGENCY_ID: ApiPropertyOptions = {
  type: 'string',
  pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$',
  example: 'dinas-pupr',
};
