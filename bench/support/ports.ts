// Listening ports of the servers a benchmark starts: any free one (0) by default, or consecutive ones from
// BENCH_PORT_BASE, for machines where each user keeps to a range of ports.
import { createServer } from 'node:net';

let next = Number(process.env.BENCH_PORT_BASE ?? 0);

/** The port for the next server: 0 (the system picks) unless BENCH_PORT_BASE is set. */
export const benchPort = (): number => (next ? next++ : 0);

/** A concrete port for a child process that must be told its port: the next of the range, or a free one. */
export async function concretePort(): Promise<number> {
  const port = benchPort();
  if (port) return port;
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port: free } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return free;
}
