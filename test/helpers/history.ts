/**
 * bamos/cv's `cv.yaml` at 46 points of its history: a large conformance corpus that lives beside the
 * repository (../shared/corpus/bamos-cv-history), not in it. Tests that read it skip without it, and say
 * so in the run's summary line (test/helpers/skips.ts); CI has it, and fails on any skip.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { registerSkip } from './skips.js';
import { SHARED_DIR } from './temp-dir.js';

export const HISTORY_DIR = path.join(SHARED_DIR, 'corpus/bamos-cv-history');

/** Whether the history corpus is there; when it is not, registers `group` as skipped. */
export function historyPresent(group: string): boolean {
  if (existsSync(HISTORY_DIR)) return true;
  registerSkip(group, `put bamos/cv's history corpus at ${HISTORY_DIR} (../shared beside the repository)`);
  return false;
}
