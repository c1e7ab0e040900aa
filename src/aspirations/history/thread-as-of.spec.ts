import {
  citizen,
  facilitator,
  submission,
} from '../../../projections/aspirations/testing/projection-fixtures';
import { Actor } from '../../platform/domain/decider';
import { threadDetail } from '../read-models/thread-views';
import { foldThread } from '../read-models/thread-fold';
import { eventsAsOf, threadAsOf, withheldAsNow } from './thread-as-of';
import { RecordedThreadEvent } from './thread-events';

let position = 100n;
const recorded = (
  type: string,
  actor: Actor,
  data: Record<string, unknown>,
  at: string,
): RecordedThreadEvent => ({
  event: { type, data, stream: 'aspiration-asp-1', position: (position += 2n), actor, occurredAt: at },
  recordedAt: at,
});

const submitted = recorded('AspirationSubmitted', citizen, { ...submission }, '2026-01-09T03:00:00.000Z');
const verified = recorded('AspirationVerified', facilitator, { verifiedAt: 'x' }, '2026-01-12T02:00:00.000Z');
// A clock stepped back: recorded "before" the verification although it came after it in the log.
const stepBack = recorded(
  'AspirationEscalated',
  facilitator,
  { stage: 'verification', fromAgencyId: null, toAgencyId: null, escalatedAt: 'x' },
  '2026-01-11T00:00:00.000Z',
);
const hidden = recorded(
  'MessageHidden',
  facilitator,
  { messageId: submission.messageId, reason: 'Data pribadi', hiddenAt: '2026-01-13T00:00:00.000Z' },
  '2026-01-13T00:00:00.000Z',
);
const story = [submitted, verified, stepBack, hidden];

describe('a thread as of a moment', () => {
  it('takes the events up to a position, whether or not an event stands at it', () => {
    expect(eventsAsOf(story, { position: verified.event.position })).toEqual([submitted, verified]);
    expect(eventsAsOf(story, { position: verified.event.position + 1n })).toEqual([submitted, verified]);
    expect(eventsAsOf(story, { position: 0n })).toEqual([]);
  });

  it('takes the longest run recorded by an instant: after a clock stepped back, never an event without those before it', () => {
    const at = (iso: string) => ({ time: Date.parse(iso) });
    expect(eventsAsOf(story, at('2026-01-11T12:00:00.000Z'))).toEqual([submitted]);
    expect(eventsAsOf(story, at('2026-01-12T02:00:00.000Z'))).toEqual([submitted, verified, stepBack]);
    expect(eventsAsOf(story, at('2026-01-08T00:00:00.000Z'))).toEqual([]);
    expect(threadAsOf([])).toBeUndefined();
  });

  it('hides from the public, as of before, a message hidden since; moderators and auditors see it as it was', () => {
    const now = foldThread(story.map((e) => e.event))!;
    const past = threadAsOf(eventsAsOf(story, { position: verified.event.position }))!;
    expect(threadDetail(withheldAsNow(past, now, 'public'), 'public')).toMatchObject({
      title: '',
      status: 'verified',
      messages: [{ title: '', body: '', hidden: { reason: 'Data pribadi' } }],
    });
    for (const audience of ['facilitator', 'auditor'] as const)
      expect(withheldAsNow(past, now, audience)).toEqual(past);
  });

  it('shows a person erased since as erased, in every audience', () => {
    const past = threadAsOf([submitted])!;
    const now = foldThread([submitted.event], (id) => id === citizen.id)!;
    for (const audience of ['submitter', 'auditor', 'public'] as const) {
      const shown = threadDetail(withheldAsNow(past, now, audience), audience);
      expect(shown).toMatchObject({ submittedBy: null, submitterErased: true });
      expect(shown.messages[0].actor).toEqual({ id: null, role: 'citizen', erased: true });
    }
  });
});
