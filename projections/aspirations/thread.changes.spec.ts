import { AspirationEvent, AspirationSubmitted } from '../../src/aspirations/domain/aspiration.events';
import { nextThread } from '../../src/aspirations/read-models/thread-fold';
import { ThreadDocument } from '../../src/aspirations/read-models/thread.document';
import { Actor } from '../../src/platform/domain/decider';
import { ChangeDraft, ProjectedEvent } from '../runner/projection';
import { threadChanges } from './thread.changes';
import { citizen, facilitator, pupr, submission } from './testing/projection-fixtures';

let position = 3000n;
function event<T extends AspirationEvent['type']>(
  type: T,
  actor: Actor,
  data: Extract<AspirationEvent, { type: T }>['data'],
): ProjectedEvent {
  position += 1n;
  const occurredAt = '2026-01-14T03:00:00.000Z'; // when it happened matters to no change draft
  return { type, data: { ...data }, stream: 'aspiration-asp-1', position, actor, occurredAt };
}

const submitted = (over: Partial<AspirationSubmitted['data']> = {}, by = citizen) =>
  event('AspirationSubmitted', by, { ...submission, ...over });
const verified = () => event('AspirationVerified', facilitator, { verifiedAt: '2026-01-12T02:00:00.000Z' });
const rejected = () =>
  event('AspirationRejected', facilitator, {
    reason: 'Bukan kewenangan',
    rejectedAt: '2026-01-12T02:00:00.000Z',
  });
const assigned = () =>
  event('AspirationAssigned', facilitator, {
    agencyId: 'dinas-pupr',
    assignedAt: '2026-01-12T03:00:00.000Z',
    followUpDueAt: '2026-01-20T16:59:59.999Z',
  });
const forwarded = () =>
  event('AspirationForwarded', facilitator, {
    fromAgencyId: 'dinas-pupr',
    toAgencyId: 'dinas-perkim',
    reason: 'Jalan desa',
    forwardedAt: '2026-01-13T03:00:00.000Z',
    followUpDueAt: '2026-01-27T16:59:59.999Z',
  });
const responded = (body = 'Tim kami akan meninjau lokasi minggu ini.') =>
  event('OfficialResponded', pupr, {
    messageId: 'msg-2',
    body,
    agencyId: 'dinas-pupr',
    respondedAt: '2026-01-14T03:00:00.000Z',
    autoCloseDueAt: '2026-01-29T16:59:59.999Z',
  });
const replied = (by = citizen) =>
  event('CitizenReplied', by, {
    messageId: 'msg-3',
    body: 'Terima kasih.',
    repliedAt: '2026-01-14T05:00:00.000Z',
  });
const hidden = (messageId: string) =>
  event('MessageHidden', facilitator, {
    messageId,
    reason: 'Tuduhan pribadi',
    hiddenAt: '2026-01-14T04:00:00.000Z',
  });

/** The thread after a story; every event must fit, or the story itself is wrong. */
const threadAfter = (events: ProjectedEvent[]) =>
  events.reduce<ThreadDocument | undefined>((thread, e) => {
    const next = nextThread(e, thread);
    if (!next) throw new Error(`${e.type} does not fit the story`);
    return next;
  }, undefined);

/** The change drafts of the last event, projected after the ones before it. */
function changesOf(...events: ProjectedEvent[]): ChangeDraft[] {
  return threadChanges(threadAfter(events.slice(0, -1)), threadAfter(events)!);
}

/** The change drafts of every step of a story from the one at `from` on, each after the ones before it. */
const changesAlong = (story: ProjectedEvent[], from = 0) =>
  story.slice(from).flatMap((_, i) => changesOf(...story.slice(0, from + i + 1)));

const topics = (changes: ChangeDraft[]) => changes.map((change) => change.topic);
const audiences = (changes: ChangeDraft[], topic: string) =>
  Object.keys(changes.find((change) => change.topic === topic)?.payloads ?? {}).sort();
const payload = (changes: ChangeDraft[], topic: string, audience: string) =>
  changes.find((change) => change.topic === topic)?.payloads[audience] as
    | { thread: { id: string; agencyId: string | null; position: string }; message?: { messageId: string } }
    | undefined;
const regionTopics = ['region:62', 'region:62.06', 'region:62.06.02', 'region:62.06.02.1003'];

describe('thread changes: who hears of a change', () => {
  it('tells only the participants of a submission, with its message', () => {
    const changes = changesOf(submitted());
    expect(topics(changes)).toEqual(['aspiration:asp-1']);
    expect(audiences(changes, 'aspiration:asp-1')).toEqual(['auditor', 'facilitator', 'submitter']);
    expect(payload(changes, 'aspiration:asp-1', 'submitter')?.message?.messageId).toBe('msg-1');
  });

  it('tells everyone once a public thread is verified: the thread, the feed and every region of it', () => {
    // given
    const verification = verified();
    // when
    const changes = changesOf(submitted(), verification);
    // then
    expect(topics(changes)).toEqual(['aspiration:asp-1', 'feed', ...regionTopics]);
    expect(audiences(changes, 'aspiration:asp-1')).toEqual(['auditor', 'facilitator', 'public', 'submitter']);
    for (const topic of ['feed', ...regionTopics]) expect(audiences(changes, topic)).toEqual(['public']);
    expect(payload(changes, 'feed', 'public')?.thread).toMatchObject({
      id: 'asp-1',
      position: String(verification.position),
    });
  });

  it.each([
    ['a verified confidential thread', [submitted({ visibility: 'confidential' }), verified()]],
    ['a rejected thread', [submitted(), rejected()]],
    ['an assigned confidential thread', [submitted({ visibility: 'confidential' }), verified(), assigned()]],
  ])('keeps %s from the public', (_what, story) => {
    const changes = changesOf(...story);
    expect(topics(changes).filter((topic) => topic === 'feed' || topic.startsWith('region:'))).toEqual([]);
    expect(audiences(changes, 'aspiration:asp-1')).not.toContain('public');
  });

  it('tells the agency once assigned, on the thread and in its inbox', () => {
    // given
    const before = [submitted(), verified()];
    // when
    const changes = changesOf(...before, assigned());
    // then
    expect(audiences(changesOf(...before), 'aspiration:asp-1')).not.toContain('agency');
    expect(topics(changes)).toEqual(['aspiration:asp-1', 'agency:dinas-pupr', 'feed', ...regionTopics]);
    expect(audiences(changes, 'aspiration:asp-1')).toContain('agency');
    expect(audiences(changes, 'agency:dinas-pupr')).toEqual(['agency', 'auditor', 'facilitator']);
  });

  it('tells both inboxes when a thread is forwarded: the old one that it left', () => {
    const changes = changesOf(submitted(), verified(), assigned(), forwarded());
    expect(topics(changes)).toEqual(expect.arrayContaining(['agency:dinas-pupr', 'agency:dinas-perkim']));
    expect(payload(changes, 'agency:dinas-pupr', 'agency')?.thread.agencyId).toBe('dinas-perkim');
  });

  it('carries a new message to the thread and the public topics, but not to the inboxes', () => {
    const changes = changesOf(submitted(), verified(), assigned(), responded());
    for (const change of changes) {
      const expected = change.topic.startsWith('agency:') ? undefined : 'msg-2';
      for (const audience of Object.keys(change.payloads))
        expect(payload(changes, change.topic, audience)?.message?.messageId).toBe(expected);
    }
  });

  it('tells the group a published aspiration of it as the public sees it, to members and facilitators alike', () => {
    const forGroup = submitted({ groupId: 'group-1', groupName: 'KIM Kasongan Baru', groupSignatures: 3 });
    expect(topics(changesOf(forGroup))).not.toContain('group:group-1');
    const changes = changesOf(forGroup, verified());
    const group = changes.find((change) => change.topic === 'group:group-1')!;
    const feed = changes.find((change) => change.topic === 'feed')!;
    expect(group.payloads).toEqual({ member: feed.payloads.public, facilitator: feed.payloads.public });
  });

  it('carries no message for a change that adds none', () => {
    const changes = changesOf(submitted(), verified(), assigned(), responded(), hidden('msg-2'));
    expect(topics(changes)).toContain('feed');
    for (const p of changes.flatMap((change) => Object.values(change.payloads)))
      expect(p).not.toHaveProperty('message');
  });
});

describe('thread changes: no payload says what its audience may not see', () => {
  /** Each payload of each change, serialized as it would be sent. */
  const sent = (changes: ChangeDraft[]) =>
    changes.flatMap(({ topic, payloads }) =>
      Object.entries(payloads).map(([audience, p]) => ({ topic, audience, json: JSON.stringify(p) })),
    );

  it.each([
    ['a citizen', { id: 'acc-7f3a9c21-anonymous', role: 'citizen' }, undefined],
    [
      'a facilitator speaking for a villager',
      { id: 'facilitator-7f3a9c21', role: 'facilitator' },
      { name: 'Ibu Sari' },
    ],
  ] as const)(
    "keeps the id of %s who submitted anonymously to the submitter's payloads",
    (_who, submitter, onBehalfOf) => {
      // given
      const anonymously = { anonymous: true, submittedBy: submitter.id, ...(onBehalfOf && { onBehalfOf }) };
      const story = [submitted(anonymously, submitter), verified(), assigned()];
      // when
      const payloads = sent(changesAlong([...story, responded(), replied(submitter)]));
      // then
      const toSubmitter = payloads.filter(({ audience }) => audience === 'submitter');
      expect(toSubmitter.some(({ json }) => json.includes(submitter.id))).toBe(true);
      for (const { json } of payloads.filter(({ audience }) => audience !== 'submitter'))
        expect(json).not.toContain(submitter.id);
    },
  );

  it('keeps the villager a facilitator speaks for out of every public payload', () => {
    // given
    const villager = { name: 'Ibu Sari Rahayu', contact: '0812-5555-0192' };
    const story = [submitted({ onBehalfOf: villager, submittedBy: facilitator.id }, facilitator), verified()];
    const life = [...story, assigned(), responded(), replied(facilitator)];
    // when
    const payloads = sent(changesAlong(life)).filter(({ audience }) => audience === 'public');
    // then
    expect(JSON.stringify(threadAfter(life))).toContain(villager.name);
    expect(payloads.length).toBeGreaterThan(0);
    for (const { json } of payloads) {
      expect(json).not.toContain(villager.name);
      expect(json).not.toContain(villager.contact);
    }
  });

  it('keeps hidden content to moderators and auditors', () => {
    // given
    const secrets = ['Kades Darmawan', '0813-7777-2040', 'Sekdes Wijaya'];
    const accusation = {
      title: 'Kades Darmawan menggelapkan dana desa',
      body: 'Hubungi saya di 0813-7777-2040.',
    };
    const story = [
      submitted(accusation),
      verified(),
      assigned(),
      responded('Sudah ditanyakan ke Sekdes Wijaya.'),
    ];
    // when: both messages are hidden, and the thread goes on
    const payloads = sent(
      changesAlong([...story, hidden('msg-1'), hidden('msg-2'), replied()], story.length),
    );
    // then
    const moderators = payloads.filter(
      ({ audience }) => audience === 'facilitator' || audience === 'auditor',
    );
    expect(moderators.every(({ json }) => json.includes('Kades Darmawan'))).toBe(true);
    const others = payloads.filter(({ audience }) => ['public', 'agency', 'submitter'].includes(audience));
    expect(new Set(others.map(({ audience }) => audience))).toEqual(
      new Set(['public', 'agency', 'submitter']),
    );
    for (const { json } of others) for (const secret of secrets) expect(json).not.toContain(secret);
  });
});
