/**
 * Writes the rendered files so that nothing is ever half-written: every file goes to a temporary name in
 * its final folder first, and only when all of them are written are they renamed into place. A failure
 * removes what was staged and is reported as an `OutputWriteError` (a user-facing problem, not a bug).
 */
import { mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { OutputFile } from '../render/shared/target.js';

export class OutputWriteError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'OutputWriteError';
  }
}

export function writeOutputs(outDir: string, files: readonly OutputFile[]): string[] {
  const targets = files.map((file) => ({ file, final: resolveInside(outDir, file.path) }));
  for (const { final } of targets) {
    if (isDirectory(final)) {
      throw new OutputWriteError(
        `cannot write \`${final}\`: a folder of that name is in the way`,
        'move or remove the folder',
      );
    }
  }
  const staged: { temp: string; final: string }[] = [];
  const suffix = `.vita-tmp-${process.pid}-${Date.now().toString(36)}`;
  let renamed = 0;
  try {
    for (const { file, final } of targets) {
      mkdirSync(path.dirname(final), { recursive: true });
      const temp = `${final}${suffix}`;
      writeFileSync(temp, file.contents);
      staged.push({ temp, final });
    }
    for (const s of staged) {
      renameSync(s.temp, s.final);
      renamed++;
    }
  } catch (cause) {
    for (const s of staged.slice(renamed)) rmSync(s.temp, { force: true });
    const reason = (cause as NodeJS.ErrnoException).code ?? (cause as Error).message;
    throw new OutputWriteError(
      `cannot write into \`${outDir}\` (${reason}: ${(cause as Error).message})`,
      'check that the output folder is a writable folder (--out)',
    );
  }
  return staged.map((s) => s.final);
}

function isDirectory(file: string): boolean {
  try {
    return statSync(file).isDirectory();
  } catch {
    return false;
  }
}

/** Output paths come from renderers and options; refuse any that would land outside the output folder. */
export function resolveInside(outDir: string, relative: string): string {
  const root = path.resolve(outDir);
  const final = path.resolve(root, relative);
  if (!final.startsWith(root + path.sep)) {
    throw new OutputWriteError(`refusing to write \`${relative}\` outside the output folder \`${root}\``);
  }
  return final;
}
