import { ApiClient, ApiResponse } from './support/api-client';
import { codesSentTo, outboxOf } from './support/outbox';
import { startTestApp, TestApp } from './support/test-app';

// The phone-claim hijack: Budi registers Siti's number with his own password; every code goes to Siti's phone.
const SITI_PASSWORD = 'rumah di tepi sungai';
const BUDI_PASSWORD = 'kata sandi penyusup';

/** A wrong-code problem without its count of attempts left: what it reveals about which part was wrong. */
const withoutCount = ({ status, body }: ApiResponse) => ({
  status,
  code: body.code,
  detail: String(body.detail).replace(/\d+ attempts left/, 'n attempts left'),
  errors: body.errors?.map((error: { field: string }) => error.field),
});

const attemptsLeft = ({ body }: ApiResponse): number => Number(/(\d+) attempts left/.exec(body.detail)![1]);

describe('accounts: a phone registered by someone else is taken back by its owner (e2e)', () => {
  let running: TestApp;
  let api: ApiClient;
  const codes = (address: string) => codesSentTo(running.config.dataDir, address);
  const post = (path: string, body: unknown) => api.send('POST', path, { body });
  const register = (phone: string, displayName: string, password: string) =>
    post('/api/accounts', { phone, displayName, password });
  const confirm = (login: string, code: string, password?: string) =>
    post('/api/accounts/confirmations', { login, code, ...(password === undefined ? {} : { password }) });
  const signIn = (login: string, password: string) => post('/api/sessions', { login, password });
  /** Another six digits than the code: a guess. */
  const otherThan = (code: string) => (code === '000000' ? '000001' : '000000');

  beforeAll(async () => {
    running = await startTestApp();
    api = new ApiClient(running.url);
  });

  afterAll(() => running?.close());

  it('lets the owner register their number again: a new code, and only their password signs in', async () => {
    const [phone, address] = ['0812-7000-0001', '+6281270000001'];
    const budi = await register(phone, 'Budi', BUDI_PASSWORD);
    const [first] = codes(address);

    const siti = await register(phone, 'Siti Rahma', SITI_PASSWORD);
    expect({ status: siti.status, body: siti.body }).toEqual({ status: budi.status, body: budi.body });
    const sent = codes(address);
    expect(sent).toHaveLength(2);
    const second = sent[1];

    const stale = await confirm(phone, first === second ? otherThan(second) : first, SITI_PASSWORD);
    expect({ status: stale.status, code: stale.body.code }).toEqual({ status: 400, code: 'wrong_code' });
    expect((await confirm(phone, second, SITI_PASSWORD)).body).toEqual({ status: 'confirmed' });

    expect((await signIn(phone, SITI_PASSWORD)).status).toBe(201);
    const intruder = await signIn(phone, BUDI_PASSWORD);
    expect({ status: intruder.status, code: intruder.body.code }).toEqual({
      status: 401,
      code: 'invalid_credentials',
    });
  });

  it('refuses the right code with someone else’s password like a wrong code, and counts it', async () => {
    const [phone, address] = ['0812-7000-0002', '+6281270000002'];
    await register(phone, 'Budi', BUDI_PASSWORD);
    const [code] = codes(address);

    // Siti got a code she never asked for; the confirm page asks her for a password, and hers is not Budi's.
    const wrongPassword = await confirm(phone, code, SITI_PASSWORD);
    const wrongCode = await confirm(phone, otherThan(code), BUDI_PASSWORD);
    expect(withoutCount(wrongPassword)).toEqual(withoutCount(wrongCode));
    expect(withoutCount(wrongPassword)).toMatchObject({ status: 400, code: 'wrong_code', errors: ['code'] });
    expect([attemptsLeft(wrongPassword), attemptsLeft(wrongCode)]).toEqual([4, 3]);
    for (let attempt = 0; attempt < 3; attempt++) await confirm(phone, code, SITI_PASSWORD);
    expect((await confirm(phone, code, BUDI_PASSWORD)).body.code).toBe('code_locked');

    // A registration of her own unlocks it with a new code, which only her password confirms.
    expect((await register(phone, 'Siti Rahma', SITI_PASSWORD)).status).toBe(202);
    const fresh = codes(address).at(-1)!;
    expect((await confirm(phone, fresh, BUDI_PASSWORD)).body.code).toBe('wrong_code');
    expect((await confirm(phone, fresh, SITI_PASSWORD)).body).toEqual({ status: 'confirmed' });
    expect((await signIn(phone, BUDI_PASSWORD)).status).toBe(401);
    expect((await signIn(phone, SITI_PASSWORD)).status).toBe(201);
  });

  it('still confirms with the code alone for whoever registered (the contract before passwords)', async () => {
    const [phone, address] = ['0812-7000-0003', '+6281270000003'];
    expect((await register(phone, 'Siti Rahma', SITI_PASSWORD)).status).toBe(202);
    const [code] = codes(address);
    expect((await confirm(phone, code)).body).toEqual({ status: 'confirmed' });
    expect((await signIn(phone, SITI_PASSWORD)).status).toBe(201);
  });

  it('renews nothing once the account is active: the answer is the same 202 and no code is sent', async () => {
    const [phone, address] = ['0812-7000-0004', '+6281270000004'];
    const first = await register(phone, 'Siti Rahma', SITI_PASSWORD);
    await confirm(phone, codes(address)[0], SITI_PASSWORD);
    const late = await register(phone, 'Budi', BUDI_PASSWORD);
    expect({ status: late.status, body: late.body }).toEqual({ status: first.status, body: first.body });
    expect(codes(address)).toHaveLength(1);
    expect((await signIn(phone, BUDI_PASSWORD)).status).toBe(401);
  });

  it('tells whoever receives a code they did not ask for to ignore it and never share it', () => {
    const message = outboxOf(running.config.dataDir).find((line) => line.to.address === '+6281270000001');
    expect(message?.text).toContain('Jika Anda tidak mendaftar, abaikan pesan ini.');
    expect(message?.text).toContain('Jangan berikan kode ini kepada siapa pun');
  });
});
