/**
 * vita reads YAML as PyYAML's safe_load (the original tool's reader) does. The expected values were computed
 * by PyYAML itself, by hand, with scripts/pyyaml-oracle.py (see its header; CI has no PyYAML): each
 * test/fixtures/pyyaml/<case>/expected.json beside its case.yaml, and test/fixtures/pyyaml-history/<case>.json
 * for each cv.yaml of ../shared/corpus/bamos-cv-history. Floats and timestamps are compared as the text
 * written, which is what vita keeps (src/load/yaml-source.ts).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { YamlSource } from '../../src/load/yaml-source.js';
import { HISTORY_DIR, historyPresent } from '../helpers/history.js';
import { REPO_DIR } from '../helpers/temp-dir.js';

type Oracle = { data: unknown } | { error: string } | { recursive: true };

const CASES_DIR = path.join(REPO_DIR, 'test/fixtures/pyyaml');
const HISTORY_FIXTURES = path.join(REPO_DIR, 'test/fixtures/pyyaml-history');

function read(file: string, text: string): { data: unknown; diagnostics: Diagnostic[] } {
  const { source, diagnostics } = YamlSource.parse(file, text);
  return { data: source.toData(), diagnostics };
}

/** `code@line:col` of each diagnostic, in order. */
const where = (diagnostics: readonly Diagnostic[]) =>
  diagnostics.map((d) => `${d.severity} ${d.code}@${d.position?.line}:${d.position?.column}`);

/**
 * What vita reports for each small case (none for a case not listed). Where PyYAML refuses a file or builds
 * data that refers to itself, `data` is what vita reads instead (or nothing, on an error).
 */
const EXPECTED: Record<string, { diagnostics: string[]; data?: unknown }> = {
  'duplicate-keys': { diagnostics: ['warning yaml-duplicate-key@4:3'] },
  'quoted-indent-double': { diagnostics: ['warning yaml-quoted-indent@4:9'] },
  'quoted-indent-single': { diagnostics: ['warning yaml-quoted-indent@1:8'] },
  'quoted-indent-news': {
    diagnostics: [
      'warning yaml-quoted-indent@3:11',
      'warning yaml-quoted-indent@8:11',
      'warning yaml-quoted-indent@13:11',
    ],
  },
  // `"fifth` goes on at column 2, enough for the `yaml` package: no warning for it. `'third` and `'three`
  // open on lines that are themselves re-indented (the end of the scalar before).
  'quoted-indent-flow': {
    diagnostics: [
      'warning yaml-quoted-indent@1:8',
      'warning yaml-quoted-indent@2:10',
      'warning yaml-quoted-indent@5:10',
      'warning yaml-quoted-indent@6:10',
    ],
  },
  'merge-self': { diagnostics: ['warning yaml-merge-self@3:7'] },
  'merge-not-mapping': { diagnostics: ['error yaml-merge-invalid@2:7'] },
  'alias-self': { diagnostics: ['error yaml-recursive-alias@1:11'] },
  'alias-self-map': { diagnostics: ['error yaml-recursive-alias@1:11'] },
  // PyYAML refuses `\h`; vita keeps the two characters (a LaTeX command), with a warning.
  'unknown-escape': {
    diagnostics: ['warning yaml-unknown-escape@1:30'],
    data: { about: 'I publish my code to \\href{https://github.com/bamos}{GitHub}.' },
  },
  // PyYAML refuses `---` at column 0 inside quotes too.
  'document-marker-in-quotes': { diagnostics: ['error yaml-syntax@1:9', 'error yaml-syntax@2:1'] },
};

const cases = readdirSync(CASES_DIR).filter((c) => existsSync(path.join(CASES_DIR, c, 'case.yaml')));

describe('YAML read as PyYAML reads it (small cases)', () => {
  it('has a case for each rule', () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
  });

  it.each(cases)('%s', (name) => {
    const text = readFileSync(path.join(CASES_DIR, name, 'case.yaml'), 'utf8');
    const oracle = JSON.parse(readFileSync(path.join(CASES_DIR, name, 'expected.json'), 'utf8')) as Oracle;
    const expected = EXPECTED[name] ?? { diagnostics: [] };
    const { data, diagnostics } = read(`${name}.yaml`, text);
    expect(where(diagnostics)).toEqual(expected.diagnostics);
    if ('data' in oracle) {
      expect(data).toEqual(oracle.data);
    } else if (expected.data !== undefined) {
      expect(data).toEqual(expected.data);
    } else {
      // PyYAML refuses the file, or builds data that contains itself: vita must say so with an error.
      expect(diagnostics.some((d) => d.severity === 'error')).toBe(true);
    }
  });
});

describe('the duplicate-key warning', () => {
  it('names the places of both keys', () => {
    const { diagnostics } = read('cv.yaml', 'a:\n  k: 1\n  j: 2\n  k: 3\n');
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]?.message).toContain('`k`');
    expect(diagnostics[0]?.message).toContain('2:3 and 4:3');
  });

  it('is given once for a mapping reached through several aliases', () => {
    const { data, diagnostics } = read('cv.yaml', 'a: &x {k: 1, k: 2}\nb: *x\nc: [*x, *x]\n');
    expect(where(diagnostics)).toEqual(['warning yaml-duplicate-key@1:14']);
    expect(data).toEqual({ a: { k: 2 }, b: { k: 2 }, c: [{ k: 2 }, { k: 2 }] });
  });
});

describe('positions after re-indenting quoted scalars', () => {
  const text = 'a: "one\ntwo"\nb: x\nc: [1, 2\n';
  it('points at the file as written', () => {
    const { diagnostics } = read('cv.yaml', text);
    const codes = where(diagnostics);
    expect(codes[0]).toBe('warning yaml-quoted-indent@1:4');
    // The unrelated error (an unclosed `[`) keeps its position in the file as written.
    expect(
      codes
        .slice(1)
        .every((c) => c.startsWith('error yaml-syntax@4:') || c.startsWith('error yaml-syntax@5:')),
    ).toBe(true);
  });

  it('maps the positions of values on re-indented lines back to their columns', () => {
    const { source } = YamlSource.parse('cv.yaml', 'a: "one\ntwo" \nb: [x,\n  "y\nz"]\n');
    expect(source.toData()).toEqual({ a: 'one two', b: ['x', 'y z'] });
    expect(source.positionOf(['b'])).toEqual({ file: 'cv.yaml', line: 3, column: 4 });
    expect(source.positionOf(['b', 1])).toEqual({ file: 'cv.yaml', line: 4, column: 3 });
    expect(source.positionOf(['a'])).toEqual({ file: 'cv.yaml', line: 1, column: 4 });
  });
});

describe('hostile aliases', () => {
  it('a mapping that merges the mapping holding it is an error (PyYAML builds a structure holding itself)', () => {
    const { data, diagnostics } = read('cv.yaml', 'a: &a\n  k: 1\n  m:\n    <<: *a\n');
    expect(data).toEqual({ a: { k: 1, m: { k: 1, m: null } } });
    expect(diagnostics.some((d) => d.code === 'yaml-recursive-alias')).toBe(true);
  });

  it('a merge of a list holding a non-mapping is an error at that item', () => {
    const { diagnostics } = read('cv.yaml', 'a: &a {k: 1}\nb:\n  <<: [*a, 3]\n');
    expect(where(diagnostics)).toEqual(['error yaml-merge-invalid@3:12']);
  });
});

const hasHistory = historyPresent('PyYAML conformance of the bamos/cv history');
describe.skipIf(!hasHistory)('every cv.yaml of bamos/cv history reads as PyYAML reads it', () => {
  const history = hasHistory
    ? readdirSync(HISTORY_DIR).filter((c) => existsSync(path.join(HISTORY_DIR, c, 'cv.yaml')))
    : [];

  it('has a PyYAML fixture for every case', () => {
    expect(history.length).toBeGreaterThanOrEqual(46);
    for (const c of history) expect(existsSync(path.join(HISTORY_FIXTURES, `${c}.json`)), c).toBe(true);
  });

  it.each(history)('%s', (name) => {
    const text = readFileSync(path.join(HISTORY_DIR, name, 'cv.yaml'), 'utf8');
    const oracle = JSON.parse(readFileSync(path.join(HISTORY_FIXTURES, `${name}.json`), 'utf8')) as Oracle;
    const { data, diagnostics } = read('cv.yaml', text);
    expect(diagnostics.filter((d) => d.severity === 'error').map((d) => d.message)).toEqual([]);
    if ('data' in oracle) {
      expect(data).toEqual(oracle.data);
    } else {
      // PyYAML refuses only 2022-06-23 (`\href` in double quotes): vita reads it with a warning.
      expect(diagnostics.map((d) => d.code)).toContain('yaml-unknown-escape');
    }
  });
});

describe('where PyYAML refuses a file and the `yaml` package would read it oddly', () => {
  it('a `:` with no key before it is an error (not a key `null`)', () => {
    expect(where(read('cv.yaml', 'a: [b, c]: d\n').diagnostics)).toEqual(['error yaml-syntax@1:10']);
    expect(where(read('cv.yaml', 'a: 1\n: d\n').diagnostics)).toEqual(['error yaml-syntax@2:1']);
  });

  it('an explicit empty key (`?`) is still read, as PyYAML reads it', () => {
    const { data, diagnostics } = read('cv.yaml', '?\n: d\n');
    expect(diagnostics).toEqual([]);
    expect(data).toEqual({ null: 'd' });
  });
});

describe('positions of merged and repeated keys', () => {
  const text = 'base: &b\n  a: 1\n  b: 2\nderived:\n  <<: *b\n  b: 3\n  b: 4\n';
  it('a merged key points where it is written; a repeated key at the value that is used', () => {
    const { source } = YamlSource.parse('cv.yaml', text);
    expect(source.toData()).toEqual({ base: { a: 1, b: 2 }, derived: { a: 1, b: 4 } });
    expect(source.positionOf(['derived', 'a'])).toEqual({ file: 'cv.yaml', line: 2, column: 6 });
    expect(source.positionOf(['derived', 'b'])).toEqual({ file: 'cv.yaml', line: 7, column: 6 });
    expect(source.topLevelKeys()).toEqual(['base', 'derived']);
  });
});
