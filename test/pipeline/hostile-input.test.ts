/**
 * Each input that once crashed or hung vita (issue 18: found by fuzzing) is a normal diagnostic now, at its
 * position, in bounded time. Every case goes through the library's `renderCv` in-process, as the fuzz suite
 * does, and must not throw, must not report an `internal` error, and must finish within `SECONDS` (a hang
 * took minutes; the bound is loose because the machine is shared).
 */

import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { formatDiagnostics } from '../../src/diagnostics/format.js';
import {
  MAX_COLLECTION_ITEMS,
  MAX_LINE_CHARS,
  MAX_TOP_LEVEL_KEYS,
  MAX_VALUE_CHARS,
  MAX_YAML_ALIASES,
  MAX_YAML_LINES,
} from '../../src/load/limits.js';
import { renderCv } from '../../src/pipeline/build.js';
import type { TargetName } from '../../src/render/shared/target.js';
import { pdfFlatText } from '../helpers/pdf.js';
import { useTempDirs } from '../helpers/temp-dir.js';

const tempDir = useTempDirs();
const SECONDS = 10;
const HEAD = 'name: Ada Lovelace\nemail: ada@example.org\n';
const WEB_TARGETS: TargetName[] = ['md', 'html', 'tex', 'json'];

interface Outcome {
  readonly diagnostics: readonly Diagnostic[];
  readonly codes: string[];
  readonly ms: number;
  readonly files: ReadonlyMap<string, string | Uint8Array>;
}

/** Writes `cv.yaml` (and `publications/p.bib` when given) and renders it; fails on a throw or an `internal`. */
async function run(
  yaml: string | ((dir: string) => string),
  bib?: string,
  targets: TargetName[] = WEB_TARGETS,
  allowRead: readonly string[] = [],
): Promise<Outcome> {
  const dir = tempDir();
  mkdirSync(path.join(dir, 'publications'));
  if (bib !== undefined) writeFileSync(path.join(dir, 'publications/p.bib'), bib);
  writeFileSync(path.join(dir, 'cv.yaml'), typeof yaml === 'string' ? yaml : yaml(dir));
  const start = performance.now();
  const result = await renderCv({
    files: [path.join(dir, 'cv.yaml')],
    outDir: path.join(dir, 'out'),
    targets,
    now: new Date('2024-01-01T00:00:00Z'),
    allowRead,
  });
  const ms = performance.now() - start;
  expect(result.diagnostics.filter((d) => d.code === 'internal')).toEqual([]);
  expect(ms).toBeLessThan(SECONDS * 1000);
  return {
    diagnostics: result.diagnostics,
    codes: result.diagnostics.map((d) => d.code),
    ms,
    files: new Map(result.files.map((f) => [f.path, f.contents])),
  };
}

const withBib = `${HEAD}order:\n  - [publications, Publications]\npublications:\n  file: p.bib\n  name: Ada Lovelace\n`;
const withFile = (file: string) =>
  `${HEAD}order:\n  - [publications, Publications]\npublications:\n  file: ${file}\n  name: Ada Lovelace\n`;

/** The diagnostic with this code, checked to exist and to have a position. */
function at(outcome: Outcome, code: string): Diagnostic {
  const found = outcome.diagnostics.find((d) => d.code === code);
  expect(found, `no ${code} among ${outcome.codes.join(', ')}`).toBeDefined();
  return found as Diagnostic;
}

describe('YAML: stack overflows and bombs are diagnostics', () => {
  it('an alias that refers to itself (`a: &x [*x]`)', async () => {
    const r = await run(`${HEAD}a: &x [*x]\n`);
    expect(at(r, 'yaml-recursive-alias').position).toMatchObject({ line: 3, column: 8 });
  });

  it('a mapping that merges itself (`<<: *x` inside `&x`)', async () => {
    const r = await run(`${HEAD}a: &x\n  <<: *x\n  b: 1\n`);
    expect(at(r, 'yaml-merge-self').position).toMatchObject({ line: 4, column: 7 });
  });

  it('a merge-key bomb (each level merges and repeats the one before) stops at the expansion limit', async () => {
    let yaml = `${HEAD}a0: &a0 {k: v}\n`;
    for (let i = 1; i <= 30; i++)
      yaml += `a${i}: &a${i}\n  <<: [*a${i - 1}, *a${i - 1}]\n  x: *a${i - 1}\n  y: *a${i - 1}\n`;
    const r = await run(yaml);
    expect(at(r, 'yaml-alias-limit').severity).toBe('error');
  });

  it(`more than ${MAX_YAML_ALIASES.toLocaleString('en-US')} alias expansions stop, however small each is`, async () => {
    const row = `[${Array(100).fill('*x').join(', ')}]`;
    const rows = Array.from({ length: MAX_YAML_ALIASES / 100 + 1 }, (_, i) => `  r${i}: ${row}\n`).join('');
    const r = await run(`${HEAD}x: &x 1\nrows:\n${rows}`);
    expect(at(r, 'yaml-alias-limit').message).toContain('aliases');
  });

  it('many aliases resolve in linear time (the `yaml` package walked the whole file for each)', async () => {
    const items = Array.from({ length: 3000 }, (_, i) => `  - &a${i} {k: ${i}}\n  - *a${i}\n`).join('');
    const r = await run(`${HEAD}list:\n${items}`);
    expect(r.codes.filter((c) => c !== 'unknown-section')).toEqual([]);
    expect(r.ms).toBeLessThan(5000);
  });

  it('100,000 `{` without a `}` stop at the nesting limit', async () => {
    const r = await run(`${HEAD}about: ${'{'.repeat(100_000)}\n`);
    expect(at(r, 'yaml-nesting-limit').position).toMatchObject({ line: 3, column: 8 + 64 });
  });

  it('block nesting 1,000 deep is refused at the nesting limit, not at the end of the stack', async () => {
    let yaml = `${HEAD}deep:\n`;
    for (let i = 1; i <= 1000; i++) yaml += `${' '.repeat(i)}k${i}:\n`;
    const r = await run(yaml);
    expect(at(r, 'yaml-nesting-limit').message).toContain('nest more than 64 deep');
    expect(r.diagnostics.every((d) => !/call stack/i.test(d.message))).toBe(true);
  });
});

describe('YAML: size limits, each at the place it is crossed', () => {
  it('a 20 MB quoted value: the file is refused before it is read', async () => {
    const r = await run(`${HEAD}about: "${'x'.repeat(20_000_000)}"\n`);
    expect(at(r, 'file-too-large').message).toMatch(/above 2 MB/);
  });

  it('a 20 MB plain scalar, 1,000,000 lines: refused by size', async () => {
    expect((await run(`${HEAD}about: ${'x '.repeat(10_000_000)}\n`)).codes).toEqual(['file-too-large']);
    expect((await run(`${HEAD}${'# c\n'.repeat(1_000_000)}`)).codes).toEqual(['file-too-large']);
  });

  it('one long line without a newline: an error at the column where it crosses the limit', async () => {
    const r = await run(`${HEAD}about: ${'y'.repeat(1_500_000)}`);
    expect(at(r, 'line-too-long').position).toMatchObject({ line: 3, column: MAX_LINE_CHARS + 1 });
  });

  it(`more than ${MAX_YAML_LINES.toLocaleString('en-US')} lines: an error at the first line past the limit`, async () => {
    const r = await run(`${HEAD}${'#\n'.repeat(MAX_YAML_LINES + 10)}`);
    expect(at(r, 'too-many-lines').position).toMatchObject({ line: MAX_YAML_LINES + 1, column: 1 });
  });

  it('a value longer than the limit, in a block scalar of short lines', async () => {
    const lines = Array.from({ length: 2000 }, () => `  ${'z'.repeat(60)}`).join('\n');
    const r = await run(`${HEAD}about: |\n${lines}\n`);
    expect(at(r, 'value-too-long').position).toMatchObject({ line: 3, column: 8 });
    expect(MAX_VALUE_CHARS).toBeLessThan(2000 * 61);
  });

  it('20,000 order entries: an error at the first entry past the limit', async () => {
    const entries = Array.from({ length: 20_000 }, (_, i) => `  - [s${i}, T${i}]\n`).join('');
    const r = await run(`${HEAD}order:\n${entries}`);
    expect(at(r, 'too-many-items').position).toMatchObject({ line: 4 + MAX_COLLECTION_ITEMS, column: 5 });
  });

  it('50,000 sections: refused by the line limit; 1,500 sections: by the top-level key limit', async () => {
    const many = (n: number) => Array.from({ length: n }, (_, i) => `s${i}:\n  - a\n`).join('');
    expect((await run(`${HEAD}${many(50_000)}`)).codes).toEqual(['too-many-lines']);
    const r = await run(`${HEAD}${many(1500)}`);
    // The first key past the limit: HEAD's two keys, then two lines per section from line 3.
    expect(at(r, 'too-many-items').position).toMatchObject({ line: 3 + 2 * (MAX_TOP_LEVEL_KEYS - 2) });
  });
});

describe('files that are not regular files', () => {
  it('`file: /dev/urandom` is outside the CV folder: refused at the `file:` line', async () => {
    const r = await run(withFile('/dev/urandom'));
    expect(at(r, 'input-outside-folder').position).toMatchObject({ line: 6 });
  });

  it('`file: /dev/urandom` (a device that never ends), its folder allowed, is refused at the `file:` line', async () => {
    const r = await run(withFile('/dev/urandom'), undefined, WEB_TARGETS, ['/dev']);
    const d = at(r, 'file-unreadable');
    expect(d.message).toContain('a device, not a regular file');
    expect(d.position).toMatchObject({ line: 6 });
  });

  it('a FIFO (opening it would wait for a writer) and a folder are refused', async () => {
    const fifo = await run((dir) => {
      execFileSync('mkfifo', [path.join(dir, 'publications/f.bib')]);
      return withFile('f.bib');
    });
    expect(at(fifo, 'file-unreadable').message).toContain('a named pipe (FIFO), not a regular file');
    const folder = await run((dir) => {
      mkdirSync(path.join(dir, 'publications/d.bib'));
      return withFile('d.bib');
    });
    expect(at(folder, 'file-unreadable').message).toContain('a folder');
  });

  it('a symlink to a device is refused too', async () => {
    const link = (dir: string) => {
      symlinkSync('/dev/zero', path.join(dir, 'publications/z.bib'));
      return withFile('z.bib');
    };
    expect(at(await run(link), 'input-outside-folder').position).toMatchObject({ line: 6 });
    const allowed = await run(link, undefined, WEB_TARGETS, ['/dev']);
    expect(at(allowed, 'file-unreadable').message).toContain('a device');
  });
});

describe('BibTeX', () => {
  it('a file that is only `@article{` and newlines', async () => {
    const r = await run(withBib, `@article{${'\n'.repeat(100_000)}`);
    expect(at(r, 'bibtex-unbalanced-braces').position).toMatchObject({
      file: expect.stringContaining('p.bib'),
    });
  });

  it('`@string` macros that double up to 2^30 characters stop at the expansion limit', async () => {
    let bib = '@string{a0 = "xx"}\n';
    for (let i = 1; i <= 30; i++) bib += `@string{a${i} = a${i - 1} # a${i - 1}}\n`;
    bib += '@article{k, title = a30, author = {Ada Lovelace}, journal = {J}, year = 2020}\n';
    const r = await run(withBib, bib);
    expect(at(r, 'bibtex-macro-too-long').severity).toBe('error');
  });

  it('a field that is one huge brace group: an error where the value crosses the limit', async () => {
    for (const inner of ['x'.repeat(20_000_000), '{x}'.repeat(1_000_000)]) {
      const r = await run(withBib, `@article{k, title = {${inner}}, author = {Ada Lovelace}, year = 2020}\n`);
      expect(at(r, 'value-too-long').position).toMatchObject({ line: 1, column: 22 + MAX_VALUE_CHARS });
    }
  });

  it('a long author list with an unclosed brace', async () => {
    const authors = Array.from({ length: 3000 }, (_, i) => `Author${i} {Name${i}`).join(' and ');
    const r = await run(withBib, `@article{k, title = {T}, author = {${authors}}, year = 2020}\n`);
    expect(r.diagnostics.some((d) => d.severity === 'error')).toBe(true);
  });
});

describe('targets', () => {
  it('a URL longer than Typst accepts: a warning, and the PDF is made with the text unlinked', async () => {
    const long = `https://example.org/${'a'.repeat(9000)}`;
    const yaml = `${HEAD}url: ${long}\norder:\n  - [news, News]\nnews:\n  - date: 2020\n    info: see \\href{${long}}{the long link}\n`;
    const r = await run(yaml, undefined, ['pdf', 'html']);
    expect(r.codes).toEqual(['url-too-long', 'url-too-long']);
    const pdf = r.files.get('cv.pdf');
    expect(pdf).toBeInstanceOf(Uint8Array);
    expect(await pdfFlatText(pdf as Uint8Array)).toContain('the long link');
    // The web page keeps the link.
    expect(r.files.get('index.html')).toContain(long);
  }, 60_000);

  it('a URL of exactly 8,000 bytes is still linked', async () => {
    const url = `https://example.org/${'a'.repeat(8000 - 20)}`;
    const r = await run(`${HEAD}url: ${url}\n`, undefined, ['pdf']);
    expect(r.codes).toEqual([]);
  }, 60_000);
});

describe('printing diagnostics', () => {
  it('4,000 warnings print in linear time, the first 200 in full and the rest counted', () => {
    const text = `${'x: 1\n'.repeat(4000)}`;
    const diagnostics: Diagnostic[] = Array.from({ length: 4000 }, (_, i) => ({
      severity: i % 2 === 0 ? 'warning' : 'error',
      code: 'unknown-section',
      message: `unknown key \`k${i}\` number ${i}`,
      hints: ['a hint'],
      position: { file: 'cv.yaml', line: i + 1, column: 1 },
    }));
    const start = performance.now();
    const out = formatDiagnostics(diagnostics, { sources: new Map([['cv.yaml', text]]), color: false });
    const ms = performance.now() - start;
    expect(ms).toBeLessThan(1000);
    expect(out.match(/\[unknown-section\]/g)).toHaveLength(200);
    expect(out).toContain('… and 3,800 more not printed (1,900 errors, 1,900 warnings');
  });

  it('a code frame of a 100,000-character line shows a window around the column', () => {
    const line = `about: ${'y'.repeat(200_000)}`;
    const out = formatDiagnostics(
      [
        {
          severity: 'error',
          code: 'line-too-long',
          message: 'long',
          hints: [],
          position: { file: 'cv.yaml', line: 1, column: 100_001 },
        },
      ],
      { sources: new Map([['cv.yaml', line]]), color: false },
    );
    for (const printed of out.split('\n')) expect(printed.length).toBeLessThan(200);
    expect(out).toMatch(/> 1 \| \.\.\.y+\.\.\.\n/);
  });
});
