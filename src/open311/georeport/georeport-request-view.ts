import { ThreadDocument, ThreadMessage } from '../../aspirations/read-models/thread.document';
import { threadDetail } from '../../aspirations/read-models/thread-views';
import { timeZoneOfRegion, utcOffsetHours } from '../../platform/domain/working-days';
import { RegionCatalogue } from '../../regions/region-catalogue';
import { serviceNameOf } from './georeport-services';

/** What a request's view needs beside the thread: agency names and the region catalogue. */
export interface ViewContext {
  readonly agencyNames: ReadonlyMap<string, string>;
  readonly regions: RegionCatalogue;
}

const CLOSED = new Set(['resolved', 'closed', 'rejected']);

/** GeoReport's two statuses: open while anyone still has to act, closed once resolved, closed or rejected. */
export const geoReportStatusOf = (status: string): 'open' | 'closed' =>
  CLOSED.has(status) ? 'closed' : 'open';

/** The statuses of the thread read model that a GeoReport status covers (the requests filter). */
export const THREAD_STATUSES_OF = {
  open: ['submitted', 'verified', 'in_progress'],
  closed: ['resolved', 'closed', 'rejected'],
} as const;

/**
 * An instant as the w3 note's profile of ISO 8601, in the region's own zone (WIB, WITA or WIT): whole seconds
 * and an explicit offset, e.g. 2026-09-14T09:00:00+07:00.
 */
export function w3DateTime(iso: string, regionCode: string): string {
  const hours = utcOffsetHours(timeZoneOfRegion(regionCode));
  const local = new Date(Date.parse(iso) + hours * 3_600_000).toISOString().slice(0, 19);
  return `${local}+${String(hours).padStart(2, '0')}:00`;
}

/** "Kasongan Baru, Katingan Hilir, Kabupaten Katingan, Kalimantan Tengah": most specific first, as the spec asks. */
export function addressOf(regions: RegionCatalogue, code: string): string {
  const names: string[] = [];
  for (let at: string | undefined = code; at !== undefined; at = regions.parentOf(at))
    names.push(regions.nameOf(at) ?? at);
  return names.join(', ');
}

/** The latest answer of an official that was not hidden: what the agency last said. */
const latestResponse = (messages: readonly ThreadMessage[]): string | null =>
  [...messages].reverse().find((m) => m.kind === 'response' && !m.hidden)?.body ?? null;

/**
 * A thread as a GeoReport service request, redacted as the public sees it (a hidden submission shows no
 * description). Location is the region: no coordinates, postcode or media are kept.
 */
export function geoReportRequest(thread: ThreadDocument, context: ViewContext) {
  const detail = threadDetail(thread, 'public');
  const submission = detail.messages.find((m) => m.kind === 'submission');
  const at = (iso: string | null) => (iso === null ? null : w3DateTime(iso, thread.regionCode));
  return {
    service_request_id: thread._id,
    status: geoReportStatusOf(thread.status),
    status_notes: latestResponse(detail.messages),
    service_name: serviceNameOf(thread.category),
    service_code: thread.category,
    description: submission?.body ? submission.body : null,
    agency_responsible:
      thread.agencyId === null ? null : (context.agencyNames.get(thread.agencyId) ?? thread.agencyId),
    service_notice: null,
    requested_datetime: at(thread.submittedAt),
    updated_datetime: at(thread.updatedAt),
    expected_datetime: at(thread.dueAt),
    address: addressOf(context.regions, thread.regionCode),
    address_id: thread.regionCode,
    zipcode: null,
    lat: null,
    long: null,
    media_url: null,
  };
}

export type GeoReportRequest = ReturnType<typeof geoReportRequest>;
