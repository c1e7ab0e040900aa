import { CodeMessagePurpose, oneTimeCodeMessage } from './one-time-code.message';

const message = (purpose: CodeMessagePurpose, validMinutes = 15) =>
  oneTimeCodeMessage({
    id: 'm-1',
    to: { kind: 'phone', number: '+6281234567890' },
    purpose,
    code: '482913',
    validMinutes,
  });

describe('one-time code message', () => {
  it('tells whoever did not register to ignore it, and never to share the code', () =>
    expect(message('confirm_account').text).toBe(
      'Kode Suara Warga Anda: 482913. Berlaku 15 menit. Jika Anda tidak mendaftar, abaikan pesan ini. ' +
        'Jangan berikan kode ini kepada siapa pun, termasuk petugas.',
    ));

  it('tells whoever did not ask for a reset or an invitation to ignore it too', () => {
    expect(message('reset_password').text).toContain('Jika Anda tidak memintanya, abaikan pesan ini.');
    expect(message('accept_invitation').text).toContain(
      'Jika Anda tidak merasa diundang, abaikan pesan ini.',
    );
  });

  it('says an invitation lasts 7 days, not 10080 minutes', () =>
    expect(message('accept_invitation', 7 * 24 * 60).text).toContain('Berlaku 7 hari.'));

  it.each(['confirm_account', 'reset_password', 'accept_invitation'] as const)(
    'fits one SMS of 160 characters (%s)',
    (purpose) => expect(message(purpose, 7 * 24 * 60).text.length).toBeLessThanOrEqual(160),
  );
});
