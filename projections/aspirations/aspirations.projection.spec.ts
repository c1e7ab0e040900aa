import { AspirationEvent } from '../../src/aspirations/domain/aspiration.events';
import { STATISTICS, THREADS } from '../../src/aspirations/read-models/thread.document';
import { EndorsementEvent } from '../../src/endorsements/domain/endorsement.events';
import { Doc } from '../../src/platform/document-store/document-store.port';
import { Actor } from '../../src/platform/domain/decider';
import { matching } from '../runner/project-batch';
import { DocumentKey, DocumentQuery, ProjectedEvent, ProjectionResult } from '../runner/projection';
import { aspirationsProjection as projection } from './aspirations.projection';
import { citizen, facilitator, otherCitizen, pupr, submission } from './testing/projection-fixtures';

type Event = AspirationEvent | EndorsementEvent;
let position = 4000n;
function event<T extends Event['type']>(
  type: T,
  actor: Actor,
  data: Extract<Event, { type: T }>['data'],
  stream = 'aspiration-asp-1',
): ProjectedEvent {
  position += 1n;
  return { type, data: { ...data }, stream, position, actor, occurredAt: '2026-01-12T03:00:00.000Z' };
}

// Another thread, verified before asp-1 was submitted: its counts are already there.
const other = { ...submission, aspirationId: 'asp-2', messageId: 'msg-9', title: 'Lampu jalan padam' };
const otherStream = 'aspiration-asp-2';
const otherSubmitted = event('AspirationSubmitted', otherCitizen, other, otherStream);
const otherVerified = event(
  'AspirationVerified',
  facilitator,
  { verifiedAt: '2026-01-10T02:00:00.000Z' },
  otherStream,
);
const submitted = event('AspirationSubmitted', citizen, submission);
const verified = event('AspirationVerified', facilitator, { verifiedAt: '2026-01-12T02:00:00.000Z' });
const assigned = event('AspirationAssigned', facilitator, {
  agencyId: 'dinas-pupr',
  assignedAt: '2026-01-12T03:00:00.000Z',
  followUpDueAt: '2026-01-20T16:59:59.999Z',
});
const responded = event('OfficialResponded', pupr, {
  messageId: 'msg-2',
  body: 'Tim kami akan meninjau lokasi minggu ini.',
  agencyId: 'dinas-pupr',
  respondedAt: '2026-01-14T03:00:00.000Z',
  autoCloseDueAt: '2026-01-29T16:59:59.999Z',
});
// An endorsement lives in its own stream, named by a hash of the pair: only its data names the aspiration.
const stream = 'endorsement-asp-1-5c1a0e0f2b7d4c8e9a6b3d2f1e0c9b8a';
const endorsed = (aspirationId = 'asp-1') =>
  event('AspirationEndorsed', otherCitizen, { aspirationId, endorsedAt: '2026-01-13T01:00:00.000Z' }, stream);

/** A document store as the runner's lookup sees it: what earlier events put, by collection and id. */
function store() {
  const documents = new Map<string, Doc>();
  const lookup = ({ collection, id }: DocumentKey) => documents.get(`${collection}/${id}`);
  const search = ({ collection, filter }: DocumentQuery) =>
    matching(
      [...documents].filter(([key]) => key.startsWith(`${collection}/`)).map(([, doc]) => doc),
      filter,
    );
  /** Projects an event as the runner does: puts become visible to the events after it. */
  const project = (e: ProjectedEvent): ProjectionResult => {
    const result = projection.project(e, lookup, search);
    for (const op of result.operations)
      if ('put' in op) documents.set(`${op.collection}/${op.put._id}`, op.put);
    return result;
  };
  return { lookup, project };
}

const given = (...events: ProjectedEvent[]) => {
  const documents = store();
  events.forEach(documents.project);
  return documents;
};

const puts = (result: ProjectionResult) =>
  result.operations.map((op) => ('put' in op ? `${op.collection}/${op.put._id}` : `delete ${op.delete}`));

describe('aspirations projection: what it reads', () => {
  // Typed by the event unions: adding an event type without listing it here fails to compile.
  const handled: Record<Event['type'], true> = {
    AspirationSubmitted: true,
    AspirationVerified: true,
    AspirationRejected: true,
    AspirationAssigned: true,
    AspirationForwarded: true,
    OfficialResponded: true,
    CitizenReplied: true,
    AspirationResolved: true,
    AspirationRated: true,
    AspirationReopened: true,
    AspirationClosed: true,
    MessageHidden: true,
    AspirationEscalated: true,
    DeadlineReminderIssued: true,
    AspirationEndorsed: true,
    EndorsementWithdrawn: true,
  };

  it.each(Object.keys(handled))('handles %s', (type) => {
    expect(projection.handles(type)).toBe(true);
  });

  it.each(['AgencyRegistered', 'OfficialAdded', 'AgencyCategoriesSet', 'aspirationsubmitted', ''])(
    'leaves %p alone',
    (type) => expect(projection.handles(type)).toBe(false),
  );

  it('touches the thread named by the stream, and the statistics the event may change', () => {
    expect(projection.touches(verified)).toEqual([
      { collection: THREADS, id: 'asp-1' },
      ...['submitted', 'verified', 'rejected', 'in_progress', 'resolved', 'closed'].map((status) => ({
        collection: STATISTICS,
        id: `count:status:${status}`,
      })),
    ]);
  });

  it('touches the counts of a submission, and the statistics of the agency responding', () => {
    const ids = (e: ProjectedEvent) => projection.touches(e).map(({ id }) => id);
    const submission = ['asp-1', 'count:category:infrastruktur', 'count:region:62.06'];
    expect(ids(submitted)).toEqual(expect.arrayContaining(submission));
    expect(ids(responded)).toEqual(expect.arrayContaining(['asp-1', 'agency:dinas-pupr']));
  });

  it('touches the thread an endorsement names in its data, not its stream', () => {
    expect(projection.touches(endorsed())[0]).toEqual({ collection: THREADS, id: 'asp-1' });
  });
});

describe('aspirations projection: what it writes', () => {
  it('puts a new thread, its first counts and the news for its participants', () => {
    // when
    const result = store().project(submitted);
    // then
    expect(puts(result)).toEqual([
      'threads/asp-1',
      'statistics/count:category:infrastruktur',
      ...['62', '62.06', '62.06.02', '62.06.02.1003'].map((code) => `statistics/count:region:${code}`),
      'statistics/count:status:submitted',
    ]);
    expect(result.operations[0]).toMatchObject({
      put: { _id: 'asp-1', status: 'submitted', published: false },
    });
    expect(result.changes.map((change) => change.topic)).toEqual(['aspiration:asp-1']);
  });

  it('reads the thread and counts already written, and puts only what changed', () => {
    // given
    const documents = given(otherSubmitted, otherVerified, submitted);
    // when
    const result = documents.project(verified);
    // then
    expect(puts(result)).toEqual([
      'threads/asp-1',
      'statistics/count:status:submitted',
      'statistics/count:status:verified',
    ]);
    expect(result.operations.slice(1).map((op) => 'put' in op && op.put.count)).toEqual([0, 2]);
    expect(result.operations[0]).toMatchObject({ put: { status: 'verified', published: true } });
    expect(result.changes.map((change) => change.topic)).toContain('feed');
  });

  it("records the agency's first response in its statistics", () => {
    const result = given(submitted, verified, assigned).project(responded);
    expect(puts(result)).toEqual(['threads/asp-1', 'statistics/agency:dinas-pupr']);
    expect(result.operations[1]).toMatchObject({ put: { answered: 1, answeredInTime: 1 } });
  });

  it('counts an endorsement on the thread it names, without touching the statistics', () => {
    // given
    const documents = given(submitted, verified);
    // when
    const result = documents.project(endorsed());
    // then
    expect(puts(result)).toEqual(['threads/asp-1']);
    expect(result.operations[0]).toMatchObject({ put: { endorsements: 1, status: 'verified' } });
    expect(result.changes.map((change) => change.topic)).toContain('aspiration:asp-1');
  });

  it.each([
    ['an endorsement of an unknown aspiration', () => given(submitted).project(endorsed('asp-404'))],
    ['an event for a thread never submitted', () => store().project(verified)],
    ['a second submission', () => given(submitted).project(submitted)],
  ])('writes nothing and tells nobody for %s', (_what, project) => {
    expect(project()).toEqual({ operations: [], changes: [] });
  });
});
