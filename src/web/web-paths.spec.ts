import fc from 'fast-check';
import { cacheControlFor, isPagePath } from './web-paths';

describe('isPagePath', () => {
  it.each(['/', '/aspirasi', '/aspirasi/58b91eaf-ed88-8635-a0b6-f56e3d9f733e', '/masuk', '/saya/aspirasi'])(
    'treats %s as a page',
    (path) => expect(isPagePath(path)).toBe(true),
  );

  it.each(['/api', '/api/aspirations', '/live', '/socket.io/', '/assets/app-1a2b.js', '/favicon.ico', 'x'])(
    'leaves %s to the server',
    (path) => expect(isPagePath(path)).toBe(false),
  );

  it('never claims a path under the API, the live connection or Socket.IO', () => {
    fc.assert(
      fc.property(fc.constantFrom('/api', '/live', '/socket.io'), fc.webPath(), (prefix, rest) => {
        expect(isPagePath(`${prefix}/${rest.replace(/^\//, '')}`)).toBe(false);
      }),
    );
  });
});

describe('cacheControlFor', () => {
  it('caches hashed assets for a year and revalidates the rest', () => {
    expect(cacheControlFor('assets/feed-Bx1c9.js')).toBe('public, max-age=31536000, immutable');
    expect(cacheControlFor('index.html')).toBe('no-cache');
    expect(cacheControlFor('favicon.svg')).toBe('no-cache');
    // The service worker is checked for a new build on every visit.
    expect(cacheControlFor('sw.js')).toBe('no-cache');
  });
});
