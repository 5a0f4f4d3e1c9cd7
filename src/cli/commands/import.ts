/** `vita import jsonresume FILE [--out DIR]`: a cv.yaml (and publications.bib) from a JSON Resume document. */
import path from 'node:path';
import { importJsonResume } from '../../import/jsonresume/index.js';
import { existingPaths } from '../../init/no-overwrite.js';
import { readTextFile } from '../../load/read-text-file.js';
import { displayPath } from '../../pipeline/load-cv.js';
import { writeOutputs } from '../../pipeline/write-outputs.js';
import type { ImportCommandOptions } from '../options.js';
import { type Io, reportDiagnostics } from '../report.js';

export function runImportJsonResume(io: Io, file: string, options: ImportCommandOptions): number {
  const input = path.resolve(io.cwd, file);
  const shown = displayPath(input);
  const read = readTextFile(input, shown);
  if (!read.ok) {
    reportDiagnostics(io, [read.diagnostic], new Map());
    return 1;
  }
  const result = importJsonResume(read.text, shown);
  // Every field left behind is listed: each is something to move by hand.
  const hasErrors = reportDiagnostics(io, result.diagnostics, new Map([[shown, read.text]]), {
    verbose: true,
  });
  if (hasErrors) {
    io.stderr.write('nothing was written\n');
    return 1;
  }
  const outDir = path.resolve(io.cwd, options.out);
  const existing = existingPaths(outDir, result.files);
  if (existing.length > 0) {
    io.stderr.write(`vita: error: not overwriting ${existing.map((f) => displayPath(f)).join(', ')}\n`);
    io.stderr.write('  hint: nothing was written; choose another folder with --out\n');
    return 1;
  }
  const written = writeOutputs(outDir, result.files);
  io.stdout.write(`wrote ${written.map((f) => displayPath(f)).join(', ')}\n`);
  return 0;
}
