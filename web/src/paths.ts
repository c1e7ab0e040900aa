/** Every page's URL, in Bahasa Indonesia like the pages. */
export const paths = {
  feed: '/',
  thread: (id: string) => `/aspirasi/${id}`,
  submit: '/kirim',
  mine: '/saya',
  register: '/daftar',
  confirm: '/konfirmasi',
  signIn: '/masuk',
  resetPassword: '/lupa-sandi',
  // Staff pages: facilitators, officials, auditors and admins, and the invitee's acceptance.
  queue: '/fasilitator/antrean',
  onBehalf: '/fasilitator/kirim',
  inbox: '/petugas/kotak-masuk',
  audit: '/audit',
  history: (id: string) => `/aspirasi/${id}/riwayat`,
  answerSheet: (id: string) => `/aspirasi/${id}/lembar-jawaban`,
  invite: '/admin/undangan',
  roles: '/admin/peran',
  agencies: '/admin/instansi',
  acceptInvitation: '/terima-undangan',
  statistics: '/statistik',
  account: '/akun',
  notifications: '/notifikasi',
  notificationSettings: '/notifikasi/pengaturan',
  groups: '/kelompok',
  group: (id: string) => `/kelompok/${id}`,
  announcements: '/pengumuman',
  announcement: (id: string) => `/pengumuman/${id}`,
  publishAnnouncement: '/pengumuman/baru',
} as const;

/** Where to send someone after signing in: a page of ours, never another site. */
export function nextPath(query: Record<string, string>, fallback: string): string {
  const next = query.lanjut;
  return next && next.startsWith('/') && !next.startsWith('//') ? next : fallback;
}
