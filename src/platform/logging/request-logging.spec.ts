import { loggedPath } from './request-logging';

describe('request logging', () => {
  it('logs the path without the query, which may carry what a person typed', () => {
    expect(loggedPath('/api/aspirations?q=siti%20rahma&limit=5')).toBe('/api/aspirations');
    expect(loggedPath('/api/me/aspirations')).toBe('/api/me/aspirations');
    expect(loggedPath(undefined)).toBeUndefined();
  });
});
