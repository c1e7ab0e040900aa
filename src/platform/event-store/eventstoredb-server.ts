/** EventStoreDB reports an event's log position on stream reads from 22.6.0 on (its pull request 3459). */
const FIRST_SUPPORTED = [22, 6, 0] as const;
const SUPPORTED = FIRST_SUPPORTED.join('.');

/**
 * Why this adapter refuses a server, in one line, from the version the client's ServerFeatures reports ("unknown"
 * when the server predates ServerFeatures, 21.10); undefined for a server it serves. Without positions on stream
 * reads, commands could not answer with their events' positions, nor could read-your-writes wait for them.
 */
export function serverRefusal(serverVersion: string): string | undefined {
  const match = /^(\d+)\.(\d+)\.(\d+)/.exec(serverVersion);
  if (!match)
    return `EventStoreDB did not report its version ("${serverVersion}"): Suara Warga needs ${SUPPORTED} or later, which reports event positions on stream reads`;
  const version = match.slice(1, 4).map(Number);
  const first = version.findIndex((part, i) => part !== FIRST_SUPPORTED[i]);
  const older = first !== -1 && version[first] < FIRST_SUPPORTED[first];
  return older
    ? `EventStoreDB ${serverVersion} does not report event positions on stream reads: Suara Warga needs ${SUPPORTED} or later`
    : undefined;
}
