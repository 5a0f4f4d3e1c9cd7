/**
 * Makes the folder where test processes record the groups they skip (test/helpers/skips.ts) and hands it
 * to them. At teardown, the very end of the run, prints one line naming every skipped group and what
 * brings it back; with VITA_REQUIRE_ALL=1 (as .ci/run sets it) a skipped group fails the run.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { SKIPS_DIR_VARIABLE, SKIPS_FILE_PREFIX, type SkipRecord, summaryLine } from './skip-records.js';

function readRecords(dir: string): SkipRecord[] {
  return readdirSync(dir)
    .filter((file) => file.startsWith(SKIPS_FILE_PREFIX))
    .flatMap((file) =>
      readFileSync(path.join(dir, file), 'utf8')
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line) => JSON.parse(line) as SkipRecord),
    );
}

export default function setup(project: TestProject): () => void {
  const dir = mkdtempSync(path.join(tmpdir(), 'vita-skips-'));
  process.env[SKIPS_DIR_VARIABLE] = dir;
  project.provide('vitaSkipsDir', dir);
  return () => {
    const records = readRecords(dir);
    rmSync(dir, { recursive: true, force: true });
    if (records.length === 0) return;
    if (process.env.VITA_REQUIRE_ALL === '1') {
      console.log(`\nERROR: ${summaryLine(records)}. VITA_REQUIRE_ALL=1 requires every test to run.\n`);
      process.exitCode = 1;
    } else {
      console.log(`\n${summaryLine(records)}\n`);
    }
  };
}
