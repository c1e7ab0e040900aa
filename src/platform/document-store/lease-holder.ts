import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';

/**
 * Lease holders name a process as `host:pid:start`, where start is the boot id and the process's start tick
 * (Linux /proc): a restarted instance can then tell its own crashed predecessor from a live process, even one
 * that was given the same pid later (a container's pid 1 after a restart).
 */
const HOLDER = /^([^:]+):(\d+):([^:]+)$/;
const UNKNOWN_START = 'unknown';

export function processLeaseHolder(pid = process.pid): string {
  return `${hostname()}:${pid}:${startOf(pid) ?? UNKNOWN_START}`;
}

/**
 * True only for a holder that is certainly gone: on this host, and its pid is dead, a zombie, or now another
 * process. Anything else (other hosts, other holder names, a living process) waits for the lease to expire.
 */
export function isAbandonedLocalHolder(holder: string): boolean {
  const match = HOLDER.exec(holder);
  if (!match || match[1] !== hostname()) return false;
  const [pid, start] = [Number(match[2]), match[3]];
  if (!isRunning(pid)) return true;
  const current = startOf(pid);
  return current !== undefined && start !== UNKNOWN_START && current !== start;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: it exists, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  return procStat(pid)?.state !== 'Z';
}

/** The boot id and start tick of a process; undefined where /proc is not available. */
function startOf(pid: number): string | undefined {
  const stat = procStat(pid);
  const bootId = readOrUndefined('/proc/sys/kernel/random/boot_id')?.trim().slice(0, 8);
  return stat && bootId ? `${bootId}.${stat.startTick}` : undefined;
}

function procStat(pid: number): { state: string; startTick: string } | undefined {
  const text = readOrUndefined(`/proc/${pid}/stat`);
  if (!text) return undefined;
  // Fields after the command name, which sits in parentheses and may itself hold spaces or parentheses.
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  return { state: fields[0], startTick: fields[19] };
}

function readOrUndefined(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}
