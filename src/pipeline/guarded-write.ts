/**
 * The one way a build's files reach the disk, shared by `vita build` and watch mode: publication images
 * already in place are skipped, no output may replace an input (input-guard.ts), temporary files an
 * interrupted earlier run left where this one writes are removed (and reported), and the files are written
 * atomically (write-outputs.ts). Every outcome is a diagnostic; nothing here throws for a user's problem.
 */
import path from 'node:path';
import { type Diagnostic, error, warning } from '../diagnostics/diagnostic.js';
import type { OutputFile } from '../render/shared/target.js';
import { removeStaleTempFiles } from '../util/atomic-write.js';
import { findClobber, sameFile } from './input-guard.js';
import { displayPath } from './load-cv.js';
import { OutputWriteError, writeOutputs } from './write-outputs.js';

export interface GuardedWrite {
  readonly outDir: string;
  readonly files: readonly OutputFile[];
  /** The copied files among `files` (publication images): output path -> absolute source path. */
  readonly copies?: ReadonlyMap<string, string> | undefined;
  /** Absolute paths of every file the build read (input-guard.ts `inputFiles`). */
  readonly inputs: readonly string[];
  /** Flush to disk (fsync) before renaming: default true; watch mode writes without (atomic-write.ts). */
  readonly durable?: boolean | undefined;
}

export interface GuardedWriteResult {
  /** Absolute paths replaced; after a rename that failed half-way, those already replaced. */
  readonly written: readonly string[];
  readonly diagnostics: readonly Diagnostic[];
  /** Refused (an output would replace an input) or failed: an error is among the diagnostics. */
  readonly failed: boolean;
  /** Milliseconds spent writing (0 when refused). */
  readonly ms: number;
}

export function writeGuarded(request: GuardedWrite): GuardedWriteResult {
  const { outDir, copies } = request;
  // A publication image copied onto itself (`--out` is the CV's folder) is already in place: not written.
  const files = request.files.filter((f) => {
    const source = copies?.get(f.path);
    return source === undefined || !sameFile(path.resolve(outDir, f.path), source);
  });
  const clobbered = findClobber(
    outDir,
    files.map((f) => f.path),
    request.inputs,
  );
  if (clobbered) {
    const problem = error({
      code: 'output-overwrites-input',
      message: `the output \`${displayPath(path.resolve(outDir, clobbered.output))}\` would overwrite the input \`${displayPath(clobbered.input)}\`; nothing was written`,
      hints: ['choose another --out folder (or --html-name)'],
    });
    return { written: [], diagnostics: [problem], failed: true, ms: 0 };
  }
  if (files.length === 0) return { written: [], diagnostics: [], failed: false, ms: 0 };
  const start = performance.now();
  const stale = removeStaleTempFiles(files.map((f) => path.dirname(path.resolve(outDir, f.path))));
  const cleaned =
    stale.length === 0
      ? []
      : [
          warning({
            code: 'stale-temp-files-removed',
            message: `removed ${stale.length} temporary ${stale.length === 1 ? 'file' : 'files'} an interrupted earlier build left behind (${stale.map((f) => `\`${displayPath(f)}\``).join(', ')})`,
          }),
        ];
  try {
    const written = writeOutputs(outDir, files, { durable: request.durable });
    return { written, diagnostics: cleaned, failed: false, ms: performance.now() - start };
  } catch (cause) {
    if (!(cause instanceof OutputWriteError)) throw cause;
    const replaced = cause.replaced.map((f) => `\`${displayPath(f)}\``).join(', ');
    const problem = error({
      code: 'output-write-failed',
      message:
        cause.replaced.length === 0
          ? cause.message
          : `${cause.message}; already replaced before the failure: ${replaced}; every other output is unchanged`,
      hints: cause.hint ? [cause.hint] : [],
    });
    return {
      written: cause.replaced,
      diagnostics: [...cleaned, problem],
      failed: true,
      ms: performance.now() - start,
    };
  }
}
