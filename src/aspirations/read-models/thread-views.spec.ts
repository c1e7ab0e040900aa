import { find } from 'mingo';
import {
  citizen,
  facilitator,
  pupr,
  submission,
} from '../../../projections/aspirations/testing/projection-fixtures';
import { ProjectedEvent } from '../../platform/read-models/projected-event';
import { foldThread } from './thread-fold';
import { SUMMARY_LEAVES_OUT, threadSummary } from './thread-views';
import { ThreadDocument } from './thread.document';

const at = '2026-01-14T03:00:00.000Z';
const event = (type: string, actor: ProjectedEvent['actor'], data: Record<string, unknown>, i: number) => ({
  type,
  data,
  stream: 'aspiration-asp-1',
  position: BigInt(i + 1),
  actor,
  occurredAt: at,
});

describe('a thread read for a list page', () => {
  it('summarises the same without the fields the list leaves out', () => {
    const thread = foldThread(
      [
        event('AspirationSubmitted', citizen, { ...submission }, 0),
        event('AspirationVerified', facilitator, { verifiedAt: at }, 1),
        event('MessageHidden', facilitator, { messageId: 'msg-1', reason: 'Data pribadi', hiddenAt: at }, 2),
        event('AspirationAssigned', facilitator, { agencyId: 'dinas-pupr', assignedAt: at }, 3),
        event(
          'OfficialResponded',
          pupr,
          { messageId: 'msg-2', body: 'Kami tinjau.', agencyId: 'dinas-pupr', respondedAt: at },
          4,
        ),
      ].map((e) => e as ProjectedEvent),
    )!;
    const [listed] = find([thread], {}, { ...SUMMARY_LEAVES_OUT }).all() as ThreadDocument[];
    expect(JSON.stringify(listed)).not.toContain('Kami tinjau.');
    expect(listed.messages).toHaveLength(2);
    for (const audience of ['public', 'facilitator', 'submitter'] as const)
      expect(threadSummary(listed, audience)).toEqual(threadSummary(thread, audience));
  });
});
