import { IntegrityFailureError, KeyMissingError } from './integrity-errors';
import { IntegrityMonitor } from './integrity-monitor';

describe('the integrity monitor', () => {
  const logged = () => {
    const lines: string[] = [];
    const monitor = new IntegrityMonitor({
      error: (line) => void lines.push(`error: ${line}`),
      log: (line) => void lines.push(`info: ${line}`),
    });
    return { lines, monitor };
  };
  const broken = new IntegrityFailureError({
    stream: 'aspiration-1',
    position: 42n,
    revision: 3,
    reason: 'hash_mismatch',
  });

  it('logs a broken stream once at error level however many requests meet it, and names it for health', () => {
    const { lines, monitor } = logged();
    for (let request = 0; request < 5; request++) monitor.streamFailed(broken);
    expect(lines).toEqual([`error: ${broken.message}`]);
    expect(monitor.problems()).toEqual([
      {
        kind: 'integrity_failure',
        stream: 'aspiration-1',
        position: '42',
        revision: 3,
        reason: 'hash_mismatch',
      },
    ]);
  });

  it('clears a stream once it verifies again, and names missing keys with their stream', () => {
    const { monitor } = logged();
    monitor.streamFailed(broken);
    monitor.streamVerified('aspiration-1');
    monitor.streamFailed(new KeyMissingError('key-7', 'aspiration-2', 9n));
    expect(monitor.problems()).toEqual([
      { kind: 'key_missing', keyId: 'key-7', stream: 'aspiration-2', position: '9' },
    ]);
  });

  it('reports a full disk until a write succeeds, and a stalled projection until it runs', () => {
    const { lines, monitor } = logged();
    monitor.storageFull(new Error('database or disk is full'));
    monitor.storageFull(new Error('database or disk is full'));
    monitor.projectionStalled('aspirations', new Error('boom'));
    expect(monitor.problems().map((p) => p.kind)).toEqual(['storage_full', 'projection_stalled']);
    monitor.storageWritable();
    monitor.projectionRunning('aspirations');
    expect(monitor.problems()).toEqual([]);
    expect(lines.filter((line) => line.startsWith('error:'))).toHaveLength(2);
  });
});
