import { AspirationEvent } from '../../src/aspirations/domain/aspiration.events';
import { emptyHistogram, histogramOf } from '../../src/aspirations/read-models/response-histogram';
import { nextThread } from '../../src/aspirations/read-models/thread-fold';
import {
  AgencyStatisticsDocument,
  CountDocument,
  STATISTICS,
  ThreadDocument,
} from '../../src/aspirations/read-models/thread.document';
import { Doc } from '../../src/platform/document-store/document-store.port';
import { Actor } from '../../src/platform/domain/decider';
import { DocumentKey, ProjectedEvent } from '../runner/projection';
import { nextStatistics, statisticsTouched } from './statistics.projection';
import { citizen, facilitator, perkim, pupr, submission } from './testing/projection-fixtures';

const followUpDue = '2026-01-20T16:59:59.999Z'; // assigned Monday 12 January 03:00Z

let position = 2000n;
function event<T extends AspirationEvent['type']>(
  type: T,
  actor: Actor,
  data: Extract<AspirationEvent, { type: T }>['data'],
  occurredAt = '2026-01-12T03:00:00.000Z',
): ProjectedEvent {
  position += 1n;
  return { type, data: { ...data }, stream: 'aspiration-asp-1', position, actor, occurredAt };
}

const submitted = event('AspirationSubmitted', citizen, submission);
const verified = event('AspirationVerified', facilitator, { verifiedAt: '2026-01-12T02:00:00.000Z' });
const assigned = event('AspirationAssigned', facilitator, {
  agencyId: 'dinas-pupr',
  assignedAt: '2026-01-12T03:00:00.000Z',
  followUpDueAt: followUpDue,
});
const responseAt = (respondedAt: string, messageId = 'msg-2', by = pupr, agencyId = 'dinas-pupr') =>
  event('OfficialResponded', by, {
    messageId,
    body: 'Tim kami akan meninjau lokasi minggu ini.',
    agencyId,
    respondedAt,
    autoCloseDueAt: '2026-02-05T16:59:59.999Z',
  });
const rejected = event('AspirationRejected', facilitator, {
  reason: 'Bukan kewenangan pemerintah daerah',
  rejectedAt: '2026-01-12T02:00:00.000Z',
});
// Built when used, so that each story's positions increase.
const resolved = () =>
  event('AspirationResolved', pupr, {
    summary: 'Lubang sudah ditambal.',
    resolvedAt: '2026-01-15T03:00:00.000Z',
    reopenUntil: '2026-01-30T16:59:59.999Z',
  });
const replied = () =>
  event('CitizenReplied', citizen, {
    messageId: 'msg-3',
    body: 'Terima kasih.',
    repliedAt: '2026-01-14T05:00:00.000Z',
  });

/** The thread after a story; every event must fit, or the story itself is wrong. */
const threadAfter = (...events: ProjectedEvent[]) =>
  events.reduce<ThreadDocument | undefined>((thread, e) => {
    const next = nextThread(e, thread);
    if (!next) throw new Error(`${e.type} does not fit the story`);
    return next;
  }, undefined);

/** The statistics documents there are, as the runner's lookup; it remembers which ones were read. */
function statistics(...documents: Doc[]) {
  const read: DocumentKey[] = [];
  const byId = new Map(documents.map((doc) => [doc._id, doc]));
  const lookup = (key: DocumentKey) => {
    read.push(key);
    return key.collection === STATISTICS ? byId.get(key.id) : undefined;
  };
  return { lookup, read };
}

const count = (dimension: CountDocument['dimension'], key: string, n: number): CountDocument => ({
  _id: `count:${dimension}:${key}`,
  kind: 'count',
  dimension,
  key,
  count: n,
});

/** The statistics after `event`, following `story`. */
function whenProjected(event: ProjectedEvent, story: ProjectedEvent[], existing = statistics()) {
  return nextStatistics(threadAfter(...story), threadAfter(...story, event)!, existing.lookup);
}

describe('statistics: counts', () => {
  it('counts a submission by status, category and every region prefix, once each', () => {
    expect(whenProjected(submitted, [])).toEqual([
      count('category', 'infrastruktur', 1),
      count('region', '62', 1),
      count('region', '62.06', 1),
      count('region', '62.06.02', 1),
      count('region', '62.06.02.1003', 1),
      count('status', 'submitted', 1),
    ]);
  });

  it('adds to the counts already there', () => {
    // given
    const existing = statistics(count('category', 'infrastruktur', 41), count('region', '62.06', 7));
    // when
    const counts = whenProjected(submitted, [], existing);
    // then
    expect(counts).toContainEqual(count('category', 'infrastruktur', 42));
    expect(counts).toContainEqual(count('region', '62.06', 8));
    expect(counts).toContainEqual(count('region', '62', 1));
  });

  it.each([
    ['a verification', [submitted], verified, 'submitted', 'verified'],
    ['an assignment', [submitted, verified], assigned, 'verified', 'in_progress'],
    ['a rejection', [submitted], rejected, 'submitted', 'rejected'],
    ['a resolution', [submitted, verified, assigned], resolved(), 'in_progress', 'resolved'],
  ])('moves %s from the old status to the new one', (_what, story, e, from, to) => {
    // given
    const existing = statistics(count('status', from, 3), count('status', to, 7));
    // when
    const counts = whenProjected(e, story, existing);
    // then
    expect(counts).toEqual([count('status', from, 2), count('status', to, 8)]);
  });

  it('counts nothing for an event that keeps the status', () => {
    const answered = [submitted, verified, assigned, responseAt('2026-01-14T03:00:00.000Z')];
    expect(whenProjected(replied(), answered)).toEqual([]);
  });
});

/** The buckets of these first responses' minutes. */
const minutes = (...values: number[]) => histogramOf({ responseMinutes: values });

describe("statistics: an agency's first response", () => {
  const agency = (over: Partial<AgencyStatisticsDocument> = {}): AgencyStatisticsDocument => ({
    _id: 'agency:dinas-pupr',
    kind: 'agency',
    agencyId: 'dinas-pupr',
    responseHistogram: emptyHistogram(),
    answered: 0,
    answeredInTime: 0,
    ...over,
  });
  const assignedThread = [submitted, verified, assigned];
  const earlier = agency({ responseHistogram: minutes(90, 4000), answered: 2, answeredInTime: 1 });

  it('records one answered in time, with the minutes since the assignment', () => {
    // when: Wednesday 14 January 03:00Z, two days after the assignment, before the deadline
    const answer = responseAt('2026-01-14T03:00:00.000Z');
    const changed = whenProjected(answer, assignedThread, statistics(earlier));
    // then
    expect(changed).toEqual([
      agency({ responseHistogram: minutes(90, 4000, 2880), answered: 3, answeredInTime: 2 }),
    ]);
  });

  it('records one answered late, against the deadline before the response', () => {
    // when: Wednesday 21 January 03:00Z, after the deadline of Tuesday 20 January 16:59:59.999Z
    const answer = responseAt('2026-01-21T03:00:00.000Z');
    const changed = whenProjected(answer, assignedThread, statistics(earlier));
    // then
    expect(changed).toEqual([
      agency({ responseHistogram: minutes(90, 4000, 12960), answered: 3, answeredInTime: 1 }),
    ]);
  });

  it('counts an answer at the deadline instant as in time', () => {
    const changed = whenProjected(responseAt(followUpDue), assignedThread);
    expect(changed).toEqual([agency({ responseHistogram: minutes(12360), answered: 1, answeredInTime: 1 })]);
  });

  it('does not record later responses again', () => {
    // given
    const answered = [...assignedThread, responseAt('2026-01-14T03:00:00.000Z'), replied()];
    // when
    const changed = whenProjected(
      responseAt('2026-01-15T03:00:00.000Z', 'msg-4'),
      answered,
      statistics(earlier),
    );
    // then
    expect(changed).toEqual([]);
  });

  it('credits the agency a thread was forwarded to, against its own deadline', () => {
    // given
    const forwarded = event('AspirationForwarded', facilitator, {
      fromAgencyId: 'dinas-pupr',
      toAgencyId: 'dinas-perkim',
      reason: 'Jalan desa',
      forwardedAt: '2026-01-13T03:00:00.000Z',
      followUpDueAt: '2026-01-27T16:59:59.999Z',
    });
    // when: after the first agency's deadline, before the second one's
    const answer = responseAt('2026-01-22T03:00:00.000Z', 'msg-2', perkim, 'dinas-perkim');
    const changed = whenProjected(answer, [...assignedThread, forwarded]);
    // then
    expect(changed).toMatchObject([{ _id: 'agency:dinas-perkim', answered: 1, answeredInTime: 1 }]);
  });
});

describe('statisticsTouched', () => {
  const key = (id: string) => ({ collection: STATISTICS, id });
  const statuses = ['submitted', 'verified', 'rejected', 'in_progress', 'resolved', 'closed'].map((status) =>
    key(`count:status:${status}`),
  );

  it('names every status count, and for a submission its category and regions', () => {
    expect(statisticsTouched(submitted)).toEqual([
      ...statuses,
      key('count:category:infrastruktur'),
      ...['62', '62.06', '62.06.02', '62.06.02.1003'].map((code) => key(`count:region:${code}`)),
    ]);
  });

  it("names the responding agency's statistics for a response", () => {
    expect(statisticsTouched(responseAt('2026-01-14T03:00:00.000Z'))).toEqual([
      ...statuses,
      key('agency:dinas-pupr'),
    ]);
  });

  it('names every document projecting the event reads, so the runner has loaded it', () => {
    // given: a whole story, each event projected after the ones before it
    const answer = responseAt('2026-01-14T03:00:00.000Z');
    const story = [submitted, verified, assigned, answer, replied(), resolved()];
    // when
    const reads = story.flatMap((e, i) => {
      const existing = statistics();
      whenProjected(e, story.slice(0, i), existing);
      return existing.read.map((key) => ({ key, touched: statisticsTouched(e) }));
    });
    // then
    expect(reads.map(({ key }) => key.id)).toEqual(
      expect.arrayContaining(['count:region:62.06', 'count:status:verified', 'agency:dinas-pupr']),
    );
    for (const { key, touched } of reads) expect(touched).toContainEqual(key);
  });
});
