// Preloaded (--require) into a server started as a child process: answers the benchmark's questions about its own
// memory (after a full GC, which --expose-gc allows) and CPU time over the IPC channel, without touching the app.
interface Question {
  readonly probe: 'memory' | 'cpu';
  readonly id: number;
}

process.on('message', (message: Question) => {
  if (!message || typeof message !== 'object' || !('probe' in message)) return;
  if (message.probe === 'memory') {
    global.gc?.();
    global.gc?.();
    process.send?.({ id: message.id, memory: process.memoryUsage() });
  } else process.send?.({ id: message.id, cpu: process.cpuUsage() });
});
// A benchmark that dies must not leave its server behind: it stops as on SIGTERM, its own graceful way.
process.once('disconnect', () => process.kill(process.pid, 'SIGTERM'));
