import { ChildProcess, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { SigningKey } from '../../src/platform/auth/oidc/testing/signing-key';

/** The audience of this API at the test issuer, and another API's. */
export const AUDIENCE = 'https://api.suara-warga.test';
export const OTHER_API = 'https://api.another-service.test';

const CLIENT = { clientId: 'suara-web', clientSecret: randomBytes(32).toString('base64url') };
// The code comes back in the Location header; nothing needs to listen there.
const REDIRECT_URI = 'http://127.0.0.1:9/callback';

export interface IssuerSettings {
  /** Published keys, the first one signing; all of one algorithm. */
  readonly keys: readonly SigningKey[];
  /** sub → the extra claims of that person's access tokens, e.g. {groups: [...]}. */
  readonly people: Readonly<Record<string, object>>;
}

/**
 * oidc-provider (test/support/oidc-issuer.process.mjs) in a real separate process on 127.0.0.1. Tokens come from
 * its real authorization code flow: the development login form, then the token endpoint.
 */
export class OidcIssuer {
  private constructor(
    private child: ChildProcess,
    readonly url: string,
    private settings: IssuerSettings,
  ) {}

  static async start(settings: IssuerSettings, port = 0): Promise<OidcIssuer> {
    const { child, url } = await launch(settings, port);
    return new OidcIssuer(child, url, settings);
  }

  /** An access token for `resource`, as the person signing in as `sub` gets it. */
  async accessToken(sub: string, resource = AUDIENCE): Promise<string> {
    const browser = new Browser(this.url);
    const verifier = randomBytes(32).toString('base64url');
    const authorize = new URL('/auth', this.url);
    authorize.search = new URLSearchParams({
      client_id: CLIENT.clientId,
      response_type: 'code',
      scope: 'openid',
      redirect_uri: REDIRECT_URI,
      code_challenge: createHash('sha256').update(verifier).digest('base64url'),
      code_challenge_method: 'S256',
      resource,
    }).toString();
    const loginPage = await browser.follow(authorize.href);
    const form = /action="([^"]+)"/.exec(await loginPage.text())?.[1];
    if (!form) throw new Error(`No login form at ${loginPage.url}`);
    const signedIn = await browser.submit(form, { prompt: 'login', login: sub, password: 'any' });
    const code = new URL(signedIn).searchParams.get('code');
    if (!code) throw new Error(`No code in ${signedIn}`);
    return this.exchange(code, verifier, resource);
  }

  /** Stops the issuer: nothing listens at its address any more. */
  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.kill('SIGKILL');
    await exited;
  }

  /** The same issuer at the same address, now publishing (and signing with) other keys. */
  async restart(keys: readonly SigningKey[]): Promise<void> {
    await this.stop();
    this.settings = { ...this.settings, keys };
    this.child = (await launch(this.settings, Number(new URL(this.url).port))).child;
  }

  private async exchange(code: string, verifier: string, resource: string): Promise<string> {
    const basic = Buffer.from(`${CLIENT.clientId}:${CLIENT.clientSecret}`).toString('base64');
    const response = await fetch(new URL('/token', this.url), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${basic}` },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code,
        redirect_uri: REDIRECT_URI,
        code_verifier: verifier,
        resource,
      }),
    });
    const body = (await response.json()) as { access_token?: string };
    if (!body.access_token) throw new Error(`No access token: ${JSON.stringify(body)}`);
    return body.access_token;
  }
}

async function launch(settings: IssuerSettings, port: number): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [join(__dirname, 'oidc-issuer.process.mjs')], {
    env: {
      ...process.env,
      OIDC_ISSUER_SETTINGS: JSON.stringify({
        port,
        keys: settings.keys.map((key) => key.privateJwk),
        alg: settings.keys[0].alg,
        people: settings.people,
        resources: [AUDIENCE, OTHER_API],
        redirectUri: REDIRECT_URI,
        ...CLIENT,
      }),
    },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.once('data', (line: Buffer) => resolve(JSON.parse(line.toString()).issuer));
    child.once('exit', (code) =>
      reject(new Error(`The issuer exited (${code}) before listening:\n${stderr}`)),
    );
  });
  return { child, url };
}

/** Just enough of a browser for the login: cookies, and redirects followed by hand within the issuer. */
class Browser {
  private readonly cookies = new Map<string, string>();

  constructor(private readonly origin: string) {}

  /** Follows redirects to the first page that answers 200. */
  async follow(url: string): Promise<Response> {
    let response = await this.request(url);
    for (let hops = 0; response.status === 303 || response.status === 302; hops++) {
      if (hops > 5) throw new Error('Too many redirects');
      response = await this.request(new URL(response.headers.get('location')!, this.origin).href);
    }
    return response;
  }

  /** Posts the form and follows the issuer's redirects until one leaves it: the client's callback. */
  async submit(action: string, fields: Record<string, string>): Promise<string> {
    let response = await this.request(new URL(action, this.origin).href, new URLSearchParams(fields));
    for (let hops = 0; hops <= 5; hops++) {
      const location = new URL(response.headers.get('location') ?? '', this.origin);
      if (location.origin !== this.origin) return location.href;
      response = await this.request(location.href);
    }
    throw new Error('The sign-in never returned to the client');
  }

  private async request(url: string, form?: URLSearchParams): Promise<Response> {
    const response = await fetch(url, {
      method: form ? 'POST' : 'GET',
      redirect: 'manual',
      headers: {
        cookie: [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; '),
        ...(form && { 'content-type': 'application/x-www-form-urlencoded' }),
      },
      body: form,
    });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const at = pair.indexOf('=');
      this.cookies.set(pair.slice(0, at), pair.slice(at + 1));
    }
    return response;
  }
}
