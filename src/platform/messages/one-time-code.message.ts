import { OutgoingMessage, Recipient } from './outgoing-messages.port';

/** What a code unlocks; the wording tells the person why they received it. */
export type CodeMessagePurpose = 'confirm_account' | 'reset_password' | 'accept_invitation';

const subjects: Record<CodeMessagePurpose, string> = {
  confirm_account: 'Kode konfirmasi akun Suara Warga',
  reset_password: 'Kode untuk mengatur ulang kata sandi Suara Warga',
  accept_invitation: 'Kode undangan Suara Warga',
};

export interface OneTimeCode {
  /** Stable per code issued (e.g. derived from the event that issued it), so a resend is recognised. */
  readonly id: string;
  readonly to: Recipient;
  readonly purpose: CodeMessagePurpose;
  readonly code: string;
  readonly validMinutes: number;
}

/**
 * A code message in Bahasa Indonesia, short enough for one SMS. It warns against sharing the code because
 * asking for "the code you just received" is the usual way accounts are stolen.
 */
export function oneTimeCodeMessage({ id, to, purpose, code, validMinutes }: OneTimeCode): OutgoingMessage {
  const text =
    `Kode Suara Warga Anda: ${code}. Berlaku ${validMinutes} menit. ` +
    'Jangan berikan kode ini kepada siapa pun, termasuk petugas.';
  return { id, kind: 'one_time_code', to, subject: subjects[purpose], text };
}
