/**
 * A vitest reporter for VITA_REQUIRE_ALL=1 (CI): any skipped test fails the run, also one skipped without
 * registering its group (test/helpers/skips.ts), e.g. an `it.skip` left behind. The summary line of the
 * registered groups is printed by test/setup/global-setup.ts, last.
 */
import path from 'node:path';
import type { Reporter, TestModule } from 'vitest/node';

export default class SkipSummary implements Reporter {
  onTestRunEnd(testModules: readonly TestModule[]): void {
    if (process.env.VITA_REQUIRE_ALL !== '1') return;
    const skipped: string[] = [];
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        if (test.result().state === 'skipped') {
          skipped.push(`${path.relative(process.cwd(), module.moduleId)} > ${test.fullName}`);
        }
      }
    }
    if (skipped.length === 0) return;
    console.log(`\nERROR: ${skipped.length} tests skipped; VITA_REQUIRE_ALL=1 requires every test to run:`);
    for (const name of skipped.slice(0, 20)) console.log(`  ${name}`);
    if (skipped.length > 20) console.log(`  ... and ${skipped.length - 20} more`);
    process.exitCode = 1;
  }
}
