import { AGENCIES } from '../src/agencies/read-models/agency.document';
import { THREADS } from '../src/aspirations/read-models/thread.document';
import { ThreadSort } from '../src/aspirations/queries/list-threads.query-dto';
import { sortOf, sortOrder } from '../src/aspirations/queries/thread-filters';
import { FOLLOWERS, NOTIFICATIONS } from '../src/notifications/read-models/notification.document';
import { IndexSpec } from '../src/platform/document-store/document-store.port';
import { agenciesProjection } from './agencies/agencies.projection';
import { aspirationsProjection } from './aspirations/aspirations.projection';
import { notificationsProjection } from './notifications/notifications.projection';

type Order = Record<string, 1 | -1>;

/** An index serves a list when its keys are the list's equality fields (any order), then its sort, in order. */
function served(indexes: readonly IndexSpec[], equalities: readonly string[], sort: Order): boolean {
  const wanted = Object.entries(sort);
  return indexes.some(({ fields }) => {
    const keys = Object.entries(fields);
    const prefix = keys.slice(0, equalities.length).map(([field]) => field);
    const rest = keys.slice(equalities.length);
    const sameOrReversed = (flip: 1 | -1) =>
      rest.length === wanted.length &&
      rest.every(([f, d], i) => f === wanted[i][0] && d === wanted[i][1] * flip);
    return (
      prefix.length === equalities.length &&
      equalities.every((field) => prefix.includes(field)) &&
      (sameOrReversed(1) || sameOrReversed(-1))
    );
  });
}

const threads = aspirationsProjection.collections[THREADS];
const SORTS: ThreadSort[] = ['newest', 'endorsed', 'overdue', 'due'];

describe('indexes for every list', () => {
  it('end every list order with _id, the cursor tie-break', () => {
    for (const sort of SORTS) expect(Object.keys(sortOrder(sortOf(sort))).at(-1)).toBe('_id');
  });

  it.each(SORTS)('serve the public feed and the unfiltered list in the %s order', (sort) => {
    const order = sortOrder(sortOf(sort));
    expect(served(threads, ['published'], order)).toBe(true);
    expect(served(threads, [], order)).toBe(true);
  });

  it.each([
    ['my aspirations', ['submittedBy'], 'newest'],
    ["a facilitator's region", ['regions'], 'newest'],
    ["an official's agency", ['agencyId'], 'newest'],
    ["an agency's inbox", ['agencyId', 'status'], 'due'],
    ['the queue to verify', ['status'], 'due'],
    ['the queue to route', ['status'], 'newest'],
    ['a category', ['category'], 'newest'],
    ['a KIM group', ['groupId'], 'newest'],
    ['a search word', ['words'], 'newest'],
  ] as const)('serve %s', (_list, equalities, sort) => {
    expect(served(threads, equalities, sortOrder(sortOf(sort)))).toBe(true);
  });

  it('serve the agencies, follows and notifications lists with _id last', () => {
    const agencies = agenciesProjection.collections[AGENCIES];
    for (const filter of [[], ['regions'], ['categories']])
      expect(served(agencies, filter, { name: 1, _id: 1 })).toBe(true);
    const notifications = notificationsProjection.collections;
    expect(served(notifications[FOLLOWERS], ['personId', 'following'], { since: -1, _id: 1 })).toBe(true);
    expect(served(notifications[NOTIFICATIONS], ['personId'], { position: -1, _id: -1 })).toBe(true);
    expect(served(notifications[NOTIFICATIONS], ['personId', 'read'], { position: -1, _id: -1 })).toBe(true);
  });
});
