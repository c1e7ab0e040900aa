import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createOutgoingMessages, messagesConfigFromEnv } from './messages.config';
import { OutboxOutgoingMessages } from './outbox-outgoing-messages';
import { RoutingOutgoingMessages } from './routing-outgoing-messages';

const DATA = '/var/lib/suara';
const SECRET = 'x'.repeat(32);

describe('messages configuration from the environment', () => {
  it('sends everything to the development outbox when nothing is configured', async () => {
    const config = messagesConfigFromEnv({}, DATA);
    expect(config).toEqual({ outboxFile: '/var/lib/suara/outbox.ndjson', fallbackToOutbox: true });
    const dataDir = mkdtempSync(join(tmpdir(), 'suara-messages-'));
    const messages = createOutgoingMessages(messagesConfigFromEnv({}, dataDir));
    expect(messages).toBeInstanceOf(OutboxOutgoingMessages);
    await messages.send({
      id: 'm-1',
      kind: 'one_time_code',
      to: { kind: 'phone', number: '+6281234567890' },
      subject: 'Kode',
      text: '123456',
    });
    await messages.close();
    expect(readFileSync(join(dataDir, 'outbox.ndjson'), 'utf8')).toContain('"id":"m-1"');
  });

  it('reads SMTP from its parts, TLS from the first byte on port 465', () => {
    const env = {
      SUARA_SMTP_HOST: 'smtp.katingankab.go.id',
      SUARA_SMTP_PORT: '465',
      SUARA_SMTP_USER: 'suara',
      SUARA_SMTP_PASSWORD: 'rahasia',
      SUARA_SMTP_FROM: 'Suara Warga <no-reply@katingankab.go.id>',
    };
    expect(messagesConfigFromEnv(env, DATA).smtp).toEqual({
      server: {
        host: 'smtp.katingankab.go.id',
        port: 465,
        secure: true,
        auth: { user: 'suara', pass: 'rahasia' },
      },
      from: 'Suara Warga <no-reply@katingankab.go.id>',
      timeoutMs: undefined,
    });
  });

  it('routes by recipient without a fallback once a real channel is configured', () => {
    const env = {
      SUARA_SMTP_URL: 'smtp://suara:rahasia@localhost:2525',
      SUARA_SMTP_FROM: 'no-reply@suara.test',
      SUARA_SMS_WEBHOOK_URL: 'https://gateway.example/sms',
      SUARA_SMS_WEBHOOK_SECRET: SECRET,
    };
    const config = messagesConfigFromEnv(env, DATA);
    expect(config.fallbackToOutbox).toBe(false);
    expect(config.smsWebhook).toEqual({
      url: 'https://gateway.example/sms',
      secret: SECRET,
      timeoutMs: undefined,
    });
    expect(createOutgoingMessages(config)).toBeInstanceOf(RoutingOutgoingMessages);
    expect(messagesConfigFromEnv({ ...env, SUARA_MESSAGES_FALLBACK: 'outbox' }, DATA).fallbackToOutbox).toBe(
      true,
    );
  });

  it.each([
    ['SMTP without a sender', { SUARA_SMTP_HOST: 'smtp.example' }, /SUARA_SMTP_FROM is required/],
    [
      'both SMTP forms',
      { SUARA_SMTP_HOST: 'a', SUARA_SMTP_URL: 'smtp://b', SUARA_SMTP_FROM: 'c' },
      /not both/,
    ],
    [
      'a user without a password',
      { SUARA_SMTP_HOST: 'a', SUARA_SMTP_FROM: 'c', SUARA_SMTP_USER: 'u' },
      /together/,
    ],
    ['a bad SMTP port', { SUARA_SMTP_HOST: 'a', SUARA_SMTP_FROM: 'c', SUARA_SMTP_PORT: '70000' }, /TCP port/],
    ['a webhook URL without its secret', { SUARA_SMS_WEBHOOK_URL: 'https://g.example' }, /set together/],
    [
      'a short webhook secret',
      { SUARA_SMS_WEBHOOK_URL: 'https://g.example', SUARA_SMS_WEBHOOK_SECRET: 'short' },
      /32/,
    ],
    [
      'a plain-http remote gateway',
      { SUARA_SMS_WEBHOOK_URL: 'http://g.example', SUARA_SMS_WEBHOOK_SECRET: SECRET },
      /must use https/,
    ],
    [
      'a yes for a flag',
      { SUARA_SMTP_HOST: 'a', SUARA_SMTP_FROM: 'c', SUARA_SMTP_REQUIRE_TLS: 'yes' },
      /true or false/,
    ],
    ['an unknown fallback', { SUARA_MESSAGES_FALLBACK: 'smtp' }, /outbox or none/],
    [
      'a zero timeout',
      { SUARA_MESSAGES_TIMEOUT_MS: '0', SUARA_WEBHOOK_SECRET: SECRET },
      /positive whole number/,
    ],
  ])('refuses %s', (_case, env, error) => expect(() => messagesConfigFromEnv(env, DATA)).toThrow(error));

  it('accepts plain http for a gateway on this machine', () =>
    expect(
      messagesConfigFromEnv(
        { SUARA_SMS_WEBHOOK_URL: 'http://localhost:8080/sms', SUARA_SMS_WEBHOOK_SECRET: SECRET },
        DATA,
      ).smsWebhook?.url,
    ).toBe('http://localhost:8080/sms'));
});
