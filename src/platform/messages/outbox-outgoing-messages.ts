import { randomUUID } from 'node:crypto';
import { open, FileHandle, readFile, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Clock, systemClock } from '../clock';
import {
  MessageDeliveryError,
  OutgoingMessage,
  OutgoingMessages,
  Recipient,
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
 * is on disk. File work runs one operation at a time, so an erasure's rewrite never races a batch.
 */
export class OutboxOutgoingMessages implements OutgoingMessages {
  private file?: Promise<FileHandle>;
  private pending: PendingLine[] = [];
  private flushQueued = false;
  private queue: Promise<void> = Promise.resolve();

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
      if (!this.flushQueued) {
        this.flushQueued = true;
        void this.exclusively(() => this.flush());
      }
    });
  }

  /**
   * Rewrites the file without the recipient's lines: a new file renamed over the old one (atomic), then the old
   * bytes overwritten with zeros (best effort: a copy-on-write file system or an SSD may keep them). Another
   * process appending to the same file meanwhile would write into the replaced file: one writer per outbox.
   */
  forget(recipient: Recipient): Promise<void> {
    const address = recipientAddress(recipient);
    return this.exclusively(() => this.rewriteWithout(address));
  }

  async close(): Promise<void> {
    await this.queue;
    await this.closeFile();
  }

  private exclusively(operation: () => Promise<void>): Promise<void> {
    const run = this.queue.then(operation);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Sends that arrive while a batch is written wait for the next one: one append and one fsync per batch. */
  private async flush(): Promise<void> {
    this.flushQueued = false;
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

  private async rewriteWithout(address: string): Promise<void> {
    const text = await readFile(this.path, 'utf8').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return '';
      throw error;
    });
    const lines = text.split('\n').filter((line) => line !== '');
    const kept = lines.filter((line) => !addressedTo(line, address));
    if (kept.length === lines.length) return;
    const replacement = `${this.path}.${randomUUID()}.tmp`;
    try {
      const file = await openOwnerOnly(replacement);
      try {
        await appendWhole(file, Buffer.from(kept.map((line) => `${line}\n`).join('')));
        await file.sync();
      } finally {
        await file.close();
      }
      await this.closeFile();
      const old = await open(this.path, 'r+');
      try {
        await rename(replacement, this.path);
        await syncDirectory(this.path);
        const { size } = await old.stat();
        await old.write(Buffer.alloc(size), 0, size, 0);
        await old.sync();
      } finally {
        await old.close();
      }
    } finally {
      await rm(replacement, { force: true });
    }
  }

  private openFile(): Promise<FileHandle> {
    this.file ??= openOwnerOnly(this.path);
    // A failed open is retried by the next batch instead of failing every later send.
    return this.file.catch((error) => {
      this.file = undefined;
      throw error;
    });
  }

  private async closeFile(): Promise<void> {
    const file = this.file;
    this.file = undefined;
    if (file) await (await file.catch(() => undefined))?.close();
  }
}

/** A line of this recipient; a line that no longer parses is judged by whether it holds the address at all. */
function addressedTo(line: string, address: string): boolean {
  try {
    return (JSON.parse(line) as OutboxRecord).to?.address === address;
  } catch {
    return line.includes(address);
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
  await syncDirectory(path);
  return file;
}

async function syncDirectory(path: string): Promise<void> {
  const directory = await open(dirname(path), 'r');
  try {
    await directory.sync();
  } finally {
    await directory.close();
  }
}
