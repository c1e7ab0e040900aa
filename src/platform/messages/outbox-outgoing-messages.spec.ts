import { randomUUID } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OutboxOutgoingMessages, OutboxRecord } from './outbox-outgoing-messages';
import { MessageDeliveryError, OutgoingMessage } from './outgoing-messages.port';
import { outgoingMessagesContract } from './testing/outgoing-messages.contract';

const freshFile = () => join(mkdtempSync(join(tmpdir(), 'suara-outbox-')), 'outbox.ndjson');
const readOutbox = (file: string): OutboxRecord[] =>
  existsSync(file)
    ? readFileSync(file, 'utf8')
        .split('\n')
        .filter((line) => line !== '')
        .map((line) => JSON.parse(line) as OutboxRecord)
    : [];

outgoingMessagesContract('development outbox', async () => {
  const file = freshFile();
  const messages = new OutboxOutgoingMessages(file);
  return {
    messages,
    recipient: () => ({
      kind: 'phone',
      number: `+62812${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`,
    }),
    received: async () =>
      readOutbox(file).map(({ id, to, subject, text }) => ({ id, to: to.address, subject, text })),
    close: () => messages.close(),
  };
});

const NOW = new Date('2026-03-10T02:00:00.000Z');
const message = (text = 'Kode Suara Warga Anda: 123456'): OutgoingMessage => ({
  id: randomUUID(),
  kind: 'one_time_code',
  to: { kind: 'email', address: 'siti@suara.test' },
  subject: 'Kode',
  text,
});

describe('development outbox', () => {
  it('writes one JSON line per message, readable by the README walkthrough', async () => {
    const file = freshFile();
    const outbox = new OutboxOutgoingMessages(file, { now: () => NOW });
    const sent = message();
    await outbox.send(sent);
    await outbox.close();
    expect(readFileSync(file, 'utf8')).toBe(
      `${JSON.stringify({
        id: sent.id,
        kind: 'one_time_code',
        to: { kind: 'email', address: 'siti@suara.test' },
        subject: 'Kode',
        text: 'Kode Suara Warga Anda: 123456',
        queuedAt: NOW.toISOString(),
      })}\n`,
    );
  });

  it('keeps the file to its owner, narrowing an older file', async () => {
    const file = freshFile();
    writeFileSync(file, '', { mode: 0o644 });
    chmodSync(file, 0o644);
    const outbox = new OutboxOutgoingMessages(file);
    await outbox.send(message());
    await outbox.close();
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('never interleaves lines when two writers append to one file at once', async () => {
    const file = freshFile();
    const writers = [new OutboxOutgoingMessages(file), new OutboxOutgoingMessages(file)];
    const long = 'ą'.repeat(20_000);
    const sent = writers.flatMap((writer) => Array.from({ length: 25 }, () => writer.send(message(long))));
    await Promise.all(sent);
    await Promise.all(writers.map((writer) => writer.close()));
    const records = readOutbox(file);
    expect(records).toHaveLength(50);
    expect(records.every((record) => record.text === long)).toBe(true);
  });

  it('appends after what an earlier run left', async () => {
    const file = freshFile();
    const first = new OutboxOutgoingMessages(file);
    await first.send(message('satu'));
    await first.close();
    const second = new OutboxOutgoingMessages(file);
    await second.send(message('dua'));
    await second.close();
    expect(readOutbox(file).map((record) => record.text)).toEqual(['satu', 'dua']);
  });

  it('rejects the send when the file cannot be written', async () => {
    const outbox = new OutboxOutgoingMessages(join(freshFile(), 'no-such-folder', 'outbox.ndjson'));
    await expect(outbox.send(message())).rejects.toThrow(MessageDeliveryError);
    await outbox.close();
  });

  it('forgets a recipient: their lines leave the file, the others and later sends stay', async () => {
    const file = freshFile();
    const outbox = new OutboxOutgoingMessages(file);
    const siti = { kind: 'phone', number: '+6281234567890' } as const;
    await outbox.send({ ...message('untuk siti'), to: siti });
    await outbox.send(message('untuk yang lain'));
    await outbox.send({ ...message('lagi untuk siti'), to: siti });
    await outbox.forget(siti);
    await outbox.send(message('sesudahnya'));
    await outbox.close();
    expect(readOutbox(file).map((record) => record.text)).toEqual(['untuk yang lain', 'sesudahnya']);
    expect(readFileSync(file).includes('+6281234567890')).toBe(false);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('forgets while sends are under way without losing or tearing any line', async () => {
    const file = freshFile();
    const outbox = new OutboxOutgoingMessages(file);
    const gone = { kind: 'email', address: 'pergi@suara.test' } as const;
    const sends = Array.from({ length: 20 }, (_, i) =>
      outbox.send(i % 2 === 0 ? { ...message(`pergi ${i}`), to: gone } : message(`tetap ${i}`)),
    );
    await Promise.all([...sends.slice(0, 10), outbox.forget(gone), ...sends.slice(10)]);
    await outbox.forget(gone);
    await outbox.close();
    expect(readOutbox(file).map((record) => record.text)).toEqual(
      Array.from({ length: 10 }, (_, i) => `tetap ${2 * i + 1}`),
    );
  });

  it('forgets a recipient of an outbox that was never written', async () => {
    const file = freshFile();
    const outbox = new OutboxOutgoingMessages(file);
    await outbox.forget({ kind: 'email', address: 'siti@suara.test' });
    await outbox.close();
    expect(existsSync(file)).toBe(false);
  });
});
