import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { LiveGateway } from '../../live/live.gateway';
import { LiveSocket } from '../../live/live-socket';

/** Sent to each live connection of a person just erased, before the server closes it. */
export const ACCOUNT_ERASED = 'account_erased';

/**
 * Ends the live connections of an erased person on this instance: `account_erased`, then a close from the server
 * side (socket.io-client does not reconnect by itself then). Connections to other instances end with their token.
 */
@Injectable()
export class LiveSessions {
  constructor(private readonly modules: ModuleRef) {}

  end(accountId: string): number {
    const gateway = this.gateway();
    if (!gateway?.namespace) return 0;
    const sockets = [...gateway.namespace.sockets.values()] as LiveSocket[];
    const theirs = sockets.filter((socket) => socket.data.actor?.id === accountId);
    for (const socket of theirs) {
      socket.emit(ACCOUNT_ERASED, {});
      socket.disconnect(true);
    }
    return theirs.length;
  }

  /** Absent in a process that serves no live updates. */
  private gateway(): LiveGateway | undefined {
    try {
      return this.modules.get(LiveGateway, { strict: false });
    } catch {
      return undefined;
    }
  }
}
