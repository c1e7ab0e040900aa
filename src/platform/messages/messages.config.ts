import { join } from 'node:path';
import { Clock, systemClock } from '../clock';
import { OutboxOutgoingMessages } from './outbox-outgoing-messages';
import { OutgoingMessages } from './outgoing-messages.port';
import { RoutingOutgoingMessages } from './routing-outgoing-messages';
import { SmtpConfig, SmtpOutgoingMessages } from './smtp-outgoing-messages';
import { WebhookConfig, WebhookOutgoingMessages } from './webhook-outgoing-messages';

export interface MessagesConfig {
  readonly outboxFile: string;
  readonly smtp?: SmtpConfig;
  /** The SMS/WhatsApp gateway that takes phone messages. */
  readonly smsWebhook?: WebhookConfig & { readonly url: string };
  /** Signs messages to webhook recipients (checkpoint witnesses); its own secret, never the gateway's. */
  readonly webhookRecipients?: WebhookConfig;
  /** Recipients no configured channel serves go to the outbox. */
  readonly fallbackToOutbox: boolean;
}

const MIN_SECRET_LENGTH = 32;

/**
 * Reads the message channels from the environment. Nothing set: every message goes to the development
 * outbox. SMTP and the SMS webhook are each all-or-nothing: a half-configured channel stops the start-up.
 */
export function messagesConfigFromEnv(env: NodeJS.ProcessEnv, dataDir: string): MessagesConfig {
  const smtp = smtpFromEnv(env);
  const smsWebhook = smsWebhookFromEnv(env);
  const webhookRecipients = env.SUARA_WEBHOOK_SECRET
    ? { secret: secret(env.SUARA_WEBHOOK_SECRET, 'SUARA_WEBHOOK_SECRET'), timeoutMs: timeoutFromEnv(env) }
    : undefined;
  const nothingConfigured = !smtp && !smsWebhook && !webhookRecipients;
  const fallback = env.SUARA_MESSAGES_FALLBACK;
  if (fallback !== undefined && fallback !== 'outbox' && fallback !== 'none')
    throw new Error(`SUARA_MESSAGES_FALLBACK must be outbox or none, got "${fallback}"`);
  return {
    outboxFile: env.SUARA_OUTBOX_FILE ?? join(dataDir, 'outbox.ndjson'),
    ...(smtp && { smtp }),
    ...(smsWebhook && { smsWebhook }),
    ...(webhookRecipients && { webhookRecipients }),
    fallbackToOutbox: fallback === undefined ? nothingConfigured : fallback === 'outbox',
  };
}

export function createOutgoingMessages(config: MessagesConfig, clock: Clock = systemClock): OutgoingMessages {
  const outbox = () => new OutboxOutgoingMessages(config.outboxFile, clock);
  if (!config.smtp && !config.smsWebhook && !config.webhookRecipients) return outbox();
  return new RoutingOutgoingMessages({
    ...(config.smtp && { email: new SmtpOutgoingMessages(config.smtp) }),
    ...(config.smsWebhook && { phone: new WebhookOutgoingMessages(config.smsWebhook, clock) }),
    ...(config.webhookRecipients && {
      webhook: new WebhookOutgoingMessages(config.webhookRecipients, clock),
    }),
    ...(config.fallbackToOutbox && { fallback: outbox() }),
  });
}

function smtpFromEnv(env: NodeJS.ProcessEnv): SmtpConfig | undefined {
  const { SUARA_SMTP_URL: url, SUARA_SMTP_HOST: host, SUARA_SMTP_FROM: from } = env;
  if (!url && !host) return undefined;
  if (url && host) throw new Error('Set SUARA_SMTP_URL or SUARA_SMTP_HOST, not both');
  if (!from)
    throw new Error('SUARA_SMTP_FROM is required with SMTP, e.g. "Suara Warga <no-reply@example.go.id>"');
  const timeoutMs = timeoutFromEnv(env);
  if (url) {
    if (!/^smtps?:\/\//.test(url)) throw new Error('SUARA_SMTP_URL must start with smtp:// or smtps://');
    return { server: { url }, from, timeoutMs };
  }
  const port = Number(env.SUARA_SMTP_PORT ?? 587);
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    throw new Error(`SUARA_SMTP_PORT must be a TCP port, got "${env.SUARA_SMTP_PORT}"`);
  // Port 465 speaks TLS from the first byte; others upgrade with STARTTLS.
  const secure =
    env.SUARA_SMTP_SECURE === undefined ? port === 465 : flag(env.SUARA_SMTP_SECURE, 'SUARA_SMTP_SECURE');
  const { SUARA_SMTP_USER: user, SUARA_SMTP_PASSWORD: pass } = env;
  if (Boolean(user) !== Boolean(pass))
    throw new Error('SUARA_SMTP_USER and SUARA_SMTP_PASSWORD are set together or not at all');
  const auth = user && pass ? { auth: { user, pass } } : {};
  const requireTls =
    env.SUARA_SMTP_REQUIRE_TLS === undefined
      ? {}
      : { requireTls: flag(env.SUARA_SMTP_REQUIRE_TLS, 'SUARA_SMTP_REQUIRE_TLS') };
  return { server: { host: host as string, port, secure, ...auth, ...requireTls }, from, timeoutMs };
}

function smsWebhookFromEnv(env: NodeJS.ProcessEnv): MessagesConfig['smsWebhook'] {
  const { SUARA_SMS_WEBHOOK_URL: url, SUARA_SMS_WEBHOOK_SECRET: key } = env;
  if (!url && !key) return undefined;
  if (!url || !key) throw new Error('SUARA_SMS_WEBHOOK_URL and SUARA_SMS_WEBHOOK_SECRET are set together');
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error('SUARA_SMS_WEBHOOK_URL is not a URL');
  }
  // Codes travel in the body: plain HTTP only to this machine.
  const local = ['localhost', '127.0.0.1', '[::1]'].includes(parsed.hostname);
  if (parsed.protocol !== 'https:' && !(parsed.protocol === 'http:' && local))
    throw new Error('SUARA_SMS_WEBHOOK_URL must use https (plain http only for localhost)');
  return { url, secret: secret(key, 'SUARA_SMS_WEBHOOK_SECRET'), timeoutMs: timeoutFromEnv(env) };
}

function secret(value: string, name: string): string {
  if (value.length < MIN_SECRET_LENGTH)
    throw new Error(`${name} must be at least ${MIN_SECRET_LENGTH} characters`);
  return value;
}

function timeoutFromEnv(env: NodeJS.ProcessEnv): number | undefined {
  if (env.SUARA_MESSAGES_TIMEOUT_MS === undefined) return undefined;
  const timeoutMs = Number(env.SUARA_MESSAGES_TIMEOUT_MS);
  if (!Number.isInteger(timeoutMs) || timeoutMs <= 0)
    throw new Error(
      `SUARA_MESSAGES_TIMEOUT_MS must be a positive whole number, got "${env.SUARA_MESSAGES_TIMEOUT_MS}"`,
    );
  return timeoutMs;
}

function flag(value: string, name: string): boolean {
  if (value !== 'true' && value !== 'false') throw new Error(`${name} must be true or false, got "${value}"`);
  return value === 'true';
}
