import { Provider } from '@nestjs/common';
import { AppConfig } from '../app-config';
import { CLOCK, Clock } from '../platform/clock';
import { createOutgoingMessages, messagesConfigFromEnv } from '../platform/messages/messages.config';
import { OUTGOING_MESSAGES } from '../platform/messages/outgoing-messages.port';
import { Argon2PasswordHasher } from '../platform/passwords/argon2-password-hasher';
import { PASSWORD_HASHER } from '../platform/passwords/password-hasher.port';
import { FAILURE_DELAY_DEFAULTS, FailureDelays } from '../platform/throttling/failure-delay';
import { loadBase64Secret } from '../platform/secret-file';
import { LOGIN_KEY_BYTES } from './domain/account.streams';
import { LOGIN_KEY } from './login-key';
import { SignInAudit } from './security-audit/sign-in-audit';

// Kept in its own file so that providers listed here can inject it without a circular import.
export { LOGIN_KEY } from './login-key';

/** The ports accounts need, built from the configuration. */
export const accountsProviders = (config: AppConfig): Provider[] => [
  {
    provide: OUTGOING_MESSAGES,
    inject: [CLOCK],
    // No environment read here: an unset channel config means the outbox in this app's data folder.
    useFactory: (clock: Clock) =>
      createOutgoingMessages(config.messages ?? messagesConfigFromEnv({}, config.dataDir), clock),
  },
  { provide: PASSWORD_HASHER, useValue: new Argon2PasswordHasher(config.passwordCost) },
  // Per instance, like the rate limits: growing waits after failed sign-ins, never a lockout; bursts are audited.
  SignInAudit,
  {
    provide: FailureDelays,
    inject: [CLOCK, SignInAudit],
    useFactory: (clock: Clock, audit: SignInAudit) =>
      new FailureDelays(
        () => clock.now(),
        FAILURE_DELAY_DEFAULTS,
        (burst) => audit.report(burst),
      ),
  },
  { provide: LOGIN_KEY, useFactory: () => loginKeyOf(config) },
];

/** The key naming login reservation streams: the app and `npm run admin:create` must use the same one. */
export const loginKeyOf = (config: AppConfig): Buffer =>
  loadBase64Secret({
    fromEnv: config.loginKey,
    envName: 'SUARA_LOGIN_KEY',
    dataDir: config.dataDir,
    fileName: 'login-key',
    minBytes: LOGIN_KEY_BYTES,
  });
