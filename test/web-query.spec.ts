import fc from 'fast-check';
import { withQuery } from '../web/src/api/query';

const word = fc.stringMatching(/^[a-zA-Z0-9]{1,8}$/);
const params = fc.array(fc.tuple(word, fc.string({ maxLength: 12 })), { maxLength: 4 });

describe('the web app adds a query to a path (withQuery)', () => {
  it('keeps every parameter the path had and adds every one given, behind a single "?"', () => {
    fc.assert(
      fc.property(word, params, params, (route, had, added) => {
        const before = new URLSearchParams(had).toString();
        const path = before === '' ? `/api/${route}` : `/api/${route}?${before}`;
        const joined = withQuery(path, new URLSearchParams(added).toString());
        const url = new URL(joined, 'http://localhost');
        expect(url.pathname).toBe(`/api/${route}`);
        expect([...url.searchParams]).toEqual([...had, ...added]);
        expect(joined.split('?').length).toBeLessThanOrEqual(2);
      }),
    );
  });

  it('leaves the path alone when there is nothing to add', () => {
    expect(withQuery('/api/aspirations', '')).toBe('/api/aspirations');
    expect(withQuery('/api/groups?limit=50', '')).toBe('/api/groups?limit=50');
  });
});
