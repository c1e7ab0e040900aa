import { Filter } from '../../platform/document-store/document-store.port';
import { badRequest } from './georeport-error';
import { isServiceCode } from './georeport-services';
import { THREAD_STATUSES_OF } from './georeport-request-view';
import { parseW3DateTime } from './w3-datetime';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const DAY_MS = 86_400_000;
/** The specification's default and largest range of a search, and its most requests per answer. */
export const RANGE_DAYS = 90;
export const MAX_REQUESTS = 1000;
/** The most ids one call may name (a URL of 100 ids is about 3,700 characters). */
export const MAX_IDS = 100;

/** What GET requests asks for: either ids (which override every other argument) or filters over a date range. */
export type RequestsQuery =
  | { readonly kind: 'ids'; readonly ids: readonly string[] }
  | {
      readonly kind: 'search';
      readonly serviceCodes: readonly string[];
      readonly statuses: ReadonlyArray<'open' | 'closed'>;
      readonly from: Date;
      readonly to: Date;
    };

export const isRequestId = (text: string): boolean => UUID.test(text);

/** A value echoed in a refusal: quoted, and cut short so a refusal never repeats a flood. */
export const quoted = (value: string): string =>
  JSON.stringify(value.length > 64 ? `${value.slice(0, 64)}…` : value);

/** A query value as Fastify parses it: one string, several (a repeated key), or absent. */
function listOf(query: Record<string, unknown>, name: string): string[] {
  const raw = query[name];
  if (raw === undefined) return [];
  const values = Array.isArray(raw) ? raw : [raw];
  if (!values.every((value) => typeof value === 'string')) throw badRequest(`${name} must be text`);
  // "Optional" in the specification: an empty parameter is no parameter.
  return values
    .flatMap((value) => value.split(','))
    .map((value) => value.trim())
    .filter(Boolean);
}

function dateOf(query: Record<string, unknown>, name: string): Date | undefined {
  const [text, ...more] = listOf(query, name);
  if (text === undefined) return undefined;
  const date = more.length === 0 ? parseW3DateTime(text) : undefined;
  if (date === undefined) throw badRequest(`${name} must be one w3 date-time such as 2026-09-01T00:00:00Z`);
  return date;
}

function rangeOf(query: Record<string, unknown>, now: Date): { from: Date; to: Date } {
  const start = dateOf(query, 'start_date');
  const end = dateOf(query, 'end_date');
  const span = RANGE_DAYS * DAY_MS;
  const from = start ?? new Date((end ?? now).getTime() - span);
  const to = end ?? (start ? new Date(start.getTime() + span) : now);
  if (to.getTime() < from.getTime()) throw badRequest('end_date must not be before start_date');
  if (to.getTime() - from.getTime() > span)
    throw badRequest(`start_date and end_date may not span more than ${RANGE_DAYS} days`);
  return { from, to };
}

/** Reads GET requests' arguments; anything it cannot read is a 400 naming the argument. */
export function parseRequestsQuery(query: Record<string, unknown>, now: Date): RequestsQuery {
  const ids = listOf(query, 'service_request_id');
  if (ids.length > MAX_IDS) throw badRequest(`service_request_id may name at most ${MAX_IDS} requests`);
  const badId = ids.find((id) => !UUID.test(id));
  if (badId !== undefined) throw badRequest(`service_request_id ${quoted(badId)} is not a request id`);
  if (ids.length > 0) return { kind: 'ids', ids: [...new Set(ids)] };
  const serviceCodes = listOf(query, 'service_code');
  const unknown = serviceCodes.find((code) => !isServiceCode(code));
  if (unknown !== undefined)
    throw badRequest(`service_code ${quoted(unknown)} is not a service of this endpoint`);
  const statuses = listOf(query, 'status');
  const badStatus = statuses.find((status) => status !== 'open' && status !== 'closed');
  if (badStatus !== undefined) throw badRequest(`status must be open or closed, not ${quoted(badStatus)}`);
  return {
    kind: 'search',
    serviceCodes,
    statuses: statuses as Array<'open' | 'closed'>,
    ...rangeOf(query, now),
  };
}

/** The read-model filter of a search (visibility is added by the reader). */
export function searchFilter(query: Extract<RequestsQuery, { kind: 'search' }>): Filter {
  const statuses = query.statuses.flatMap((status) => THREAD_STATUSES_OF[status]);
  return {
    submittedAt: { $gte: query.from.toISOString(), $lte: query.to.toISOString() },
    ...(query.serviceCodes.length > 0 && { category: { $in: [...query.serviceCodes] } }),
    ...(statuses.length > 0 && { status: { $in: statuses } }),
  };
}
