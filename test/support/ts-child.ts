import { ChildProcess, spawn } from 'node:child_process';

/** Runs a TypeScript file of this repo in a real separate Node process; `env` adds to (undefined: removes from) ours. */
export function spawnTs(
  file: string,
  args: string[],
  env: NodeJS.ProcessEnv = {},
  stdin: 'ignore' | 'pipe' = 'ignore',
): ChildProcess {
  return spawn(process.execPath, ['-r', '@swc-node/register', file, ...args], {
    cwd: process.cwd(),
    env: { ...process.env, SWC_NODE_PROJECT: 'tsconfig.json', ...env },
    stdio: [stdin, 'pipe', 'pipe'],
  });
}
