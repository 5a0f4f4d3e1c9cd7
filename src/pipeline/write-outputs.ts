/**
 * Writes the rendered files so that nothing is ever half-written (util/atomic-write.ts: temporary names,
 * fsync, then all renamed into place). A failure removes what was staged and is reported as an
 * `OutputWriteError` (a user-facing problem, not a bug).
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import type { OutputFile } from '../render/shared/target.js';
import { AtomicWriteError, type WriteOptions, writeFilesAtomically } from '../util/atomic-write.js';

export class OutputWriteError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
    /**
     * Absolute paths already replaced when the failure came (a rename that failed half-way): those files
     * are new, every other output is as it was. Empty: nothing was written.
     */
    readonly replaced: readonly string[] = [],
  ) {
    super(message);
    this.name = 'OutputWriteError';
  }
}

export function writeOutputs(
  outDir: string,
  files: readonly OutputFile[],
  options: WriteOptions = {},
): string[] {
  const targets = files.map((file) => ({ file, final: resolveInside(outDir, file.path) }));
  for (const { final } of targets) {
    if (isDirectory(final)) {
      throw new OutputWriteError(
        `cannot write \`${final}\`: a folder of that name is in the way`,
        'move or remove the folder',
      );
    }
  }
  try {
    return writeFilesAtomically(
      targets.map(({ file, final }) => ({ path: final, contents: file.contents })),
      options,
    );
  } catch (cause) {
    const reason = (cause as NodeJS.ErrnoException).code ?? (cause as Error).message;
    const replaced = cause instanceof AtomicWriteError ? cause.replaced : [];
    throw new OutputWriteError(
      `cannot write into \`${outDir}\` (${reason}: ${(cause as Error).message})`,
      'check that the output folder is a writable folder (--out)',
      replaced,
    );
  }
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
