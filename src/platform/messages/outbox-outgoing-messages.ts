import { open, FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Clock, systemClock } from '../clock';
import {
  MessageDeliveryError,
  OutgoingMessage,
  OutgoingMessages,
  recipientAddress,
} from './outgoing-messages.port';

/** One line of the development outbox: what a developer (or the README walkthrough) reads. */
export interface OutboxRecord {
  readonly id: string;
  readonly kind: OutgoingMessage['kind'];
  readonly to: { readonly kind: OutgoingMessage['to']['kind']; readonly address: string };
  readonly subject: string;
  readonly text: string;
  readonly queuedAt: string;
}

interface PendingLine {
  readonly messageId: string;
  readonly line: string;
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

/**
 * The development default: every message becomes one JSON line of `DATA_DIR/outbox.ndjson`. Codes in it
 * sign people in, so the file is the owner's alone (0600). Concurrent sends are written by one writer in
 * batches, each batch one append and one fsync (group commit): lines never interleave and a resolved send
 * is on disk.
 */
export class OutboxOutgoingMessages implements OutgoingMessages {
  private file?: Promise<FileHandle>;
  private pending: PendingLine[] = [];
  private writing?: Promise<void>;

  constructor(
    readonly path: string,
    private readonly clock: Clock = systemClock,
  ) {}

  send(message: OutgoingMessage): Promise<void> {
    const record: OutboxRecord = {
      id: message.id,
      kind: message.kind,
      to: { kind: message.to.kind, address: recipientAddress(message.to) },
      subject: message.subject,
      text: message.text,
      queuedAt: this.clock.now().toISOString(),
    };
    // JSON escapes every line break inside strings, so one record is exactly one line.
    const line = `${JSON.stringify(record)}\n`;
    return new Promise((resolve, reject) => {
      this.pending.push({ messageId: message.id, line, resolve, reject });
      this.writing ??= this.writeAll();
    });
  }

  async close(): Promise<void> {
    await this.writing;
    const file = this.file;
    this.file = undefined;
    if (file) await (await file).close();
  }

  private async writeAll(): Promise<void> {
    while (this.pending.length > 0) {
      const batch = this.pending;
      this.pending = [];
      try {
        const file = await this.openFile();
        await appendWhole(file, Buffer.from(batch.map((pending) => pending.line).join('')));
        await file.sync();
        batch.forEach((pending) => pending.resolve());
      } catch (error) {
        batch.forEach((pending) =>
          pending.reject(
            new MessageDeliveryError('outbox', pending.messageId, `cannot write ${this.path}`, {
              cause: error,
            }),
          ),
        );
      }
    }
    this.writing = undefined;
  }

  private openFile(): Promise<FileHandle> {
    this.file ??= openOwnerOnly(this.path);
    // A failed open is retried by the next batch instead of failing every later send.
    return this.file.catch((error) => {
      this.file = undefined;
      throw error;
    });
  }
}

/**
 * One write call per batch: on a local file system an O_APPEND write is placed whole, so another writer
 * (a second instance, another process) cannot land inside it. FileHandle.appendFile would split it in
 * 512 KiB chunks. A short write (disk full, signal) is finished by further calls.
 */
async function appendWhole(file: FileHandle, bytes: Buffer): Promise<void> {
  let offset = 0;
  while (offset < bytes.length) {
    const { bytesWritten } = await file.write(bytes, offset);
    offset += bytesWritten;
  }
}

async function openOwnerOnly(path: string): Promise<FileHandle> {
  const file = await open(path, 'a', 0o600);
  // The mode applies only to a new file: an older, wider file is narrowed too.
  await file.chmod(0o600);
  // The new file's directory entry must survive a crash as well as its content.
  const directory = await open(dirname(path), 'r');
  try {
    await directory.sync();
  } finally {
    await directory.close();
  }
  return file;
}
