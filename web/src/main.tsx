import { render } from 'preact';
import { App } from './app';
import { restoreLanguage } from './i18n/i18n';
import { startOffline } from './offline/start-offline';
import { session } from './session/session';
import './styles.css';

// A session from an earlier visit is renewed while the first page loads; pages wait for it where they need it.
void session.restore();
// What an earlier visit could not send goes now (or when the network returns); the shell is kept for offline.
startOffline();
// The language chosen before is in place for the first render, so nothing switches under the reader's eyes.
void restoreLanguage().finally(() => render(<App />, document.getElementById('app')!));
