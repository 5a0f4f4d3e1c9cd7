/**
 * Tests that need an optional system program skip when it is missing, and say so once: each registers the
 * skipped group and how to get the program back; the run's summary (test/setup/skip-summary.ts) prints one
 * line naming them all, and fails the run when VITA_REQUIRE_ALL=1 (as .ci/run sets it).
 *
 * Works with the forks pool: each test process appends to a file in a folder the global setup made and
 * handed to the workers through vitest's provide/inject.
 */
import { appendFileSync, existsSync, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { inject } from 'vitest';
import { SKIPS_FILE_PREFIX, type SkipRecord } from '../setup/skip-records.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The folder where test processes record skipped groups (test/setup/global-setup.ts). */
    vitaSkipsDir: string;
  }
}

/**
 * Records that a group of tests is skipped (call it where the test file decides to skip). Also warns at
 * once, so a run of a single file shows why it skipped.
 */
export function registerSkip(group: string, howToGetIt: string): void {
  const record: SkipRecord = { group, howToGetIt };
  let dir: string | undefined;
  try {
    dir = inject('vitaSkipsDir');
  } catch {
    dir = undefined;
  }
  if (dir !== undefined && existsSync(dir)) {
    appendFileSync(join(dir, `${SKIPS_FILE_PREFIX}${process.pid}.jsonl`), `${JSON.stringify(record)}\n`);
  }
  console.warn(`skipped: ${group}; to run it: ${howToGetIt}`);
}

/** The first executable `name` on PATH, or undefined: how the tests look for optional programs. */
export function findProgram(name: string, pathVariable = process.env.PATH ?? ''): string | undefined {
  for (const dir of pathVariable.split(delimiter)) {
    if (dir === '') continue;
    const file = join(dir, name);
    try {
      if (statSync(file).isFile()) return file;
    } catch {
      // not in this folder
    }
  }
  return undefined;
}
