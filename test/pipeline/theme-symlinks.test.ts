import { existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { useTempDirs } from '../helpers/temp-dir.js';

const tempDir = useTempDirs();

describe('a link in the theme folder, through the CLI', () => {
  it('is a warning at the `theme:` line of cv.yaml, and the theme cannot read it', async () => {
    const dir = tempDir();
    const outside = tempDir();
    writeFileSync(path.join(outside, 'secret.txt'), 'SECRET-OUTSIDE');
    mkdirSync(path.join(dir, 'theme'));
    writeFileSync(path.join(dir, 'theme', 'mine.typ'), '#let render(data) = read("leak.txt")\n');
    symlinkSync(path.join(outside, 'secret.txt'), path.join(dir, 'theme', 'leak.txt'));
    writeFileSync(path.join(dir, 'cv.yaml'), 'name: Ada Lovelace\ntheme: theme/mine.typ\n');
    const out = path.join(dir, 'out');
    const run = await runCli(['build', 'cv.yaml', '--out', out, '--only', 'pdf', '--offline'], { cwd: dir });
    expect(run.stderr).toContain('theme-link-outside');
    expect(run.stderr).toMatch(/cv\.yaml:2:8: warning/);
    expect(run.stderr).toContain(path.join(outside, 'secret.txt'));
    expect(run.stderr).toContain('file not found');
    expect(existsSync(path.join(out, 'cv.pdf'))).toBe(false);
  });
});
