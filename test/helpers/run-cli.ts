/** Runs the CLI in-process with captured output, as a test would run `vita ...` in a terminal. */
import { PassThrough } from 'node:stream';
import { main } from '../../src/cli/main.js';

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export async function runCli(
  args: readonly string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<CliRun> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c) => {
    out += String(c);
  });
  stderr.on('data', (c) => {
    err += String(c);
  });
  const code = await main(args, {
    stdout,
    stderr,
    env: { NO_COLOR: '1', ...(options.env ?? {}) },
    cwd: options.cwd ?? process.cwd(),
  });
  return { code, stdout: out, stderr: err };
}
