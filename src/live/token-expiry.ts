import { IsString, MaxLength, MinLength } from 'class-validator';
import { VerifiedToken } from '../platform/auth/tokens.port';
import { LiveSocket } from './live-socket';

/** Sent when a socket's token expires, just before the server closes it. */
export const TOKEN_EXPIRED = 'token_expired';

export interface TokenExpiredNotice {
  readonly reconnectWith: 'a fresh token';
}

/** `reauthenticate`: a fresh token for the same actor, sent before the current one expires. */
export class ReauthenticateRequest {
  // Bearer tokens are far shorter; the socket's message limit caps them anyway.
  @IsString() @MinLength(1) @MaxLength(8192) token!: string;
}

/** Longest delay setTimeout keeps (about 24.8 days); tokens live at most 24 h. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Ends the socket's session when its token does: `token_expired`, then a disconnect from the server side, after
 * which socket.io-client does not reconnect by itself (it must bring a fresh token). Replaces any earlier schedule.
 */
export function endSessionAtExpiry(socket: LiveSocket, token: VerifiedToken, nowMs: number): void {
  clearTimeout(socket.data.expiry);
  if (!socket.connected) return;
  const notice: TokenExpiredNotice = { reconnectWith: 'a fresh token' };
  const delayMs = Math.min(MAX_TIMER_MS, Math.max(0, token.expiresAt.getTime() - nowMs));
  socket.data.expiry = setTimeout(() => {
    socket.emit(TOKEN_EXPIRED, notice);
    // engine.io sends what is buffered (the notice) before it closes the transport.
    socket.disconnect(true);
  }, delayMs).unref();
}
