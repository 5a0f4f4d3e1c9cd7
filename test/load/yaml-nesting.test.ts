/**
 * Deep flow nesting (`about: {{{{...`) is refused before the `yaml` package parses it, with an error at the
 * bracket that goes too deep; nesting under the limit parses in time linear in its depth (a collection used as a
 * key no longer goes through the exponential stringify). Times are printed, not asserted.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { flowNestingBeyond, MAX_FLOW_NESTING, YamlSource } from '../../src/load/yaml-source.js';
import { runCli } from '../helpers/run-cli.js';
import { useTempDirs } from '../helpers/temp-dir.js';

const tempDir = useTempDirs();

describe('flow nesting limit', () => {
  // The CLI's first run loads its modules; the times printed below are of warm runs.
  beforeAll(async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'cv.yaml'), 'about: [\n');
    await runCli(['build', 'cv.yaml', '--out', 'out'], { cwd: dir });
  });

  it('counts only brackets the parser reads as flow collections', () => {
    expect(flowNestingBeyond('a: [[[1]]]\n', 2)).toBe(5); // the third `[`, at offset 5
    expect(flowNestingBeyond('a: [[[1]]]\n', 3)).toBeUndefined();
    // Brackets in quotes, comments and block scalars are text.
    const text = `a: "${'{'.repeat(100)}"\nb: '${'['.repeat(100)}'\n# ${'{'.repeat(100)}\nc: |\n  ${'{'.repeat(100)}\n`;
    expect(flowNestingBeyond(text, 3)).toBeUndefined();
    // Closing brackets inside quotes do not hide real nesting.
    expect(flowNestingBeyond('a: [ "]]]]", [ \'}}}}\', [ [1] ] ] ]\n', 3)).toBe(25);
  });

  it('a CV with plain text braces and a few levels of flow nesting still parses', () => {
    const { diagnostics } = YamlSource.parse('cv.yaml', 'about: a {b} c\nx: {a: [1, {b: [2]}]}\n');
    expect(diagnostics).toEqual([]);
  });

  it.each([
    [30, 'yaml-syntax', 2, 1],
    [100, 'yaml-nesting-limit', 1, 8 + MAX_FLOW_NESTING],
    [100_000, 'yaml-nesting-limit', 1, 8 + MAX_FLOW_NESTING],
  ])('`about: ` and %i `{`: a clean %s error at its position', async (n, code, line, column) => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'cv.yaml'), `about: ${'{'.repeat(n)}\n`);
    const start = performance.now();
    const r = await runCli(['build', 'cv.yaml', '--out', 'out'], { cwd: dir });
    const ms = performance.now() - start;
    console.log(`about: + ${n} {: exit ${r.code} in ${ms.toFixed(0)} ms`);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`cv.yaml:${line}:${column}: error:`);
    expect(r.stderr).toContain(`[${code}]`);
    if (code === 'yaml-nesting-limit') expect(r.stderr).toContain('nest more than 64 deep');
  });

  it('nesting just under the limit, balanced, parses quickly (a collection key is its text)', () => {
    const depth = MAX_FLOW_NESTING;
    const start = performance.now();
    const { source, diagnostics } = YamlSource.parse(
      'cv.yaml',
      `about: ${'{'.repeat(depth)}${'}'.repeat(depth)}\n`,
    );
    source.toData();
    console.log(`balanced nesting ${depth}: ${(performance.now() - start).toFixed(0)} ms`);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });
});
