import { useEffect, useState } from 'preact/hooks';

/** Who is signed in, read from the access token the API issued (sub = account id, role). */
export interface Signed {
  readonly status: 'signed_in';
  readonly actorId: string;
  readonly role: string;
  /** A facilitator's region (the token's `region` claim); absent for everyone else and platform-wide facilitators. */
  readonly regionCode?: string;
}
export type SessionState = Signed | { readonly status: 'anonymous' } | { readonly status: 'restoring' };

export interface TokenPair {
  readonly accessToken: string;
  readonly refreshToken: string;
  readonly expiresIn: number;
}

/** Only the refresh token outlives the page; the access token stays in memory. */
const REFRESH_KEY = 'suara.refreshToken';
/** Renew this long before the access token expires, so a slow connection still arrives in time. */
const RENEW_EARLY_MS = 60_000;

const storage = {
  get: () => {
    try {
      return localStorage.getItem(REFRESH_KEY);
    } catch {
      return null;
    }
  },
  set: (token: string | null) => {
    try {
      if (token === null) localStorage.removeItem(REFRESH_KEY);
      else localStorage.setItem(REFRESH_KEY, token);
    } catch {
      // Storage refused (private browsing): the session lasts as long as the page.
    }
  },
};

function claimsOf(token: string): { sub: string; role: string; exp: number; region?: string } {
  const payload = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
  return JSON.parse(atob(payload.padEnd(payload.length + ((4 - (payload.length % 4)) % 4), '=')));
}

async function postJson(path: string, body: unknown, method = 'POST'): Promise<Response> {
  return fetch(path, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

/** Refresh tokens rotate and a reused one ends the session: tabs take turns renewing (Web Locks where present). */
function exclusively<T>(work: () => Promise<T>): Promise<T> {
  const locks = (navigator as Navigator & { locks?: LockManager }).locks;
  return locks ? locks.request('suara-session-renewal', work) : work();
}

/** The signed-in person's tokens: the access token kept fresh before it expires, renewed by the refresh token. */
class Session {
  private access: { token: string; expiresAt: number } | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private renewing: Promise<boolean> | undefined;
  private replacing: Promise<undefined> | undefined;
  private listeners = new Set<(state: SessionState) => void>();
  state: SessionState = storage.get() ? { status: 'restoring' } : { status: 'anonymous' };

  subscribe(listener: (state: SessionState) => void): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  /** On page load: a refresh token from an earlier visit signs the person in again. */
  async restore(): Promise<void> {
    if (storage.get()) await this.renew();
  }

  /** Signs in; answers the problem code when refused. */
  async signIn(login: string, password: string): Promise<Response> {
    const response = await postJson('/api/sessions', { login, password });
    if (response.ok) this.adopt((await response.clone().json()) as TokenPair);
    return response;
  }

  /** Accepting an invitation answers a session as sign-in does: the invitee is signed in in their new role. */
  async acceptInvitation(login: string, code: string, password: string): Promise<Response> {
    const response = await postJson('/api/invitations/acceptances', { login, code, password });
    if (response.ok) this.adopt((await response.clone().json()) as TokenPair);
    return response;
  }

  async signOut(): Promise<void> {
    const refreshToken = storage.get();
    this.clear();
    if (refreshToken)
      await postJson('/api/sessions/current', { refreshToken }, 'DELETE').catch(() => undefined);
  }

  /** Goes on with a pair the server issued outside sign-in (after a password change every other session ended). */
  continueWith(pair: TokenPair): void {
    this.adopt(pair);
  }

  /**
   * Runs a request that answers this session a new pair (a password change ends every session but the one asking).
   * A live connection the server closes meanwhile waits for that pair rather than renewing with the token it replaces.
   */
  async replacedBy<T>(request: () => Promise<T>): Promise<T> {
    const running = request();
    const replacing = running.then(
      () => undefined,
      () => undefined,
    );
    this.replacing = replacing;
    try {
      return await running;
    } finally {
      if (this.replacing === replacing) this.replacing = undefined;
    }
  }

  /** A fresh access token for a live connection the server closed (its token expired, or the account changed). */
  async renewForLive(): Promise<boolean> {
    const replacing = this.replacing;
    if (!replacing) return this.renew();
    await replacing;
    return this.access !== undefined;
  }

  /** Forgets the session on this device once the server ended it (signed out everywhere, account erased). */
  forget(): void {
    this.clear();
  }

  /** A valid access token, renewed first when it is about to expire; undefined when nobody is signed in. */
  async accessToken(): Promise<string | undefined> {
    if (this.access && this.access.expiresAt - Date.now() > RENEW_EARLY_MS / 2) return this.access.token;
    if (!storage.get()) return undefined;
    await this.renew();
    return this.access?.token;
  }

  /** Trades the refresh token for a new pair; false (and signed out) when the server refuses it. */
  renew(): Promise<boolean> {
    this.renewing ??= exclusively(async () => {
      const refreshToken = storage.get();
      if (!refreshToken) return this.clear();
      const response = await postJson('/api/sessions/refresh', { refreshToken }).catch(() => undefined);
      // No answer: keep the refresh token and try again later, the person is still signed in.
      if (response === undefined) return false;
      // Refused (spent, reused or ended): signed out, unless a new pair came meanwhile (a password change), which holds.
      // Any other failure may pass, so the token is kept.
      if (response.status === 400 || response.status === 401)
        return storage.get() === refreshToken ? this.clear() : false;
      if (!response.ok) return false;
      this.adopt((await response.json()) as TokenPair);
      return true;
    }).finally(() => (this.renewing = undefined));
    return this.renewing;
  }

  private adopt(pair: TokenPair): void {
    const claims = claimsOf(pair.accessToken);
    this.access = { token: pair.accessToken, expiresAt: Date.now() + pair.expiresIn * 1000 };
    storage.set(pair.refreshToken);
    clearTimeout(this.timer);
    const renewIn = Math.max(10_000, pair.expiresIn * 1000 - RENEW_EARLY_MS);
    this.timer = setTimeout(() => void this.renew(), renewIn);
    const region = claims.region === undefined ? {} : { regionCode: claims.region };
    this.publish({ status: 'signed_in', actorId: claims.sub, role: claims.role, ...region });
  }

  private clear(): false {
    this.access = undefined;
    clearTimeout(this.timer);
    storage.set(null);
    this.publish({ status: 'anonymous' });
    return false;
  }

  private publish(state: SessionState): void {
    this.state = state;
    this.listeners.forEach((listener) => listener(state));
  }
}

export const session = new Session();

/** Re-renders the caller when someone signs in or out. */
export function useSession(): SessionState {
  const [state, setState] = useState(session.state);
  useEffect(() => {
    setState(session.state);
    return session.subscribe(setState);
  }, []);
  return state;
}
