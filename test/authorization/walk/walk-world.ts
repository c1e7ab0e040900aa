import { randomUUID } from 'node:crypto';
import { ApiClient } from '../../support/api-client';
import { MutableClock } from '../../support/mutable-clock';
import { roadComplaint } from '../../support/scenario';
import { FACILITATOR_REGIONS, Role } from '../outcomes';
import {
  AnnouncementSetup,
  AnnouncementSituation,
  AspirationSetup,
  GroupSetup,
  GroupSituation,
  Situation,
  World,
} from '../row';
import { GroupSetups } from './group-setups';
import {
  confirm,
  Identity,
  latestCode,
  PASSWORD,
  register,
  RoleAccounts,
  SignedInRole,
  signIn,
} from './role-accounts';

export interface WalkDeps {
  readonly api: ApiClient;
  readonly dataDir: string;
  readonly clock: MutableClock;
  readonly identities: Readonly<Record<SignedInRole, Identity>>;
  readonly accounts: RoleAccounts;
}

type Step = { id: string; position: string; messageId?: string };

let counter = 0;
const RUN = randomUUID().slice(0, 6);

/**
 * The World of test/authorization/row.ts against the real app. With a cache, each setup is made once and
 * shared (the callers who are refused); without one, every setup is fresh (a caller who is allowed).
 */
export class WalkWorld implements World {
  readonly agencyA = 'dinas-pupr';
  readonly agencyB = 'dinas-perhubungan';

  constructor(
    private readonly deps: WalkDeps,
    private readonly cache?: Map<string, Promise<unknown>>,
  ) {}

  /** The same dependencies, with every setup made anew. */
  fresh(): WalkWorld {
    return new WalkWorld(this.deps);
  }

  /** The same dependencies, each setup made once and then shared. */
  sharing(): WalkWorld {
    return new WalkWorld(this.deps, new Map());
  }

  tokenOf(role: Role): string | undefined {
    return role === 'anonymous' ? undefined : this.deps.identities[role].token;
  }

  accountIdOf(role: Role): string | undefined {
    return role === 'anonymous' ? undefined : this.deps.identities[role].accountId;
  }

  async newAccountAs(role: Role): Promise<Identity | undefined> {
    if (role === 'anonymous') return undefined;
    return this.deps.accounts.signedInAs(role, `${this.unique(role.toLowerCase())}@contoh.id`);
  }

  unique(prefix: string): string {
    counter += 1;
    return `${prefix}${RUN}${counter.toString(36)}`;
  }

  aspiration(situation: Situation): Promise<AspirationSetup> {
    return this.once(`aspiration:${situation}`, () => this.setUp(situation));
  }

  group(situation: GroupSituation): Promise<GroupSetup> {
    return this.once(`group:${situation}`, () => {
      const send = (role: SignedInRole, path: string, body: unknown = {}) => this.command(role, path, body);
      return new GroupSetups(this.deps.api, this.deps.identities, send, (p) => this.unique(p)).make(
        situation,
      );
    });
  }

  announcement(situation: AnnouncementSituation): Promise<AnnouncementSetup> {
    return this.once(`announcement:${situation}`, async () => {
      const text = {
        title: 'Jadwal perbaikan jalan poros',
        body: 'Perbaikan jalan poros desa dimulai Senin depan, mohon hati-hati saat melintas.',
      };
      if (situation === 'group') {
        const group = await this.group('open');
        const published = await this.command('official', '/api/announcements', {
          ...text,
          groupIds: [group.id],
        });
        return { ...published, groupId: group.id };
      }
      const published = await this.command('official', '/api/announcements', {
        ...text,
        regionCode: '62.06',
      });
      if (situation === 'region') return published;
      const asked = await this.command('submitter', `/api/announcements/${published.id}/questions`, {
        text: 'Jalan mana saja yang diperbaiki?',
      });
      const token = this.deps.identities.official.token;
      const path = `/api/announcements/${published.id}?minPosition=${asked.position}`;
      const detail = await this.deps.api.send('GET', path, { token });
      return { ...asked, questionId: detail.body.questions[0].questionId as string };
    });
  }

  async endorseIfAble(role: Role, aspirationId: string): Promise<void> {
    const token = this.tokenOf(role);
    if (token) await this.deps.api.send('POST', `/api/aspirations/${aspirationId}/endorsements`, { token });
  }

  officialOfA(): Promise<string> {
    return this.once('official', async () => {
      const officialId = this.unique('petugas-');
      const body = { officialId, name: 'Budi Santoso' };
      await this.command('admin', `/api/agencies/${this.agencyA}/officials`, body);
      return officialId;
    });
  }

  pendingAccount(): Promise<{ login: string; code: string }> {
    return this.once('pending', async () => {
      const login = `${this.unique('warga')}@contoh.id`;
      return { login, code: await register(this.deps.api, this.deps.dataDir, login) };
    });
  }

  activeAccount(): Promise<{ login: string; password: string }> {
    return this.once('active', async () => {
      const { login, code } = await this.fresh().pendingAccount();
      await confirm(this.deps.api, login, code);
      return { login, password: PASSWORD };
    });
  }

  passwordResetRequested(): Promise<{ login: string; code: string }> {
    return this.once('reset', async () => {
      const { login } = await this.fresh().activeAccount();
      const response = await this.deps.api.send('POST', '/api/accounts/password-resets', { body: { login } });
      if (response.status !== 202) throw new Error(`No reset: ${JSON.stringify(response.body)}`);
      return { login, code: latestCode(this.deps.dataDir, login) };
    });
  }

  citizenAccountId(): Promise<string> {
    return this.once('citizenAccount', async () => (await this.newAccountAs('citizen'))!.accountId);
  }

  auditorAccountId(): Promise<string> {
    return this.once('auditorAccount', async () => (await this.newAccountAs('auditor'))!.accountId);
  }

  invitation(): Promise<{ invitationId: string; login: string; code: string }> {
    return this.once('invitation', async () => {
      const login = `${this.unique('fasilitator')}@contoh.id`;
      const regionCode = FACILITATOR_REGIONS.facilitator;
      const sent = await this.deps.accounts.invite(login, { role: 'facilitator', regionCode });
      return { ...sent, login };
    });
  }

  async logGrown(): Promise<void> {
    // A registration appends to the log; nothing else in the walk depends on it.
    await this.fresh().pendingAccount();
  }

  open311Client(): Promise<string> {
    return this.once('open311Client', async () => {
      const issued = await this.command('admin', '/api/open311/clients', { name: 'FixMyStreet Katingan' });
      return issued.id;
    });
  }

  checkpoint(): Promise<{ treeSize: number; position: string }> {
    return this.once('checkpoint', async () => {
      const { position } = await this.fresh().aspiration('submitted');
      const token = this.deps.identities.auditor.token;
      const signed = await this.deps.api.send('POST', '/api/audit/checkpoints', { token });
      if (signed.status !== 201) throw new Error(`No checkpoint: ${JSON.stringify(signed.body)}`);
      return { treeSize: signed.body.treeSize, position };
    });
  }

  refreshToken(): Promise<string> {
    return this.once('session', async () => {
      const { login } = await this.fresh().activeAccount();
      return (await signIn(this.deps.api, login)).refreshToken;
    });
  }

  private once<T>(key: string, make: () => Promise<T>): Promise<T> {
    if (!this.cache) return make();
    if (!this.cache.has(key)) this.cache.set(key, make());
    return this.cache.get(key) as Promise<T>;
  }

  private async command(role: SignedInRole, path: string, body: unknown = {}): Promise<Step> {
    const token = this.deps.identities[role].token;
    const response = await this.deps.api.send('POST', path, { body, token });
    if (response.status >= 300) throw new Error(`Setup ${path} failed: ${JSON.stringify(response.body)}`);
    return response.body as Step;
  }

  private async setUp(situation: Situation): Promise<AspirationSetup> {
    const marker = this.unique('tanda');
    const visibility = situation === 'confidential' ? 'confidential' : 'public';
    const title = `Jalan rusak ${marker}`;
    const submitted = await this.command(
      'submitter',
      '/api/aspirations',
      roadComplaint({ title, visibility }),
    );
    const { id, messageId } = submitted as Required<Step>;
    const at = (step: Step): AspirationSetup => ({ id, messageId, position: step.position, marker });
    if (situation === 'submitted') return at(submitted);
    if (situation === 'verificationOverdue') {
      await this.passVerificationDeadline(id);
      return at(submitted);
    }
    const asp = (verb: string) => `/api/aspirations/${id}/${verb}`;
    const verified = await this.command('facilitator', asp('verify'));
    if (situation === 'verified') return at(verified);
    const assigned = await this.command('facilitator', asp('assign'), { agencyId: this.agencyA });
    if (situation !== 'resolved') return at(assigned);
    return at(await this.command('facilitator', asp('resolve'), { summary: 'Jalan sudah ditambal.' }));
  }

  /** Moves the app's clock just past the verification deadline the submission recorded. */
  private async passVerificationDeadline(id: string): Promise<void> {
    const token = this.deps.identities.facilitator.token;
    const history = await this.deps.api.send('GET', `/api/aspirations/${id}/history`, { token });
    const dueAt: string = history.body.events[0].data.verificationDueAt;
    this.deps.clock.set(new Date(Date.parse(dueAt) + 60_000).toISOString());
  }
}
