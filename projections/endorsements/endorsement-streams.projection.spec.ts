import { EndorsementStreamsDocument } from '../../src/aspirations/read-models/endorsement-streams.document';
import { ProjectedEvent } from '../runner/projection';
import { endorsementStreamsProjection, nextEndorsementStreams } from './endorsement-streams.projection';

const aspirationId = '58b91eaf-ed88-8635-a0b6-f56e3d9f733e';
let position = 10n;
const endorsement = (type: string, stream: string): ProjectedEvent => ({
  type,
  data: {
    aspirationId,
    [type === 'AspirationEndorsed' ? 'endorsedAt' : 'withdrawnAt']: '2026-01-14T03:00:00.000Z',
  },
  stream: `endorsement-${aspirationId}-${stream}`,
  position: (position += 1n),
  actor: { id: null, role: 'citizen' },
  occurredAt: '2026-01-14T03:00:00.000Z',
});

const given = (...events: ProjectedEvent[]) =>
  events.reduce<EndorsementStreamsDocument | undefined>(
    (doc, e) => nextEndorsementStreams(e, doc) ?? doc,
    undefined,
  );

describe('endorsement streams projection', () => {
  it('lists each endorsement stream of an aspiration once, in the order they began', () => {
    // given
    const events = [
      endorsement('AspirationEndorsed', 'a'.repeat(32)),
      endorsement('AspirationEndorsed', 'b'.repeat(32)),
      endorsement('EndorsementWithdrawn', 'a'.repeat(32)),
      endorsement('AspirationEndorsed', 'a'.repeat(32)),
    ];
    // when
    const doc = given(...events);
    // then
    expect(doc).toStrictEqual({
      _id: aspirationId,
      streams: [
        `endorsement-${aspirationId}-${'a'.repeat(32)}`,
        `endorsement-${aspirationId}-${'b'.repeat(32)}`,
      ],
    });
  });

  it('writes nothing for a stream it already lists, and reads only endorsement events', () => {
    const first = endorsement('AspirationEndorsed', 'c'.repeat(32));
    const before = given(first);
    const again = endorsement('EndorsementWithdrawn', 'c'.repeat(32));
    expect(
      endorsementStreamsProjection.project(
        again,
        () => before,
        () => [],
      ),
    ).toEqual({
      operations: [],
      changes: [],
    });
    expect(
      ['AspirationEndorsed', 'EndorsementWithdrawn', 'AspirationSubmitted'].map(
        endorsementStreamsProjection.handles,
      ),
    ).toEqual([true, true, false]);
  });
});
