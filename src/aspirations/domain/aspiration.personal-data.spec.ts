import { aspirationPersonalData } from './aspiration.personal-data';
import { aspirationStream } from './aspiration.streams';
import { replied, responded, resolved, submitted, verified } from './testing/aspiration.fixtures';

describe('aspiration personal data', () => {
  it('marks the submitter as theirs', () => {
    expect(aspirationPersonalData(submitted)).toEqual([{ field: 'submittedBy', subject: 'citizen-1' }]);
  });

  it('marks the villager a facilitator spoke for as the villager’s own, keyed to the aspiration', () => {
    const onBehalf = {
      ...submitted,
      data: { ...submitted.data, submittedBy: 'facilitator-1', onBehalfOf: { name: 'Ibu Sari' } },
    };
    expect(aspirationPersonalData(onBehalf)).toEqual([
      { field: 'submittedBy', subject: 'facilitator-1' },
      { field: 'onBehalfOf', subject: 'villager:asp-1' },
    ]);
  });

  it.each([verified, responded, replied, resolved].map((event) => [event.type, event] as const))(
    'finds nothing personal in %s',
    (_type, event) => {
      expect(aspirationPersonalData(event)).toEqual([]);
    },
  );
});

describe('aspiration stream', () => {
  it('is named after the aspiration (a stored contract)', () => {
    expect(aspirationStream('asp-1')).toBe('aspiration-asp-1');
  });
});
