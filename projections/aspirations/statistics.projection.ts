import {
  AgencyStatisticsDocument,
  agencyStatisticsId,
  CountDocument,
  countId,
  STATISTICS,
  ThreadDocument,
  THREAD_STATUSES,
} from '../../src/aspirations/read-models/thread.document';
import { histogramOf, withResponse } from '../../src/aspirations/read-models/response-histogram';
import { DocumentKey, DocumentLookup, ProjectedEvent } from '../runner/projection';

const MINUTE = 60_000;

/** The statistics documents an event may change: status counts always, the rest from the event's own data. */
export function statisticsTouched(event: ProjectedEvent): DocumentKey[] {
  const keys = THREAD_STATUSES.map((status) => countId('status', status));
  if (event.type === 'AspirationSubmitted') {
    const { category, regionCode } = event.data as { category: string; regionCode: string };
    keys.push(countId('category', category), ...regionsOf(regionCode).map((code) => countId('region', code)));
  }
  if (event.type === 'OfficialResponded') keys.push(agencyStatisticsId(event.data.agencyId as string));
  return keys.map((id) => ({ collection: STATISTICS, id }));
}

const regionsOf = (code: string) => code.split('.').map((_, i, parts) => parts.slice(0, i + 1).join('.'));

function bump(
  documents: DocumentLookup,
  dimension: CountDocument['dimension'],
  key: string,
  by: number,
): CountDocument {
  const _id = countId(dimension, key);
  const current = documents({ collection: STATISTICS, id: _id }) as CountDocument | undefined;
  return { _id, kind: 'count', dimension, key, count: (current?.count ?? 0) + by };
}

function firstResponse(
  documents: DocumentLookup,
  before: ThreadDocument,
  after: ThreadDocument,
): AgencyStatisticsDocument {
  const agencyId = after.messages[after.messages.length - 1].agencyId!;
  const _id = agencyStatisticsId(agencyId);
  const current = documents({ collection: STATISTICS, id: _id }) as AgencyStatisticsDocument | undefined;
  const respondedAt = Date.parse(after.firstRespondedAt!);
  const from = Date.parse(before.assignedAt ?? before.submittedAt);
  const inTime = before.followUpDueAt !== null && respondedAt <= Date.parse(before.followUpDueAt);
  return {
    _id,
    kind: 'agency',
    agencyId,
    responseHistogram: withResponse(
      current && histogramOf(current),
      Math.round((respondedAt - from) / MINUTE),
    ),
    answered: (current?.answered ?? 0) + 1,
    answeredInTime: (current?.answeredInTime ?? 0) + (inTime ? 1 : 0),
  };
}

/** The statistics documents that change when a thread goes from `before` to `after`. */
export function nextStatistics(
  before: ThreadDocument | undefined,
  after: ThreadDocument,
  documents: DocumentLookup,
): Array<CountDocument | AgencyStatisticsDocument> {
  const changed: Array<CountDocument | AgencyStatisticsDocument> = [];
  if (!before) {
    changed.push(bump(documents, 'category', after.category, 1));
    for (const code of after.regions) changed.push(bump(documents, 'region', code, 1));
  }
  if (before?.status !== after.status) {
    if (before) changed.push(bump(documents, 'status', before.status, -1));
    changed.push(bump(documents, 'status', after.status, 1));
  }
  if (before && before.firstRespondedAt === null && after.firstRespondedAt !== null) {
    changed.push(firstResponse(documents, before, after));
  }
  return changed;
}
