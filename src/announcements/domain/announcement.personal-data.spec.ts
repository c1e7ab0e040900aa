import { announcementPersonalData } from './announcement.personal-data';
import { asked, published } from './testing/announcement.fixtures';

describe('announcementPersonalData', () => {
  it('seals the asker and their name with their key; the publisher acts in office', () => {
    expect(announcementPersonalData(published)).toEqual([]);
    const named = { ...asked(), data: { ...asked().data, askerName: 'Siti' } };
    expect(announcementPersonalData(named)).toEqual([
      { field: 'askedBy', subject: 'citizen-siti' },
      { field: 'askerName', subject: 'citizen-siti' },
    ]);
  });
});
