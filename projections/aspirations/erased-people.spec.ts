import { AspirationEvent } from '../../src/aspirations/domain/aspiration.events';
import { THREADS, ThreadDocument } from '../../src/aspirations/read-models/thread.document';
import { threadDetail } from '../../src/aspirations/read-models/thread-views';
import { AccountErased } from '../../src/accounts/domain/account.events';
import { Doc } from '../../src/platform/document-store/document-store.port';
import { Actor } from '../../src/platform/domain/decider';
import { matching } from '../runner/project-batch';
import { DocumentKey, DocumentQuery, ProjectedEvent, ProjectionResult } from '../runner/projection';
import { aspirationsProjection as projection } from './aspirations.projection';
import { ERASED_PEOPLE } from './erased-people';
import { citizen, facilitator, otherCitizen, pupr, submission } from './testing/projection-fixtures';

type Event = AspirationEvent | AccountErased;
let position = 7000n;
function event<T extends Event['type']>(
  type: T,
  actor: Actor,
  data: Extract<Event, { type: T }>['data'],
  stream = `aspiration-${'aspirationId' in data ? data.aspirationId : 'asp-1'}`,
): ProjectedEvent {
  position += 1n;
  return { type, data: { ...data }, stream, position, actor, occurredAt: '2026-01-14T05:00:00.000Z' };
}

const erased = (accountId: string) =>
  event(
    'AccountErased',
    { id: accountId, role: 'citizen' },
    { accountId, erasedAt: '2026-02-01T00:00:00.000Z' },
    'account-x',
  );
const other = { ...submission, aspirationId: 'asp-2', messageId: 'msg-9', submittedBy: otherCitizen.id };

// citizen-1 submits asp-1 and replies to the agency; citizen-2's asp-2 never names citizen-1.
const story = [
  event('AspirationSubmitted', citizen, submission),
  event('AspirationVerified', facilitator, { verifiedAt: '2026-01-12T02:00:00.000Z' }),
  event('AspirationAssigned', facilitator, {
    agencyId: 'dinas-pupr',
    assignedAt: '2026-01-12T03:00:00.000Z',
    followUpDueAt: '2026-01-20T16:59:59.999Z',
  }),
  event('OfficialResponded', pupr, {
    messageId: 'msg-2',
    body: 'Tim kami meninjau lokasi.',
    agencyId: 'dinas-pupr',
    respondedAt: '2026-01-14T03:00:00.000Z',
    autoCloseDueAt: '2026-01-29T16:59:59.999Z',
  }),
  event('CitizenReplied', citizen, {
    messageId: 'msg-3',
    body: 'Kami tunggu.',
    repliedAt: '2026-01-14T05:00:00.000Z',
  }),
  event('AspirationSubmitted', otherCitizen, other),
];

/** The events as a rebuild opens them once the person's key is gone: their sealed fields read null, listed as erased. */
function keyGone(e: ProjectedEvent, personId: string): ProjectedEvent {
  const paths: string[] = [];
  const data = { ...e.data };
  for (const field of ['submittedBy', 'accountId'])
    if (data[field] === personId) {
      data[field] = null;
      paths.push(`data.${field}`);
    }
  const actorGone = e.actor.role === 'citizen' && e.actor.id === personId;
  if (actorGone) paths.push('metadata.actor');
  return { ...e, data, actor: actorGone ? { ...e.actor, id: null } : e.actor, erased: paths };
}

/** A document store as the runner's lookup and search see it: what earlier events put. */
function projected(events: readonly ProjectedEvent[]) {
  const documents = new Map<string, Doc>();
  const results: ProjectionResult[] = [];
  const lookup = ({ collection, id }: DocumentKey) => documents.get(`${collection}/${id}`);
  const search = ({ collection, filter }: DocumentQuery) =>
    matching(
      [...documents].filter(([key]) => key.startsWith(`${collection}/`)).map(([, doc]) => doc),
      filter,
    );
  for (const e of events) {
    if (!projection.handles(e.type)) continue;
    const result = projection.project(e, lookup, search);
    for (const op of result.operations)
      if ('put' in op) documents.set(`${op.collection}/${op.put._id}`, op.put);
    results.push(result);
  }
  const thread = (id: string) => documents.get(`${THREADS}/${id}`) as ThreadDocument;
  const all = (collection: string) =>
    [...documents].filter(([key]) => key.startsWith(`${collection}/`)).map(([, doc]) => doc);
  return { thread, all, last: results.at(-1)! };
}

const erasedCitizen = { id: null, role: 'citizen', erased: true };

describe('aspirations projection: a person erased (AccountErased)', () => {
  it('handles AccountErased, and finds the threads naming the person by query', () => {
    expect(projection.handles('AccountErased')).toBe(true);
    expect(projection.finds!(erased('citizen-1'))).toEqual([
      {
        collection: THREADS,
        filter: { $or: [{ submittedBy: 'citizen-1' }, { 'messages.actor.id': 'citizen-1' }] },
      },
    ]);
    expect(projection.finds!(keyGone(erased('citizen-1'), 'citizen-1'))).toEqual([]);
  });

  it('takes the person out of every thread naming them, shown as erased; officials stay named', () => {
    const before = projected(story).thread('asp-1');
    const { thread, last } = projected([...story, erased(citizen.id)]);
    expect(thread('asp-1')).toEqual({
      ...before,
      submittedBy: null,
      submitterErased: true,
      messages: [
        { ...before.messages[0], actor: erasedCitizen },
        before.messages[1],
        { ...before.messages[2], actor: erasedCitizen },
      ],
    });
    expect(thread('asp-1').messages[1].actor).toEqual(pupr);
    // Untouched, and not written again.
    expect(thread('asp-2').submittedBy).toBe(otherCitizen.id);
    expect(
      last.operations.filter((op) => op.collection === THREADS).map((op) => 'put' in op && op.put._id),
    ).toEqual(['asp-1']);
  });

  it('tells live clients of the change with payloads that name no one', () => {
    const { last } = projected([...story, erased(citizen.id)]);
    expect(last.changes.map((change) => change.topic)).toContain('aspiration:asp-1');
    expect(JSON.stringify(last.changes)).not.toContain(citizen.id);
  });

  it('gives the same threads when rebuilt after the key is gone, from null fields alone', () => {
    const live = projected([...story, erased(citizen.id)]);
    const rebuilt = projected([...story, erased(citizen.id)].map((e) => keyGone(e, citizen.id)));
    expect(rebuilt.all(THREADS)).toEqual(live.all(THREADS));
    expect(rebuilt.all('statistics')).toEqual(live.all('statistics'));
    // Nothing names the person in a rebuild; the live read model keeps only a digest.
    expect(rebuilt.all(ERASED_PEOPLE)).toEqual([]);
    expect(JSON.stringify(live.all(ERASED_PEOPLE))).not.toContain(citizen.id);
  });

  it('shows the person erased in events of theirs appended after the erasure, before their key was gone', () => {
    const { thread } = projected([
      ...story,
      erased(citizen.id),
      event('CitizenReplied', citizen, {
        messageId: 'msg-4',
        body: 'Masih ada?',
        repliedAt: '2026-02-01T01:00:00.000Z',
      }),
      event('AspirationSubmitted', citizen, { ...submission, aspirationId: 'asp-3', messageId: 'msg-5' }),
    ]);
    expect(thread('asp-1').messages[3].actor).toEqual(erasedCitizen);
    expect(thread('asp-3')).toMatchObject({ submittedBy: null, submitterErased: true });
    expect(thread('asp-3').messages[0].actor).toEqual(erasedCitizen);
  });

  it('leaves the threads of an erased official as they are: officials act in office', () => {
    const { last } = projected([...story, erased(pupr.id)]);
    expect(last.operations.filter((op) => op.collection === THREADS)).toEqual([]);
  });

  it('erases the facilitator who submitted for a villager, and still hides them on an anonymous thread', () => {
    const onBehalf = {
      ...submission,
      aspirationId: 'asp-4',
      messageId: 'msg-6',
      anonymous: true,
      submittedBy: facilitator.id,
      onBehalfOf: { name: 'Ibu Sari' },
    };
    const { thread } = projected([
      event('AspirationSubmitted', facilitator, onBehalf),
      event(
        'AspirationVerified',
        facilitator,
        { verifiedAt: '2026-01-12T02:00:00.000Z' },
        'aspiration-asp-4',
      ),
      erased(facilitator.id),
    ]);
    // Their submittedBy was sealed with their key; the villager is someone else and keeps their own key.
    expect(thread('asp-4')).toMatchObject({
      submittedBy: null,
      submitterErased: true,
      onBehalfOf: { name: 'Ibu Sari' },
    });
    const publicView = threadDetail(thread('asp-4'), 'public');
    expect(publicView.messages[0].actor.id).toBeNull();
    expect(publicView.submitterErased).toBe(true);
  });
});
