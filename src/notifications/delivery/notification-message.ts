import { NotificationDocument, StatusChange } from '../read-models/notification.document';

/** What a message says, in Bahasa Indonesia (the platform's first language); never a person's name or id. */
export interface MessageText {
  readonly subject: string;
  readonly text: string;
  readonly link: string;
}

const STATUS_SUBJECTS: Record<StatusChange, string> = {
  verified: 'Aspirasi diverifikasi',
  rejected: 'Aspirasi ditolak',
  assigned: 'Aspirasi diteruskan ke instansi',
  resolved: 'Aspirasi dinyatakan selesai',
  closed: 'Aspirasi ditutup',
  reopened: 'Aspirasi dibuka kembali',
};

const STAGES = { verification: 'verifikasi', response: 'tindak lanjut' } as const;

/** An instant as people in WIB read it: 20 Jan 2026 23.59 WIB. */
const wib = (iso: string): string =>
  `${new Intl.DateTimeFormat('id-ID', {
    timeZone: 'Asia/Jakarta',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso))} WIB`;

function subjectOf(n: NotificationDocument): string {
  switch (n.kind) {
    case 'response':
      return 'Tanggapan baru dari instansi';
    case 'reply':
      return 'Balasan baru di aspirasi yang Anda ikuti';
    case 'status':
      return n.change ? STATUS_SUBJECTS[n.change] : 'Status aspirasi berubah';
    case 'assignment':
      return 'Aspirasi baru untuk instansi Anda';
    case 'deadline':
      return `Tenggat ${STAGES[n.stage ?? 'response']} segera tiba`;
    case 'escalation':
      return `Tenggat ${STAGES[n.stage ?? 'response']} terlewat: aspirasi dieskalasi`;
    case 'join_request':
      return 'Permintaan bergabung ke kelompok Anda';
    case 'group_draft':
      return 'Draf aspirasi kelompok menunggu tanda tangan Anda';
    case 'group_response':
      return 'Aspirasi kelompok Anda mendapat tanggapan';
    case 'announcement':
      return 'Pengumuman baru untuk kelompok Anda';
    case 'announcement_answer':
      return 'Pertanyaan Anda tentang pengumuman dijawab';
    default:
      return 'Pemberitahuan Suara Warga';
  }
}

const titleOf = (n: NotificationDocument): string =>
  n.title === '' ? '(judul disembunyikan moderator)' : `“${n.title}”`;

/** The thread it tells of, or else the group's page (a join request, a draft to sign). */
const linkOf = (n: NotificationDocument): string =>
  n.aspirationId !== null
    ? `/aspirasi/${n.aspirationId}`
    : n.kind === 'announcement_answer'
      ? '/pengumuman'
      : `/kelompok/${n.groupId ?? ''}`;

export function notificationMessage(n: NotificationDocument): MessageText {
  const subject = subjectOf(n);
  const lines = [`${subject}: ${titleOf(n)}.`];
  if (n.agencyId) lines.push(`Instansi: ${n.agencyId}.`);
  if (n.dueAt) lines.push(`Batas waktu: ${wib(n.dueAt)}.`);
  const link = linkOf(n);
  lines.push(`Buka ${link} di Suara Warga untuk selengkapnya.`);
  return { subject, text: lines.join('\n'), link };
}

/** Several messages for one person at once become one: each line what one of them said. */
export function digestMessage(members: readonly { subject: string; text: string }[]): MessageText {
  const lines = members.map((m) => `• ${m.text.split('\n')[0]}`);
  return {
    subject: `${members.length} pemberitahuan baru di Suara Warga`,
    text: [...lines, 'Buka Suara Warga untuk selengkapnya.'].join('\n'),
    link: '/',
  };
}
