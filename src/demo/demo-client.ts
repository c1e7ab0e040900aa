import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** An answer of the platform's HTTP API: its status and parsed JSON body. */
export interface Answer {
  readonly status: number;
  readonly body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** A person the demo signs in as: their login, the account id and a fresh access token. */
export interface Person {
  readonly login: string;
  readonly name: string;
  readonly accountId: string;
  readonly token: string;
}

/**
 * The demo's way in: the platform's public HTTP API, as the web app uses it. Codes are read from the development
 * outbox, as a person reads them from their SMS; every command carries its own Idempotency-Key.
 */
export class DemoClient {
  constructor(
    private readonly baseUrl: string,
    private readonly dataDir: string,
  ) {}

  async send(method: string, path: string, body?: unknown, token?: string): Promise<Answer> {
    const headers: Record<string, string> = {};
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (token !== undefined) headers.authorization = `Bearer ${token}`;
    if (method !== 'GET') headers['idempotency-key'] = randomUUID();
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  }

  /** A command or read that must succeed; anything else stops the seed with the problem it got. */
  async must(method: string, path: string, body?: unknown, token?: string): Promise<Answer['body']> {
    const answer = await this.send(method, path, body, token);
    if (answer.status >= 300)
      throw new Error(`${method} ${path} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    return answer.body;
  }

  async signIn(login: string, password: string, name: string): Promise<Person> {
    const session = await this.must('POST', '/api/sessions', { login, password });
    const claims = JSON.parse(Buffer.from(session.accessToken.split('.')[1], 'base64url').toString());
    return { login, name, accountId: claims.sub, token: session.accessToken };
  }

  /** Registers, confirms with the code the outbox holds, and signs in, as a villager does on their phone. */
  async register(
    login: { phone: string } | { email: string },
    name: string,
    password: string,
  ): Promise<Person> {
    const address = 'phone' in login ? login.phone : login.email;
    await this.must('POST', '/api/accounts', { ...login, displayName: name, password });
    const code = await this.codeFor(address);
    await this.must('POST', '/api/accounts/confirmations', { login: address, code });
    return this.signIn(address, password, name);
  }

  /** The newest one-time code for an address (phone numbers are addressed in E.164: the last digits match). */
  private async codeFor(address: string): Promise<string> {
    const digits = address.replace(/\D/g, '').replace(/^0/, '');
    for (let attempt = 0; attempt < 100; attempt++) {
      const codes = this.outbox()
        .filter((line) => line.kind === 'one_time_code')
        .filter((line) => line.to.address === address || line.to.address.replace(/\D/g, '').endsWith(digits))
        .map((line) => /\b(\d{6})\b/.exec(line.text)?.[1])
        .filter((code): code is string => code !== undefined);
      if (codes.length > 0) return codes.at(-1)!;
      await sleep(100);
    }
    throw new Error(`No code for ${address} in the development outbox`);
  }

  private outbox(): Array<{ kind: string; to: { address: string }; text: string }> {
    const file = join(this.dataDir, 'outbox.ndjson');
    if (!existsSync(file)) return [];
    return readFileSync(file, 'utf8')
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => JSON.parse(line));
  }
}
