import lazy, { ErrorBoundary } from 'preact-iso/lazy';
import { LocationProvider, Route, Router } from 'preact-iso/router';
import { useLanguage } from './i18n/i18n';
import { Layout } from './ui/layout';

// Each page is its own chunk: a phone downloads the page it opens and little else.
const Feed = lazy(() => import('./pages/feed/feed-page'));
const Thread = lazy(() => import('./pages/thread/thread-page'));
const Submit = lazy(() => import('./pages/submit/submit-page'));
const Mine = lazy(() => import('./pages/mine/mine-page'));
const Register = lazy(() => import('./pages/register/register-page'));
const Confirm = lazy(() => import('./pages/confirm/confirm-page'));
const SignIn = lazy(() => import('./pages/sign-in/sign-in-page'));
const ResetPassword = lazy(() => import('./pages/reset-password/reset-password-page'));
const Statistics = lazy(() => import('./pages/statistics/statistics-page'));
const Account = lazy(() => import('./pages/account/account-page'));
const Notifications = lazy(() => import('./pages/notifications/notifications-page'));
const NotificationSettings = lazy(() => import('./pages/notification-settings/notification-settings-page'));
const Groups = lazy(() => import('./pages/groups/groups-page'));
const Group = lazy(() => import('./pages/groups/group-page'));
const Announcements = lazy(() => import('./pages/announcements/announcements-page'));
const Announcement = lazy(() => import('./pages/announcements/announcement-page'));
const PublishAnnouncement = lazy(() => import('./pages/announcements/publish-page'));
const NotFound = lazy(() => import('./pages/not-found/not-found-page'));
// Staff pages: facilitators, officials, auditors, admins, and the invitee's acceptance.
const Queue = lazy(() => import('./pages/queue/queue-page'));
const OnBehalf = lazy(() => import('./pages/on-behalf/on-behalf-page'));
const Inbox = lazy(() => import('./pages/inbox/inbox-page'));
const Audit = lazy(() => import('./pages/audit/audit-page'));
const History = lazy(() => import('./pages/history/history-page'));
const AnswerSheet = lazy(() => import('./pages/answer-sheet/answer-sheet-page'));
const Invite = lazy(() => import('./pages/admin/invite-page'));
const Roles = lazy(() => import('./pages/admin/roles-page'));
const Agencies = lazy(() => import('./pages/admin/agencies-page'));
const AcceptInvitation = lazy(() => import('./pages/accept-invitation/accept-invitation-page'));

export function App() {
  // Every text is read through t(); the router keeps its page rendered, so a new language mounts the page afresh.
  const language = useLanguage();
  return (
    <LocationProvider>
      <Layout>
        <ErrorBoundary key={language}>
          <Router>
            <Route path="/" component={Feed} />
            <Route path="/aspirasi/:id" component={Thread} />
            <Route path="/kirim" component={Submit} />
            <Route path="/saya" component={Mine} />
            <Route path="/daftar" component={Register} />
            <Route path="/konfirmasi" component={Confirm} />
            <Route path="/masuk" component={SignIn} />
            <Route path="/lupa-sandi" component={ResetPassword} />
            <Route path="/fasilitator/antrean" component={Queue} />
            <Route path="/fasilitator/kirim" component={OnBehalf} />
            <Route path="/petugas/kotak-masuk" component={Inbox} />
            <Route path="/audit" component={Audit} />
            <Route path="/aspirasi/:id/riwayat" component={History} />
            <Route path="/aspirasi/:id/lembar-jawaban" component={AnswerSheet} />
            <Route path="/admin/undangan" component={Invite} />
            <Route path="/admin/peran" component={Roles} />
            <Route path="/admin/instansi" component={Agencies} />
            <Route path="/terima-undangan" component={AcceptInvitation} />
            <Route path="/statistik" component={Statistics} />
            <Route path="/akun" component={Account} />
            <Route path="/notifikasi" component={Notifications} />
            <Route path="/notifikasi/pengaturan" component={NotificationSettings} />
            <Route path="/kelompok" component={Groups} />
            <Route path="/kelompok/:id" component={Group} />
            <Route path="/pengumuman" component={Announcements} />
            <Route path="/pengumuman/baru" component={PublishAnnouncement} />
            <Route path="/pengumuman/:id" component={Announcement} />
            <Route default component={NotFound} />
          </Router>
        </ErrorBoundary>
      </Layout>
    </LocationProvider>
  );
}
