import { payloadWithoutPerson } from './erased-person';

describe('a change-log payload without an erased person', () => {
  it('shows their citizen acts as erased, keeps in-office actors, and nulls their id anywhere else', () => {
    const payload = {
      submitter: {
        thread: { id: 'asp-1', title: 'Jalan rusak', messageCount: 2 },
        message: { messageId: 'msg-2', body: 'Kami tunggu.', actor: { id: 'citizen-1', role: 'citizen' } },
      },
      facilitator: { officials: [{ id: 'citizen-1', role: 'official:dinas-pupr' }], by: 'citizen-1' },
      public: { note: 'citizen-10', actor: { id: 'citizen-10', role: 'citizen' } },
    };
    expect(payloadWithoutPerson(payload, 'citizen-1')).toEqual({
      submitter: {
        thread: { id: 'asp-1', title: 'Jalan rusak', messageCount: 2 },
        message: {
          messageId: 'msg-2',
          body: 'Kami tunggu.',
          actor: { id: null, role: 'citizen', erased: true },
        },
      },
      facilitator: { officials: [{ id: 'citizen-1', role: 'official:dinas-pupr' }], by: null },
      public: { note: 'citizen-10', actor: { id: 'citizen-10', role: 'citizen' } },
    });
  });
});
