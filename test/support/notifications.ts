import { join } from 'node:path';
import { AppConfig } from '../../src/app-config';
import { Clock, systemClock } from '../../src/platform/clock';
import { PushTestService } from '../../src/platform/messages/testing/push-test-service';
import { SmtpTestServer } from '../../src/platform/messages/testing/smtp-test-server';
import { ApiClient } from './api-client';
import { signIn, SignedIn } from './accounts';
import { freshDataDir, startTestApp, TestApp } from './test-app';
import { testConfig } from './test-config';
import { waitFor } from './wait-for';

export const PASSWORD = 'rumah di tepi sungai katingan';

/** The embedded configuration with e-mail through a real local SMTP server and Web Push to a local push service. */
export function notifyingConfig(
  dataDir: string,
  smtp: SmtpTestServer,
  push?: PushTestService,
  notifications: AppConfig['notifications'] = {},
): AppConfig {
  return {
    ...testConfig(dataDir),
    messages: {
      outboxFile: join(dataDir, 'outbox.ndjson'),
      smtp: {
        server: { host: '127.0.0.1', port: smtp.port, secure: false },
        from: 'Suara Warga <no-reply@suara.test>',
      },
      fallbackToOutbox: true,
    },
    notifications: {
      pollMs: 20,
      pushHosts: ['127.0.0.1'],
      ...(push && { pushCa: push.ca }),
      ...notifications,
    },
  };
}

export async function startNotifyingApp(
  smtp: SmtpTestServer,
  options: {
    push?: PushTestService;
    clock?: Clock;
    notifications?: AppConfig['notifications'];
    dataDir?: string;
  } = {},
): Promise<TestApp> {
  const dataDir = options.dataDir ?? freshDataDir();
  const config = notifyingConfig(dataDir, smtp, options.push, options.notifications);
  return startTestApp(dataDir, options.clock ?? systemClock, config);
}

/** The six-digit code in the last mail to an address: what the person reads in their inbox. */
export async function codeMailedTo(smtp: SmtpTestServer, address: string): Promise<string> {
  const withCode = () =>
    smtp.delivered.filter((m) => m.envelopeTo.includes(address) && /\b\d{6}\b/.test(m.text));
  await waitFor(() => withCode().length > 0, `a code mailed to ${address}`);
  return /\b(\d{6})\b/.exec(withCode().at(-1)!.text)![1];
}

/** A citizen who registered with an e-mail address, confirmed it with the mailed code and signed in. */
export async function citizenWithEmail(
  api: ApiClient,
  smtp: SmtpTestServer,
  email: string,
): Promise<SignedIn> {
  const registered = await api.send('POST', '/api/accounts', {
    body: { email, displayName: 'Siti Rahma', password: PASSWORD },
  });
  if (registered.status !== 202) throw new Error(`Registration failed: ${JSON.stringify(registered.body)}`);
  const code = await codeMailedTo(smtp, email);
  const confirmed = await api.send('POST', '/api/accounts/confirmations', { body: { login: email, code } });
  if (confirmed.status !== 200) throw new Error(`Confirmation failed: ${JSON.stringify(confirmed.body)}`);
  return signIn(api, email, PASSWORD);
}

/** The mail that carried one notification message: its X-Suara-Message-Id names the message. */
export const mailsWithSubject = (smtp: SmtpTestServer, address: string, subject: string) =>
  smtp.delivered.filter((m) => m.envelopeTo.includes(address) && m.subject === subject);
