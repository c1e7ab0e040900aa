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
const NotFound = lazy(() => import('./pages/not-found/not-found-page'));

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
            <Route path="/statistik" component={Statistics} />
            <Route path="/akun" component={Account} />
            <Route default component={NotFound} />
          </Router>
        </ErrorBoundary>
      </Layout>
    </LocationProvider>
  );
}
