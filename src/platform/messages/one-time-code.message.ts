import { OutgoingMessage, Recipient } from './outgoing-messages.port';

/** What a code unlocks; the wording tells the person why they received it. */
export type CodeMessagePurpose = 'confirm_account' | 'reset_password' | 'accept_invitation';

const subjects: Record<CodeMessagePurpose, string> = {
  confirm_account: 'Kode konfirmasi akun Suara Warga',
  reset_password: 'Kode untuk mengatur ulang kata sandi Suara Warga',
  accept_invitation: 'Kode undangan Suara Warga',
};

/** Whoever did not ask for the code is told to ignore it: it reached them because someone typed their login. */
const notYours: Record<CodeMessagePurpose, string> = {
  confirm_account: 'Jika Anda tidak mendaftar, abaikan pesan ini.',
  reset_password: 'Jika Anda tidak memintanya, abaikan pesan ini.',
  accept_invitation: 'Jika Anda tidak merasa diundang, abaikan pesan ini.',
};

export interface OneTimeCode {
  /** Stable per code issued (e.g. derived from the event that issued it), so a resend is recognised. */
  readonly id: string;
  readonly to: Recipient;
  readonly purpose: CodeMessagePurpose;
  readonly code: string;
  readonly validMinutes: number;
}

const MINUTES_A_DAY = 24 * 60;

/** "15 menit", or "7 hari" for an invitation's week. */
const validity = (minutes: number): string =>
  minutes % MINUTES_A_DAY === 0 ? `${minutes / MINUTES_A_DAY} hari` : `${minutes} menit`;

/**
 * A code message in Bahasa Indonesia, short enough for one SMS (160 characters). It tells whoever did not ask
 * for it to ignore it, since registering someone else's number sends them a code, and warns against sharing
 * it because asking for "the code you just received" is the usual way accounts are stolen.
 */
export function oneTimeCodeMessage({ id, to, purpose, code, validMinutes }: OneTimeCode): OutgoingMessage {
  const text =
    `Kode Suara Warga Anda: ${code}. Berlaku ${validity(validMinutes)}. ${notYours[purpose]} ` +
    'Jangan berikan kode ini kepada siapa pun, termasuk petugas.';
  return { id, kind: 'one_time_code', to, subject: subjects[purpose], text };
}
