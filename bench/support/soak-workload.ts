// The soak's traffic: commands that make the data set grow (submissions, verifications, assignments, answers,
// replies, endorsements) and the reads people make meanwhile (feed, a thread, a search, statistics, an inbox, their
// own list), each chosen in a fixed rotation so every run sends the same mix.
import { call, Json, registerAgencies, SUBMISSION, tokenFor } from './api';

const CITIZENS = 40;
const COMMANDS = ['submit', 'verify', 'assign', 'respond', 'endorse', 'submit', 'reply', 'endorse'] as const;
const READS = ['feed', 'detail', 'feed', 'search', 'detail', 'statistics', 'inbox', 'mine'] as const;

export interface Request {
  readonly kind: string;
  /** Sends it; resolves with the answer's JSON (commands carry their `position`). */
  send(): Promise<Json>;
}

interface Thread {
  readonly id: string;
  readonly citizen: number;
}

export class SoakWorkload {
  private commands = 0;
  private reads = 0;
  private readonly submitted: Thread[] = [];
  private readonly verified: Thread[] = [];
  private readonly inProgress: Thread[] = [];
  private readonly published: Thread[] = [];
  private readonly endorsed = new Set<string>();

  private constructor(
    private readonly url: string,
    private readonly tokens: { citizens: string[]; facilitator: string; official: string },
  ) {}

  static async start(url: string): Promise<SoakWorkload> {
    await registerAgencies(url);
    const citizens = await Promise.all(
      Array.from({ length: CITIZENS }, (_, i) => tokenFor(url, `warga-soak-${i}`, 'citizen')),
    );
    const facilitator = await tokenFor(url, 'fasil-soak', 'facilitator');
    const official = await tokenFor(url, 'pupr-soak', 'official:dinas-pupr');
    return new SoakWorkload(url, { citizens, facilitator, official });
  }

  private send(method: string, path: string, body: unknown, token?: string) {
    return () => call(`${this.url}${path}`, method, body, token);
  }

  private pick<T>(list: readonly T[]): T {
    return list[Math.floor(Math.random() * list.length)];
  }

  /** The next command of the rotation; a submission when the one due has nothing to act on yet. */
  nextCommand(): Request {
    const kind = COMMANDS[this.commands++ % COMMANDS.length];
    const { citizens, facilitator, official } = this.tokens;
    const path = (thread: Thread, action: string) => `/api/aspirations/${thread.id}/${action}`;
    if (kind === 'verify' && this.submitted.length) {
      const thread = this.submitted.shift()!;
      return this.after(kind, this.send('POST', path(thread, 'verify'), undefined, facilitator), () => {
        this.verified.push(thread);
        this.published.push(thread);
      });
    }
    if (kind === 'assign' && this.verified.length) {
      const thread = this.verified.shift()!;
      const assign = this.send('POST', path(thread, 'assign'), undefined, facilitator);
      return this.after(kind, assign, () => this.inProgress.push(thread));
    }
    if (kind === 'respond' && this.inProgress.length) {
      const thread = this.pick(this.inProgress);
      const body = { body: 'Tim kami akan meninjau lokasi minggu ini.' };
      return { kind, send: this.send('POST', path(thread, 'responses'), body, official) };
    }
    if (kind === 'reply' && this.inProgress.length) {
      const thread = this.pick(this.inProgress);
      const body = { body: 'Terima kasih, kami tunggu.' };
      return { kind, send: this.send('POST', path(thread, 'replies'), body, citizens[thread.citizen]) };
    }
    if (kind === 'endorse' && this.published.length) {
      const thread = this.pick(this.published);
      const citizen = (thread.citizen + 1 + Math.floor(Math.random() * (CITIZENS - 1))) % CITIZENS;
      const key = `${thread.id}:${citizen}`;
      if (!this.endorsed.has(key)) {
        this.endorsed.add(key);
        return { kind, send: this.send('POST', path(thread, 'endorsements'), undefined, citizens[citizen]) };
      }
    }
    const citizen = this.commands % CITIZENS;
    const submit = this.send('POST', '/api/aspirations', SUBMISSION, citizens[citizen]);
    return {
      kind: 'submit',
      send: async () => {
        const answer = await submit();
        this.submitted.push({ id: answer.id as string, citizen });
        return answer;
      },
    };
  }

  private after(kind: string, send: () => Promise<Json>, done: () => void): Request {
    return {
      kind,
      send: async () => {
        const answer = await send();
        done();
        return answer;
      },
    };
  }

  /** The next read of the rotation. */
  nextRead(): Request {
    const kind = READS[this.reads++ % READS.length];
    const { citizens, official } = this.tokens;
    const read = (path: string, token?: string) => ({ kind, send: this.send('GET', path, undefined, token) });
    if (kind === 'detail' && this.published.length)
      return read(`/api/aspirations/${this.pick(this.published).id}`);
    if (kind === 'search') return read('/api/aspirations?q=jalan&limit=20');
    if (kind === 'statistics') return read('/api/statistics');
    if (kind === 'inbox') return read('/api/agencies/dinas-pupr/inbox?limit=20', official);
    if (kind === 'mine') return read('/api/me/aspirations?limit=20', this.pick(citizens));
    return read('/api/aspirations?limit=20');
  }

  /** Threads submitted so far. */
  get threads(): number {
    return this.submitted.length + this.verified.length + this.inProgress.length;
  }
}
