import type { Namespace } from 'socket.io';

/** Sent to every live client when its instance shuts down: it will reconnect by itself and resume with `since`. */
export const SERVER_SHUTDOWN = 'server_shutdown';

export interface ServerShutdownAdvisory {
  readonly reconnect: true;
}

/**
 * Tells every client of `/live` to reconnect, then closes its transport. Closing the transport (not
 * socket.disconnect(), after which socket.io-client stays away) makes the client reconnect on its own, to another
 * instance or this one restarted. New handshakes are refused meanwhile, so none lands on the closing instance.
 */
export function releaseLiveClients(namespace: Namespace): number {
  namespace.server.engine.opts.allowRequest = (_request, answer) => answer('shutting down', false);
  const advisory: ServerShutdownAdvisory = { reconnect: true };
  const sockets = [...namespace.sockets.values()];
  for (const socket of sockets) {
    socket.emit(SERVER_SHUTDOWN, advisory);
    // engine.io flushes what is buffered (the advisory) before it closes the transport.
    socket.conn.close();
  }
  return sockets.length;
}
