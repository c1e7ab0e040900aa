import { LiveClient } from '../../../src/live/testing/live-client';
import { ApiClient, ApiResponse } from '../../support/api-client';
import { Outcome, Role, ROLES } from '../outcomes';
import { HttpRow, LiveRow, operationOf, Row } from '../row';
import { WalkWorld } from './walk-world';

const PROBLEM_TYPE = 'https://suara-warga.id/problems/';

/** Refusals write nothing, so they share one setup; each allowed caller gets a fresh one (refusals first). */
const order = (row: Row): Role[] =>
  [...ROLES].sort(
    (a, b) => Number(row.outcomes[a].kind === 'allowed') - Number(row.outcomes[b].kind === 'allowed'),
  );

const needsFreshSetup = (row: Row, outcome: Outcome): boolean =>
  row.kind === 'http' && outcome.kind === 'allowed' && row.method !== 'GET' && !row.sharesSetup;

/** Tries every caller of a row; returns one line per cell whose answer differs from the table. */
export async function tryRow(
  row: Row,
  world: WalkWorld,
  tryCell: (role: Role, world: WalkWorld) => Promise<string | undefined>,
): Promise<string[]> {
  const shared = world.sharing();
  const mismatches: string[] = [];
  for (const role of order(row)) {
    const cellWorld = needsFreshSetup(row, row.outcomes[role]) ? world.fresh() : shared;
    let mismatch: string | undefined;
    try {
      mismatch = await tryCell(role, cellWorld);
    } catch (error) {
      mismatch = `threw ${(error as Error).stack ?? String(error)}`;
    }
    if (mismatch) mismatches.push(`${operationOf(row)} (${row.situation ?? '-'}) as ${role}: ${mismatch}`);
  }
  return mismatches;
}

/** Whether a list, followed page by page, holds the id. */
async function listsIt(
  api: ApiClient,
  path: string,
  token: string | undefined,
  first: ApiResponse,
  id: string,
) {
  let page = first;
  for (;;) {
    if (page.body.items.some((item: { id: string }) => item.id === id)) return true;
    if (!page.body.nextCursor) return false;
    const next = `${path}&cursor=${encodeURIComponent(page.body.nextCursor)}`;
    page = await api.send('GET', next, { token });
  }
}

export function httpCell(api: ApiClient, row: HttpRow) {
  return async (role: Role, world: WalkWorld): Promise<string | undefined> => {
    const expected = row.outcomes[role];
    const attempt = await row.attempt(world, role);
    const token = attempt.token ?? world.tokenOf(role);
    const response = await api.send(row.method, attempt.path, { body: attempt.body, token });
    const got = `got ${response.status} ${JSON.stringify(response.body)?.slice(0, 300)}`;
    if (expected.kind === 'refused') {
      const { type, code } = response.body ?? {};
      const ok =
        response.status === expected.status && code === expected.code && type === PROBLEM_TYPE + code;
      return ok ? undefined : `expected ${expected.status} ${expected.code}, ${got}`;
    }
    if (response.status !== expected.status) return `expected ${expected.status}, ${got}`;
    if (!row.list) return undefined;
    if (!attempt.lists) return 'a list row must name the id it looks for';
    const listed = await listsIt(api, attempt.path, token, response, attempt.lists);
    const shouldList = expected.kind === 'allowed';
    return listed === shouldList ? undefined : `expected it ${shouldList ? '' : 'not '}listed`;
  };
}

export function liveCell(clients: Record<Role, LiveClient>, row: LiveRow) {
  return async (role: Role, world: WalkWorld): Promise<string | undefined> => {
    const expected = row.outcomes[role];
    const client = clients[role];
    const ack = await client.send(row.message, await row.attempt(world, role));
    const got = `got ${JSON.stringify(ack)}`;
    if (expected.kind === 'refused')
      return !ack.ok && ack.error.code === expected.code ? undefined : `expected ${expected.code}, ${got}`;
    if (!ack.ok) return `expected ok, ${got}`;
    // Keep each connection under its subscription limit.
    if (row.message === 'subscribe' && 'topic' in ack) await client.unsubscribe(ack.topic);
    return undefined;
  };
}
