/**
 * Every input path's wrong inputs: each gives its diagnostic at the right file:line:col, a non-zero exit,
 * and nothing written.
 */
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { useTempDirs } from '../helpers/temp-dir.js';

const tempDir = useTempDirs();

const VALID = `name:
  first: Ada
  last: Lovelace
order:
  - [education, Education]
education:
  - school: University of London
    location: London
    dates: 1840--1843
`;

async function buildIn(files: Record<string, string | Buffer>, args: string[] = []) {
  const dir = tempDir();
  for (const [name, contents] of Object.entries(files)) writeFileSync(path.join(dir, name), contents);
  const out = path.join(dir, 'out');
  const run = await runCli(
    ['build', path.join(dir, 'cv.yaml'), '--out', out, '--only', 'md', '--offline', ...args],
    { cwd: dir },
  );
  const written = existsSync(out) ? readdirSync(out) : [];
  return { ...run, dir, written };
}

/** The `file:line:col: severity: ` prefix of the first diagnostic whose message matches. */
function located(stderr: string, message: RegExp): { line: number; column: number; severity: string } {
  for (const line of stderr.split('\n')) {
    const m = /cv\.yaml:(\d+):(\d+): (error|warning): (.*)$/.exec(line);
    if (m && message.test(m[4] as string))
      return { line: Number(m[1]), column: Number(m[2]), severity: m[3] as string };
  }
  throw new Error(`no diagnostic matching ${message} in:\n${stderr}`);
}

describe('bad input', () => {
  it('builds the valid baseline', async () => {
    const r = await buildIn({ 'cv.yaml': VALID });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.written).toEqual(['cv.md']);
  });

  it('malformed YAML', async () => {
    const r = await buildIn({ 'cv.yaml': 'name: Ada\neducation:\n  - school: [unclosed\n    dates: 1840\n' });
    expect(r.code).toBe(1);
    expect(located(r.stderr, /invalid YAML: unclosed `\[`/)).toMatchObject({
      line: 4,
      column: 5,
      severity: 'error',
    });
    expect(r.stderr).toContain('hint:');
    expect(r.stderr).not.toMatch(/\n\s+at .*\(.*:\d+:\d+\)/); // no stack trace
    expect(r.written).toEqual([]);
  });

  it('a wrong type', async () => {
    const r = await buildIn({ 'cv.yaml': VALID.replace('dates: 1840--1843', 'dates: [1840, 1843]') });
    expect(r.code).toBe(1);
    expect(located(r.stderr, /`education\[0\]\.dates`: expected text/)).toMatchObject({
      line: 9,
      column: 12,
    });
    expect(r.stderr).toContain('got a list');
    expect(r.written).toEqual([]);
  });

  it('a whole section of the wrong type', async () => {
    const r = await buildIn({ 'cv.yaml': VALID.replace(/education:\n[\s\S]*$/, 'education: Oxford\n') });
    expect(r.code).toBe(1);
    expect(located(r.stderr, /`education`: expected a list, got text "Oxford"/)).toMatchObject({
      line: 6,
      column: 12,
    });
    expect(r.written).toEqual([]);
  });

  it('an unknown key, with a suggestion', async () => {
    const r = await buildIn({ 'cv.yaml': VALID.replace('location: London', 'loaction: London') });
    expect(r.code).toBe(1);
    expect(located(r.stderr, /unknown key `loaction`/)).toMatchObject({
      line: 8,
      column: 5,
      severity: 'error',
    });
    expect(r.stderr).toContain('did you mean `location`?');
    expect(r.stderr).toMatch(/> +8 \| {5}loaction: London\n +\| +\^/);
    expect(r.written).toEqual([]);
  });

  it('a missing file', async () => {
    const dir = tempDir();
    const r = await runCli(
      ['build', path.join(dir, 'nope.yaml'), '--out', path.join(dir, 'out'), '--only', 'md'],
      { cwd: dir },
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/error: cannot read `.*nope\.yaml`: no such file/);
    expect(existsSync(path.join(dir, 'out'))).toBe(false);
  });

  it('an empty file', async () => {
    const r = await buildIn({ 'cv.yaml': '\n  \n' });
    expect(r.code).toBe(1);
    expect(located(r.stderr, /is empty/)).toMatchObject({ line: 1, column: 1 });
    expect(r.written).toEqual([]);
  });

  it('a file that is not UTF-8', async () => {
    const latin1 = Buffer.concat([
      Buffer.from('name: Ada\norder: []\ncity: Z'),
      Buffer.from([0xfc]),
      Buffer.from('rich\n'),
    ]);
    const r = await buildIn({ 'cv.yaml': latin1 });
    expect(r.code).toBe(1);
    expect(located(r.stderr, /not valid UTF-8 \(byte 0xfc/)).toMatchObject({ line: 3, column: 8 });
    expect(r.written).toEqual([]);
  });

  it('an unknown section: a warning with a generic list, and an error under --strict', async () => {
    const yaml =
      VALID.replace('  - [education, Education]', '  - [education, Education]\n  - [hobbies, Hobbies]') +
      'hobbies:\n  - Chess\n';
    const lenient = await buildIn({ 'cv.yaml': yaml });
    expect(lenient.code).toBe(0);
    expect(located(lenient.stderr, /section `hobbies` has no known type/)).toMatchObject({
      line: 11,
      column: 1,
      severity: 'warning',
    });
    expect(lenient.written).toEqual(['cv.md']);
    const strict = await buildIn({ 'cv.yaml': yaml }, ['--strict']);
    expect(strict.code).toBe(1);
    expect(strict.written).toEqual([]);
  });

  it('an order entry naming a missing key', async () => {
    const r = await buildIn({
      'cv.yaml': VALID.replace(
        '  - [education, Education]',
        '  - [education, Education]\n  - [educaton, Schools]',
      ),
    });
    expect(r.code).toBe(1);
    expect(located(r.stderr, /`order` names section `educaton`/)).toMatchObject({ line: 6, column: 6 });
    expect(r.stderr).toContain('did you mean `education`?');
    expect(r.written).toEqual([]);
  });

  it('reports all problems of a run together', async () => {
    const r = await buildIn({
      'cv.yaml': VALID.replace('location: London', 'loaction: London').replace(
        '  - [education, Education]',
        '  - [education, Education]\n  - [nope, X]',
      ),
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('unknown key `loaction`');
    expect(r.stderr).toContain('names section `nope`');
    expect(r.stderr).toMatch(/2 errors, \d+ warnings?/);
  });
});

describe('usage errors', () => {
  it('exits 2 for an unknown target, option or command', async () => {
    const target = await runCli(['build', 'cv.yaml', '--only', 'md,pfd']);
    expect(target.code).toBe(2);
    expect(target.stderr).toContain('unknown target `pfd`');
    expect(target.stderr).toContain('did you mean `pdf`?');
    expect((await runCli(['build', '--frobnicate'])).code).toBe(2);
    expect((await runCli(['biuld'])).code).toBe(2);
    expect((await runCli(['build', '--date', 'yesterday'])).code).toBe(2);
  });

  it('prints help and version with exit 0', async () => {
    const help = await runCli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('build');
    const version = await runCli(['--version']);
    expect(version.code).toBe(0);
    expect(version.stdout).toMatch(/^\d+\.\d+\.\d+/);
  });
});

describe('markup problems', () => {
  it('point at the character inside the value, in plain and quoted scalars', async () => {
    const yaml = `${VALID}    details:\n      - plain \\frobnicate text\n      - "quoted \\\\bogus{x} and more"\n`;
    const r = await buildIn({ 'cv.yaml': yaml });
    expect(r.code).toBe(0);
    expect(located(r.stderr, /unknown LaTeX command `\\frobnicate`/)).toMatchObject({ line: 11, column: 15 });
    expect(located(r.stderr, /unknown LaTeX command `\\bogus`/)).toMatchObject({ line: 12, column: 17 });
  });
});
