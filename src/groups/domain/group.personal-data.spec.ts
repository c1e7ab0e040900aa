import { groupPersonalData } from './group.personal-data';
import { appointed, dissolved, founded, joined, proposed, rahmat, siti } from './testing/group.fixtures';

describe('groupPersonalData', () => {
  it('seals the proposer and the name they go by with their own key', () =>
    expect(groupPersonalData(proposed)).toEqual([
      { field: 'proposedBy', subject: siti.id },
      { field: 'proposerName', subject: siti.id },
    ]));

  it('seals the member and their name in every member event', () => {
    expect(groupPersonalData(joined(rahmat))).toEqual([
      { field: 'memberId', subject: rahmat.id },
      { field: 'displayName', subject: rahmat.id },
    ]);
    expect(groupPersonalData(appointed(siti))).toEqual([{ field: 'memberId', subject: siti.id }]);
  });

  it('leaves the acts in office readable', () => {
    expect(groupPersonalData(founded)).toEqual([]);
    expect(groupPersonalData(dissolved)).toEqual([]);
  });
});
