import { serverRefusal } from './eventstoredb-server';

describe('the EventStoreDB server version check', () => {
  it.each(['22.6.0', '22.6.1', '22.10.3', '23.10.0', '24.10.1', '25.0.0'])('serves %s', (version) => {
    expect(serverRefusal(version)).toBeUndefined();
  });

  it.each(['22.5.9', '21.10.9', '20.10.5', '5.0.11'])(
    'refuses %s in one line: it reports no positions on stream reads',
    (version) => {
      const refusal = serverRefusal(version)!;
      expect(refusal).toBe(
        `EventStoreDB ${version} does not report event positions on stream reads: Suara Warga needs 22.6.0 or later`,
      );
    },
  );

  it('refuses a server that reports no version (the client says "unknown" before 21.10)', () => {
    expect(serverRefusal('unknown')).toMatch(
      /^EventStoreDB did not report its version \("unknown"\): .*22\.6\.0/,
    );
    expect(serverRefusal('')).not.toContain('\n');
  });
});
