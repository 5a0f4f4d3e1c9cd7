/**
 * Every input path's wrong inputs: each gives its diagnostic at the right file:line:col, a non-zero exit,
 * and nothing written.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
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

  it('a wrong type: the section is rendered generically, with warnings at the place', async () => {
    const yaml = VALID.replace('dates: 1840--1843', 'dates: {from: 1840}');
    const r = await buildIn({ 'cv.yaml': yaml });
    expect(r.code).toBe(0);
    expect(located(r.stderr, /`education\[0\]\.dates`: expected text/)).toMatchObject({
      line: 9,
      column: 12,
      severity: 'warning',
    });
    expect(r.stderr).toContain('got a mapping');
    expect(located(r.stderr, /section `education` does not have the shape/)).toMatchObject({
      line: 6,
      column: 1,
      severity: 'warning',
    });
    expect(r.written).toEqual(['cv.md']);
    const md = readFileSync(path.join(r.dir, 'out', 'cv.md'), 'utf8');
    expect(md).toContain('University of London');
    expect(md).toContain('1840');
    const strict = await buildIn({ 'cv.yaml': yaml }, ['--strict']);
    expect(strict.code).toBe(1);
    expect(strict.written).toEqual([]);
  });

  it('a list of words where text is expected: converted with a warning, an error under --strict', async () => {
    const yaml = VALID.replace('dates: 1840--1843', 'dates: [1840, 1843]');
    const r = await buildIn({ 'cv.yaml': yaml });
    expect(r.code).toBe(0);
    expect(located(r.stderr, /`education\[0\]\.dates`: expected text, got a list/)).toMatchObject({
      line: 9,
      column: 12,
      severity: 'warning',
    });
    expect(readFileSync(path.join(r.dir, 'out', 'cv.md'), 'utf8')).toContain('1840, 1843');
    const strict = await buildIn({ 'cv.yaml': yaml }, ['--strict']);
    expect(strict.code).toBe(1);
  });

  it('a whole section of the wrong type', async () => {
    const r = await buildIn({ 'cv.yaml': VALID.replace(/education:\n[\s\S]*$/, 'education: Oxford\n') });
    expect(r.code).toBe(0);
    expect(located(r.stderr, /`education`: expected a list, got text "Oxford"/)).toMatchObject({
      line: 6,
      column: 12,
      severity: 'warning',
    });
    expect(readFileSync(path.join(r.dir, 'out', 'cv.md'), 'utf8')).toContain('Oxford');
  });

  it('an unknown key, with a suggestion: a warning, its value shown; an error under --strict', async () => {
    const yaml = VALID.replace('location: London', 'loaction: London');
    const r = await buildIn({ 'cv.yaml': yaml });
    expect(r.code).toBe(0);
    expect(located(r.stderr, /unknown key `loaction`/)).toMatchObject({
      line: 8,
      column: 5,
      severity: 'warning',
    });
    expect(r.stderr).toContain('did you mean `location`?');
    expect(r.stderr).toMatch(/> +8 \| {5}loaction: London\n +\| +\^/);
    expect(readFileSync(path.join(r.dir, 'out', 'cv.md'), 'utf8')).toContain('loaction: London');
    const strict = await buildIn({ 'cv.yaml': yaml }, ['--strict']);
    expect(strict.code).toBe(1);
    expect(strict.written).toEqual([]);
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

  it('an order entry naming a missing key: skipped with a warning', async () => {
    const r = await buildIn({
      'cv.yaml': VALID.replace(
        '  - [education, Education]',
        '  - [education, Education]\n  - [educaton, Schools]',
      ),
    });
    expect(r.code).toBe(0);
    expect(located(r.stderr, /`order` names section `educaton`/)).toMatchObject({
      line: 6,
      column: 6,
      severity: 'warning',
    });
    expect(r.stderr).toContain('did you mean `education`?');
    expect(r.written).toEqual(['cv.md']);
  });

  it('reports all problems of a run together', async () => {
    const r = await buildIn({
      'cv.yaml': VALID.replace('location: London', 'loaction: London')
        .replace('dates: 1840--1843', 'dates: {from: 1840}')
        .replace('  - [education, Education]', '  - [education, Education]\n  - [nope, X]'),
    });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('unknown key `loaction`');
    expect(r.stderr).toContain('`education[0].dates`: expected text');
    expect(r.stderr).toContain('names section `nope`');
    expect(r.stderr).toContain('section `education` does not have the shape');
    expect(r.stderr).toMatch(/\b4 warnings\b/);
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

describe('output problems', () => {
  it('a folder where an output file goes: exit 1, nothing replaced, no temporary files left', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'cv.yaml'), VALID);
    const out = path.join(dir, 'out');
    mkdirSync(path.join(out, 'index.html'), { recursive: true });
    writeFileSync(path.join(out, 'cv.md'), 'old');
    const r = await runCli(['build', 'cv.yaml', '--out', out, '--only', 'md,html', '--offline'], {
      cwd: dir,
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('a folder of that name is in the way');
    expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
    expect(readFileSync(path.join(out, 'cv.md'), 'utf8')).toBe('old');
    expect(readdirSync(out).sort()).toEqual(['cv.md', 'index.html']);
  });

  it('an output folder that is a file: exit 1 without a stack trace', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'cv.yaml'), VALID);
    writeFileSync(path.join(dir, 'afile'), 'x');
    const r = await runCli(['build', 'cv.yaml', '--out', 'afile', '--only', 'md', '--offline'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/error: cannot write into/);
    expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
  });

  it('an --html-name that is not a plain file name is a usage error', async () => {
    for (const name of ['', '../evil.html', 'a/b.html', '..']) {
      const r = await runCli(['build', 'cv.yaml', '--only', 'html', '--html-name', name]);
      expect(r.code, name).toBe(2);
      expect(r.stderr).toContain('--html-name');
    }
  });

  it('refuses to overwrite an input file', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'cv.yaml'), VALID);
    const r = await runCli(
      ['build', 'cv.yaml', '--out', '.', '--only', 'html', '--html-name', 'cv.yaml', '--offline'],
      { cwd: dir },
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('would overwrite the input');
    expect(readFileSync(path.join(dir, 'cv.yaml'), 'utf8')).toBe(VALID);
  });
});

describe('top-level values', () => {
  it('one wrong value is reported alone: the rest of the file still counts', async () => {
    const r = await buildIn({ 'cv.yaml': VALID.replace('order:', 'paper: a3\norder:') });
    expect(r.code).toBe(1);
    expect(located(r.stderr, /`paper`: expected one of/)).toMatchObject({ line: 4, column: 8 });
    expect(r.stderr).not.toContain('no `name:` given');
    expect(r.stderr).toMatch(/1 error, 0 warnings/);
  });

  it('unsafe top-level links are warned about at their place and dropped', async () => {
    const r = await buildIn({ 'cv.yaml': `url: "javascript:alert(1)"\n${VALID}` });
    expect(r.code).toBe(0);
    expect(located(r.stderr, /`url`: the URL `javascript:alert\(1\)` is not linked/)).toMatchObject({
      line: 1,
      column: 6,
    });
  });
});

describe('the Jekyll page', () => {
  it('reads Markdown links but never links javascript:, and keeps attribute syntax as text (kramdown)', async () => {
    const yaml = VALID.replace(
      '  - [education, Education]',
      '  - [education, "[click](javascript:alert(9))"]',
    ).replace(
      'dates: 1840--1843',
      'dates: 1840--1843\n    details: ["[x](javascript:alert(16)) *y*\\\\{: onclick=\\"alert(1)\\"\\\\}"]',
    );
    const r = await buildIn({ 'cv.yaml': yaml });
    expect(r.code, r.stderr).toBe(0);
    const md = readFileSync(path.join(r.dir, 'out/cv.md'), 'utf8');
    // A Markdown link is a link like `\\href`: an unsafe URL loses the link and keeps its text.
    expect(md).toMatch(/^## .*click\n/m);
    expect(md).toContain('x *y*\\{: onclick="alert(1)"\\}');
    expect(md).not.toContain('javascript');
  });
});

describe('hostile YAML', () => {
  it('an alias bomb is refused at the alias, not expanded', async () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      levels.push(`${name}: &${name} [${Array(10).fill(`*${prev}`).join(', ')}]`);
    }
    const r = await buildIn({ 'cv.yaml': `${levels.join('\n')}\n${VALID}` });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/cv\.yaml:\d+:\d+: error: .*expands (to )?more than [\d,]+ (values|aliases)/);
    expect(r.written).toEqual([]);
  });
});
