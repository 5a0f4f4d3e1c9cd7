/** What test/helpers/skips.ts writes and test/setup/skip-summary.ts reads (no vitest import: both sides use it). */

export interface SkipRecord {
  /** What is not tested, e.g. `website in Chromium (test/html/browser.test.ts)`. */
  readonly group: string;
  /** What brings it back, e.g. `apt-get install chromium`. */
  readonly howToGetIt: string;
}

/** The file name prefix of the records in the skips folder (one file per test process). */
export const SKIPS_FILE_PREFIX = 'skips-';

/** The main process's variable holding the skips folder (set by the global setup, read by the reporter). */
export const SKIPS_DIR_VARIABLE = 'VITA_TEST_SKIPS_DIR';

/**
 * `Skipped 3 test groups for missing programs: a, b (apt-get install x); c (apt-get install y)`: the
 * groups joined by what brings them back.
 */
export function summaryLine(records: readonly SkipRecord[]): string {
  const byFix = new Map<string, Set<string>>();
  for (const { group, howToGetIt } of records) {
    const groups = byFix.get(howToGetIt) ?? new Set<string>();
    groups.add(group);
    byFix.set(howToGetIt, groups);
  }
  const count = new Set(records.map((r) => r.group)).size;
  const list = [...byFix].map(([fix, groups]) => `${[...groups].join(', ')} (${fix})`).join('; ');
  return `Skipped ${count} test group${count === 1 ? '' : 's'} for missing programs: ${list}`;
}
